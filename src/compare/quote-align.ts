import { diffArrays, diffWords } from 'diff';
import type { Vocabulary } from '../types';
import { preferredSpelling } from '../text/vocabulary';
import { foldText } from '../text/tokens';
import { NEGATORS, NUMBER_WORDS, STOPWORDS } from '../lang/words';
import { lemma } from '../lang/word-forms';
import { splitSentences } from '../lang/sentences';
import { memoByString } from '../util/memo';

/**
 * Aligning two quoted segments from different articles (or one): are they the same words, a fragment
 * of one another, a different translation of the same words, or different words? Shared by the
 * quote-wording and quote-speaker comparators.
 */

/** A word of a quote after folding, with whether it was written capitalized (a name, mostly). */
interface QWord {
  w: string;
  cap: boolean;
  /** Index of the word in the quote (0 = first), for telling a sentence-initial capital from a name. */
  at: number;
}

/** The words of one quote, folded three ways. */
export interface QuoteWords {
  /** Folded words: case, curly quotes, punctuation and contractions ("don't" -> "do not") undone, spellings unified. */
  plain: QWord[];
  /** `plain` with every paraphrase replaced by the first phrase of its set. */
  canon: string[];
  /** Paraphrase rules applied: rule id and the phrase as written. */
  applied: { rule: string; phrase: string; set: number }[];
}

const CONTRACTIONS: Record<string, string[]> = {
  "won't": ['will', 'not'], "can't": ['can', 'not'], cannot: ['can', 'not'], "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'], gonna: ['going', 'to'], wanna: ['want', 'to'], gotta: ['got', 'to'],
  "let's": ['let', 'us'], "i'm": ['i', 'am'],
};
const SUFFIXES: [RegExp, string][] = [[/n't$/, 'not'], [/'re$/, 'are'], [/'ll$/, 'will'], [/'ve$/, 'have']];

/** "Don't" -> ["do", "not"]; "we're" -> ["we", "are"]. */
function expand(word: string): string[] {
  if (CONTRACTIONS[word]) return CONTRACTIONS[word];
  for (const [re, full] of SUFFIXES) if (re.test(word) && word.length > 3) return [word.replace(re, ''), full];
  return [word];
}

function spell(word: string, vocabulary: Vocabulary): string[] {
  const s = preferredSpelling(word, vocabulary);
  return s ? s.split(' ') : [word];
}

