import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { diffWords } from 'diff';
import type { Article, ClaimRef, Finding, Verdict } from '../types';
import type { Report } from './json';
import type { Decision, Decisions, DecisionStatus, ReviewedFinding } from './decisions';
import { DECISION_STATUSES } from './decisions';
import { splitSentences } from '../lang/sentences';
import { STYLE } from './html/style';
import { CLIENT_SCRIPT } from './html/client';
import { oddOnesOut, quoteDiff, reasonOf, sourcesOfReading, summaryLine, titleOf, TYPOGRAPHY_NOTE, valueOf, wordsDiffer, type SourceTally } from './present';

/**
 * The HTML report: one self-contained page (inline CSS and script, nothing fetched), a summary with a
 * chart of conflicts per source, then one card per finding, conflicts first. Every string that comes from
 * an article, a claims file or a rule goes through `escapeHtml`; the only script is ours, allowed by hash.
 */

export interface HtmlOptions {
  /** Articles by id, for the sentence around each claim. Without them a claim shows its own words only. */
  articles?: ReadonlyMap<string, Article>;
  /** Review mode (the `review` server): a form per finding, posting with this token. */
  review?: { token: string; decisions: Decisions };
  /** Agreements as full cards (`--show agreements`); otherwise one line each, folded away. */
  showAgreements?: boolean;
}

/** Claims shown in their sentence per reading; the others are named (outlet and place) in one line. */
export const SENTENCES_PER_READING = 3;
/** Full cards a page shows; past this many the cards after the first page travel as data. */
export const PAGE_SIZE = 100;
/** One-line agreements written into the page; past this many they travel as data too. */
export const LINES_INLINE = 2000;
/** Outlets the chart draws one bar each; past this, the outlets that stand apart least share one bar. */
export const CHART_ROWS = 20;

const VERDICTS: Verdict[] = ['conflict', 'variant', 'agree'];
const VERDICT_LABEL: Record<Verdict, string> = { conflict: 'Conflict', variant: 'Variant', agree: 'Agreement' };
const VERDICT_PLURAL: Record<Verdict, string> = { conflict: 'Conflicts', variant: 'Variants', agree: 'Agreements' };
const DECISION_LABEL: Record<DecisionStatus, string> = {
  accepted: 'accepted',
  rejected: 'rejected (false alarm)',
  'needs-correction': 'needs correction',
};
const DECISION_CHOICE: Record<DecisionStatus, string> = {
  accepted: 'Accept',
  rejected: 'Reject (false alarm)',
  'needs-correction': 'Needs correction',
};

/** Text safe inside an element or a quoted attribute: `<img onerror=x>` -> `&lt;img onerror=x&gt;`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function sha256Base64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

const STYLE_HASH = sha256Base64(STYLE);
const SCRIPT_HASH = sha256Base64(CLIENT_SCRIPT);

/**
 * The page's Content-Security-Policy: nothing may load; only our own style and script run (by hash);
 * the review page may talk to its own server.
 */
