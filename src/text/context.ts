import type { Article, ClaimContext, Sentence, Vocabulary } from '../types';
import { STOPWORDS, lemma, lowerPlain, rangeTokens, type Token } from './tokens';
import { RecentArticles, insertAt } from './lookup';
import { isSpaceCode } from './scan';

/** Index of the sentence holding `offset`, or -1. Binary search: sentences are sorted and disjoint. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}


/** True when `[start, end)` lies between an opening and a closing double quote of its sentence. */
export function insideQuotes(text: string, sentence: Sentence, start: number): boolean {
  let open = false;
  for (let i = sentence.start; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) open = !open; // "
    else if (c === 0x201c || c === 0x201e) open = true;
    else if (c === 0x201d) open = false;
  }
  return open;
}

// Event words are recognised by form when no lexicon says otherwise: "withdrew", "constructed", "withdrawal".
const EVENT_SUFFIX = /(ed|ing|ion|ions|al|ment|ure)$/;

// Words of those forms that name no event: "during the war", "the national army", "a central role".
const NOT_EVENTS = new Set(
  (
    'during including following according regarding concerning pending morning evening thing things nothing ' +
    'something anything everything king ring spring bring ceiling ongoing outgoing incoming upcoming building ' +
    'original national international regional local official officials political central total several general ' +
    'federal social special final critical crucial potential additional legal global royal animal capital hospital ' +
    'individual principal personal annual actual usual equal rural natural cultural commercial financial external ' +
    'internal moment government department parliament environment region nation million billion opinion union ' +
    'religion position nature future feature culture measure pressure structure procedure temperature figure ' +
    'picture nurture signature literature legislature based related united limited armed detailed alleged ' +
    'supposed red bed fed need speed seed hundred indeed shed deed breed weed tired interested advanced naked ' +
    'sacred wicked beloved rugged ragged learned aged'
  ).split(/\s+/),
);

// Capitalized words that are not names: date words, and sentence openers ("However, ...").
const NOT_NAMES = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday however meanwhile still ' +
    'yet later earlier recently today yesterday tomorrow now instead indeed despite although though because since ' +
    'while whether once several many most some few both analysts officials decades years months'
  ).split(/\s+/),
);

// Hard clause boundaries (see isBreak): "He left (in July 2021) for good" keeps "in July 2021" apart.

/** Words before a relative clause's comma that name what the clause speaks of ("The route, which ..."). */
export const ANTECEDENT_WORDS = 3;

/** Characters read on each side of a claim: enough for `window` words of ordinary prose. */
export const CONTEXT_CHARS = 160;
const LETTERS3 = /\p{L}{3,}/u;

