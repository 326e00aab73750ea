import type {
  Article, Claim, ClaimRef, CompareContext, Comparator, Finding, PairJudgement, Reading, ReadingRelation, Rule, RuleSet, Verdict,
} from '../types';
import { comparatorById } from './comparators';
import { severityFor } from './severity';
import { ARTICLE_NAMES, articleNames, type NameCounts } from './link';
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
  const names = articleNames(sorted.filter((c) => compared.has(c)), options.nameCounts);
  for (const { comparator, ctx, pool } of runs) {
    if (!ctx.memo!.has(ARTICLE_NAMES)) ctx.memo!.set(ARTICLE_NAMES, names);
    for (const f of findingsForRule(pool, comparator, ctx, options.focus, options.overfull?.get(ctx.rule.id))) findings.push(f);
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
  const candidates = new Set<number>();
  const inFocus = (i: number) => !focus || focus.has(pool[i].source);
  for (const key of [...buckets.keys()].sort(byCodeUnit)) {
    const members = buckets.get(key)!;
    if (members.length < 2 || members.length > MAX_BUCKET || overfull?.has(key)) continue;
    if (focus) {
      // Each focused claim against every member: linear in the bucket, not quadratic.
      for (const f of members) {
        if (!inFocus(f)) continue;
        for (const m of members) if (m !== f) candidates.add(Math.min(f, m) * n + Math.max(f, m));
      }
      continue;
    }
  }
  if (!focus) for (const key of nearestPairs(buckets, n)) candidates.add(key);

  const edges: { i: number; j: number; link: number }[] = [];
  for (const key of [...candidates].sort((a, b) => a - b)) {
    const i = Math.floor(key / n);
    const j = key % n;
    const { link } = linkOf(i, j);
    if (link <= 0 || link < weakest) continue;
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
 */
function nearestPairs(buckets: ReadonlyMap<string, number[]>, n: number): number[] {
  const keysOf: { weight: number; members: number[] }[][] = Array.from({ length: n }, () => []);
  for (const key of [...buckets.keys()].sort(byCodeUnit)) {
    const members = buckets.get(key)!;
    if (members.length < 2 || members.length > MAX_BUCKET) continue;
    const entry = { weight: 1 / Math.log2(1 + members.length), members };
    for (const m of members) keysOf[m].push(entry);
  }
  const out = new Set<number>();
  const score = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    score.clear();
    for (const { weight, members } of keysOf[i]) for (const j of members) if (j !== i) score.set(j, (score.get(j) ?? 0) + weight);
    let near = [...score.keys()];
    if (near.length > NEAREST) near = near.sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, NEAREST);
    for (const j of near) out.add(Math.min(i, j) * n + Math.max(i, j));
  }
  return [...out];
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