export function contentSecurityPolicy(review: boolean): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${SCRIPT_HASH}'`,
    `style-src 'sha256-${STYLE_HASH}'`,
    "img-src 'none'",
    `connect-src ${review ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A claim in its sentence: the words before, the claim's own words, the words after. */
export interface InSentence {
  before: string;
  text: string;
  after: string;
}

/**
 * The sentence (or sentences) around a claim, cut to about `max` characters each side with "…".
 * Null when the article text is not at hand or does not hold the claim's words at its offsets.
 */
export function claimInSentence(article: Article | undefined, ref: ClaimRef, max = 180): InSentence | null {
  if (!article || !ref.text || article.text.slice(ref.start, ref.end) !== ref.text) return null;
  const sentences = article.sentences.length ? article.sentences : splitSentences(article.reader ?? article.text, article.bodyStart);
  let from = ref.start;
  let to = ref.end;
  for (const s of sentences) {
    if (s.start <= ref.start && ref.start < s.end) from = Math.min(from, s.start);
    if (s.start < ref.end && ref.end <= s.end) to = Math.max(to, s.end);
  }
  // Shown as a reader sees it: from the reader's text (no markup), each run of spaces one space.
  const seen = (a: number, b: number) => (article.reader ?? article.text).slice(a, b).replace(/\s{2,}/g, ' ');
  let before = seen(from, ref.start);
  let after = seen(ref.end, to);
  if (before.length > max) {
    const cut = before.slice(before.length - max);
    before = '…' + cut.slice(Math.max(0, cut.search(/\s/) + 1));
  }
  if (after.length > max) {
    const cut = after.slice(0, max);
    const space = cut.lastIndexOf(' ');
    after = (space > max / 2 ? cut.slice(0, space) : cut) + '…';
  }
  return { before, text: seen(ref.start, ref.end).trim() || ref.text, after };
}

/** The quoted words of a reading: its value's `words` when given, else the first claim without quote marks. */
export function quoteWords(reading: Finding['readings'][number]): string {
  const v = reading.value as { words?: unknown } | null;
  if (v && typeof v === 'object' && typeof v.words === 'string') return v.words;
  const text = reading.claims[0]?.text ?? reading.display;
  return text.replace(/^[\s"'“”‘’«»„]+|[\s"'“”‘’«»„]+$/g, '');
}

/** A word-level diff from `a` to `b`: runs of kept, removed and added text. */
export function wordDiff(a: string, b: string): { op: 'same' | 'del' | 'ins'; text: string }[] {
  return diffWords(a, b).map((part) => ({ op: part.added ? 'ins' : part.removed ? 'del' : 'same', text: part.value }));
}

/** Findings in report order, conflicts first, then variants, then agreements. */
export function orderFindings<F extends Finding>(findings: readonly F[]): F[] {
  return VERDICTS.flatMap((v) => findings.filter((f) => f.verdict === v));
}

/** Sources of a finding, in order of first appearance. */
function sourcesOf(f: Finding): string[] {
  const seen = new Set<string>();
  for (const r of f.readings) for (const c of r.claims) seen.add(c.source);
  return [...seen];
}

/** A link target only when it is plainly http(s): a `javascript:` URL stays text. */
function safeUrl(url: string | undefined): string | null {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

/** Renders the report as one HTML page. The same report and options give the same bytes. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const review = options.review;
  const articles = options.articles ?? new Map<string, Article>();
  // Sources are grouped by outlet: the chart and the source filter have one entry per outlet, however
  // many of its articles the report holds. An article without an outlet is its own.
  const outletOf = new Map<string, string>();
  for (const a of report.articles) outletOf.set(a.id, a.outlet || a.id);
  // Sources named in findings but missing from the article list still get an entry (hand-made reports).
  for (const f of report.findings) for (const id of sourcesOf(f)) if (!outletOf.has(id)) outletOf.set(id, id);
  const outletIndex = new Map<string, number>();
  for (const o of outletOf.values()) if (!outletIndex.has(o)) outletIndex.set(o, outletIndex.size);
  const sourceIndex = new Map([...outletOf].map(([id, o]) => [id, outletIndex.get(o) as number]));
  const name = (id: string) => outletOf.get(id) ?? id;
  const decisionOf = (f: Finding): Decision | undefined =>
    review ? review.decisions.get(f.id) : (f as ReviewedFinding).review;

  const findings = orderFindings(report.findings);
  const s = report.summary;
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(Boolean(review)))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="corroborate">',
  );
  if (review) out.push(`<meta name="corroborate-review-token" content="${escapeHtml(review.token)}">`);
  out.push(
    `<title>${review ? 'Review: ' : ''}corroborate report (${s.conflict} conflicts)</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${review ? 'Review: corroborate report' : 'corroborate report'}</h1>`,
    `<p class="tool">${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}${review ? ' · decisions are saved as you go' : ''}</p>`,
  );

  // Summary: counts, then the outlets that stand apart.
  out.push('<section class="summary" aria-label="Summary">', '<dl class="counts">');
  const counts: [string, string, number][] = [
    ['', 'Sources', s.articles],
    ['', 'Facts', s.findings],
    ['c-conflict', 'Conflicts', s.conflict],
    ['c-variant', 'Variants', s.variant],
    ['c-agree', 'Agreements', s.agree],
    ['', 'Claims', s.claims],
  ];
  for (const [cls, label, n] of counts) out.push(`<div${cls ? ` class="${cls}"` : ''}><dt>${label}</dt><dd>${n}</dd></div>`);
  out.push('</dl>');
  if (review) out.push(...openCounts(findings, decisionOf));
  const byOutlet = outletTally(report, outletOf);
  out.push(...chart(report, byOutlet, outletIndex));
  out.push('</section>');

  // Filters: hidden until the script shows them (without script every card is shown).
  const kinds = [...new Set(findings.map((f) => f.kind))].sort();
  out.push('<form id="filters" class="filters" hidden aria-label="Filters">');
  out.push('<label>Verdict<select id="filter-verdict"><option value="">All verdicts</option>');
  for (const v of VERDICTS) out.push(`<option value="${v}">${VERDICT_PLURAL[v]} (${s[v]})</option>`);
  out.push('</select></label>');
  out.push('<label>Kind<select id="filter-kind"><option value="">All kinds</option>');
  for (const k of kinds) out.push(`<option value="${escapeHtml(k)}">${escapeHtml(k)} (${findings.filter((f) => f.kind === k).length})</option>`);
  out.push('</select></label>');
  out.push('<label>Source<select id="filter-source"><option value="">All sources</option>');
  for (const [o, i] of outletsInMenuOrder(outletIndex, byOutlet)) out.push(`<option value="${i}">${escapeHtml(o)}</option>`);
  out.push('</select></label>');
  if (review) {
    out.push('<label>Decision<select id="filter-decision"><option value="">All</option><option value="none">Undecided</option>');
    for (const d of DECISION_STATUSES) out.push(`<option value="${d}">${escapeHtml(DECISION_LABEL[d])}</option>`);
    out.push('</select></label>');
  }
  out.push('<output id="filter-count"></output>', '</form>');
  if (review) {
    out.push(
      '<p class="keys" id="keys" hidden>Keys: <kbd>j</kbd> next · <kbd>k</kbd> previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject (false alarm)' +
        ' · <kbd>n</kbd> needs correction · <kbd>u</kbd> undo the decision</p>',
    );
  }

  out.push('<section aria-label="Findings">', '<h2>Findings</h2>');
  if (!findings.length) out.push('<p class="empty">No findings.</p>');
  out.push('<p id="filter-empty" class="empty" hidden>No finding matches these filters.</p>');
  if (findings.some((f) => f.kind === 'quote' && f.readings.length > 1)) out.push(`<p class="note">${escapeHtml(TYPOGRAPHY_NOTE)}</p>`);
  const folded = !options.showAgreements;
  const full = findings.filter((f) => !folded || f.verdict !== 'agree');
  // A large report is lighter per card (two sentences a reading, shorter context) and sends its cards past
  // the first page as data, built by the page's script a page at a time.
  const large = full.length > PAGE_SIZE || (folded && findings.length - full.length > LINES_INLINE);
  const ctx = { articles, sourceIndex, name, review: Boolean(review), sentences: large ? 2 : SENTENCES_PER_READING, context: large ? 100 : 180 };
  out.push(`<div id="cards" data-page="${PAGE_SIZE}">`);
  const later: Node[] = [];
  full.forEach((f, index) => {
    const node = card(f, index, { ...ctx, decision: decisionOf(f) });
    if (index < PAGE_SIZE) out.push(toHtml(node));
    else later.push(node);
  });
  out.push('</div>');
  const agreements = folded ? findings.filter((f) => f.verdict === 'agree') : [];
  const lines = agreements.map((f, i) => agreementLine(f, full.length + i, { ...ctx, decision: decisionOf(f) }));
  if (agreements.length) {
    out.push(
      `<details class="agreements" id="agreements"><summary>${agreements.length} agreement${agreements.length === 1 ? '' : 's'}, one line each` +
        ' (every one in full: <code>--show agreements</code>)</summary>',
      '<div id="lines">',
    );
    // In a large report the lines too travel as data, built when the list is opened.
    if (!large) for (const line of lines) out.push(toHtml(line));
    out.push('</div>', '</details>');
  }
  if (large) {
    // Data, never run: deflated and in base64 (no "<" in it to close this element). Its first line gives
    // each later card's and line's filter fields, then one line of JSON per card and per line.
    const nodes = [...later, ...lines];
    const index = nodes.map((n) => {
      const a = (n as [string, Attributes])[1];
      return [a['data-verdict'], a['data-kind'], a['data-sources'], a['data-decision']];
    });
    const payload = [JSON.stringify(index), ...nodes.map((n) => JSON.stringify(n))].join('\n');
    out.push(
      `<p class="note" id="loading">Unpacking the other ${nodes.length} findings…</p>`,
      `<noscript><p class="note">Without JavaScript this page shows the first ${PAGE_SIZE} of ${full.length} conflicts and variants;` +
        ' the Markdown and JSON reports hold every finding.</p></noscript>',
      `<script type="application/octet-stream" id="cards-data" data-cards="${later.length}">${deflateSync(Buffer.from(payload, 'utf8'), { level: 9 }).toString('base64')}</script>`,
    );
  }
  out.push('<nav id="pages" class="pages" hidden aria-label="Pages"></nav>');
  out.push('</section>');

  out.push(...sourcesTable(report));
  out.push('</main>', `<script>${CLIENT_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}

