import type { Article, Claim, ExtractContext, ExtractionError, Extractor, Finding, RuleSet, Unread } from './types';
import { lineColumn } from './text/span';
import { forgetArticle } from './text/lookup';
import { EXTRACTORS, REFINERS } from './extract';
import { inMatchingForm } from './extract/matching';
import { compareAll, compareClaimOrder, type CompareOptions } from './compare/engine';
import { buildReport, type Report } from './report/json';

/**
 * The whole flow, as a table of contents:
 *   articles (ingest/) -> claims (extract/) -> findings (compare/) -> report (report/).
 */

export interface ExtractArticleOptions {
  /**
   * Where an extractor that throws is recorded; the article keeps the other extractors' claims. Without
   * it the error is written to stderr: an extractor's failure is never silent.
   */
  errors?: ExtractionError[];
  /** The extractors to run (default EXTRACTORS); tests inject one that throws. */
  extractors?: readonly Extractor[];
}

/** Runs every extractor in order, then every refiner; returns the article's claims sorted by offset. */
export function extractArticle(article: Article, ctx: ExtractContext, options: ExtractArticleOptions = {}): Claim[] {
  // Text with invisible characters, decomposed accents or other scripts' digits is read in its matching
  // form; the claims are moved back onto the text as read before they are checked and sorted.
  const matching = inMatchingForm(article);
  const read = matching?.article ?? article;
  const unread: Unread[] = [];
  const context: ExtractContext = { ...ctx, unread };
  let claims: Claim[] = [];
  for (const extractor of options.extractors ?? EXTRACTORS) {
    let found: Claim[];
    const before = unread.length;
    try {
      found = extractor.extract(read, context, claims);
    } catch (err) {
      const error: ExtractionError = { article: article.id, extractor: extractor.id, message: errorMessage(err) };
      if (options.errors) options.errors.push(error);
      else process.stderr.write(`${formatExtractionError(error)}\n`);
      continue;
    }
    claims = claims.concat(found);
    for (const u of unread.slice(before)) reportUnread(article, extractor.id, matching ? matching.range(u.start, u.end) : [u.start, u.end], u.message, options);
  }
  for (const refine of REFINERS) claims = refine(claims, read, context);
  if (matching) claims = matching.restore(claims);
  forgetArticle(read);
  return claims.filter((c) => spanIsExact(article, c)).sort(compareClaimOrder);
}

/** An extractor's unread text, as a warning at its place in the article as read. */
function reportUnread(article: Article, extractor: string, [start, end]: [number, number], message: string, options: ExtractArticleOptions): void {
  const { line, column } = lineColumn(article.lineStarts, start);
  const error: ExtractionError = { article: article.id, extractor, message: `${JSON.stringify(article.text.slice(start, end))} ${message}`, unread: true, line, column };
  if (options.errors) options.errors.push(error);
  else process.stderr.write(`${formatExtractionError(error)}\n`);
}

/**
 * `error: extractor "dates" failed on a.md: RangeError: Invalid time value; its claims are left out`, or for
 * unread text `warning: a.md:3:18: "January 1, 99999" not read: a year past 9999 (dates)`.
 */
export function formatExtractionError(e: ExtractionError): string {
  if (e.unread) return `warning: ${e.article}:${e.line ?? 1}:${e.column ?? 1}: ${e.message} (${e.extractor})`;
  return `error: extractor "${e.extractor}" failed on ${e.article}: ${e.message}; its claims are left out`;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** A claim whose span does not slice to its text is dropped: spans are sacred. */
function spanIsExact(article: Article, claim: Claim): boolean {
  const { start, end, text } = claim.span;
  return start >= 0 && end <= article.text.length && start <= end && article.text.slice(start, end) === text;
}

/** Compares the claims of all articles and builds the report. */
export function checkClaims(
  articles: readonly Article[],
  claimsByArticle: ReadonlyMap<string, Claim[]>,
  rules: RuleSet,
  options: CompareOptions = {},
  errors: readonly ExtractionError[] = [],
): Report {
  const all = articles.flatMap((a) => claimsByArticle.get(a.id) ?? []);
  const stats = options.stats ?? { unpaired: {} };
  const findings: Finding[] = compareAll(all, rules, new Map(articles.map((a) => [a.id, a])), { ...options, stats });
  return buildReport(articles, claimsByArticle, findings, errors, stats.unpaired);
}
