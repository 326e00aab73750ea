import type { Article, Claim, ClaimContext, CompareContext, Vocabulary } from '../types';
import { sentenceAt } from '../lang/context';
import { PLAIN_REPORTING, TIME_ZONES } from '../lang/words';

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
 * a frequent given name, the capital every story mentions), single letters (initials) and time zones. `counts` gives those numbers for the whole
 * corpus when `claims` are only part of it.
 */
export function articleNames(claims: readonly Claim[], counts?: NameCounts): Map<string, Set<string>> {
  const names = allArticleNames(claims);
  const articlesWith = new Map<string, number>();
  for (const s of names.values()) for (const e of s) articlesWith.set(e, (articlesWith.get(e) ?? 0) + 1);
  const limit = Math.max(COMMON_NAME, 0.05 * (counts ? counts.articles : names.size));
  const howMany = counts ? (e: string) => counts.articlesWith(e) : (e: string) => articlesWith.get(e)!;
  const out = new Map<string, Set<string>>();
  for (const [source, s] of names) out.set(source, new Set([...s].filter((e) => howMany(e) <= limit)));
  return out;
}

/** Memo key of every name each article gives around its claims, common ones too (`allArticleNames`). */
export const ALL_ARTICLE_NAMES = 'link:all-article-names';

/** `articleNames` without leaving out common names: what one story's outlets share when it is told by many. */
export function allArticleNames(claims: readonly Claim[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const c of claims) {
    let s = names.get(c.source);
    if (!s) names.set(c.source, (s = new Set()));
    // An initial alone ("j" of "Mara J. Quell") or a time zone ("EDT") names no story.
    for (const e of c.context.entities) if (e.length >= 2 && !TIME_ZONES.has(e)) s.add(e);
  }
  return names;
}

/** A name in more articles than this (and more than 5 % of them) is common to many stories. */
const COMMON_NAME = 20;

// Fewer names than this around an article's claims tell too little to call two stories apart.
export const ENOUGH_NAMES = 2;

/**
 * True when two claims come from articles about different stories: both articles name places, people or
 * bodies around their claims, and not one name is shared. In a newsroom archive, "left 2,000 passengers
 * without service, officials in Velmora said" and "... 2,900 passengers ..., officials in Castrelle said"
 * read alike but are two events; the same figure or the same counted noun is no evidence across stories.
 * An article with fewer than two names says nothing either way (false). Common names (`articleNames`)
 * count only for a story told by many: two articles sharing half their names are one story.
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
  // A story told by more outlets than make a name common (its town in all forty articles) is still one
  // story: two of its articles share at least half the names of one of them, common ones included.
  let all = ctx.memo?.get(ALL_ARTICLE_NAMES) as ReadonlyMap<string, ReadonlySet<string>> | undefined;
  if (!all) {
    all = allArticleNames(ctx.pool ?? []);
    ctx.memo?.set(ALL_ARTICLE_NAMES, all);
  }
  const fx = all.get(a.source);
  const fy = all.get(b.source);
  if (!fx || !fy || (fx.size === x.size && fy.size === y.size)) return true;
  const [fewer, more] = fx.size <= fy.size ? [fx, fy] : [fy, fx];
  let shared = 0;
  for (const e of fewer) if (more.has(e)) shared++;
  return 2 * shared < fewer.size;
}

/**
 * Whether two claims state the same attribute of the same subject:
 * - `different`: both name an attribute and they differ ("killed" / "rescued"), or both are tied to
 *   different places ("died in Tobin County" / "died in Harl County");
 * - `same`: both name one attribute, and neither names a place or time the other lacks;
 * - `unknown`: anything else ("93 people" with no verb): such a pair may agree, never conflict.
 */