/** `LETTERS3.test(word)`, counted by hand when the word is ASCII. */
function hasThreeLetters(word: string): boolean {
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return LETTERS3.test(word);
    run = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

// SUBORDINATE after the comma at `i`: spaces, then a word starting a, b, e, s, t, u or w (any case).
function mayOpenSubordinate(text: string, i: number): boolean {
  let j = i + 1;
  if (!isSpaceCode(text.charCodeAt(j))) return false;
  while (isSpaceCode(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j) | 32;
  return c === 97 || c === 98 || c === 101 || c === 115 || c === 116 || c === 117 || c === 119;
}

function isBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ; ( ) [ ] : em dash, en dash, and a spaced hyphen " - "
  if (c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 58 || c === 0x2014 || c === 0x2013) return true;
  return c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32;
}

const LEMMAS = new Map<string, string>();
/** `lemma` with a memo: news text repeats its words. */
function lemmaOf(word: string): string {
  let l = LEMMAS.get(word);
  if (l === undefined) {
    l = lemma(word);
    if (LEMMAS.size > 50000) LEMMAS.clear();
    LEMMAS.set(word, l);
  }
  return l;
}

// A comma before a subordinate clause also ends a clause: "said Sunday, after the mayor threatened ...".
const SUBORDINATE = /^,\s+(?:after|before|when|while|as|though|although|but|which|who|because|since|until|whereas|even as)\b/i;

/** Reporting verbs kept as (weak) predicates even without a vocabulary: "said Sunday" is a statement's date. */
export const REPORTING_WORDS: Record<string, string> = {
  said: 'say', says: 'say', say: 'say', saying: 'say', told: 'tell', tells: 'tell', tell: 'tell',
  reported: 'report', reports: 'report', according: 'according',
};

/**
 * How many event words a context keeps: the nearest one, and others not much farther (at most twice its
 * distance, or 4 characters, and never more than `PREDICATE_REACH` characters farther).
 */
export const MAX_PREDICATES = 3;
export const PREDICATE_REACH = 20;

function lookupPredicate(lower: string, l: string, vocabulary: Vocabulary | undefined): string | undefined {
  const p = vocabulary?.predicates;
  if (!p) return undefined;
  return p.get(lower) ?? p.get(l) ?? p.get(l + 'e');
}

function lookupReporting(lower: string, l: string, vocabulary: Vocabulary | undefined): string | undefined {
  const r = vocabulary?.reportingVerbs;
  if (!r || r.size === 0) return undefined;
  for (const w of [lower, l, l + 'e']) if (r.has(w)) return w;
  return undefined;
}

/**
 * The words around `[start, end)` sorted into predicates, entities and other words, each as a lemma,
 * deduplicated and sorted. The window is `window` words each side within the claim's clause (falling back
 * to its sentence when the clause holds no other word); predicates keep only the `MAX_PREDICATES` event
 * words nearest to the claim. Reporting verbs from the vocabulary ("stated") are kept as predicates under
 * their own name, so `contextLink` can weigh them lightly.
 * "U.S. and NATO troops withdrew from Velmar in July 2021" around "July 2021" ->
 * predicates [withdraw], entities [nato, us, velmar], words [troop].
 */
export function contextAround(
  article: Article,
  start: number,
  end: number,
  vocabulary: Vocabulary | undefined,
  window = 8,
): ClaimContext {
  const si = sentenceAt(article.sentences, start);
  const sentence = si >= 0 ? article.sentences[si] : { start: Math.max(0, start - 200), end: Math.min(article.text.length, end + 200) };
  const text = article.text;
  const info = sentenceInfo(article, si, sentence, vocabulary);
  const { tokens, infos } = info;
  // Only a bounded stretch around the claim is read: `window` words rarely reach farther than this.
  const reachStart = Math.max(sentence.start, start - CONTEXT_CHARS);
  const reachEnd = Math.min(sentence.end, end + CONTEXT_CHARS);
  // Clause: from the last hard break before the claim to the first after it (a break, or a comma before a
  // subordinate clause), read from the sentence's marks rather than character by character.
  const { breaks, stops, commas } = info.marks;
  const b = lastBelow(breaks, start);
  let clauseStart = b >= 0 && breaks[b] >= reachStart ? breaks[b] + 1 : reachStart;
  const f = lastBelow(stops, end) + 1;
  let clauseEnd = f < stops.length && stops[f] < reachEnd ? stops[f] : reachEnd;
  // Going back, a subordinate clause the claim sits in starts at its comma: "..., after he left in 2021".
  let antecedentEnd = -1;
  const c = lastBelow(commas, start);
  if (c >= 0 && commas[c] >= clauseStart) {
    const head = text.slice(clauseStart, start);
    const re = SUBORDINATE_ALL;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last = -1;
    let relative = false;
    while ((m = re.exec(head)) !== null) {
      last = m.index;
      relative = /(which|who)$/i.test(m[0]);
    }
    if (last >= 0) {
      // "The route, which opened in the 1990s": the clause is about its antecedent, just before the comma.
      if (relative) antecedentEnd = clauseStart + last;
      clauseStart += last + 1;
    }
  }
  // First token at or after `end`, last token ending at or before `start` (binary search).
  let lo0 = 0;
  let hi0 = tokens.length;
  while (lo0 < hi0) {
    const mid = (lo0 + hi0) >> 1;
    if (tokens[mid].end <= start) lo0 = mid + 1;
    else hi0 = mid;
  }
  const lastBefore = lo0 - 1;
  let firstAfter = lo0;
  while (firstAfter < tokens.length && tokens[firstAfter].start < end) firstAfter++;
  let useClause = false;
  for (let k = lastBefore; k >= 0 && tokens[k].start >= clauseStart && !useClause; k--) useClause = hasWord(info, k);
  for (let k = firstAfter; k < tokens.length && tokens[k].end <= clauseEnd && !useClause; k++) useClause = hasWord(info, k);
  const lo = useClause ? clauseStart : reachStart;
  const hi = useClause ? clauseEnd : reachEnd;
  // Scratch lists, reused from call to call (nothing here calls back into contextAround).
  const picked = PICKED;
  picked.length = 0;
  // Up to `window` tokens before the claim, in text order, then up to `window` after it.
  let kLo = lastBefore;
  for (let n = 0; kLo >= 0 && n < window && tokens[kLo].start >= lo; kLo--, n++);
  for (let k = kLo + 1; k <= lastBefore; k++) picked.push(k);
  for (let k = firstAfter, n = 0; k < tokens.length && n < window && tokens[k].end <= hi; k++, n++) picked.push(k);
  if (antecedentEnd >= 0) {
    // The antecedent: up to ANTECEDENT_WORDS words before the comma that opens the relative clause.
    const before: number[] = [];
    for (let k = lastBefore; k >= 0 && before.length < ANTECEDENT_WORDS; k--) {
      if (tokens[k].end <= antecedentEnd && !picked.includes(k)) before.unshift(k);
    }
    picked.unshift(...before);
  }

  // Predicates as two parallel lists: their words and their distances to the claim.
  const pWords = P_WORDS;
  const pDist = P_DISTANCES;
  pWords.length = 0;
  pDist.length = 0;
  const entities: string[] = [];
  const words: string[] = [];
  for (let j = 0; j < picked.length; j++) {
    const k = picked[j];
    // Tokens are classified when a window first reaches them, once per sentence and vocabulary.
    const ti = infos[k] ?? (infos[k] = classify(text, sentence, tokens, k, vocabulary));
    const t = tokens[k];
    const distance = t.end <= start ? start - t.end : t.start - end;
    if (ti.pair && picked[j + 1] === k + 1) {
      pWords.push(ti.pair);
      pDist.push(distance);
      j++;
      continue;
    }
    if (ti.entities) for (const e of ti.entities) insertSorted(entities, e);
    else if (ti.predicate) {
      pWords.push(ti.predicate);
      pDist.push(distance);
    } else if (ti.word) insertSorted(words, ti.word);
  }
  const kept: string[] = [];
  if (pWords.length) {
    byDistance(pWords, pDist);
    // "a 2020 agreement": the adjacent head noun is the claim's event; farther verbs belong to other facts.
    const d0 = pDist[0];
    const reach = Math.min(d0 + PREDICATE_REACH, Math.max(2 * d0, d0 + 4));
    for (let i = 0; i < pWords.length; i++) {
      if (kept.length >= MAX_PREDICATES || pDist[i] > reach) break;
      insertSorted(kept, pWords[i]);
    }
  }
  return {
    predicates: kept,
    entities,
    words,
    inQuote: si >= 0 ? quoteOpenBefore(info.marks, start) : false,
  };
}

// The subordinate-clause openers `contextAround` looks for in a clause's head, shared (its loop runs every
// match, so `lastIndex` is back at 0 when it ends; it is reset before each use all the same).
const SUBORDINATE_ALL = /,\s+(?:after|before|when|while|as|though|although|but|which|who|because|since|until|whereas)\b/gi;

const PICKED: number[] = [];
const P_WORDS: string[] = [];
const P_DISTANCES: number[] = [];

/**
 * Predicates nearest first, ties by word: both lists in place, by insertion (a handful of entries).
 * Entries equal in both keep either order, which changes nothing that is read from them.
 */
function byDistance(words: string[], dist: number[]): void {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const d = dist[i];
    let j = i;
    while (j > 0 && (dist[j - 1] > d || (dist[j - 1] === d && words[j - 1] > w))) {
      words[j] = words[j - 1];
      dist[j] = dist[j - 1];
      j--;
    }
    words[j] = w;
    dist[j] = d;
  }
}

