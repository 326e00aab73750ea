import MarkdownIt from 'markdown-it';
import { computeLineStarts } from './span';
import { htmlReader, type HtmlRead } from './html-reader';

/**
 * The text a reader sees of an article file, as a string exactly as long as the file, so that every
 * offset into it is an offset into the file: what the reader does not see (markup, code, front matter
 * syntax, boilerplate) is spaces, and a line break inside a paragraph is a space too. Line breaks that
 * end a paragraph, a heading or a list item stay where they are.
 *
 *   "The ferry left\nat noon.\n\nIt was late."  ->  "The ferry left at noon.\n\nIt was late."
 *   "Says [Ana Rell](https://e.example/ar)."     ->  "Says  Ana Rell                        ."
 */
export type ArticleFormat = 'text' | 'markdown' | 'html';

/** The format of a file by its name: `.md`/`.markdown` Markdown, `.html`/`.htm` HTML, anything else text. */
export function formatOf(name: string): ArticleFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return 'text';
}

/**
 * Plain text: a line break inside a hard-wrapped paragraph is a space (text wrapped at 72 columns reads as
 * its paragraphs); a blank line ends a paragraph. "\r\n" becomes two spaces.
 *
 * A break is the wrapper's when the next line's first word would not have fitted on the line: a wrapper
 * at width W breaks "The ferry left" / "Kellin at noon" only because "Kellin" overflows W, and W is at least
 * the longest line. A text whose lines run past WRAP_LIMIT is not hard-wrapped: there every line is a
 * paragraph ("Ferry strike ends" above "The strike at Kellin ended on Monday." stays a headline).
 */
