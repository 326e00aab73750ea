import type { Claim, ClaimContext, Vocabulary } from '../types';

/** Weights of shared context words: a shared event word says more than a shared name. */
export const LINK_WEIGHTS = { predicate: 1, reporting: 0.25, entity: 0.5, word: 0.5 } as const;

function shared(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  return b.filter((x) => set.has(x));
}

/**
 * How surely two dates or quantities speak of the same fact, from the words around them, 0..1.
 * One shared name is 0.25; an event word plus a name is 0.75; reporting verbs ("said") count little.
 * "Built in the early 1950s with Soviet assistance" ~ "constructed by Soviet forces in the 1980s"
 * share build (via predicate-synonyms) and soviet: 0.75.
 */
export function contextLink(a: ClaimContext, b: ClaimContext, vocabulary: Vocabulary): { score: number; shared: string[] } {
  let score = 0;
  const names: string[] = [];
  for (const p of shared(a.predicates, b.predicates)) {
    score += vocabulary.reportingVerbs.has(p) ? LINK_WEIGHTS.reporting : LINK_WEIGHTS.predicate;
    names.push(p);
  }
  for (const e of shared(a.entities, b.entities)) {
    score += LINK_WEIGHTS.entity;
    names.push(e);
  }
  for (const w of shared(a.words, b.words)) {
    score += LINK_WEIGHTS.word;
    names.push(w);
  }
  return { score: Math.min(1, score / 2), shared: names };
}

/** Block keys from a claim's context: claims sharing no context word are never paired. */
export function contextBlockKeys(claim: Claim, prefix: string): string[] {
  const c = claim.context;
  return [...c.predicates, ...c.entities, ...c.words].map((w) => `${prefix}:${w}`);
}
