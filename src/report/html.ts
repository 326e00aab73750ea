import { createHash } from 'node:crypto';
import { diffWords } from 'diff';
import type { Article, ClaimRef, Finding, Verdict } from '../types';
import type { Report } from './json';
import type { Decision, Decisions, DecisionStatus, ReviewedFinding } from './decisions';
import { DECISION_STATUSES } from './decisions';
import { splitSentences } from '../lang/sentences';
import { STYLE } from './html/style';
import { CLIENT_SCRIPT } from './html/client';

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
}

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
  const sourceIndex = new Map<string, number>();
  const outletName = new Map<string, string>();
  report.articles.forEach((a, i) => {
    sourceIndex.set(a.id, i);
    outletName.set(a.id, a.outlet || a.id);
  });
  // Sources named in findings but missing from the article list still get an index (hand-made reports).
  for (const f of report.findings) {
    for (const s of sourcesOf(f)) {
      if (!sourceIndex.has(s)) {
        sourceIndex.set(s, sourceIndex.size);
        outletName.set(s, s);
      }
    }
  }
  const name = (id: string) => outletName.get(id) ?? id;
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

  // Summary: counts, then conflicts (and variants) per source.
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
  out.push(...chart(report, findings, sourceIndex, name));
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
  for (const [id, i] of sourceIndex) out.push(`<option value="${i}">${escapeHtml(name(id))}</option>`);
  out.push('</select></label>');
  if (review) {
    out.push('<label>Decision<select id="filter-decision"><option value="">All</option><option value="none">Undecided</option>');
    for (const d of DECISION_STATUSES) out.push(`<option value="${d}">${escapeHtml(DECISION_LABEL[d])}</option>`);
    out.push('</select></label>');
  }
  out.push('<output id="filter-count"></output>', '</form>');

  out.push('<section aria-label="Findings">', '<h2>Findings</h2>');
  if (!findings.length) out.push('<p class="empty">No findings.</p>');
  out.push('<p id="filter-empty" class="empty" hidden>No finding matches these filters.</p>');
  findings.forEach((f, i) => out.push(card(f, i, { articles, sourceIndex, name, decision: decisionOf(f), review: Boolean(review) })));
  out.push('</section>');

  out.push(...sourcesTable(report));
  out.push('</main>', `<script>${CLIENT_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}

function chart(report: Report, findings: readonly Finding[], sourceIndex: Map<string, number>, name: (id: string) => string): string[] {
  const per = new Map<string, { conflict: number; variant: number }>();
  for (const id of sourceIndex.keys()) per.set(id, { conflict: 0, variant: 0 });
  for (const f of findings) {
    if (f.verdict === 'agree') continue;
    for (const src of sourcesOf(f)) (per.get(src) as { conflict: number; variant: number })[f.verdict]++;
  }
  const max = Math.max(1, ...[...per.values()].map((p) => p.conflict + p.variant));
  const out = [
    '<figure class="chart">',
    '<figcaption>Conflicts per source<span class="legend"><span class="sw c"></span>conflicts<span class="sw v"></span>variants</span></figcaption>',
  ];
  if (!report.articles.length && !per.size) out.push('<p class="empty">No sources.</p>');
  for (const [id, p] of per) {
    const wc = (p.conflict / max) * 100;
    const wv = (p.variant / max) * 100;
    const label = `${p.conflict} conflict${p.conflict === 1 ? '' : 's'}, ${p.variant} variant${p.variant === 1 ? '' : 's'}`;
    out.push(
      `<div class="bar-row" data-source="${sourceIndex.get(id)}"><span class="bar-label" title="${escapeHtml(id)}">${escapeHtml(name(id))}</span>` +
        `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">` +
        `<rect class="c" x="0" y="0" width="${wc.toFixed(2)}" height="10"></rect>` +
        `<rect class="v" x="${wc.toFixed(2)}" y="0" width="${wv.toFixed(2)}" height="10"></rect></svg>` +
        `<span class="bar-count" title="${escapeHtml(label)}"><span class="n-c">${p.conflict}</span> · <span class="n-v">${p.variant}</span></span></div>`,
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
}

