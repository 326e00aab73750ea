import type { Article, Finding } from '../types';
import { lineColumn } from '../text/span';
import { regionOf } from '../report/locate';
import type { GateNotice } from '../report/gate-section';
import { byCodeUnit } from '../util/stable';

/** The marker an article's author writes in an HTML comment. */
export const IGNORE_NEXT_LINE = 'corroborate-ignore-next-line';
/** Start of a block (to the matching `corroborate-enable`, else to the end of the file). */
export const DISABLE = 'corroborate-disable';
/** End of a block. */
export const ENABLE = 'corroborate-enable';
/** The whole file, wherever the comment stands. */
export const DISABLE_FILE = 'corroborate-disable-file';
/** Written instead of rule ids: every rule. */
export const ALL_RULES = 'all';

/** Longest marker first: "corroborate-disable-file" also starts with "corroborate-disable". */
const MARKERS = [IGNORE_NEXT_LINE, DISABLE_FILE, DISABLE, ENABLE] as const;
type Marker = (typeof MARKERS)[number];
const KIND: Record<Marker, Directive['kind']> = {
  [IGNORE_NEXT_LINE]: 'next-line',
  [DISABLE_FILE]: 'file',
  [DISABLE]: 'disable',
  [ENABLE]: 'enable',
};

/**
 * `<!-- corroborate-ignore-next-line quantity-tolerance -- the wire copy rounds -->` on line 7 of an article:
 * findings from rule `quantity-tolerance` with a claim of this article on line 8 are not counted.
 * `<!-- corroborate-disable quote-wording -- translated -->` on line 3 and `<!-- corroborate-enable -->` on
 * line 9: lines 3 to 9. `<!-- corroborate-disable-file name-spelling -->`: every line.
 */
export interface Directive {
  article: string;
  kind: 'next-line' | 'disable' | 'enable' | 'file';
  /** Line and column of the `<!--`. */
  line: number;
  column: number;
  /** The line a next-line directive covers (the line after the comment's last line); a block's first line. */
  target: number;
  /** Lines covered, both ends included (`Infinity`: to the end of the file). */
  from: number;
  to: number;
  /** Rule ids named; `all` stands for every rule. */
  rules: string[];
  reason: string;
  /** Set when the directive is malformed: it suppresses nothing and is reported. */
  problem?: string;
}

/** The directive's marker as written, for messages. */
export function markerOf(d: Pick<Directive, 'kind'>): string {
  return (Object.keys(KIND) as Marker[]).find((m) => KIND[m] === d.kind)!;
}

/**
 * Every directive in an article's text, blocks closed by their `corroborate-enable`. Scans with indexOf
 * (linear time): each `<!--` is matched with the next `-->`, and only comments that start with a marker
 * count, so a comment that merely mentions one later on ("<!-- see corroborate-ignore-next-line docs -->")
 * is left alone. Enable comments are not returned unless malformed (an enable with no open block).
 */
export function parseDirectives(article: Pick<Article, 'id' | 'text' | 'lineStarts'>): Directive[] {
  const out: Directive[] = [];
  const open: Directive[] = [];
  const text = article.text;
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start < 0) break;
    const close = text.indexOf('-->', start + 4);
    if (close < 0) break;
    from = close + 3;
    const inner = text.slice(start + 4, close).trim();
    const marker = MARKERS.find((m) => inner.startsWith(m) && (inner.length === m.length || /\s/.test(inner[m.length])));
    if (!marker) continue; // "corroborate-ignore-next-linex" is another word
    const rest = inner.slice(marker.length);
    const sep = rest.indexOf(' --');
    const idsPart = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    const reason = sep >= 0 ? rest.slice(sep + 3).trim() : '';
    const rules = idsPart.split(/[\s,]+/).filter(Boolean);
    const at = lineColumn(article.lineStarts, start);
    const endLine = lineColumn(article.lineStarts, close).line;
    const kind = KIND[marker];
    const d: Directive = { article: article.id, kind, line: at.line, column: at.column, target: endLine + 1, from: endLine + 1, to: endLine + 1, rules, reason };
    if (kind === 'enable') {
      closeBlocks(open, d, out);
      continue;
    }
    if (kind === 'disable') Object.assign(d, { target: at.line, from: at.line, to: Infinity });
    if (kind === 'file') Object.assign(d, { target: 1, from: 1, to: Infinity });
    if (!rules.length) d.problem = `names no rule (write the rule id, e.g. "${marker} quantity-tolerance -- why", or "${marker} ${ALL_RULES}")`;
    else if (kind === 'disable') open.push(d);
    out.push(d);
  }
  return out;
}

