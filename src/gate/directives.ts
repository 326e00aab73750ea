import type { Article, Finding } from '../types';
import { lineColumn } from '../text/span';
import { regionOf } from '../report/locate';

/** The marker an article's author writes in an HTML comment. */
export const IGNORE_NEXT_LINE = 'corroborate-ignore-next-line';

/**
 * `<!-- corroborate-ignore-next-line quantity-tolerance -- the wire copy rounds -->` on line 7 of an article:
 * findings from rule `quantity-tolerance` with a claim of this article on line 8 are not counted.
 */
export interface Directive {
  article: string;
  /** Line and column of the `<!--`. */
  line: number;
  column: number;
  /** The line the directive covers: the line after the comment's last line. */
  target: number;
  rules: string[];
  reason: string;
  /** Set when the directive is malformed: it suppresses nothing and is reported. */
  problem?: string;
}

/**
 * Every directive in an article's text. Scans with indexOf (linear time): each `<!--` is matched with the
 * next `-->`, and only comments that start with the marker count, so a comment that merely mentions it
 * later on ("<!-- see corroborate-ignore-next-line docs -->") is left alone.
 */
export function parseDirectives(article: Pick<Article, 'id' | 'text' | 'lineStarts'>): Directive[] {
  const out: Directive[] = [];
  const text = article.text;
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    from = close + 3;
    const inner = text.slice(open + 4, close).trim();
    if (!inner.startsWith(IGNORE_NEXT_LINE)) continue;
    const rest = inner.slice(IGNORE_NEXT_LINE.length);
    if (rest && !/^\s/.test(rest)) continue; // "corroborate-ignore-next-linex" is another word
    const sep = rest.indexOf(' --');
    const idsPart = (sep >= 0 ? rest.slice(0, sep) : rest).trim();
    const reason = sep >= 0 ? rest.slice(sep + 3).trim() : '';
    const rules = idsPart.split(/[\s,]+/).filter(Boolean);
    const at = lineColumn(article.lineStarts, open);
    const endLine = lineColumn(article.lineStarts, close).line;
    const d: Directive = { article: article.id, line: at.line, column: at.column, target: endLine + 1, rules, reason };
    if (!rules.length) d.problem = 'names no rule (write the rule id, e.g. "corroborate-ignore-next-line quantity-tolerance -- why")';
    out.push(d);
  }
  return out;
}

/** True when the directive covers a claim of the finding in its article on the line after it, from one of its rules. */
export function directiveCovers(d: Directive, f: Finding): boolean {
  if (d.problem || !d.rules.includes(f.rule)) return false;
  return f.readings.some((r) =>
    r.claims.some((c) => {
      if (c.source !== d.article) return false;
      const region = regionOf(c);
      return region.startLine <= d.target && d.target <= region.endLine;
    }),
  );
}