/** The review's headline: "3 of 7 conflicts need a decision", kept current by the page's script. */
function openCounts(findings: readonly Finding[], decisionOf: (f: Finding) => Decision | undefined): string[] {
  const parts: string[] = [];
  for (const v of ['conflict', 'variant'] as const) {
    const all = findings.filter((f) => f.verdict === v);
    if (!all.length) continue;
    const open = all.filter((f) => !decisionOf(f)).length;
    const noun = all.length === 1 ? VERDICT_LABEL[v].toLowerCase() : VERDICT_PLURAL[v].toLowerCase();
    parts.push(
      `<span class="open-count" data-verdict="${v}"><strong class="n-open">${open}</strong> of <span class="n-all">${all.length}</span> ${noun} ` +
        `<span class="verb">${open === 1 ? 'needs' : 'need'}</span> a decision</span>`,
    );
  }
  if (!parts.length) return [];
  return [`<p class="open" id="open-counts" role="status" aria-live="polite">${parts.join(' · ')}</p>`];
}

/** Per outlet: the conflicts it stands apart in, the conflicts and variants it takes part in. */
function outletTally(report: Report, outletOf: ReadonlyMap<string, string>): Map<string, SourceTally> {
  const out = new Map<string, SourceTally>();
  for (const o of outletOf.values()) if (!out.has(o)) out.set(o, { odd: 0, conflict: 0, variant: 0, agree: 0 });
  // An outlet counts once per finding, however many of its articles take part.
  for (const f of report.findings) {
    const outlets = new Set(sourcesOf(f).map((id) => outletOf.get(id) ?? id));
    for (const o of outlets) (out.get(o) as SourceTally)[f.verdict]++;
    for (const o of new Set(oddOnesOut(f).odd.map((id) => outletOf.get(id) ?? id))) (out.get(o) as SourceTally).odd++;
  }
  return out;
}

