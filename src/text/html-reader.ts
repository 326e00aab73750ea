import { parse } from 'parse5';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

/**
 * The text a reader sees of an HTML page, at the page's own offsets (see text/reader.ts): the main
 * article, as Firefox's reader view finds it (@mozilla/readability, on a DOM built here from parse5's
 * tree, so that every text node keeps where it came from). Navigation, share bars, related links,
 * scripts, styles and comments are spaces; each block element (paragraph, heading, list item) is a
 * paragraph of its own; entities read as the character they stand for, at the entity's first offset.
 *
 *   `<nav>Home</nav><article><p>Ships&nbsp;left.</p></article>` reads, offset for offset,
 *   `              \n\n  Ships left.    \n\n  ` (with the menu gone and "&nbsp;" one space).
 */

/** What the page says of itself, for the article's metadata. */
export interface HtmlMeta {
  title?: string;
  outlet?: string;
  published?: string;
}

export interface HtmlRead {
  reader: string;
  meta: HtmlMeta;
}

// Elements whose start and end break the text into paragraphs.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'td', 'th', 'tr', 'ul',
]);
// Never text: their content is code, styling or a fallback, and other vocabularies (SVG, MathML) are drawings.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);

interface P5Location {
  startOffset: number;
  endOffset: number;
  startTag?: { startOffset: number; endOffset: number };
  endTag?: { startOffset: number; endOffset: number };
}
interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  sourceCodeLocation?: P5Location | null;
}