/** Folded key of a quote: case, curly quotes and punctuation gone. "We won't," -> "we won't". */
export function foldWords(words: string): string {
  return foldText(words)
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const phraseCache = new WeakMap<Vocabulary, { toks: string[]; canon: string[]; rule: string; set: number }[]>();

function phrases(vocabulary: Vocabulary) {
  let list = phraseCache.get(vocabulary);
  if (!list) {
    list = [];
    vocabulary.paraphrases.forEach((p, set) => {
      const canon = tokensOf(p.phrases[0], vocabulary).map((q) => q.w);
      for (const ph of p.phrases) list!.push({ toks: tokensOf(ph, vocabulary).map((q) => q.w), canon, rule: p.rule, set });
    });
    list.sort((a, b) => b.toks.length - a.toks.length);
    phraseCache.set(vocabulary, list);
  }
  return list;
}

function tokensOf(words: string, vocabulary: Vocabulary): QWord[] {
  const raw = foldText(words).replace(/[\u2019]/g, "'");
  const orig = words.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const out: QWord[] = [];
  const re = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(raw)) !== null) {
    const cap = /^\p{Lu}/u.test(orig.slice(m.index, m.index + 1));
    const word = m[0].replace(/\.$/, '');
    for (const e of expand(word)) for (const s of spell(e, vocabulary)) out.push({ w: s, cap, at: at++ });
  }
  // Title Case or SHOUTED words name nothing: "Not One Step Back", "HARD TIMES ARE COMING FOR ALL".
  const capsWords = (orig.match(/\p{Lu}[\p{Lu}'\u2019]+\b/gu) ?? []).filter((w) => w.length > 4).length;
  const titleCase = out.length > 0 && out.filter((q) => q.cap).length / out.length >= 0.6;
  if (titleCase || capsWords >= 2) for (const q of out) q.cap = false;
  return out;
}

const QUOTE_WORDS = new WeakMap<Vocabulary, Map<string, QuoteWords>>();

/**
 * Folds a quote for alignment. Memoized per vocabulary: every pair a quote is compared in folds it
 * again otherwise. The result is shared: read it, never change it.
 */
export function quoteWords(words: string, vocabulary: Vocabulary): QuoteWords {
  let memo = QUOTE_WORDS.get(vocabulary);
  if (!memo) QUOTE_WORDS.set(vocabulary, (memo = new Map()));
  let q = memo.get(words);
  if (!q) {
    q = foldQuote(words, vocabulary);
    if (memo.size >= 50000) memo.clear();
    memo.set(words, q);
  }
  return q;
}

function foldQuote(words: string, vocabulary: Vocabulary): QuoteWords {
  const plain = tokensOf(words, vocabulary);
  const canon: string[] = [];
  const applied: QuoteWords['applied'] = [];
  const list = phrases(vocabulary);
  const ws = plain.map((p) => p.w);
  for (let i = 0; i < ws.length; ) {
    let hit = false;
    for (const p of list) {
      if (p.toks.length === 0 || i + p.toks.length > ws.length) continue;
      let ok = true;
      for (let k = 0; k < p.toks.length && ok; k++) ok = ws[i + k] === p.toks[k];
      if (!ok) continue;
      canon.push(...p.canon);
      applied.push({ rule: p.rule, phrase: p.toks.join(' '), set: p.set });
      i += p.toks.length;
      hit = true;
      break;
    }
    if (!hit) canon.push(ws[i++]);
  }
  return { plain, canon, applied };
}

const content = (ws: readonly string[]) => ws.filter((w) => !STOPWORDS.has(w) && w.length > 1);

/** Content words of the paraphrased form that were not written as names. */
function meaningful(q: QuoteWords): string[] {
  const names = new Set(q.plain.filter((w) => w.cap && w.at > 0).map((w) => w.w));
  return content(q.canon).filter((w) => !names.has(w));
}

/** Words of a quote that say something, as lemmas: block keys for candidate pairs. */
export function contentLemmas(words: string, vocabulary: Vocabulary): string[] {
  return [...new Set(content(quoteWords(words, vocabulary).canon).map(lemma))].sort();
}

export function containsRun(long: readonly string[], short: readonly string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let k = 0; k < short.length; k++) if (long[i + k] !== short[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Length of the longest common subsequence. The words two near-copies share at both ends are counted
 * without aligning them: only what differs in between is aligned ("... said the port will reopen on
 * Monday" against "... said the port would reopen on Monday" aligns "will" with "would").
 */
export function lcs(a: readonly string[], b: readonly string[]): number {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const na = a.length - head - tail;
  const nb = b.length - head - tail;
  if (!na || !nb) return head + tail;
  let prev = new Array<number>(nb + 1).fill(0);
  for (let i = 1; i <= na; i++) {
    const cur = new Array<number>(nb + 1).fill(0);
    for (let j = 1; j <= nb; j++) cur[j] = a[head + i - 1] === b[head + j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return head + tail + prev[nb];
}

/** How two quotes relate in their words. */
export interface Alignment {
  /** 0..1: how surely the two are the same words of the same speaker. */
  link: number;
  /** same = equal after folding and paraphrases; contained = one is a run of the other's words. */
  relation: 'same' | 'contained' | 'overlap' | 'disjoint';
  /** LCS over the shorter quote, or set overlap of content words, whichever is larger (0..1). */
  similarity: number;
  a: QuoteWords;
  b: QuoteWords;
}

// A fragment of one or two words links weakly: "impossible" turns up in many quotes.
function strength(contentCount: number): number {
  if (contentCount >= 3) return 1;
  if (contentCount === 2) return 0.65;
  if (contentCount === 1) return 0.45;
  return 0.25;
}

/**
 * Aligns two quotes. "hard times" inside "hard times are coming" is contained (link 0.59,
 * two content words); "we want the ferry back soon, right away" and "..., immediately" are the same once the
 * paraphrase rule is applied (link 1).
 */
export function alignQuotes(aWords: string, bWords: string, vocabulary: Vocabulary): Alignment {
  let memo = ALIGNMENTS.get(vocabulary);
  if (!memo) ALIGNMENTS.set(vocabulary, (memo = new Map()));
  const key = `${aWords}\u0000${bWords}`;
  let al = memo.get(key);
  if (!al) {
    al = align(aWords, bWords, vocabulary);
    if (memo.size >= 20000) memo.clear();
    memo.set(key, al);
  }
  return al;
}

// A pair of quotes is aligned for its link, again for its judgement, and again by the other quote rule;
// one wire sentence quoted by many outlets meets the same sentences again and again. Shared: read only.
const ALIGNMENTS = new WeakMap<Vocabulary, Map<string, Alignment>>();

function align(aWords: string, bWords: string, vocabulary: Vocabulary): Alignment {
  const a = quoteWords(aWords, vocabulary);
  const b = quoteWords(bWords, vocabulary);
  const [short, long] = a.canon.length <= b.canon.length ? [a.canon, b.canon] : [b.canon, a.canon];
  const st = strength(content(short).length);
  if (a.canon.join(' ') === b.canon.join(' ')) return { link: st, relation: 'same', similarity: 1, a, b };
  if (containsRun(long, short)) return { link: 0.9 * st, relation: 'contained', similarity: 1, a, b };
  // Names are the topic of a story, not the words of a quote: two different quotes both name the place.
  const ca = meaningful(a);
  const cb = meaningful(b);
  const coverage = lcs(ca, cb) / Math.max(1, Math.min(ca.length, cb.length));
  const la = new Set(ca.map(lemma));
  const lb = new Set(cb.map(lemma));
  let inter = 0;
  for (const w of la) if (lb.has(w)) inter++;
  const dice = la.size + lb.size ? (2 * inter) / (la.size + lb.size) : 0;
  const similarity = Math.max(dice, 0.95 * coverage);
  const strong = similarity >= 0.45 && inter >= 2;
  const relation = strong ? 'overlap' : 'disjoint';
  // Below that, one shared word is chance: the link stays under the default link-agree of 0.25.
  const link = strong ? similarity * st : Math.min(0.2, 0.5 * similarity * st);
  return { link: Math.min(1, link), relation, similarity, a, b };
}

const isNumber = (w: string) => /^\d/.test(w) || NUMBER_WORDS.has(w);

/** What makes two overlapping quotes contradict: a flipped negation, a changed number, a changed name. */
export function contradiction(al: Alignment): string | null {
  const parts = diffArrays(al.a.canon, al.b.canon);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.removed && !p.added) continue;
    const other = parts[i + 1] && (p.removed ? parts[i + 1].added : parts[i + 1].removed) ? parts[i + 1] : undefined;
    const mine = p.value;
    const theirs = other ? other.value : [];
    const negMine = mine.filter((w) => NEGATORS.has(w)).length;
    const negTheirs = theirs.filter((w) => NEGATORS.has(w)).length;
    // A flip is a small change inside words that otherwise match ("will not return" / "will return"),
    // not words left out at either end of a fragment.
    const inside = i > 0 && i + (other ? 2 : 1) < parts.length;
    const small = mine.length <= 3 && theirs.length <= 3;
    if (negMine !== negTheirs && inside && small && !negativeAffix(mine, theirs) && !unlessCompensates(al)) {
      return `negation flipped: "${mine.join(' ')}" against "${theirs.join(' ')}"`;
    }
    const numMine = mine.filter(isNumber);
    const numTheirs = theirs.filter(isNumber);
    if (numMine.length && numTheirs.length && numMine.join(' ') !== numTheirs.join(' ')) {
      return `number changed: "${numMine.join(' ')}" against "${numTheirs.join(' ')}"`;
    }
    if (other) i++;
  }
  // Names: a capitalized word (not the first of the quote) replaced by another one.
  const names = (q: QuoteWords) => q.plain.filter((w) => w.cap && w.at > 0 && !STOPWORDS.has(w.w)).map((w) => w.w);
  const na = names(al.a);
  const nb = names(al.b);
  const nparts = diffArrays(na, nb);
  for (let i = 0; i + 1 < nparts.length; i++) {
    const p = nparts[i];
    const q = nparts[i + 1];
    if ((p.removed && q.added) || (p.added && q.removed)) {
      if (p.value.join('') !== q.value.join('')) {
        const [x, y] = p.removed ? [p.value, q.value] : [q.value, p.value];
        // Only when both quotes still read alike around it: a name swapped, not a different sentence.
        if (al.similarity >= 0.6) return `name changed: "${x.join(' ')}" against "${y.join(' ')}"`;
      }
    }
  }
  return null;
}

/**
 * "will hold if we act" against "will not hold unless we act": "unless" is "if not", so a "not" more on
 * the side that also says "unless" is the same meaning in other words. True when the two differ in
 * "unless" and their negations, "unless" counted as one, balance out.
 */
function unlessCompensates(al: Alignment): boolean {
  const count = (ws: readonly string[], pick: (w: string) => boolean) => ws.filter(pick).length;
  const ua = count(al.a.canon, (w) => w === 'unless');
  const ub = count(al.b.canon, (w) => w === 'unless');
  if (ua === ub) return false;
  const na = count(al.a.canon, (w) => NEGATORS.has(w)) + ua;
  const nb = count(al.b.canon, (w) => NEGATORS.has(w)) + ub;
  return na % 2 === nb % 2;
}

const NEGATIVE_PREFIXES = ['un', 'in', 'im', 'ir', 'il', 'non', 'non-', 'dis'];

/**
 * "not acceptable" against "unacceptable", "not legal" against "illegal": a negation written as a prefix,
 * the same meaning in other words, not a flip.
 */
export function negativeAffix(x: readonly string[], y: readonly string[]): boolean {
  const check = (withNot: readonly string[], other: readonly string[]) => {
    const i = withNot.indexOf('not');
    if (i < 0 || i + 1 >= withNot.length) return false;
    const word = withNot[i + 1];
    const rest = [...withNot.slice(0, i), ...withNot.slice(i + 2)];
    return other.some((w, k) => {
      if (!NEGATIVE_PREFIXES.some((p) => w === p + word)) return false;
      const otherRest = [...other.slice(0, k), ...other.slice(k + 1)];
      return otherRest.join(' ') === rest.join(' ');
    });
  };
  return check(x, y) || check(y, x);
}

const clean = (s: string) => s.trim().replace(/\u02bc/g, "'");

/** Word-level difference for a reason: 'right away' -> 'immediately'. At most `max` changes shown. */
export function wordDiff(a: string, b: string, max = 4): string {
  // The modifier apostrophe (U+02BC) is a letter to the differ: "won't" stays one word, not "won" + "t".
  const prep = (s: string) => foldWords(s).replace(/'/g, '\u02bc');
  const parts = diffWords(prep(a), prep(b));
  const changes: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) continue;
    const next = parts[i + 1];
    if (p.removed && next?.added) {
      changes.push(`"${clean(p.value)}" -> "${clean(next.value)}"`);
      i++;
    } else if (p.removed) changes.push(`"${clean(p.value)}" left out`);
    else changes.push(`"${clean(p.value)}" added`);
  }
  const shown = changes.slice(0, max).join(', ');
  return changes.length > max ? `${shown}, and ${changes.length - max} more` : shown;
}

/** The paraphrase rule that made the two wordings meet, if one did. */
export function paraphraseRule(al: Alignment): string | undefined {
  for (const x of al.a.applied) {
    const y = al.b.applied.find((z) => z.set === x.set);
    if (!y || y.phrase !== x.phrase) return x.rule;
  }
  for (const y of al.b.applied) if (!al.a.applied.some((z) => z.set === y.set)) return y.rule;
  return undefined;
}

/** The sentences of two quotations and which sentence of one matches which of the other, in order. */
export interface SentenceAlignment {
  left: string[];
  right: string[];
  /** [index in left, index in right, link]: a monotone matching, strongest total link first. */
  matches: [number, number, number][];
}

// More sentences than this in one quotation are compared as a whole: the matching is quadratic.
const MAX_SENTENCES = 40;
/** "We won. We will rebuild." -> ["We won.", "We will rebuild."]; memoized, shared: read, never change. */
export const quoteSentences: (words: string) => string[] = memoByString((words) => {
  const s = splitSentences(words).map((x) => words.slice(x.start, x.end));
  return s.length ? s : [words];
}, 50000);

/**
 * Matches the sentences of two quotations: each sentence of one to at most one of the other, keeping
 * their order, so that the matched pairs have the largest total link (an LCS weighted by link). A pair
 * counts when its link reaches 0.25 (the default link-agree): one shared common word does not.
 * '"We will rebuild. It takes years."' against '"It will take years, we know."' matches the second
 * sentence of the first to the only one of the second.
 */
export function alignSentences(aWords: string, bWords: string, vocabulary: Vocabulary): SentenceAlignment {
  const left = quoteSentences(aWords);
  const right = quoteSentences(bWords);
  if (left.length > MAX_SENTENCES || right.length > MAX_SENTENCES || (left.length < 2 && right.length < 2)) {
    return { left, right, matches: [] };
  }
  const link = left.map((x) => right.map((y) => {
    const l = alignQuotes(x, y, vocabulary).link;
    return l >= 0.25 ? l : 0;
  }));
  // best[i][j]: the largest total link matching left[i..] with right[j..].
  const best = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0));
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], link[i][j] > 0 ? link[i][j] + best[i + 1][j + 1] : 0);
    }
  }
  const matches: [number, number, number][] = [];
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (link[i][j] > 0 && best[i][j] === link[i][j] + best[i + 1][j + 1]) {
      matches.push([i, j, link[i][j]]);
      i++;
      j++;
    } else if (best[i][j] === best[i + 1][j]) i++;
    else j++;
  }
  return { left, right, matches };
}
