import type {
  Article, Claim, ClaimRef, CompareContext, Comparator, Finding, PairJudgement, Reading, ReadingRelation, Rule, RuleSet, Verdict,
} from '../types';
import { comparatorById } from './comparators';
import { severityFor } from './severity';
import { ALL_ARTICLE_NAMES, ARTICLE_NAMES, ENOUGH_NAMES, allArticleNames, articleNames, tellingKey, type NameCounts } from './link';
import { sentenceAt } from '../lang/context';
import { claimsUnder } from './under-vocabulary';
import { byCodeUnit, shortHash, slug } from '../util/stable';

const VERDICT_RANK: Record<Verdict, number> = { conflict: 0, variant: 1, agree: 2 };

/** Buckets larger than this are too common a key to pair all their members (a word in every article). */
export const MAX_BUCKET = 64;

export interface CompareOptions {
  /**
   * Only pairs with at least one claim from these articles are compared, and only findings holding one
   * are reported: the CI gate checks a new article against the store without comparing old with old.
   */
  focus?: ReadonlySet<string>;
  /**
   * Per rule id: block keys whose bucket in the whole claims store holds more than MAX_BUCKET claims. The
   * gate's store index loads only the articles a new article can pair with, so such a bucket may look
   * small here; it is skipped as a full load would skip it.
   */
  overfull?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Per rule id: entries the rule's per-run memo (CompareContext.memo) starts with: statistics a
   * comparator derives from the whole pool (link.ts topic weights), computed by a caller that compares
   * only part of the pool (the gate's store index) from counts over all of it.
   */
  memo?: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /**
   * Whole-corpus counts of the names around compared claims (link.ts articleNames), when the claims given
   * are only part of the corpus: which names are too common to tell stories apart is a whole-corpus count.
   */
  nameCounts?: NameCounts;
  /** Filled in by `compareAll`: what a cap left unpaired. */
  stats?: CompareStats;
}

/** What the caps on comparison left out of a run. */
export interface CompareStats {
  /**
   * Per rule id, claims that share a block key with other claims but were paired with none: the key
   * held more than MAX_BUCKET claims even after twins were set aside and stories told apart.
   */
  unpaired: Record<string, number>;
}

/** Orders claims the same way whatever order the articles were read in. */
export function compareClaimOrder(a: Claim, b: Claim): number {
  return byCodeUnit(a.source, b.source) || a.span.start - b.span.start || a.span.end - b.span.end || byCodeUnit(a.id, b.id);
}

/**
 * Runs every comparator rule over the claims and returns the findings, conflicts first.
 * Claims from all articles are pooled; a finding may also hold claims of one article that contradict each other.
 */
export function compareAll(
  claims: readonly Claim[],
  ruleSet: RuleSet,
  articles: ReadonlyMap<string, Article>,
  options: CompareOptions = {},
): Finding[] {
  // The rules' vocabulary is applied here: claims hold only what the text and the language data say.
  const sorted = claimsUnder(claims, ruleSet.vocabulary).sort(compareClaimOrder);
  const findings: Finding[] = [];
  const runs: { comparator: Comparator; ctx: CompareContext; pool: Claim[] }[] = [];
  for (const rule of [...ruleSet.rules].sort((a, b) => byCodeUnit(a.id, b.id))) {
    const comparator = comparatorById(rule.extends);
    if (!comparator) continue;
    const ctx: CompareContext = { rule, vocabulary: ruleSet.vocabulary, articles, memo: new Map(options.memo?.get(rule.id)) };
    const pool = sorted.filter((c) => rule.appliesTo.includes(c.kind) && (comparator.accepts?.(c, ctx) ?? true));
    ctx.pool = pool;
    runs.push({ comparator, ctx, pool });
  }
  // Names around the claims some rule compares, per article: which articles can tell one story from another.
  const compared = new Set(runs.flatMap((r) => r.pool));
  const comparedClaims = sorted.filter((c) => compared.has(c));
  const names = articleNames(comparedClaims, options.nameCounts);
  const allNames = allArticleNames(comparedClaims);
  for (const { comparator, ctx, pool } of runs) {
    if (!ctx.memo!.has(ARTICLE_NAMES)) ctx.memo!.set(ARTICLE_NAMES, names);
    if (!ctx.memo!.has(ALL_ARTICLE_NAMES)) ctx.memo!.set(ALL_ARTICLE_NAMES, allNames);
    const stats = { unpaired: 0 };
    for (const f of findingsForRule(pool, comparator, ctx, options.focus, options.overfull?.get(ctx.rule.id), stats)) findings.push(f);
    if (options.stats && stats.unpaired) options.stats.unpaired[ctx.rule.id] = stats.unpaired;
  }
  const ids = new Map<string, number>();
  for (const f of findings.sort(compareFindings)) {
    const n = ids.get(f.id) ?? 0;
    ids.set(f.id, n + 1);
    if (n > 0) f.id = `${f.id}-${n + 1}`;
  }
  return findings;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
    byCodeUnit(a.kind, b.kind) ||
    byCodeUnit(a.id, b.id) ||
    byCodeUnit(a.readings[0]?.claims[0]?.source ?? '', b.readings[0]?.claims[0]?.source ?? '') ||
    (a.readings[0]?.claims[0]?.start ?? 0) - (b.readings[0]?.claims[0]?.start ?? 0)
  );
}