function card(f: Finding, index: number, ctx: CardContext): string {
  const { name } = ctx;
  const sources = sourcesOf(f)
    .map((id) => ctx.sourceIndex.get(id))
    .join(' ');
  const d = ctx.decision;
  const out: string[] = [];
  out.push(
    `<article class="finding verdict-${f.verdict}" id="finding-${index + 1}" data-id="${escapeHtml(f.id)}" data-verdict="${f.verdict}"` +
      ` data-kind="${escapeHtml(f.kind)}" data-sources="${sources}" data-decision="${d ? d.status : 'none'}">`,
    '<header>',
    `<div class="badges"><span class="badge v-${f.verdict}">${VERDICT_LABEL[f.verdict]}</span>` +
      `<span class="badge">${escapeHtml(f.kind)}</span><span class="badge">${escapeHtml(f.severity)}</span>` +
      `<span class="badge decision"${d ? '' : ' hidden'}>${d ? escapeHtml(DECISION_LABEL[d.status]) : ''}</span></div>`,
    `<h3>${escapeHtml(f.subject || f.id)}</h3>`,
    `<p class="message">${escapeHtml(f.message)}</p>`,
    '</header>',
    '<ol class="readings">',
  );
  const isQuote = f.kind === 'quote' && f.readings.length > 1;
  const base = isQuote ? quoteWords(f.readings[0]) : '';
  f.readings.forEach((r, i) => {
    const outlets = [...new Set(r.claims.map((c) => name(c.source)))];
    out.push(
      '<li class="reading">',
      `<div class="reading-head"><span class="reading-no">${i + 1}.</span><strong class="display">${escapeHtml(r.display)}</strong>` +
        `<span class="outlets">${outlets.map(escapeHtml).join(', ')}</span></div>`,
    );
    if (isQuote && i > 0) {
      const words = quoteWords(r);
      if (words !== base) {
        const parts = wordDiff(base, words).map((p) =>
          p.op === 'same' ? escapeHtml(p.text) : `<${p.op}>${escapeHtml(p.text)}</${p.op}>`,
        );
        out.push(`<p class="diff"><span class="diff-label">Words changed from reading 1:</span>${parts.join('')}</p>`);
      }
    }
    out.push('<ul class="claims">');
    for (const c of r.claims) {
      const where = `${c.source}:${c.line}:${c.column}`;
      const inSentence = claimInSentence(ctx.articles.get(c.source), c);
      const body = inSentence
        ? `${escapeHtml(inSentence.before)}<mark>${escapeHtml(inSentence.text)}</mark>${escapeHtml(inSentence.after)}`
        : `<mark>${escapeHtml(c.text)}</mark>`;
      out.push(
        `<li><div class="where"><span class="outlet">${escapeHtml(name(c.source))}</span><code>${escapeHtml(where)}</code></div>` +
          `<p class="sentence">${body}</p></li>`,
      );
    }
    out.push('</ul>', '</li>');
  });
  out.push('</ol>');
  const notable = f.relations.filter((r) => r.relation !== 'agree' || f.readings.length > 1);
  if (notable.length) {
    out.push('<ul class="relations">');
    for (const r of notable) {
      out.push(
        `<li>${r.between[0] + 1} ↔ ${r.between[1] + 1}: <span class="rel-${r.relation}">${VERDICT_LABEL[r.relation].toLowerCase()}</span>` +
          ` — ${escapeHtml(r.reason)}${r.rule ? ` (rule <code>${escapeHtml(r.rule)}</code>)` : ''}</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push(`<p class="meta">Rule <code>${escapeHtml(f.rule)}</code> · id <code>${escapeHtml(f.id)}</code></p>`);
  if (d?.comment && !ctx.review) out.push(`<p class="meta">Editor: ${escapeHtml(d.comment)}</p>`);
  if (ctx.review) out.push(reviewForm(index, d));
  out.push('</article>');
  return out.join('\n');
}

function reviewForm(index: number, d: Decision | undefined): string {
  const group = `decision-${index + 1}`;
  const choices = DECISION_STATUSES.map(
    (st) =>
      `<label class="choice"><input type="radio" name="${group}" value="${st}"${d?.status === st ? ' checked' : ''}>${escapeHtml(DECISION_CHOICE[st])}</label>`,
  );
  return [
    '<form class="review">',
    '<fieldset>',
    '<legend>Editor’s decision</legend>',
    ...choices,
    `<textarea name="comment" maxlength="4000" placeholder="Comment (what is wrong, what to correct)" aria-label="Comment">${escapeHtml(d?.comment ?? '')}</textarea>`,
    '<button type="submit">Save</button>',
    '<button type="button" class="secondary" data-action="clear">Clear</button>',
    '<span class="saved" role="status" aria-live="polite"></span>',
    '</fieldset>',
    '</form>',
  ].join('\n');
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