export function assertionMatch(a: Claim, b: Claim): 'same' | 'different' | 'unknown' {
  if (a.attribute && b.attribute && a.attribute !== b.attribute) {
    // An event word outside the attribute data ("event:finish") may be another word for the same event.
    return a.attribute.startsWith('event:') || b.attribute.startsWith('event:') ? 'unknown' : 'different';
  }
  const pa = a.subject?.place;
  const pb = b.subject?.place;
  if (pa && pb && pa !== pb) return 'different';
  // Counts of one noun owned by one named body ("teams of the Harbor Rescue Corps" / "nine HRC teams") are
  // one fact, whatever verb says so; owned by two ("teams of the Fire Service"), most likely two, though
  // one body may be named two ways ("the Army" / "the Velmar Army"): unsure.
  const oa = a.subject?.owner;
  const ob = b.subject?.owner;
  if (oa && ob) {
    if (oa !== ob) return 'unknown';
    if (pa === pb && a.subject?.time === b.subject?.time) return 'same';
  }
  // Ages (and whatever else names its subject by a person): one person, by surname ("mara j quell" / "mara quell").
  if (a.attribute === 'age' && b.attribute === 'age') return lastWord(a.subject?.key) === lastWord(b.subject?.key) ? 'same' : 'different';
  const ta = a.subject?.time;
  const tb = b.subject?.time;
  if (ta && tb && ta !== tb) return 'different';
  if (!a.attribute || !b.attribute || pa !== pb || ta !== tb) return 'unknown';
  return 'same';
}

/**
 * The finding's subject from the claims' assertions, when they state one attribute: "people killed in
 * Tobin County", "wind", "cost".
 */
export function assertionSubject(claims: readonly Claim[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) {
    if (!c.attribute) continue;
    const label = subjectLabel(c.attribute, c.subject?.text);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [label, k] of counts) if (k > n || (k === n && best !== undefined && label < best)) [best, n] = [label, k];
  return best;
}

/** "killed" of "people in Tobin County" -> "people killed in Tobin County"; "wind" alone -> "wind". */
function subjectLabel(attribute: string, subject: string | undefined): string {
  const name = attribute.replace(/-/g, ' ');
  if (!subject) return name;
  const at = subject.indexOf(' in ');
  return at > 0 ? `${subject.slice(0, at)} ${name}${subject.slice(at)}` : subject.startsWith('in ') ? `${name} ${subject}` : `${subject} ${name}`;
}

function lastWord(key: string | undefined): string {
  return key ? key.slice(key.lastIndexOf(' ') + 1) : '';
}

/**
 * The link of two claims once their assertions are known: 0 for different facts; at least
 * `SAME_ASSERTION` for one attribute of one subject in two articles, when the attribute is `specific`
 * enough to name one fact (a count of one noun, a wind speed; not "cost" or "fell", which many things
 * have: there the words around the claims must say the rest); below any conflict threshold
 * (`UNSURE_ASSERTION`) when unsure or inside one article (a report rarely contradicts itself: two figures
 * of one attribute there are two facts, "89 died here, 453 died in the 1918 fire").
 */
export function assertionLink(a: Claim, b: Claim, ctx: CompareContext, score: number, specific = true): number {
  const match = assertionMatch(a, b);
  // Two wordings of a money figure name it by different words more often than counts do ("a package worth
  // $4 million" / "a $4 million offer"): there different attributes make a pair unsure, not unrelated.
  if (match === 'different') return specific ? 0 : Math.min(score, UNSURE_ASSERTION);
  if (match === 'same' && a.source !== b.source) return specific ? Math.max(score, SAME_ASSERTION) : score;
  return Math.min(score, UNSURE_ASSERTION);
}

export const SAME_ASSERTION = 0.8;
export const UNSURE_ASSERTION = 0.7;


/**
 * What makes two claims one telling of a fact: the claim as written in its sentence (the sentence, where
 * in it, the value and the words around it, the attribute and subject) in an article naming the same
 * names on the same day. Two outlets running one wire sentence ("The strike left 2,000 passengers without
 * service, Velmora officials said.") give claims of one telling; the engine compares one of them for all.
 * `value` stands for the claim's value when part of it says where the claim is (a quote's offsets).
 */
export function tellingKey(claim: Claim, ctx: CompareContext, value: unknown = claim.value): string {
  const article = ctx.articles.get(claim.source);
  let sentence = '';
  let at = claim.span.start;
  if (article?.sentences) {
    const i = sentenceAt(article.sentences, claim.span.start);
    if (i >= 0) {
      const s = article.sentences[i];
      sentence = (article.reader ?? article.text ?? '').slice(s.start, s.end);
      at -= s.start;
    }
  }
  const names = (ctx.memo?.get(ARTICLE_NAMES) as ReadonlyMap<string, ReadonlySet<string>> | undefined)?.get(claim.source);
  return JSON.stringify([
    claim.kind,
    claim.span.text,
    at,
    sentence,
    value,
    claim.context,
    claim.attribute ?? null,
    claim.subject ?? null,
    names ? [...names].sort() : null,
    article?.referenceDate?.date ?? null,
  ]);
}
