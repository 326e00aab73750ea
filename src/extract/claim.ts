import type { Article, Claim, ClaimContext, ClaimValue } from '../types';
import { contextAround, divisionBetween } from '../lang/context';
import { makeSpan } from '../text/span';

/**
 * The claim `value` of `article` at `[start, end)`, found by `extractor`: its id, exact span and context.
 * Every extractor builds its claims here, so all claims share one object shape and key order (the order
 * they are written out): a function reading claims of several extractors then meets one shape.
 * The context reads language data only: claims depend on the text, never on the rules in force.
 * `claimAt(article, 'dates', 120, 129, value)` -> `{ id: 'date@120-129', ... }`.
 */
export function claimAt<V extends ClaimValue>(article: Article, extractor: string, start: number, end: number, value: V): Claim<V> {
  return claimOf(article, extractor, start, end, value, contextAround(article, start, end));
}

function claimOf<V extends ClaimValue>(article: Article, extractor: string, start: number, end: number, value: V, context: ClaimContext): Claim<V> {
  return {
    id: `${value.type}@${start}-${end}`,
    source: article.id,
    kind: value.type,
    extractor,
    span: makeSpan(article.text, article.lineStarts, start, end),
    value,
    context,
  };
}

/**
 * One claim per found value, in a list built by `push`: `found.map(...)` in optimized code makes a holey
 * array, and "earlier" lists (concatenated from every extractor's claims) of a new kind deoptimize every
 * function that reads them.
 */
export function claimsAt<V extends ClaimValue>(
  article: Article,
  extractor: string,
  found: readonly { start: number; end: number; value: V }[],
): Claim<V>[] {
  const out: Claim<V>[] = [];
  // Two values of one sentence share out the words between them at a joining word: "the ferry cost
  // 40 million euros and the new pier cost 65 million" gives "pier" to 65 million alone.
  let from = 0;
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const next = found[i + 1];
    const division = next !== undefined && next.start >= f.end ? divisionBetween(article, f.end, next.start) : -1;
    const to = division >= 0 ? division : article.reader.length;
    out.push(claimOf(article, extractor, f.start, f.end, f.value, contextAround(article, f.start, f.end, 8, { from, to })));
    from = division >= 0 ? division : 0;
  }
  return out;
}