/** Adds `word` to the sorted list `list` unless it is there: the same order as `[...new Set(list)].sort()`. */
function insertSorted(list: string[], word: string): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > word) i--;
  if (i > 0 && list[i - 1] === word) return;
  insertAt(list, i, word);
}

/** Index of the last value below `x` in the ascending `sorted`, or -1. */
function lastBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether token `k` of the sentence holds a run of three letters (a word, not a number or an initial). */
function hasWord(info: SentenceInfo, k: number): boolean {
  let w = info.words[k];
  if (w === 0) info.words[k] = w = hasThreeLetters(info.tokens[k].text) ? 1 : 2;
  return w === 1;
}

/** Punctuation of one sentence, found in one pass, that every claim of the sentence asks about. */
interface SentenceMarks {
  /** Offsets where `isBreak` holds, ascending. */
  breaks: number[];
  /** `breaks` and the commas before a subordinate clause ("said Sunday, after ..."), ascending. */
  stops: number[];
  commas: number[];
  /** Offsets of the double quote marks, and whether a quote is open after each. */
  quoteAt: number[];
  quoteOpen: boolean[];
}

function sentenceMarks(text: string, sentence: Sentence): SentenceMarks {
  const m: SentenceMarks = { breaks: [], stops: [], commas: [], quoteAt: [], quoteOpen: [] };
  let open = false;
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      m.commas.push(i);
      if (mayOpenSubordinate(text, i) && SUBORDINATE.test(text.slice(i, i + 12))) m.stops.push(i);
    } else if (c === 34 || c === 0x201c || c === 0x201e || c === 0x201d) {
      // The same states as `insideQuotes`: '"' toggles, the curly marks open and close.
      open = c === 34 ? !open : c !== 0x201d;
      m.quoteAt.push(i);
      m.quoteOpen.push(open);
    } else if ((c === 45 || c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 58 || c === 0x2014 || c === 0x2013) && isBreak(text, i)) {
      m.breaks.push(i);
      m.stops.push(i);
    }
  }
  return m;
}