export function plainReader(text: string, from = 0): string {
  const width = wrapWidth(text, from);
  if (width === 0) return text;
  const parts: string[] = [text.slice(0, from)];
  let last = from;
  const re = /\r\n|\n|\r/g;
  re.lastIndex = from;
  let lineStart = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const lineLength = trimmedLength(text, lineStart, m.index);
    const next = firstWordLength(text, end);
    if (lineLength > 0 && next > 0 && lineLength + 1 + next > width && !opensOwnLine(text, end) && !opensOwnLine(text, lineStart)) {
      parts.push(text.slice(last, m.index), ' '.repeat(m[0].length));
      last = end;
    }
    lineStart = end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Lines longer than this are paragraphs of their own, not a wrapper's lines. */
const WRAP_LIMIT = 150;

/** The longest line of several words from `from` on (the width the text was wrapped at), or 0 past WRAP_LIMIT. */
function wrapWidth(text: string, from: number): number {
  let width = 0;
  let lineStart = from;
  for (let i = from; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i < text.length && ch !== 10 && ch !== 13) continue;
    const line = text.slice(lineStart, i).trimEnd();
    // One long word (a link) says nothing of the width.
    if (/\S\s+\S/.test(line)) width = Math.max(width, line.length);
    if (width > WRAP_LIMIT) return 0;
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return width;
}

function trimmedLength(text: string, from: number, to: number): number {
  return text.slice(from, to).trimEnd().length;
}

/** The length of the first word of the line starting at `at`, 0 for a blank line. */
function firstWordLength(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let j = i;
  while (j < text.length && !/\s/.test(text[j])) j++;
  return j - i;
}

// "— Jane Roe (@janeroe) March 3, 2024" under an embedded post names its author: it keeps its own line
// even right under the post's words and right above the next paragraph, as extract/quotes reads it there.
const POST_BYLINE_Y = /[ \t]*[\u2014\u2013]{1,2}[ \t]*[^\n\r(]{1,120}?[ \t]*\(@[A-Za-z0-9_]{1,30}\)/y;

/** Whether the line starting at `at` stays a line of its own (a post's byline) rather than going on a paragraph. */
function opensOwnLine(text: string, at: number): boolean {
  POST_BYLINE_Y.lastIndex = at;
  return POST_BYLINE_Y.test(text);
}

type Token = MarkdownIt.Token;

let MD: MarkdownIt.MarkdownIt | undefined;

/** CommonMark with tables and strikethrough, raw HTML recognized (and dropped), no typographic rewriting. */
function markdownParser(): MarkdownIt.MarkdownIt {
  if (MD) return MD;
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Escapes and entities stay tokens of their own, so that each maps back to its own characters.
  md.core.ruler.disable('text_join');
  return (MD = md);
}

/**
 * Markdown from `from` on (after front matter), parsed by markdown-it: the text of headings, paragraphs,
 * list items, block quotes and table cells, with link text kept and link targets, emphasis markers,
 * images, raw HTML, code blocks and reference definitions dropped.
 * "> **Ana Rell** said\n> no." reads "    Ana Rell   said   no." (the quote markers and stars are spaces).
 */
export function markdownReader(text: string, from = 0): string {
  const body = text.slice(from);
  const out = blankKeepingBreaks(body);
  const lineStarts = computeLineStarts(body);
  const lineCursor = new Map<number, number>();
  // A table cell's inline token has no line map of its own: it is on the line of its row.
  let line = 0;
  for (const token of markdownParser().parse(body, {})) {
    if (token.map) line = token.map[0];
    if (token.type !== 'inline') continue;
    const pos = alignContent(body, lineStarts, token.content, line, lineCursor);
    renderInline(body, out, token.content, pos, token.children ?? []);
  }
  return text.slice(0, from) + out.join('');
}

/** Every character a space, except the line breaks. */
function blankKeepingBreaks(s: string): string[] {
  const out = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    out[i] = ch === '\n' || ch === '\r' ? ch : ' ';
  }
  return out;
}

/**
 * The source offset of every character of an inline token's `content`. Its lines are the source lines
 * from `firstLine` on, each without its block prefix ("> ", "- ", indentation), found left to right
 * (table cells share a line, hence the cursor per line). -1 where a line cannot be found (a tab the
 * parser widened to spaces): its characters are left out.
 */
function alignContent(body: string, lineStarts: readonly number[], content: string, firstLine: number, lineCursor: Map<number, number>): Int32Array {
  const pos = new Int32Array(content.length).fill(-1);
  let j = 0;
  let line = firstLine;
  for (const part of content.split('\n')) {
    const lineStart = lineStarts[line] ?? body.length;
    const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : body.length;
    const from = lineCursor.get(line) ?? lineStart;
    const at = part.length ? body.slice(0, lineEnd).indexOf(part, from) : from;
    if (at >= 0) {
      for (let k = 0; k < part.length; k++) pos[j + k] = at + k;
      lineCursor.set(line, at + part.length);
      // The line break after this line, where the content goes on.
      let br = at + part.length;
      while (br < lineEnd && body[br] !== '\n' && body[br] !== '\r') br++;
      if (j + part.length < content.length && br < lineEnd) pos[j + part.length] = br;
    }
    j += part.length + 1;
    line++;
  }
  return pos;
}

/** Copies the characters a reader sees of one inline token into `out`, by walking its children in order. */
function renderInline(body: string, out: string[], content: string, pos: Int32Array, children: readonly Token[]): void {
  let c = 0;
  const softBreaks: number[] = [];
  const show = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (pos[k] >= 0) out[pos[k]] = body[pos[k]];
  };
  for (let i = 0; i < children.length; i++) {
    const t = children[i];
    switch (t.type) {
      case 'text':
      case 'code_inline': {
        const at = t.content ? content.indexOf(t.content, c) : -1;
        if (at >= 0) {
          show(at, at + t.content.length);
          c = at + t.content.length;
        }
        break;
      }
      case 'text_special': {
        // "\*" shows "*" where the star is; "&amp;" shows "&" where the entity starts.
        const at = content.indexOf(t.markup, c);
        if (at < 0) break;
        const first = t.info === 'escape' ? at + t.markup.length - t.content.length : at;
        for (let k = 0; k < t.content.length; k++) if (pos[first + k] >= 0) out[pos[first + k]] = t.content[k];
        c = at + t.markup.length;
        break;
      }
      case 'softbreak': {
        const at = content.indexOf('\n', c);
        if (at < 0) break;
        const p = pos[at];
        if (p >= 0) {
          out[p] = ' ';
          if (body[p] === '\r' && body[p + 1] === '\n') out[p + 1] = ' ';
          softBreaks.push(at);
        }
        c = at + 1;
        break;
      }
      case 'hardbreak': {
        const at = content.indexOf('\n', c);
        if (at >= 0) c = at + 1;
        break;
      }
      case 'html_inline': {
        const at = content.indexOf(t.content, c);
        if (at >= 0) c = at + t.content.length;
        break;
      }
      case 'image': {
        // "![Pier at dawn](p.jpg)": neither the alt text nor the target is text a reader sees.
        const at = content.indexOf('![', c);
        if (at < 0) break;
        const close = closingBracket(content, at + 2);
        c = close > at + 2 ? skipTarget(content, close) : at + 2;
        break;
      }
      case 'link_close': {
        // "<https://e.example>" ends at its ">"; "[**Ana Rell**](u)" at the "]" after the closing stars.
        const close = content.indexOf(t.markup === 'autolink' ? '>' : ']', c);
        if (close >= 0) c = t.markup === 'autolink' ? close + 1 : skipTarget(content, close + 1);
        break;
      }
      default:
        break; // emphasis, strikethrough and link openers: their markers are not text
    }
  }
  // A post's byline keeps its line, judged on the text as rendered: "— [Jane Roe](u) (@janeroe)" reads
  // "—  Jane Roe     (@janeroe)" only once the link's target is gone.
  const rendered = (from: number, to: number) => {
    const a = pos[from];
    let b = -1;
    for (let k = to - 1; k >= from && b < 0; k--) b = pos[k];
    return a >= 0 && b >= a ? out.slice(a, b + 1).join('') : '';
  };
  for (const at of softBreaks) {
    const prevStart = content.lastIndexOf('\n', at - 1) + 1;
    let nextEnd = content.indexOf('\n', at + 1);
    if (nextEnd < 0) nextEnd = content.length;
    if (opensOwnLine(rendered(at + 1, nextEnd), 0) || opensOwnLine(rendered(prevStart, at), 0)) {
      const p = pos[at];
      out[p] = body[p];
      if (body[p] === '\r' && body[p + 1] === '\n') out[p + 1] = '\n';
    }
  }
}