/** A text node's place in the page, and its text as the parser decoded it. */
interface Origin {
  start: number;
  end: number;
  value: string;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument {
  head: { appendChild(n: unknown): unknown };
  body: { appendChild(n: unknown): unknown };
  createElement(name: string): { setAttribute(n: string, v: string): void; appendChild(n: unknown): unknown };
  createTextNode(data: string): unknown;
}

interface Found {
  content?: unknown;
  title?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}
/** Readability as used here: on linkedom's document (its types name the browser's DOM, not in this build). */
type ReadabilityOnDom = new (doc: unknown, options: { serializer: (el: unknown) => unknown }) => { parse(): Found | null };

export function htmlReader(text: string): HtmlRead {
  const out = new Array<string>(text.length).fill(' ');
  const tree = parse(text, { sourceCodeLocationInfo: true }) as unknown as P5Node;
  // Paragraph breaks where the page's block elements open and close (in their tags, which are spaces).
  markBlocks(tree, out);
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>') as unknown as { document: DomDocument };
  const origin = new Map<unknown, Origin>();
  const html = (tree.childNodes ?? []).find((n) => n.nodeName === 'html');
  for (const part of html?.childNodes ?? []) {
    const into = part.nodeName === 'head' ? document.head : part.nodeName === 'body' ? document.body : undefined;
    if (!into) continue;
    for (const child of part.childNodes ?? []) {
      const made = build(child, document, origin, part.nodeName === 'head');
      if (made) into.appendChild(made);
    }
  }
  let found: Found | null = null;
  try {
    // The content handed back as the element itself, not as HTML: its text nodes are the ones built here.
    found = new (Readability as unknown as ReadabilityOnDom)(document, { serializer: (el: unknown) => el }).parse();
  } catch {
    found = null;
  }
  // Without an article found, the whole body is the text.
  const root = (found?.content ?? document.body) as unknown as DomNode;
  for (const from of originsOf(root, origin)) place(text, from, out);
  const meta: HtmlMeta = {};
  if (found?.title) meta.title = found.title.trim();
  if (found?.siteName) meta.outlet = found.siteName.trim();
  const day = found?.publishedTime ? /^\d{4}-\d{2}-\d{2}/.exec(found.publishedTime.trim()) : null;
  if (day) meta.published = day[0];
  return { reader: out.join(''), meta };
}

/** The DOM node for a parse5 node (null for comments, doctype and what is never text), children and all. */
function build(n: P5Node, document: DomDocument, origin: Map<unknown, Origin>, inHead: boolean): unknown {
  if (n.nodeName === '#text') {
    const node = document.createTextNode(n.value ?? '');
    const loc = n.sourceCodeLocation;
    // Text in the head (a title) is metadata: it is given to the DOM for Readability, never to the reader.
    if (loc && !inHead) origin.set(node, { start: loc.startOffset, end: loc.endOffset, value: n.value ?? '' });
    return node;
  }
  if (!n.tagName || n.nodeName.startsWith('#')) return null;
  if (SKIPPED.has(n.tagName)) return null;
  let el;
  try {
    el = document.createElement(n.tagName);
  } catch {
    return null;
  }
  for (const a of n.attrs ?? []) {
    try {
      el.setAttribute(a.name, a.value);
    } catch {
      // an attribute name the DOM refuses ("<p 1=x>") is left out
    }
  }
  for (const c of n.childNodes ?? []) {
    const made = build(c, document, origin, inHead);
    if (made) el.appendChild(made);
  }
  return el;
}

/**
 * Where each text node of `root` comes from, in order. A node built here is known by itself; one that
 * Readability made anew (it parses its saved copy of the page again before a second try) is the next
 * node built here, in page order, with the same text.
 */
function originsOf(root: DomNode, origin: Map<unknown, Origin>): Origin[] {
  const built = [...origin.keys()];
  const index = new Map(built.map((n, i) => [n, i]));
  const out: Origin[] = [];
  let next = 0;
  for (const node of textNodes(root)) {
    let i = index.get(node);
    if (i === undefined) {
      const data = (node as unknown as { data?: string }).data ?? '';
      if (!data.trim()) continue;
      for (let j = next; j < built.length && i === undefined; j++) if (origin.get(built[j])?.value === data) i = j;
      if (i === undefined) continue;
    }
    out.push(origin.get(built[i]) as Origin);
    next = i + 1;
  }
  return out;
}

function markBlocks(n: P5Node, out: string[]): void {
  const loc = n.sourceCodeLocation;
  // "<br>" is a line break (a new sentence), two of them a blank line; "<p>" a paragraph.
  if (n.tagName === 'br' && loc) out[loc.startOffset] = '\n';
  else if (n.tagName && BLOCKS.has(n.tagName) && loc) {
    if (loc.startTag) breakAt(out, loc.startTag.startOffset, loc.startTag.endOffset);
    if (loc.endTag) breakAt(out, loc.endTag.startOffset, loc.endTag.endOffset);
  }
  for (const c of n.childNodes ?? []) markBlocks(c, out);
}

/** "\n\n" at the start of a tag `<p>` (three characters at least: "<p>", "<br"): a blank line in the reader. */
function breakAt(out: string[], start: number, end: number): void {
  if (end - start >= 2) {
    out[start] = '\n';
    out[start + 1] = '\n';
  }
}

function* textNodes(n: DomNode): Generator<DomNode> {
  if (n.nodeType === 3) {
    yield n;
    return;
  }
  const kids = n.childNodes;
  for (let i = 0; i < kids.length; i++) yield* textNodes(kids[i]);
}

/**
 * Copies a text node's decoded characters to the offsets they come from: "Ships&nbsp;left" gives
 * "Ships" at its own offsets, a space where "&" is (the rest of the entity spaces), "left" at its own.
 * White space reads as a space (HTML folds it). "\r\n" in the page is one "\n" in the node.
 */
function place(text: string, from: Origin, out: string[]): void {
  const v = from.value;
  let k = from.start;
  for (let i = 0; i < v.length && k < from.end; ) {
    const ch = v[i];
    const entity = text[k] === '&' ? entityAt(text, k, v, i) : 0;
    if (entity) {
      const units = i + 1 < v.length && isHighSurrogate(v.charCodeAt(i)) ? 2 : 1;
      for (let u = 0; u < units; u++) out[k + u] = isSpace(v[i + u]) ? ' ' : v[i + u];
      k += entity;
      i += units;
    } else if (text[k] === ch) {
      out[k] = isSpace(ch) ? ' ' : ch;
      k++;
      i++;
    } else if (text[k] === '\r' && ch === '\n') {
      k += text[k + 1] === '\n' ? 2 : 1;
      i++;
    } else {
      // A character the parser replaced (NUL as U+FFFD): the page's character stays a space.
      k++;
      i++;
    }
  }
}

/**
 * The length of the character reference at `text[k]` that the parser decoded into `v[i]`, or 0 for a
 * "&" that is itself ("AT&T", "&foo;" that names nothing): "&amp;" is one when what follows it in the page
 * is what follows "&" in the node.
 */
function entityAt(text: string, k: number, v: string, i: number): number {
  const m = /^&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/.exec(text.slice(k, k + 40));
  if (!m) return 0;
  const units = i + 1 < v.length && isHighSurrogate(v.charCodeAt(i)) ? 2 : 1;
  const after = text[k + m[0].length];
  const next = v[i + units];
  if (next === undefined || after === next || after === '&' || (after === '\r' && next === '\n')) return m[0].length;
  return 0;
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
