import type { Article, Claim, ExtractContext, ExtractionError, Extractor, Finding, RuleSet } from './types';
import { EXTRACTORS, REFINERS } from './extract';
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
  let claims: Claim[] = [];
  for (const extractor of options.extractors ?? EXTRACTORS) {
    let found: Claim[];
    try {
      found = extractor.extract(article, ctx, claims);
    } catch (err) {
      const error: ExtractionError = { article: article.id, extractor: extractor.id, message: errorMessage(err) };
      if (options.errors) options.errors.push(error);
      else process.stderr.write(`${formatExtractionError(error)}\n`);
      continue;
    }
    claims = claims.concat(found);
  }
  for (const refine of REFINERS) claims = refine(claims, article, ctx);
  return claims.filter((c) => spanIsExact(article, c)).sort(compareClaimOrder);
}

/** `error: extractor "dates" failed on a.md: RangeError: Invalid time value; its claims are left out`. */
export function formatExtractionError(e: ExtractionError): string {
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
  const findings: Finding[] = compareAll(all, rules, new Map(articles.map((a) => [a.id, a])), options);
  return buildReport(articles, claimsByArticle, findings, errors);
}
