import type { Article, Claim, ClaimContext, CompareContext, Vocabulary } from '../types';
import { sentenceAt } from '../text/context';
import { PLAIN_REPORTING } from '../lang/words';

/** Weights of shared context words: a shared event word says more than a shared name. */
export const LINK_WEIGHTS = { predicate: 1, reporting: 0.25, entity: 0.5, word: 0.5 } as const;

/** Reporting words `contextAround` keeps without a vocabulary; always weak evidence. */
// The plain reporting verbs (lang/en/reporting-verbs.yaml) count as reporting verbs without any rules.
const BUILTIN_REPORTING = PLAIN_REPORTING;

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
export function contextLink(
  a: ClaimContext,
  b: ClaimContext,
  vocabulary: Vocabulary,
  entityWeight: (entity: string) => number = () => 1,
): { score: number; shared: string[] } {
  let score = 0;
  const names: string[] = [];
  for (const p of shared(a.predicates, b.predicates)) {
    score += vocabulary.reportingVerbs.has(p) || BUILTIN_REPORTING.has(p) ? LINK_WEIGHTS.reporting : LINK_WEIGHTS.predicate;
    names.push(p);
  }
  for (const e of shared(a.entities, b.entities)) {
    score += LINK_WEIGHTS.entity * entityWeight(e);
    names.push(e);
  }
  for (const w of shared(a.words, b.words)) {
    score += LINK_WEIGHTS.word;
    names.push(w);
  }
  return { score: Math.min(1, score / 2), shared: names };
}

/** Memo key of the topic weights (CompareContext.memo); the gate's store index seeds it from whole-store counts. */
export const TOPIC_WEIGHTS = 'link:topic-weights';

/**
 * How much a shared name counts: a name found around claims of every article of three or more is the
 * story's topic ("the ferry company" in a story about its strike) and says little about which fact two
 * claims speak of, so it counts half. With two articles nothing can be told apart: every name counts.
 */
export function topicWeights(ctx: CompareContext): (entity: string) => number {
  const cached = ctx.memo?.get(TOPIC_WEIGHTS) as ((entity: string) => number) | undefined;
  if (cached) return cached;
  const sourcesOf = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const c of ctx.pool ?? []) {
    all.add(c.source);
    for (const e of c.context.entities) {
      let s = sourcesOf.get(e);
      if (!s) sourcesOf.set(e, (s = new Set()));
      s.add(c.source);
    }
  }
  const n = all.size;
  const weight = (entity: string) => (n >= 3 && (sourcesOf.get(entity)?.size ?? 0) >= n ? 0.5 : 1);
  ctx.memo?.set(TOPIC_WEIGHTS, weight);
  return weight;
}

/** Block keys from a claim's context: claims sharing no context word are never paired. */
export function contextBlockKeys(claim: Claim, prefix: string): string[] {
  const c = claim.context;
  return [...c.predicates, ...c.entities, ...c.words].map((w) => `${prefix}:${w}`);
}

/**
 * A few words naming what claims are about: their most frequent event words, then names, then other
 * words (ties alphabetical, reporting verbs left out). Three claims around "withdrew ... Velmar" ->
 * "withdraw nato us velmar".
 */
export function contextSubject(claims: readonly Claim[], vocabulary: Vocabulary, lead: string[] = []): string {
  const top = (pick: (c: ClaimContext) => readonly string[], n: number) => {
    const counts = new Map<string, number>();
    for (const c of claims) for (const w of new Set(pick(c.context))) if (!vocabulary.reportingVerbs.has(w) && !BUILTIN_REPORTING.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const min = claims.length > 1 ? 2 : 1;
    return [...counts.entries()]
      .filter(([, k]) => k >= min)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, n)
      .map(([w]) => w);
  };
  const words = [...lead, ...top((c) => c.predicates, 2), ...top((c) => c.entities, 3)];
  if (words.length < 2) words.push(...top((c) => c.words, 2));
  return [...new Set(words)].join(' ');
}

/**
 * True when two claims sit in one sentence of one article: "withdrew in July 2021 ... a 2020 agreement"
 * names two facts, so such claims are never linked (a range is already one claim).
 */
export function sameSentence(a: Claim, b: Claim, articles: ReadonlyMap<string, Article>): boolean {
  if (a.source !== b.source) return false;
  const article = articles.get(a.source);
  if (!article) return false;
  const i = sentenceAt(article.sentences, a.span.start);
  return i >= 0 && i === sentenceAt(article.sentences, b.span.start);
}

/** Memo key of the names each article gives around all its claims (set by the engine for every rule). */
export const ARTICLE_NAMES = 'link:article-names';

/** Whole-corpus counts for `articleNames` when only part of the corpus is at hand (the gate's store index). */
export interface NameCounts {
  /** Articles with at least one compared claim. */
  articles: number;
  /** Of those, the articles whose compared claims carry this name. */
  articlesWith(entity: string): number;
}

/**
 * Names (context entities) around every claim of each article, leaving out names so common that they
 * tell no story from another: in more than COMMON_NAME articles and more than 5 % of all ("minister",
 * a frequent given name, the capital every story mentions). `counts` gives those numbers for the whole
 * corpus when `claims` are only part of it.
 */
export function articleNames(claims: readonly Claim[], counts?: NameCounts): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const articlesWith = new Map<string, number>();
  for (const c of claims) {
    let s = names.get(c.source);
    if (!s) names.set(c.source, (s = new Set()));
    for (const e of c.context.entities) {
      if (s.has(e)) continue;
      s.add(e);
      articlesWith.set(e, (articlesWith.get(e) ?? 0) + 1);
    }
  }
  const limit = Math.max(COMMON_NAME, 0.05 * (counts ? counts.articles : names.size));
  const howMany = counts ? (e: string) => counts.articlesWith(e) : (e: string) => articlesWith.get(e)!;
  for (const s of names.values()) for (const e of s) if (howMany(e) > limit) s.delete(e);
  return names;
}

/** A name in more articles than this (and more than 5 % of them) is common to many stories. */
const COMMON_NAME = 20;

// Fewer names than this around an article's claims tell too little to call two stories apart.
const ENOUGH_NAMES = 2;

/**
 * True when two claims come from articles about different stories: both articles name places, people or
 * bodies around their claims, and not one name is shared. In a newsroom archive, "left 2,000 passengers
 * without service, officials in Velmora said" and "... 2,900 passengers ..., officials in Castrelle said"
 * read alike but are two events; the same figure or the same counted noun is no evidence across stories.
 * An article with fewer than two names says nothing either way (false).
 */
export function differentStories(a: Claim, b: Claim, ctx: CompareContext): boolean {
  if (a.source === b.source) return false;
  let names = ctx.memo?.get(ARTICLE_NAMES) as ReadonlyMap<string, ReadonlySet<string>> | undefined;
  if (!names) {
    names = articleNames(ctx.pool ?? []);
    ctx.memo?.set(ARTICLE_NAMES, names);
  }
  const x = names.get(a.source);
  const y = names.get(b.source);
  if (!x || !y || x.size < ENOUGH_NAMES || y.size < ENOUGH_NAMES) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const e of small) if (large.has(e)) return false;
  return true;
}