/** `insideQuotes` for an offset of the sentence: the state after the last quote mark before it. */
function quoteOpenBefore(m: SentenceMarks, at: number): boolean {
  const i = lastBelow(m.quoteAt, at);
  return i >= 0 ? m.quoteOpen[i] : false;
}

/** What one token contributes to a context, decided once per sentence and vocabulary. */
interface TokenInfo {
  entities: string[] | undefined;
  predicate: string | undefined;
  word: string | undefined;
  /** Predicate of this token and the next together ("pulled out"). */
  pair: string | undefined;
}

// Every TokenInfo is made here with all four fields: the loop in `contextAround` that reads them then
// meets one object shape, not one per combination of fields set ({}, {predicate}, {entities}, ...).
function tokenInfo(entities?: string[], predicate?: string, word?: string, pair?: string): TokenInfo {
  return { entities, predicate, word, pair };
}

const PAIRS = new WeakMap<Vocabulary, Set<string>>();
/** First words of the vocabulary's two-word events ("pull out" -> "pull"); empty when it names none. */
function pairFirsts(v: Vocabulary): Set<string> {
  let p = PAIRS.get(v);
  if (p === undefined) {
    p = new Set<string>();
    for (const k of v.predicates.keys()) if (k.includes(' ')) p.add(k.slice(0, k.indexOf(' ')));
    PAIRS.set(v, p);
  }
  return p;
}

/** What the contexts of one sentence share: its tokens, their classes, its punctuation. */
interface SentenceInfo {
  tokens: Token[];
  infos: (TokenInfo | undefined)[];
  /** Per token: 0 not yet asked, 1 holds three letters in a row, 2 does not. */
  words: number[];
  marks: SentenceMarks;
}