/** Outlets as the source menu lists them: report order, or when there are many, the most apart first. */
function outletsInMenuOrder(outletIndex: ReadonlyMap<string, number>, tally: ReadonlyMap<string, SourceTally>): [string, number][] {
  const all = [...outletIndex];
  if (all.length <= CHART_ROWS) return all;
  return all.sort(([a], [b]) => byStanding(tally.get(a), tally.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
}

function byStanding(a: SourceTally | undefined, b: SourceTally | undefined): number {
  return (b?.odd ?? 0) - (a?.odd ?? 0) || (b?.conflict ?? 0) - (a?.conflict ?? 0) || (b?.variant ?? 0) - (a?.variant ?? 0);
}

/**
 * The chart: per outlet, the conflicts it stands apart in (the odd one out against the majority) and the
 * other conflicts it takes part in. Past CHART_ROWS outlets, the ones that stand apart least share a bar.
 */
function chart(report: Report, tally: ReadonlyMap<string, SourceTally>, outletIndex: ReadonlyMap<string, number>): string[] {
  const rows = [...tally].map(([o, t]) => ({ label: o, source: String(outletIndex.get(o)), t, title: o }));
  let shown = rows;
  if (rows.length > CHART_ROWS) {
    const sorted = [...rows].sort((a, b) => byStanding(a.t, b.t) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    shown = sorted.slice(0, CHART_ROWS - 1);
    const rest = sorted.slice(CHART_ROWS - 1);
    const sum = { odd: 0, conflict: 0, variant: 0, agree: 0 };
    for (const r of rest) for (const k of ['odd', 'conflict', 'variant', 'agree'] as const) sum[k] += r.t[k];
    shown.push({ label: `${rest.length} other sources`, source: '', t: sum, title: rest.map((r) => r.label).join(', ') });
  }
  const size = (t: SourceTally) => t.conflict;
  const max = Math.max(1, ...shown.map((r) => size(r.t)));
  const out = [
    '<figure class="chart">',
    '<figcaption>Odd one out per source<span class="legend"><span class="sw c"></span>stands apart from the majority' +
      '<span class="sw v"></span>other conflicts it is part of</span></figcaption>',
  ];
  if (!report.articles.length && !tally.size) out.push('<p class="empty">No sources.</p>');
  for (const r of shown) {
    const wc = (r.t.odd / max) * 100;
    const wv = ((r.t.conflict - r.t.odd) / max) * 100;
    const label = `odd one out in ${r.t.odd} conflict${r.t.odd === 1 ? '' : 's'}, part of ${r.t.conflict}`;
    out.push(
      `<div class="bar-row"${r.source ? ` data-source="${r.source}"` : ' data-group="other"'}><span class="bar-label" title="${escapeHtml(r.title)}">${escapeHtml(r.label)}</span>` +
        `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">` +
        `<rect class="c" x="0" y="0" width="${wc.toFixed(2)}" height="10"></rect>` +
        `<rect class="v" x="${wc.toFixed(2)}" y="0" width="${wv.toFixed(2)}" height="10"></rect></svg>` +
        `<span class="bar-count" title="${escapeHtml(label)}"><span class="n-c">${r.t.odd}</span> of <span class="n-v">${r.t.conflict}</span></span></div>`,
    );
  }
  out.push('</figure>');
  return out;
}

interface CardContext {
  articles: ReadonlyMap<string, Article>;
  sourceIndex: Map<string, number>;
  name: (id: string) => string;
  decision: Decision | undefined;
  review: boolean;
  /** Claims shown in their sentence per reading. */
  sentences: number;
  /** Characters of the sentence kept each side of a claim. */
  context: number;
}

/**
 * A piece of the page as data: text, or `[tag, attributes, ...children]`. Cards are built this way once,
 * then written as HTML (`toHtml`) or, past the first page of a large report, as JSON the page's script
 * turns into elements with createElement and textContent: one card builder for both, and no markup
 * parsed from text in the browser.
 */
export type Node = string | [string, Attributes | null, ...Node[]];
type Attributes = Record<string, string | true>;

/** Elements whose children (when all are elements) go one to a line in the HTML, for a readable file. */
const BLOCK = new Set(['article', 'header', 'ol', 'ul', 'form', 'fieldset']);
const VOID = new Set(['input']);

/** A node as HTML: every text and attribute value escaped, attributes in their given order. */
export function toHtml(node: Node): string {
  if (typeof node === 'string') return escapeHtml(node);
  const [tag, attrs, ...children] = node;
  const a = attrs ? Object.entries(attrs).map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('') : '';
  if (VOID.has(tag)) return `<${tag}${a}>`;
  const sep = BLOCK.has(tag) && children.every((c) => typeof c !== 'string') ? '\n' : '';
  const inner = children.map(toHtml);
  return `<${tag}${a}>${sep}${inner.join(sep)}${sep}</${tag}>`;
}

/** The data attributes the filters read, shared by cards and one-line agreements. */
function cardAttributes(f: Finding, index: number, ctx: CardContext, extra = ''): Attributes {
  const sources = [...new Set(sourcesOf(f).map((id) => ctx.sourceIndex.get(id)))].join(' ');
  const d = ctx.decision;
  return {
    class: `finding verdict-${f.verdict}${extra}`,
    id: `finding-${index + 1}`,
    'data-id': f.id,
    'data-verdict': f.verdict,
    'data-kind': f.kind,
    'data-sources': sources,
    'data-decision': d ? d.status : 'none',
  };
}

/** An agreement in one line: what, the value, how many outlets. */
function agreementLine(f: Finding, index: number, ctx: CardContext): Node {
  const outlets = [...new Set(sourcesOf(f).map(ctx.name))];
  const value = f.readings.length ? valueOf(f.readings[0]) : '';
  const also = f.readings.length > 1 ? ` (also ${f.readings.slice(1).map(valueOf).join('; ')})` : '';
  const named = outlets.length > 3 ? `${outlets.slice(0, 3).join(', ')} and ${outlets.length - 3} more` : outlets.join(', ');
  return [
    'article',
    cardAttributes(f, index, ctx, ' line'),
    ['span', { class: 'badge' }, f.kind],
    ' ',
    ['strong', null, titleOf(f)],
    `: ${value + also} `,
    ['span', { class: 'outlets' }, `${outlets.length} source${outlets.length === 1 ? '' : 's'}: ${named}`],
  ];
}

/** A claim marked in its sentence (or its own words without the article). */
function sentenceNode(article: Article | undefined, ref: ClaimRef, cls = 'sentence', max = 180): Node {
  const inSentence = claimInSentence(article, ref, max);
  if (!inSentence) return ['p', { class: cls }, ['mark', null, ref.text]];
  const parts: Node[] = [];
  if (inSentence.before) parts.push(inSentence.before);
  parts.push(['mark', null, inSentence.text]);
  if (inSentence.after) parts.push(inSentence.after);
  return ['p', { class: cls }, ...parts];
}

function card(f: Finding, index: number, ctx: CardContext): Node {
  const { name } = ctx;
  const d = ctx.decision;
  const decisionBadge: Attributes = { class: 'badge decision' };
  if (!d) decisionBadge.hidden = true;
  const header: Node[] = [
    [
      'div',
      { class: 'badges' },
      ['span', { class: `badge v-${f.verdict}` }, VERDICT_LABEL[f.verdict]],
      ['span', { class: 'badge' }, f.kind],
      ['span', { class: 'badge' }, f.severity],
      ['span', decisionBadge, d ? DECISION_LABEL[d.status] : ''],
    ],
    ['h3', null, titleOf(f)],
    ['p', { class: 'message' }, summaryLine(f, name)],
  ];
  if (f.verdict === 'conflict') {
    const { odd, majority } = oddOnesOut(f);
    const outlets = (ids: string[]) => [...new Set(ids.map(name))];
    header.push(
      odd.length
        ? ['p', { class: 'odd' }, 'Odd one out: ', ['strong', null, outlets(odd).join(', ')], `, against ${majority.length} source${majority.length === 1 ? '' : 's'}`]
        : ['p', { class: 'odd' }, 'No majority: the sources are evenly split'],
    );
  }
  const isQuote = f.kind === 'quote' && f.readings.length > 1;
  const base = isQuote ? quoteWords(f.readings[0]) : '';
  const readings: Node[] = f.readings.map((r, i) => {
    const outlets = [...new Set(sourcesOfReading(r).map(name))];
    const named = outlets.length > 8 ? `${outlets.slice(0, 8).join(', ')} and ${outlets.length - 8} more` : outlets.join(', ');
    const li: Node[] = [
      ['div', { class: 'reading-head' }, ['span', { class: 'reading-no' }, `${i + 1}.`], ['strong', { class: 'display' }, valueOf(r)], ['span', { class: 'outlets' }, named]],
    ];
    if (isQuote && i > 0) {
      const words = quoteWords(r);
      if (words !== base) {
        const parts: Node[] = wordsDiffer(base, words)
          ? quoteDiff(base, words).map((p) => (p.op === 'same' ? p.text : [p.op, null, p.text]))
          : ['the same words (typography aside)'];
        li.push(['p', { class: 'diff' }, ['span', { class: 'diff-label' }, 'Words changed from reading 1:'], ...parts]);
      }
    }
    const claims: Node[] = r.claims.slice(0, ctx.sentences).map((c) => {
      const article = ctx.articles.get(c.source);
      const item: Node[] = [
        ['div', { class: 'where' }, ['span', { class: 'outlet' }, name(c.source)], ['code', null, `${c.source}:${c.line}:${c.column}`]],
        sentenceNode(article, c, 'sentence', ctx.context),
      ];
      if (c.speaker) {
        item.push(
          ['div', { class: 'where' }, 'Speaker named at ', ['code', null, `${c.source}:${c.speaker.line}:${c.speaker.column}`]],
          sentenceNode(article, { ...c.speaker, source: c.source, claim: c.claim }, 'sentence named', ctx.context),
        );
      }
      return ['li', null, ...item];
    });
    const rest = r.claims.slice(ctx.sentences);
    if (rest.length) {
      // Named with their places while few; past five, the outlets only (the Markdown and JSON reports place each).
      const places = rest.length <= 5 ? rest.map((c) => `${name(c.source)} (${c.source}:${c.line}:${c.column})`) : [...new Set(rest.map((c) => name(c.source)))];
      const shown = places.slice(0, 5).join(', ') + (places.length > 5 ? ` and ${places.length - 5} more` : '');
      claims.push(['li', { class: 'more' }, `Also ${rest.length} more: ${shown}`]);
    }
    li.push(['ul', { class: 'claims' }, ...claims]);
    return ['li', { class: 'reading' }, ...li];
  });
  const body: Node[] = [['header', null, ...header], ['ol', { class: 'readings' }, ...readings]];
  const notable = f.relations.filter((r) => r.relation !== 'agree' || f.readings.length > 1);
  if (notable.length) {
    body.push([
      'ul',
      { class: 'relations' },
      ...notable.map((r): Node => {
        const rule: Node[] = r.rule ? [' (rule ', ['code', null, r.rule], ')'] : [];
        return ['li', null, `${r.between[0] + 1} ↔ ${r.between[1] + 1}: `, ['span', { class: `rel-${r.relation}` }, VERDICT_LABEL[r.relation].toLowerCase()], ` — ${reasonOf(f, r.reason)}`, ...rule];
      }),
    ]);
  }
  body.push(['p', { class: 'meta' }, 'Rule ', ['code', null, f.rule], ' · id ', ['code', null, f.id]]);
  if (d?.comment && !ctx.review) body.push(['p', { class: 'meta' }, `Editor: ${d.comment}`]);
  if (ctx.review) body.push(reviewForm(index, d));
  return ['article', cardAttributes(f, index, ctx), ...body];
}

function reviewForm(index: number, d: Decision | undefined): Node {
  const group = `decision-${index + 1}`;
  const choices: Node[] = DECISION_STATUSES.map((st) => {
    const input: Attributes = { type: 'radio', name: group, value: st };
    if (d?.status === st) input.checked = true;
    return ['label', { class: 'choice' }, ['input', input], DECISION_CHOICE[st]];
  });
  return [
    'form',
    { class: 'review' },
    [
      'fieldset',
      null,
      ['legend', null, 'Editor’s decision'],
      ...choices,
      ['textarea', { name: 'comment', maxlength: '4000', placeholder: 'Comment (what is wrong, what to correct)', 'aria-label': 'Comment' }, d?.comment ?? ''],
      ['button', { type: 'submit' }, 'Save'],
      ['button', { type: 'button', class: 'secondary', 'data-action': 'clear' }, 'Clear'],
      ['span', { class: 'saved', role: 'status', 'aria-live': 'polite' }],
    ],
  ];
}

function sourcesTable(report: Report): string[] {
  const out = [
    '<section aria-label="Sources">',
    '<h2>Sources</h2>',
    '<div class="table-wrap"><table class="sources">',
    '<thead><tr><th>Source</th><th>Outlet</th><th>Title</th><th>Reference date</th><th>Claims</th></tr></thead>',
    '<tbody>',
  ];
  for (const a of report.articles) {
    const url = safeUrl(a.url);
    const title = a.title ? escapeHtml(a.title) : '';
    const titleCell = url
      ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${title || escapeHtml(url)}</a>`
      : `${title}${a.url ? ` <code>${escapeHtml(a.url)}</code>` : ''}`;
    const ref = a.referenceDate ? `${escapeHtml(a.referenceDate)} (${escapeHtml(a.referenceDateSource ?? '')})` : 'none';
    out.push(
      `<tr><td><code>${escapeHtml(a.id)}</code></td><td>${escapeHtml(a.outlet ?? '')}</td><td>${titleCell}</td><td>${ref}</td><td>${a.claims}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>', '</section>');
  return out;
}
