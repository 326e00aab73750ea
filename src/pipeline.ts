import type { Article, Claim, ExtractContext, Finding, RuleSet } from './types';
import { EXTRACTORS, REFINERS } from './extract';
import { compareAll, compareClaimOrder, type CompareOptions } from './compare/engine';
import { buildReport, type Report } from './report/json';

/**
 * The whole flow, as a table of contents:
 *   articles (ingest/) -> claims (extract/) -> findings (compare/) -> report (report/).
 */

/** Runs every extractor in order, then every refiner; returns the article's claims sorted by offset. */
export function extractArticle(article: Article, ctx: ExtractContext): Claim[] {
  let claims: Claim[] = [];
  for (const extractor of EXTRACTORS) {
    const found = extractor.extract(article, ctx, claims);
    claims = claims.concat(found);
  }
  for (const refine of REFINERS) claims = refine(claims, article, ctx);
  return claims.filter((c) => spanIsExact(article, c)).sort(compareClaimOrder);
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
): Report {
  const all = articles.flatMap((a) => claimsByArticle.get(a.id) ?? []);
  const findings: Finding[] = compareAll(all, rules, new Map(articles.map((a) => [a.id, a])), options);
  return buildReport(articles, claimsByArticle, findings);
}
