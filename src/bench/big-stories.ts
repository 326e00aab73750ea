/**
 * The bench's corpora made from real news (real-like.ts) and how a report on them is scored:
 *   - one story told by many outlets (`manyOutlets`): each outlet runs one of the story's articles, some
 *     with one figure changed (a planted conflict);
 *   - many look-alike stories (`lookAlikes`): the same articles again and again with other names and
 *     figures, a few outlets each, one figure changed in one outlet of most stories;
 *   - stories of about six articles (`realLike`), as many as wanted, for timing `check`.
 *
 * A planted conflict counts only when the tool finds it in the story told by few (its articles alone,
 * with the changed copy): what is measured is what scale loses, not what the tool never finds. A
 * conflict reported at scale is right when it holds a planted figure against another outlet of its story,
 * or when the story alone reports the same pair (mapped onto the article each outlet runs).
 */
import { buildArticle } from '../ingest/article';
import { extractArticle } from '../pipeline';
import { compareAll } from '../compare/engine';
import type { Article, Claim, ClaimRef, Finding, RuleSet } from '../types';
import { seeded } from './corpus';
import { perturbStory, plant, plantSites, type BaseStory, type Site } from './real-like';

export interface Planted {
  story: number;
  /** Article id of the outlet whose copy carries the changed figure. */
  odd: string;
  site: Site;
}

export interface StoryCorpus {
  /** Article id -> text, in the order written. */
  articles: Map<string, string>;
  /** Article id -> story number. */
  storyOf: Map<string, number>;
  /** Article id -> the text it runs ("story/article"): outlets running one article share it. */
  templateOf: Map<string, string>;
  planted: Planted[];
  /** Per story: conflict pairs (template coordinates) the story reports when checked alone. */
  alone: Map<number, Set<string>>;
}

/** Claims of the texts, extracted once per distinct text. */
export class Extracted {
  private readonly byText = new Map<string, Claim[]>();
  private readonly articles = new Map<string, Article>();
  claims(id: string, text: string): { article: Article; claims: Claim[] } {
    const r = buildArticle(id, `/bench/${id}`, text);
    if (!r.ok) throw new Error(`bench article ${id}: ${r.error[0]?.message}`);
    let claims = this.byText.get(text);
    if (!claims) {
      claims = extractArticle(r.value, {});
      this.byText.set(text, claims);
    }
    this.articles.set(id, r.value);
    // Claims carry their source: a copy's claims are the text's, with its own id.
    return { article: r.value, claims: claims.map((c) => ({ ...c, source: id })) };
  }
}

const FUNCTION_TAGS = new Set(['IN', 'DT', 'CC', 'TO', 'PRP', 'PRP$', 'MD', 'WDT', 'WP', 'WRB', 'EX', 'RP', 'PDT', 'POS']);
let lexicon: Record<string, readonly string[] | undefined> | undefined;

/**
 * The words of the names the tool finds in a story's articles as read (the names around claims, people,
 * bodies and places): "air" and "force" of "the Air Force". A story retold with other names changes them
 * all, so that look-alike stories share no name but the ones the tool does not see as names.
 */
export function nameWordsOf(base: BaseStory, ex: Extracted): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, readonly string[] | undefined>;
  const words = new Set<string>();
  const add = (name: string) => {
    for (const w of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      const tags = Object.prototype.hasOwnProperty.call(lexicon, w) ? lexicon![w] : undefined;
      if (w && !(w.length <= 3 && tags && FUNCTION_TAGS.has(tags[0]))) words.add(w);
    }
  };
  const collect = (texts: readonly string[]) =>
    texts.forEach((text, i) => {
      for (const c of ex.claims(`base-${i}.txt`, text).claims) {
        for (const e of c.context.entities) add(e);
        const v = c.value as { type: string; name?: string };
        if ((v.type === 'person' || v.type === 'entity') && v.name) add(v.name);
      }
    });
  collect(base.articles.map((a) => a.text));
  // Once more on the story retold: a word read as a name only beside the new names ("Everyone" before one).
  collect(perturbStory(base, PROBE_STORY, 0, words));
  return words;
}

/** The story number of the retelling `nameWordsOf` reads. */
const PROBE_STORY = 999_999;

/** The findings of a few articles compared alone. */
export function checkAlone(texts: ReadonlyMap<string, string>, rules: RuleSet, ex: Extracted): Finding[] {
  const articles = new Map<string, Article>();
  const claims: Claim[] = [];
  for (const [id, text] of texts) {
    const got = ex.claims(id, text);
    articles.set(id, got.article);
    claims.push(...got.claims);
  }
  return compareAll(claims, rules, articles);
}

export interface ConflictPair {
  kind: string;
  a: ClaimRef;
  b: ClaimRef;
}