interface Pair {
  link: number;
  /** Computed on first need: most candidate pairs never link, and their judgement is never read. */
  judgement?: PairJudgement;
}

/** Clusters one rule's claims into facts and turns each fact seen by two sources, or disputed, into a finding. */
export function findingsForRule(
  pool: readonly Claim[],
  comparator: Comparator,
  ctx: CompareContext,
  focus?: ReadonlySet<string>,
  overfull?: ReadonlySet<string>,
  stats?: { unpaired: number },
): Finding[] {
  const linkAgree = numberParam(ctx.rule, 'link-agree', 0.25);
  const linkConflict = numberParam(ctx.rule, 'link-conflict', 0.75);
  const n = pool.length;
  const pairs = new Map<number, Pair>();
  const linkOf = (i: number, j: number): Pair => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const key = x * n + y;
    let p = pairs.get(key);
    if (!p) {
      p = { link: comparator.link(pool[x], pool[y], ctx) };
      pairs.set(key, p);
    }
    return p;
  };
  const judgementOf = (i: number, j: number): PairJudgement => {
    const p = linkOf(i, j);
    if (!p.judgement) p.judgement = i < j ? comparator.compare(pool[i], pool[j], ctx) : comparator.compare(pool[j], pool[i], ctx);
    return p.judgement;
  };
  const pairOf = (i: number, j: number): Required<Pair> => ({ link: linkOf(i, j).link, judgement: judgementOf(i, j) });
  const weakest = Math.min(linkAgree, linkConflict);

  // Candidate pairs: claims sharing a block key.
  const buckets = new Map<string, number[]>();
  pool.forEach((claim, i) => {
    for (const key of new Set(comparator.blockKeys(claim, ctx))) {
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(i);
    }
  });
  const inFocus = (i: number) => !focus || focus.has(pool[i].source);
  let candidates: Float64Array;
  let exact: Float64Array | null = null;
  let twins: Map<number, number[]> | undefined;
  if (focus) {
    const found = new Set<number>();
    for (const key of [...buckets.keys()].sort(byCodeUnit)) {
      const members = buckets.get(key)!;
      if (members.length < 2 || members.length > MAX_BUCKET || overfull?.has(key)) continue;
      // Each focused claim against every member: linear in the bucket, not quadratic.
      for (const f of members) {
        if (!inFocus(f)) continue;
        for (const m of members) if (m !== f) found.add(Math.min(f, m) * n + Math.max(f, m));
      }
    }
    candidates = Float64Array.from(found).sort();
  } else if (
    ![...buckets].some(([key, m]) => m.length > MAX_BUCKET || overfull?.has(key)) &&
    (exact = nearestPairs([...buckets.keys()].sort().map((key, group) => ({ members: buckets.get(key)!, group })), n, true))
  ) {
    // Every claim has at most NEAREST others to compare with: all pairs sharing a key are compared.
    candidates = exact;
  } else {
    const plan = planLarge(pool, buckets, comparator, ctx, overfull);
    candidates = nearestPairs(plan.blocks, n);
    twins = plan.twins;
    if (stats) {
      const paired = new Uint8Array(n);
      for (const key of candidates) {
        paired[Math.floor(key / n)] = 1;
        paired[key % n] = 1;
      }
      let unpaired = 0;
      for (const i of plan.capped) if (!paired[i]) unpaired += 1 + (twins.get(i)?.length ?? 0);
      stats.unpaired += unpaired;
    }
  }
  buckets.clear();

  const edges: { i: number; j: number; link: number }[] = [];
  for (const key of candidates) {
    const i = Math.floor(key / n);
    const j = key % n;
    // Most candidate pairs do not link: their link is kept only when a merge may ask for it again.
    const link = pairs.get(key)?.link ?? comparator.link(pool[i], pool[j], ctx);
    if (link <= 0 || link < weakest) continue;
    if (!pairs.has(key)) pairs.set(key, { link });
    const needed = judgementOf(i, j).relation === 'conflict' ? linkConflict : linkAgree;
    if (link >= needed) edges.push({ i, j, link });
  }
  edges.sort((a, b) => b.link - a.link || a.i - b.i || a.j - b.j);

  // Greedy merging, strongest links first. A merge is refused when it would set two claims against each
  // other (conflict) that are not surely about the same fact: "2021" must not bridge "Saturday" and "Sunday".
  const clusterOf = pool.map((_, i) => i);
  const members = new Map<number, number[]>(pool.map((_, i) => [i, [i]]));
  for (const { i, j } of edges) {
    const ci = clusterOf[i];
    const cj = clusterOf[j];
    if (ci === cj) continue;
    const A = members.get(ci)!;
    const B = members.get(cj)!;
    let ok = true;
    for (const x of A) {
      for (const y of B) {
        const { link } = linkOf(x, y);
        if (link < linkConflict && judgementOf(x, y).relation === 'conflict') {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) continue;
    const [keep, drop] = ci < cj ? [ci, cj] : [cj, ci];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((a, b) => a - b);
    for (const x of members.get(drop)!) clusterOf[x] = keep;
    members.set(keep, merged);
    members.delete(drop);
  }

  // Each twin joins the cluster of the claim compared for it, when the two link as any pair must.
  if (twins) {
    const joining = new Map<number, number[]>();
    for (const [rep, others] of twins) {
      const c = clusterOf[rep];
      for (const t of others) {
        const { link } = linkOf(rep, t);
        if (link <= 0 || link < (judgementOf(rep, t).relation === 'conflict' ? linkConflict : linkAgree)) continue;
        clusterOf[t] = c;
        members.delete(t);
        let list = joining.get(c);
        if (!list) joining.set(c, (list = []));
        list.push(t);
      }
    }
    for (const [c, list] of joining) members.set(c, [...members.get(c)!, ...list].sort((a, b) => a - b));
  }

  const findings: Finding[] = [];
  for (const [, idx] of [...members.entries()].sort((a, b) => a[0] - b[0])) {
    if (idx.length < 2 || (focus && !idx.some(inFocus))) continue;
    const finding = buildFinding(idx, pool, comparator, ctx, pairOf);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** How many nearest claims each claim is compared with in a whole-corpus run. */
export const NEAREST = 24;

/**
 * Candidate pairs of a whole-corpus run: each claim with its NEAREST nearest claims, nearness being the
 * block keys two claims share, a key counting the less the more claims hold it (1 / log2(1 + size)).
 * Two outlets' "4,200 students ... in Tedmerg" share rare keys (the place, the figure) and stay near;
 * two stories that only both name "$7.1 million" share one common key and fall out once the corpus is
 * large. With fewer than NEAREST neighbours every pair in a shared bucket is kept, as before: a corpus of
 * a few stories compares exactly as without this pruning. Keeps the work linear in the number of claims.
 * `blocks` are the buckets' members, in the order of their keys (those of one claim or more than
 * MAX_BUCKET are left out); consecutive blocks of one `group` are parts of one key's bucket, and a claim
 * in several of them counts the key once, its size being that of the parts holding the claim. With
 * `whole`, null as soon as a claim has more than NEAREST neighbours: the caller then makes the buckets
 * smaller first (`planLarge`), so that a fact told by thirty outlets in one sentence is not all a claim's
 * nearest claims, leaving out the other wordings of the fact.
 */
function nearestPairs(blocks: readonly Block[], n: number): Float64Array;
function nearestPairs(blocks: readonly Block[], n: number, whole: true): Float64Array | null;
function nearestPairs(blocks: readonly Block[], n: number, whole = false): Float64Array | null {
  const keysOf: Block[][] = Array.from({ length: n }, () => []);
  for (const block of blocks) {
    if (block.members.length < 2 || block.members.length > MAX_BUCKET) continue;
    for (const m of block.members) keysOf[m].push(block);
  }
  let out = new Float64Array(1024);
  let size = 0;
  const score = new Map<number, number>();
  const seen = new Int32Array(n).fill(-1);
  let stamp = 0;
  for (let i = 0; i < n; i++) {
    score.clear();
    const entries = keysOf[i];
    for (let e = 0; e < entries.length; ) {
      const { group, members } = entries[e];
      let end = e + 1;
      while (end < entries.length && entries[end].group === group) end++;
      if (end === e + 1) {
        const weight = 1 / Math.log2(1 + members.length);
        for (const j of members) if (j !== i) score.set(j, (score.get(j) ?? 0) + weight);
      } else {
        // One key split in parts: its members near this claim are the union of the parts holding it.
        stamp++;
        const union: number[] = [];
        for (let k = e; k < end; k++) for (const j of entries[k].members) if (seen[j] !== stamp) (seen[j] = stamp), union.push(j);
        const weight = 1 / Math.log2(1 + union.length);
        for (const j of union) if (j !== i) score.set(j, (score.get(j) ?? 0) + weight);
      }
      e = end;
    }
    let near = [...score.keys()];
    if (near.length > NEAREST && whole) return null;
    if (near.length > NEAREST) near = near.sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, NEAREST);
    if (size + near.length > out.length) {
      const grown = new Float64Array(Math.max(out.length * 2, size + near.length));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    for (const j of near) out[size++] = Math.min(i, j) * n + Math.max(i, j);
  }
  // Each pair once, in order: the order edges are made in.
  const sorted = out.subarray(0, size).sort();
  let unique = 0;
  for (let k = 0; k < size; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
  return sorted.slice(0, unique);
}

/** The members of a bucket, or of a part of one: `group` numbers the key. */
interface Block {
  members: number[];
  group: number;
}

/** How a rule run with buckets over MAX_BUCKET pairs its claims (`planLarge`). */
interface LargePlan {
  /** Buckets to pair from, in a fixed order: the small ones, and the large ones made small. */
  blocks: Block[];
  /** Claim compared for its twins -> the twins (pool indices, ascending). */
  twins: Map<number, number[]>;
  /** Claims compared for themselves and their twins that sit in a bucket still too large to pair. */
  capped: Set<number>;
}

/** How many of its most and of its least shared names place an article in the parts of a split bucket. */
export const STORY_NAMES = 3;

/**
 * Buckets of a run where some key holds more than MAX_BUCKET claims, or some claim more than NEAREST
 * neighbours, made small without leaving claims out:
 * - twins (`Comparator.twins`: one telling of a fact run by two hundred outlets in one wire sentence) are
 *   paired through the first of them, which the others join later;
 * - for a comparator whose claims of two stories never link (`storyBound`: two articles naming no name
 *   in common), every bucket is split by name: a claim goes in the part of each of its article's story
 *   names (`storyNamesOf`). Five hundred look-alike stories, each of its own town and people, make
 *   parts of one story each, so that a claim's nearest claims are of its story, not the same sentence
 *   told of another town. Claims of articles with too few names to tell their story (link.ts
 *   `differentStories`) make one more part.
 * A part still over MAX_BUCKET is left out, and claims in no part small enough are counted (`capped`).
 */
function planLarge(
  pool: readonly Claim[],
  buckets: ReadonlyMap<string, number[]>,
  comparator: Comparator,
  ctx: CompareContext,
  overfull?: ReadonlySet<string>,
): LargePlan {
  const large = (key: string, size: number) => size > MAX_BUCKET || Boolean(overfull?.has(key));
  const { twinOf, twins } = findTwins(pool, comparator, ctx);
  const storyNames = comparator.storyBound ? storyNamesOf(ctx) : undefined;
  const blocks: Block[] = [];
  const capped = new Set<number>();
  // A bucket still too large is cut by the comparator's narrower keys, as long as it has them.
  const refine = (key: string, members: number[], group: number, depth: number): void => {
    if (members.length <= MAX_BUCKET) {
      if (members.length > 1) blocks.push({ members, group });
      return;
    }
    const parts = new Map<string, number[]>();
    for (const i of members) {
      const finer = depth < MAX_REFINE && comparator.refineKey ? comparator.refineKey(key, pool[i], ctx) : [];
      if (!finer.length) capped.add(i);
      for (const k of finer) {
        const part = parts.get(k);
        if (part) part.push(i);
        else parts.set(k, [i]);
      }
    }
    for (const k of [...parts.keys()].sort()) refine(k, parts.get(k)!, group, depth + 1);
  };
  let group = 0;
  for (const key of [...buckets.keys()].sort()) {
    group++;
    const all = buckets.get(key)!;
    if (all.length < 2) continue;
    const members = all.filter((i) => twinOf[i] < 0);
    if (!storyNames) {
      if (!large(key, all.length) || (members.length <= MAX_BUCKET && !overfull?.has(key))) blocks.push({ members, group });
      else refine(key, members, group, 0);
      continue;
    }
    const parts = new Map<number, number[]>();
    for (const i of members) {
      for (const name of storyNames.get(pool[i].source) ?? NO_NAMES) {
        let part = parts.get(name);
        if (!part) parts.set(name, (part = []));
        part.push(i);
      }
    }
    let tooLarge = false;
    // A story's names often make one part several times over (every outlet names its town and its mayor).
    const kept = new Map<string, number[][]>();
    for (const name of [...parts.keys()].sort((x, y) => x - y)) {
      const part = parts.get(name)!;
      if (part.length > MAX_BUCKET) tooLarge = true;
      if (part.length < 2 || part.length > MAX_BUCKET) continue;
      const shape = `${part.length} ${part[0]} ${part[part.length - 1]}`;
      const same = kept.get(shape);
      if (same?.some((other) => other.every((x, k) => x === part[k]))) continue;
      if (same) same.push(part);
      else kept.set(shape, [part]);
      blocks.push({ members: part, group });
    }
    // Only when some part was too large can a claim be in none small enough.
    if (tooLarge) {
      const placed = new Set<number>();
      for (const part of parts.values()) if (part.length > 1 && part.length <= MAX_BUCKET) for (const i of part) placed.add(i);
      for (const i of members) if (!placed.has(i)) capped.add(i);
    }
  }
  return { blocks, twins, capped };
}

/**
 * Twins among the claims, each set under its first claim. A claim's telling is first
 * hashed from what is cheap to read (its text and its sentence, or its value); only claims sharing that
 * hash with another are keyed in full.
 */
function findTwins(
  pool: readonly Claim[],
  comparator: Comparator,
  ctx: CompareContext,
): { twinOf: Int32Array; twins: Map<number, number[]> } {
  const n = pool.length;
  const twinOf = new Int32Array(n).fill(-1);
  const twins = new Map<number, number[]>();
  const byValue = comparator.twins === 'value';
  const rough = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = pool[i];
    const key = byValue ? JSON.stringify(c.value) : roughTelling(c, ctx);
    const same = rough.get(key);
    if (same) same.push(i);
    else rough.set(key, [i]);
  }
  for (const same of rough.values()) {
    if (same.length < 2) continue;
    const firstOf = new Map<string, number>();
    for (const i of same) {
      const key = byValue ? '' : tellingKey(pool[i], ctx, comparator.twinValue ? comparator.twinValue(pool[i], ctx) : pool[i].value);
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i);
      else {
        twinOf[i] = first;
        let list = twins.get(first);
        if (!list) twins.set(first, (list = []));
        list.push(i);
      }
    }
  }
  return { twinOf, twins };
}

/** A hash of what any two claims of one telling share: kind, text, and the sentence around it. */
function roughTelling(c: Claim, ctx: CompareContext): string {
  const article = ctx.articles.get(c.source);
  const text = article?.reader ?? article?.text ?? '';
  let from = 0;
  let to = 0;
  if (article?.sentences) {
    const k = sentenceAt(article.sentences, c.span.start);
    if (k >= 0) ({ start: from, end: to } = article.sentences[k]);
  }
  return `${c.kind}\u0001${c.span.text}\u0001${c.span.start - from}\u0001${hash64(text, from, to)}`;
}

/** How many times a bucket is cut by narrower keys before its claims are left unpaired. */
const MAX_REFINE = 8;

/** The part of the articles with too few names to tell their story. */
const NO_NAMES = [-1];

/**
 * Per article, the names that place it in the parts of a split bucket (as numbers, in the order of the
 * names): of its names, common ones too (link.ts `allArticleNames`), that some other article names, the STORY_NAMES most
 * articles name (a story's town and people, named by all its outlets) and the STORY_NAMES fewest (a
 * witness two outlets quote); all of them when there are few. An article with too few names to tell its
 * story, or none shared, has none.
 */
function storyNamesOf(ctx: CompareContext): Map<string, number[]> {
  let names = ctx.memo?.get(ALL_ARTICLE_NAMES) as ReadonlyMap<string, ReadonlySet<string>> | undefined;
  if (!names) {
    names = allArticleNames(ctx.pool ?? []);
    ctx.memo?.set(ALL_ARTICLE_NAMES, names);
  }
  // Every rule of a run shares the articles' names, and so their story names.
  let out = STORY_NAMES_OF.get(names);
  if (!out) STORY_NAMES_OF.set(names, (out = computeStoryNames(names)));
  return out;
}

const STORY_NAMES_OF = new WeakMap<ReadonlyMap<string, ReadonlySet<string>>, Map<string, number[]>>();

function computeStoryNames(names: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number[]> {
  const articlesWith = new Map<string, number>();
  for (const set of names.values()) for (const e of set) articlesWith.set(e, (articlesWith.get(e) ?? 0) + 1);
  const ids = new Map([...articlesWith.keys()].sort().map((e, k) => [e, k]));
  const out = new Map<string, number[]>();
  for (const [source, set] of names) {
    if (set.size < ENOUGH_NAMES) continue;
    const shared = [...set].filter((e) => articlesWith.get(e)! >= 2);
    if (!shared.length) continue;
    shared.sort((a, b) => articlesWith.get(a)! - articlesWith.get(b)! || byCodeUnit(a, b));
    const chosen = shared.length <= 2 * STORY_NAMES ? shared : [...shared.slice(-STORY_NAMES), ...shared.slice(0, STORY_NAMES)];
    out.set(source, chosen.map((e) => ids.get(e)!));
  }
  return out;
}

/** A 64-bit hash of `s` (or of its characters from `from` to `to`) as 16 hex digits: two 32-bit FNV-1a runs. */
function hash64(s: string, from = 0, to = s.length): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function numberParam(rule: Rule, name: string, fallback: number): number {
  const v = rule.params[name];
  return typeof v === 'number' ? v : fallback;
}

function buildFinding(
  idx: number[],
  pool: readonly Claim[],
  comparator: Comparator,
  ctx: CompareContext,
  pairOf: (i: number, j: number) => Required<Pair>,
): Finding | null {
  const groups = new Map<string, number[]>();
  for (const i of idx) {
    const key = comparator.readingKey(pool[i], ctx);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const sources = new Set(idx.map((i) => pool[i].source));
  const readingsIdx = [...groups.entries()].sort(
    (a, b) => new Set(b[1].map((i) => pool[i].source)).size - new Set(a[1].map((i) => pool[i].source)).size || a[1][0] - b[1][0],
  );
  if (sources.size < 2 && readingsIdx.length < 2) return null;

  const relations: ReadingRelation[] = [];
  for (let a = 0; a < readingsIdx.length; a++) {
    for (let b = a + 1; b < readingsIdx.length; b++) {
      const { judgement } = pairOf(readingsIdx[a][1][0], readingsIdx[b][1][0]);
      const rel: ReadingRelation = { between: [a, b], relation: judgement.relation, reason: judgement.reason };
      if (judgement.rule) rel.rule = judgement.rule;
      relations.push(rel);
    }
  }
  // One article repeating itself is no finding; an article contradicting itself is.
  if (sources.size < 2 && relations.every((r) => r.relation === 'agree')) return null;

  const verdict: Verdict = relations.some((r) => r.relation === 'conflict')
    ? 'conflict'
    : relations.some((r) => r.relation === 'variant')
      ? 'variant'
      : 'agree';
  const claims = idx.map((i) => pool[i]);
  const readings: Reading[] = readingsIdx.map(([, members]) => {
    const { stated, repeats } = oncePerSource(members.map((i) => pool[i]));
    const reading: Reading = {
      display: comparator.display(pool[members[0]], ctx),
      value: comparator.readingValue(pool[members[0]], ctx),
      claims: stated.map(claimRef),
    };
    if (repeats.length) reading.repeats = repeats.map(claimRef);
    return reading;
  });
  const subject = comparator.subject(claims, ctx);
  const fingerprint = shortHash(
    JSON.stringify([ctx.rule.id, readingsIdx.map(([key]) => key).sort(byCodeUnit), claims.map((c) => `${c.source}|${c.span.text}`).sort(byCodeUnit)]),
  );
  return {
    id: `${comparator.findingKind}:${slug(subject || comparator.findingKind)}-${fingerprint}`,
    kind: comparator.findingKind,
    subject,
    verdict,
    severity: severityFor(verdict, ctx.rule.severity),
    rule: ctx.rule.id,
    message: messageFor(verdict, readings, relations, sources.size),
    readings,
    relations,
  };
}

/**
 * One claim per source for a reading, the rest as repeats. The one kept is in the body rather than a
 * headline, then states an attribute if any does ("the death toll rose to 61" over a later "61 in all"),
 * else comes first in the article. `members` are in pool order (by source, then offset).
 */
function oncePerSource(members: readonly Claim[]): { stated: Claim[]; repeats: Claim[] } {
  const best = new Map<string, Claim>();
  const rank = (c: Claim) => (c.context.inHeadline ? 0 : 2) + (c.attribute ? 1 : 0);
  for (const c of members) {
    const kept = best.get(c.source);
    if (!kept || rank(c) > rank(kept)) best.set(c.source, c);
  }
  const stated: Claim[] = [];
  const repeats: Claim[] = [];
  for (const c of members) (best.get(c.source) === c ? stated : repeats).push(c);
  return { stated, repeats };
}

function claimRef(c: Claim): ClaimRef {
  return { source: c.source, start: c.span.start, end: c.span.end, text: c.span.text, line: c.span.line, column: c.span.column, claim: c.id };
}

function sourcesOf(r: Reading): string {
  return [...new Set(r.claims.map((c) => c.source))].join(', ');
}

/** "3 sources agree: July 2021 (also given as 2021)"; "conflict: 1980s (a.txt) vs early 1950s (a.txt, b.txt)". */
function messageFor(verdict: Verdict, readings: Reading[], relations: ReadingRelation[], nSources: number): string {
  const sourcesWord = `${nSources} source${nSources === 1 ? '' : 's'}`;
  if (verdict === 'agree') {
    const also = readings.slice(1).map((r) => r.display);
    return `${sourcesWord} agree: ${readings[0].display}${also.length ? ` (also given as ${also.join('; ')})` : ''}`;
  }
  const worst = relations.find((r) => r.relation === verdict)!;
  const [a, b] = worst.between;
  const label = verdict === 'conflict' ? 'disagree' : 'word it differently';
  return `${sourcesWord} ${label}: ${readings[a].display} (${sourcesOf(readings[a])}) vs ${readings[b].display} (${sourcesOf(readings[b])}): ${worst.reason}`;
}