const SENTENCE_CACHE = new RecentArticles<Map<Vocabulary | null, Map<number, SentenceInfo>>>();
// Sentences kept per article and vocabulary: all of them up to 8 MB of text (every extractor reads the
// same sentences), else a window of recent ones: claims come in text order, so the window serves each
// extractor, and a 20 MB article does not keep every token of its text.
const SENTENCES_KEPT = 4096;
const WHOLE_MEMO_LIMIT = 8 << 20;

// The sentences of the article and vocabulary asked last: claims of one article come one after another.
let lastArticle: Article | undefined;
let lastSentenceVocabulary: Vocabulary | undefined;
let lastSentences: Map<number, SentenceInfo> | undefined;

function sentenceInfo(article: Article, si: number, sentence: Sentence, vocabulary: Vocabulary | undefined): SentenceInfo {
  let bySentence: Map<number, SentenceInfo> | undefined;
  if (article === lastArticle && vocabulary === lastSentenceVocabulary) bySentence = lastSentences!;
  else {
    let byVocab = SENTENCE_CACHE.get(article);
    if (!byVocab) SENTENCE_CACHE.set(article, (byVocab = new Map()));
    bySentence = byVocab.get(vocabulary ?? null);
    if (!bySentence) byVocab.set(vocabulary ?? null, (bySentence = new Map()));
    lastArticle = article;
    lastSentenceVocabulary = vocabulary;
    lastSentences = bySentence;
  }
  const key = si >= 0 ? si : -1 - sentence.start;
  let hit = bySentence.get(key);
  if (!hit) {
    const tokens = rangeTokens(article, sentence.start, sentence.end);
    hit = {
      tokens,
      infos: new Array<TokenInfo | undefined>(tokens.length),
      words: new Array<number>(tokens.length).fill(0),
      marks: sentenceMarks(article.text, sentence),
    };
    if (bySentence.size >= SENTENCES_KEPT && article.text.length > WHOLE_MEMO_LIMIT) bySentence.clear();
    bySentence.set(key, hit);
  }
  return hit;
}

const NO_INFO: TokenInfo = tokenInfo();

/** A word's contribution, whether its sentence opens with it or not (`initial` only when that matters). */
interface WordInfo {
  /** The word in lower case, curly apostrophes plain: "Pulled" -> "pulled". */
  lower: string;
  plain: TokenInfo;
  initial?: TokenInfo;
  /** The vocabulary has a two-word event starting with it ("pulled" of "pulled out"). */
  pairable: boolean;
}

const CLASSIFIED = new WeakMap<Vocabulary, Map<string, WordInfo>>();
const CLASSIFIED_NO_VOCAB = new Map<string, WordInfo>();
// The memo of the vocabulary asked last: one vocabulary serves a whole run.
let lastVocabulary: Vocabulary | undefined;
let lastMemo: Map<string, WordInfo> | undefined;

/**
 * What token `k` contributes. Apart from a two-word event with the next token, the answer depends only
 * on the token's text, whether it opens its sentence (or a quotation) and the vocabulary: news repeats
 * its words, so that part is memoized across sentences and articles. Treat the result as read-only.
 */