/** Pairs of claims a finding sets in conflict (as eval/score.mjs reads a report): one per pair of spans. */
export function conflictPairs(findings: readonly Finding[]): ConflictPair[] {
  const out: ConflictPair[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const relation = (i: number, j: number) =>
      f.relations.find((r) => (r.between[0] === i && r.between[1] === j) || (r.between[0] === j && r.between[1] === i))?.relation ?? f.verdict;
    for (let i = 0; i < f.readings.length; i++) {
      for (let j = i + 1; j < f.readings.length; j++) {
        if (relation(i, j) !== 'conflict') continue;
        for (const a of f.readings[i].claims) {
          for (const b of f.readings[j].claims) {
            const key = [a, b].map((c) => `${c.source}:${c.start}-${c.end}`).sort().join('|');
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ kind: f.kind, a, b });
          }
        }
      }
    }
  }
  return out;
}

function templateKey(corpus: Pick<StoryCorpus, 'templateOf'>, c: ClaimRef): string {
  return `${corpus.templateOf.get(c.source) ?? c.source}:${c.start}-${c.end}`;
}

function pairKey(corpus: Pick<StoryCorpus, 'templateOf'>, p: ConflictPair): string {
  return [templateKey(corpus, p.a), templateKey(corpus, p.b)].sort().join('|');
}

const overlaps = (c: ClaimRef, s: Site) => c.start < s.end && s.start < c.end;

/** Whether the pair sets a planted figure against another outlet of its story. */
function plantedPair(corpus: StoryCorpus, byOdd: ReadonlyMap<string, Planted>, p: ConflictPair): Planted | undefined {
  for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) {
    const planted = byOdd.get(x.source);
    if (planted && overlaps(x, planted.site) && y.source !== x.source && corpus.storyOf.get(y.source) === planted.story) return planted;
  }
  return undefined;
}

export interface Score {
  planted: number;
  found: number;
  /** Conflict pairs reported, right (planted or reported alone), and of those the date and quantity ones. */
  pairs: number;
  right: number;
  figurePairs: number;
  figureRight: number;
  /** Conflict pairs the stories report alone, and how many of them the run at scale reports. */
  alonePairs: number;
  aloneKept: number;
}

export function scoreReport(corpus: StoryCorpus, findings: readonly Finding[]): Score {
  const byOdd = new Map(corpus.planted.map((p) => [p.odd, p]));
  const found = new Set<Planted>();
  const kept = new Set<string>();
  let right = 0;
  let figurePairs = 0;
  let figureRight = 0;
  const pairs = conflictPairs(findings);
  for (const p of pairs) {
    const story = corpus.storyOf.get(p.a.source);
    const planted = plantedPair(corpus, byOdd, p);
    if (planted) found.add(planted);
    const key = pairKey(corpus, p);
    const alone = story !== undefined && story === corpus.storyOf.get(p.b.source) && corpus.alone.get(story)?.has(key);
    if (alone) kept.add(`${story}|${key}`);
    const ok = planted !== undefined || Boolean(alone);
    if (ok) right++;
    if (p.kind === 'date' || p.kind === 'quantity') {
      figurePairs++;
      if (ok) figureRight++;
    }
  }
  let alonePairs = 0;
  for (const s of corpus.alone.values()) alonePairs += s.size;
  return { planted: corpus.planted.length, found: found.size, pairs: pairs.length, right, figurePairs, figureRight, alonePairs, aloneKept: kept.size };
}

/** Conflict pairs of a story checked alone, in template coordinates. */
function alonePairs(texts: ReadonlyMap<string, string>, corpus: Pick<StoryCorpus, 'templateOf'>, rules: RuleSet, ex: Extracted): Set<string> {
  return new Set(conflictPairs(checkAlone(texts, rules, ex)).map((p) => pairKey(corpus, p)));
}

/** True when the articles alone report the planted figure in conflict with another article. */
function calibrated(texts: ReadonlyMap<string, string>, odd: string, site: Site, rules: RuleSet, ex: Extracted): boolean {
  return conflictPairs(checkAlone(texts, rules, ex)).some(
    (p) => (p.a.source === odd && overlaps(p.a, site) && p.b.source !== odd) || (p.b.source === odd && overlaps(p.b, site) && p.a.source !== odd),
  );
}

const id = (story: number, outlet: number) => `s${String(story).padStart(5, '0')}-o${String(outlet).padStart(3, '0')}.txt`;

/**
 * One story told by `outlets` outlets: base story `which`, perturbed; outlet k runs article k mod n of it.
 * `plants` outlets (spread over the story) carry one changed figure each, a different figure each time,
 * each one the story alone (its articles and the changed copy) reports in conflict.
 */
