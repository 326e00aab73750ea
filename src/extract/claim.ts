import type { Article, Claim, ClaimValue, Vocabulary } from '../types';
import { contextAround } from '../lang/context';
import { makeSpan } from '../text/span';

/**
 * The claim `value` of `article` at `[start, end)`, found by `extractor`: its id, exact span and context.
 * Every extractor builds its claims here, so all claims share one object shape and key order (the order
 * they are written out): a function reading claims of several extractors then meets one shape.
 * `claimAt(article, 'dates', 120, 129, value, vocabulary)` -> `{ id: 'date@120-129', ... }`.
 */
export function claimAt<V extends ClaimValue>(article: Article, extractor: string, start: number, end: number, value: V, vocabulary: Vocabulary): Claim<V> {
  return {
    id: `${value.type}@${start}-${end}`,
    source: article.id,
    kind: value.type,
    extractor,
    span: makeSpan(article.text, article.lineStarts, start, end),
    value,
    context: contextAround(article, start, end, vocabulary),
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
  vocabulary: Vocabulary,
): Claim<V>[] {
  const out: Claim<V>[] = [];
  for (let i = 0; i < found.length; i++) out.push(claimAt(article, extractor, found[i].start, found[i].end, found[i].value, vocabulary));
  return out;
}