function classify(text: string, sentence: Sentence, tokens: readonly Token[], k: number, vocabulary: Vocabulary | undefined): TokenInfo {
  const t = tokens[k];
  const raw = t.text;
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return NO_INFO;
  let memo: Map<string, WordInfo> | undefined;
  if (vocabulary === lastVocabulary && lastMemo) memo = lastMemo;
  else if (vocabulary) {
    memo = CLASSIFIED.get(vocabulary);
    if (!memo) CLASSIFIED.set(vocabulary, (memo = new Map()));
  } else memo = CLASSIFIED_NO_VOCAB;
  lastVocabulary = vocabulary;
  lastMemo = memo;
  let w = memo.get(raw);
  if (w === undefined) {
    const plain = classifyWord(raw, false, vocabulary);
    const initial = plain.entities ? classifyWord(raw, true, vocabulary) : undefined;
    // Only a capitalized word the sentence start can demote ("Built in ...") reads its position.
    const lower = lowerPlain(raw);
    const pairable = vocabulary ? pairFirsts(vocabulary).has(lower) : false;
    w = initial && initial.entities === undefined ? { lower, plain, initial, pairable } : { lower, plain, pairable };
    if (raw.length <= 64) {
      if (memo.size >= 100000) memo.clear();
      memo.set(raw, w);
    }
  }
  let base = w.plain;
  if (w.initial !== undefined && (t.start === sentence.start || /["\u201c:]\s*$/.test(text.slice(Math.max(sentence.start, t.start - 3), t.start)))) {
    base = w.initial;
  }
  if (base === NO_INFO) return NO_INFO;
  // Two-word events: "pulled out", "stepped down".
  const next = tokens[k + 1];
  if (w.pairable && next && next.start - t.end <= 1 && vocabulary) {
    const p2 = vocabulary.predicates.get(`${w.lower} ${next.text.toLowerCase()}`);
    if (p2) return tokenInfo(base.entities, base.predicate, base.word, p2);
  }
  return base;
}

/** `classify` without the two-word event: the same for every occurrence of `raw` with the same `initial`. */
function classifyWord(raw: string, sentenceInitial: boolean, vocabulary: Vocabulary | undefined): TokenInfo {
  if (/^\p{N}/u.test(raw)) return NO_INFO;
  const lower = raw.toLowerCase().replace(/\u2019/g, "'");
  const info = tokenInfo();
  if (REPORTING_WORDS[lower]) {
    info.predicate = REPORTING_WORDS[lower];
    return info;
  }
  const c0 = raw.charCodeAt(0);
  const upper = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : /^\p{Lu}/u.test(raw);
  let isEntity = upper && !NOT_NAMES.has(lower.replace(/\.$/, ''));
  if (isEntity && /^\p{Lu}\p{Ll}/u.test(raw)) {
    // "Built in the early 1950s ...": a capital at the start of a sentence is not a name by itself.
    if (sentenceInitial && (STOPWORDS.has(lower) || lookupPredicate(lower, lemmaOf(lower), vocabulary) || /(ed|ing|ly)$/.test(lower))) isEntity = false;
  }
  if (isEntity) {
    // "U.S.-led" -> us; "U.S.-Ruritania" -> us, ruritania.
    const keys: string[] = [];
    for (const part of raw.includes('-') ? raw.split(/-(?=\p{Lu})|-(?=\p{Ll}+$)/u) : [raw]) {
      if (!/^\p{Lu}/u.test(part)) continue;
      const key = entityKey(part, vocabulary);
      if (key && !STOPWORDS.has(key) && !NOT_NAMES.has(key)) keys.push(key);
    }
    info.entities = keys;
    return info;
  }
  if (STOPWORDS.has(lower) || lower.length < 3) return info;
  const lem = lemmaOf(lower);
  const canonical = lookupPredicate(lower, lem, vocabulary);
  const reporting = canonical ? undefined : lookupReporting(lower, lem, vocabulary);
  if (canonical) info.predicate = canonical;
  else if (reporting) info.predicate = reporting;
  else if (EVENT_SUFFIX.test(lower) && !NOT_EVENTS.has(lower)) info.predicate = lem;
  // An irregular verb form the lemma table knows: "withdrew" -> withdraw, "fought" -> fight.
  else if (lem !== lower && !/s$/.test(lower) && !lower.startsWith(lem)) info.predicate = lem;
  else info.word = lem;
  return info;
}

/** "U.S." and "US" meet, "Ruritania's" and "Ruritania" meet; aliases from the rules apply. */
export function entityKey(word: string, vocabulary: Vocabulary | undefined): string {
  const bare = word.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '').replace(/\./g, '');
  return vocabulary?.aliases.get(bare)?.canonical ?? bare;
}