/**
 * `corroborate-enable quote-wording` ends the open blocks of that rule at its line; a bare
 * `corroborate-enable` ends every open block. An enable that ends nothing is returned as a problem.
 */
function closeBlocks(open: Directive[], enable: Directive, out: Directive[]): void {
  let closed = 0;
  for (let i = open.length - 1; i >= 0; i--) {
    const block = open[i];
    if (enable.rules.length && !enable.rules.some((r) => block.rules.includes(r))) continue;
    block.to = enable.line;
    open.splice(i, 1);
    closed++;
  }
  if (!closed) {
    const what = enable.rules.length ? ` for ${enable.rules.join(', ')}` : '';
    out.push({ ...enable, problem: `has no corroborate-disable before it${what}` });
  }
}

/** True when the directive covers a claim of the finding in its article on its lines, from one of its rules. */
export function directiveCovers(d: Directive, f: Finding): boolean {
  if (d.problem || d.kind === 'enable') return false;
  if (!d.rules.includes(f.rule) && !d.rules.includes(ALL_RULES)) return false;
  return f.readings.some((r) =>
    r.claims.some((c) => {
      if (c.source !== d.article) return false;
      const region = regionOf(c);
      return region.startLine <= d.to && d.from <= region.endLine;
    }),
  );
}

/** Where a directive covers: "line 8", "lines 3-9", "the rest of the file", "the whole file". */
function coverage(d: Directive): string {
  if (d.kind === 'file') return 'the file';
  if (d.kind === 'next-line') return `line ${d.target}`;
  return d.to === Infinity ? `lines ${d.from} to the end of the file` : `lines ${d.from}-${d.to}`;
}

export interface DirectiveOutcome {
  /** Findings no directive covers. */
  kept: Finding[];
  /** Findings a directive covers, with the directive. */
  ignored: { finding: Finding; directive: Directive; justification: string }[];
  /** Malformed, unknown-rule and unused directives of the articles checked, in file order. */
  notices: GateNotice[];
}

export interface DirectiveOptions {
  /** Comparator rule ids in force: a directive naming another id is reported. */
  ruleIds: ReadonlySet<string>;
  /** Articles whose directives are reported (malformed, unused): the new ones in a gate, all in a check. */
  reportsOn: (articleId: string) => boolean;
  /** Path shown for an article id. */
  pathOf: (articleId: string) => string;
}

/**
 * Applies the directives of `articles` to `findings` (check and gate alike): a covered finding is
 * ignored, and each directive that is malformed, names a rule not in force, or covers no finding is a
 * notice at its own file, line and column.
 */
export function applyDirectives(articles: readonly Pick<Article, 'id' | 'text' | 'lineStarts'>[], findings: readonly Finding[], opts: DirectiveOptions): DirectiveOutcome {
  const notices: GateNotice[] = [];
  const directives: Directive[] = [];
  for (const a of articles) {
    if (!a.text) continue;
    for (const d of parseDirectives(a)) {
      const reports = opts.reportsOn(a.id);
      const where = { file: opts.pathOf(a.id), line: d.line, column: d.column };
      if (d.problem) {
        if (reports) notices.push({ level: 'warning', code: 'bad-directive', message: `${markerOf(d)} ${d.problem}`, ...where });
        continue;
      }
      const unknown = d.rules.filter((r) => r !== ALL_RULES && !opts.ruleIds.has(r));
      if (unknown.length && reports) {
        notices.push({ level: 'warning', code: 'bad-directive', message: `${markerOf(d)} names no rule in force: ${unknown.join(', ')}`, ...where });
      }
      directives.push(d);
    }
  }
  const used = new Set<Directive>();
  const kept: Finding[] = [];
  const ignored: DirectiveOutcome['ignored'] = [];
  for (const f of findings) {
    const d = directives.find((x) => directiveCovers(x, f));
    if (!d) {
      kept.push(f);
      continue;
    }
    used.add(d);
    ignored.push({ finding: f, directive: d, justification: d.reason || `${markerOf(d)} in ${d.article}:${d.line}` });
  }
  for (const d of directives) {
    if (used.has(d) || !opts.reportsOn(d.article)) continue;
    notices.push({
      level: 'warning',
      code: 'unused-directive',
      message: `unused ${markerOf(d)} ${d.rules.join(', ')}: no finding of that rule has a claim on ${coverage(d)}`,
      file: opts.pathOf(d.article),
      line: d.line,
      column: d.column,
    });
  }
  notices.sort((a, b) => byCodeUnit(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { kept, ignored, notices };
}