export function manyOutlets(bases: readonly BaseStory[], which: number, outlets: number, plants: number, seed: number, rules: RuleSet, ex = new Extracted()): StoryCorpus {
  const base = bases[which % bases.length];
  const texts = perturbStory(base, 0, seed, nameWordsOf(base, ex));
  const n = texts.length;
  const corpus: StoryCorpus = { articles: new Map(), storyOf: new Map(), templateOf: new Map(), planted: [], alone: new Map() };
  const baseTexts = new Map(texts.map((t, i) => [`base-${i}.txt`, t]));
  const tpl = { templateOf: new Map(texts.map((_, i) => [`base-${i}.txt`, `0/${i}`])) };
  corpus.alone.set(0, alonePairs(baseTexts, tpl, rules, ex));
  // Candidate sites, article by article in turn, so plants spread over the story's articles.
  const r = seeded(seed);
  const sitesOf = texts.map((t) => shuffle(plantSites(t), r));
  const usable: { article: number; site: Site }[] = [];
  for (let round = 0; usable.length < plants && sitesOf.some((s) => s.length); round++) {
    for (let a = 0; a < n && usable.length < plants; a++) {
      const site = sitesOf[a].shift();
      if (!site) continue;
      const trial = new Map(baseTexts);
      trial.set('odd.txt', plant(texts[a], site));
      if (calibrated(trial, 'odd.txt', site, rules, ex)) usable.push({ article: a, site });
    }
  }
  // Outlet k runs article k mod n; the plants go to outlets spread evenly, each running its site's article.
  const taken = new Set<number>();
  for (const [i, u] of usable.entries()) {
    let k = Math.floor(((i + 0.5) * outlets) / usable.length);
    k -= ((k % n) - u.article + n) % n;
    while (k < 0 || taken.has(k)) k += n;
    if (k >= outlets) continue;
    taken.add(k);
    corpus.planted.push({ story: 0, odd: id(0, k), site: u.site });
  }
  const plantAt = new Map(corpus.planted.map((p) => [p.odd, p.site]));
  for (let k = 0; k < outlets; k++) {
    const a = k % n;
    const site = plantAt.get(id(0, k));
    corpus.articles.set(id(0, k), site ? plant(texts[a], site) : texts[a]);
    corpus.storyOf.set(id(0, k), 0);
    corpus.templateOf.set(id(0, k), `0/${a}`);
  }
  return corpus;
}

/**
 * `stories` look-alike stories of `per` outlets each: story s tells base story s mod (number of bases)
 * with its own names and figures, each outlet one of its articles (in turn from a seeded start). In each
 * story one outlet's copy has one figure changed, the first of a seeded order of its figures that the
 * story alone reports in conflict (none when no figure does).
 */
export function lookAlikes(bases: readonly BaseStory[], stories: number, per: number, seed: number, rules: RuleSet, ex = new Extracted()): StoryCorpus {
  const corpus: StoryCorpus = { articles: new Map(), storyOf: new Map(), templateOf: new Map(), planted: [], alone: new Map() };
  const r = seeded(seed);
  const nameWords = bases.map((b) => nameWordsOf(b, ex));
  for (let s = 0; s < stories; s++) {
    const base = bases[s % bases.length];
    const texts = perturbStory(base, s, seed, nameWords[s % bases.length]);
    const first = Math.floor(r() * texts.length);
    const picked = Array.from({ length: Math.min(per, texts.length) }, (_, o) => (first + o) % texts.length);
    const story = new Map(picked.map((a, o) => [id(s, o), texts[a]]));
    for (const [o, a] of picked.entries()) {
      corpus.storyOf.set(id(s, o), s);
      corpus.templateOf.set(id(s, o), `${s}/${a}`);
    }
    corpus.alone.set(s, alonePairs(story, corpus, rules, ex));
    const odd = Math.floor(r() * picked.length);
    const oddId = id(s, odd);
    for (const site of shuffle(plantSites(texts[picked[odd]]), r).slice(0, 6)) {
      const trial = new Map(story);
      trial.set(oddId, plant(texts[picked[odd]], site));
      if (calibrated(trial, oddId, site, rules, ex)) {
        story.set(oddId, trial.get(oddId)!);
        corpus.planted.push({ story: s, odd: oddId, site });
        break;
      }
    }
    for (const [k, t] of story) corpus.articles.set(k, t);
  }
  return corpus;
}

/**
 * Stories of all the articles of a base story (about six), each with its own names and figures, until
 * `count` articles: the articles a newsroom archive of similar stories holds. No plants; with `alone`,
 * each story's own conflicts are computed for scoring (costly at many thousands).
 */
export function realLike(bases: readonly BaseStory[], count: number, seed: number, rules?: RuleSet, ex = new Extracted()): StoryCorpus {
  const corpus: StoryCorpus = { articles: new Map(), storyOf: new Map(), templateOf: new Map(), planted: [], alone: new Map() };
  const nameWords = bases.map((b) => nameWordsOf(b, ex));
  for (let s = 0; corpus.articles.size < count; s++) {
    const texts = perturbStory(bases[s % bases.length], s, seed, nameWords[s % bases.length]).slice(0, count - corpus.articles.size);
    const story = new Map(texts.map((t, a) => [id(s, a), t]));
    for (const [a, t] of texts.entries()) {
      corpus.articles.set(id(s, a), t);
      corpus.storyOf.set(id(s, a), s);
      corpus.templateOf.set(id(s, a), `${s}/${a}`);
    }
    if (rules) corpus.alone.set(s, alonePairs(story, corpus, rules, ex));
  }
  return corpus;
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