/** Just after the "]" that closes a "[" before `from` (nested brackets counted), or `from` when none. */
function closingBracket(content: string, from: number): number {
  let depth = 0;
  for (let k = from; k < content.length; k++) {
    const ch = content[k];
    if (ch === '\\') k++;
    else if (ch === '[') depth++;
    else if (ch === ']') {
      if (depth === 0) return k + 1;
      depth--;
    }
  }
  return from;
}

/** Past a link's target that starts at `at`, just after its "]": "(https://e.example/a (b))", "[ref]" or nothing. */
function skipTarget(content: string, at: number): number {
  if (content[at] === '(') {
    let depth = 0;
    for (let k = at; k < content.length; k++) {
      const ch = content[k];
      if (ch === '\\') k++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return k + 1;
    }
    return at;
  }
  if (content[at] === '[') {
    const close = content.indexOf(']', at);
    return close >= 0 ? close + 1 : at;
  }
  return at;
}

/** The reader's text of a file named `name` (its extension tells the format), body from `bodyStart`. */
export function readerFor(name: string, text: string, bodyStart: number): string {
  return readFile(name, text, bodyStart).reader;
}

/** The reader's text, and for an HTML page what it says of itself (title, site name, day published). */
export function readFile(name: string, text: string, bodyStart: number): HtmlRead {
  switch (formatOf(name)) {
    case 'markdown':
      return { reader: markdownReader(text, bodyStart), meta: {} };
    case 'html':
      return htmlReader(text);
    default:
      return { reader: plainReader(text, bodyStart), meta: {} };
  }
}
