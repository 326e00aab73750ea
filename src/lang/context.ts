import type { Article, ClaimContext, Sentence } from '../types';
import { dropPossessive, lowerPlain, rangeTokens, type Token } from '../text/tokens';
import { lemma } from './word-forms';
import { CLAUSE_ENDERS, COORDINATORS, EVENT_LOOKALIKES, NOT_NAMES, PARTICLES, RELATIVE_OPENERS, REPORTING_WORDS, STOPWORDS, SUBORDINATE_OPENERS } from './words';
import { RecentArticles, firstAtOrAfterValue, insertAt, onForgetArticle } from '../text/lookup';
import { isSpaceCode } from '../text/scan';

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
const NOT_EVENTS = EVENT_LOOKALIKES;

// NOT_NAMES (lang/en/calendar.yaml and context.yaml): capitalized words that are not names, such as date
// words and sentence openers ("However, ...").

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

// OPENER after the comma at `i`: spaces, then a word starting with the first letter of an opener (any case).
function mayOpenSubordinate(text: string, i: number): boolean {
  let j = i + 1;
  if (!isSpaceCode(text.charCodeAt(j))) return false;
  while (isSpaceCode(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j) | 32;
  return c < 128 && OPENER_FIRST[c] === 1;
}

function isBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ; ( ) [ ] : em dash, en dash, and a spaced hyphen " - "
  if (c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 58 || c === 0x2014 || c === 0x2013) return true;
  return c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32;
}

/** Reporting verbs kept as (weak) predicates (lang/en/reporting-verbs.yaml, plain). */
export { REPORTING_WORDS };

/**
 * How many event words a context keeps: the nearest one, and others not much farther (at most twice its
 * distance, or 4 characters, and never more than `PREDICATE_REACH` characters farther).
 */
export const MAX_PREDICATES = 3;
export const PREDICATE_REACH = 20;

/** Offsets a claim's context does not reach past: the claim's share of a sentence it shares with another. */
export interface ContextLimits {
  from: number;
  to: number;
}

/**
 * Where the words between two claims of one sentence divide: at the last joining word between them ("and",
 * lang/en/context.yaml coordinators) or semicolon, or -1 when none lies there. "... cost 40 million euros
 * and the new pier cost 65 million" divides before "and": "pier" is about 65 million only.
 */
export function divisionBetween(article: Article, firstEnd: number, secondStart: number): number {
  const si = sentenceAt(article.sentences, firstEnd);
  if (si < 0 || si !== sentenceAt(article.sentences, secondStart)) return -1;
  const info = sentenceInfo(article, si, article.sentences[si]);
  const tokens = info.tokens;
  // First token at or after `firstEnd` (binary search: a sentence may be long and hold many claims).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < firstEnd) lo = mid + 1;
    else hi = mid;
  }
  let at = -1;
  for (let k = lo; k < tokens.length && tokens[k].end <= secondStart; k++) if (COORDINATORS.has(lowerPlain(tokens[k].text))) at = tokens[k].start;
  const text = article.reader;
  for (let i = secondStart - 1; i >= Math.max(firstEnd, at); i--) if (text.charCodeAt(i) === 59) return i;
  return at;
}

/**
 * The words around `[start, end)` sorted into predicates, entities and other words, each as a lemma,
 * deduplicated and sorted. The window is `window` words each side within the claim's clause (falling back
 * to its sentence when the clause holds no other word); predicates keep only the `MAX_PREDICATES` event
 * words nearest to the claim. The plain reporting verbs ("said") are kept as predicates under
 * their own name, so `contextLink` can weigh them lightly. Only language data is read here: the rules'
 * vocabulary (event synonyms, aliases, spellings) is applied when claims are compared.
 * "U.S. and NATO troops withdrew from Velmar in July 2021" around "July 2021" ->
 * predicates [withdraw], entities [nato, us, velmar], words [troop].
 */
export function contextAround(
  article: Article,
  start: number,
  end: number,
  window = 8,
  limits?: ContextLimits,
): ClaimContext {
  const si = sentenceAt(article.sentences, start);
  const sentence = si >= 0 ? article.sentences[si] : { start: Math.max(0, start - 200), end: Math.min(article.reader.length, end + 200) };
  const text = article.reader;
  const info = sentenceInfo(article, si, sentence);
  const { tokens, infos } = info;
  // Only a bounded stretch around the claim is read: `window` words rarely reach farther than this.
  const reachStart = Math.max(sentence.start, start - CONTEXT_CHARS, limits?.from ?? 0);
  const reachEnd = Math.min(sentence.end, end + CONTEXT_CHARS, limits?.to ?? sentence.end);
  // Clause: from the last hard break before the claim to the first after it (a break, or a comma before a
  // subordinate clause), read from the sentence's marks rather than character by character.
  const { breaks, stops } = info.marks;
  const b = lastBelow(breaks, start);
  let clauseStart = b >= 0 && breaks[b] >= reachStart ? breaks[b] + 1 : reachStart;
  const f = lastBelow(stops, end) + 1;
  let clauseEnd = f < stops.length && stops[f] < reachEnd ? stops[f] : reachEnd;
  // Going back, a subordinate clause the claim sits in starts at its comma: "..., after he left in 2021".
  let antecedentEnd = -1;
  const opener = lastOpener(info.marks, clauseStart, start);
  if (opener >= 0) {
    const at = info.marks.openerAt[opener];
    // "The route, which opened in the 1990s": the clause is about its antecedent, just before the comma.
    if (info.marks.openerRelative[opener]) antecedentEnd = at;
    clauseStart = at + 1;
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
  for (let k = lastBefore; k >= 0 && tokens[k].start >= clauseStart && !useClause; k--) useClause = hasThreeLetters(tokens[k].text);
  for (let k = firstAfter; k < tokens.length && tokens[k].end <= clauseEnd && !useClause; k++) useClause = hasThreeLetters(tokens[k].text);
  const lo = useClause ? clauseStart : reachStart;
  const hi = useClause ? clauseEnd : reachEnd;
  // Scratch lists, reused from call to call (nothing here calls back into contextAround), filled up to a
  // count: `list.length = 0` is a call of its own in optimized code.
  const picked = PICKED;
  let nPicked = 0;
  // Up to `window` tokens before the claim, in text order, then up to `window` after it.
  let kLo = lastBefore;
  for (let n = 0; kLo >= 0 && n < window && tokens[kLo].start >= lo; kLo--, n++);
  if (antecedentEnd >= 0) {
    // The antecedent, first: up to ANTECEDENT_WORDS words ending by the comma that opens the relative
    // clause, before the window ("The old tram line, which opened ..." -> old, tram, line).
    let kA = kLo;
    while (kA >= 0 && tokens[kA].end > antecedentEnd) kA--;
    for (let k = Math.max(0, kA - ANTECEDENT_WORDS + 1); k <= kA; k++) picked[nPicked++] = k;
  }
  for (let k = kLo + 1; k <= lastBefore; k++) picked[nPicked++] = k;
  for (let k = firstAfter, n = 0; k < tokens.length && n < window && tokens[k].end <= hi; k++, n++) picked[nPicked++] = k;

  // Predicates as two parallel lists: their words and their distances to the claim.
  const pWords = P_WORDS;
  const pDist = P_DISTANCES;
  let nPredicates = 0;
  const entities: string[] = [];
  const words: string[] = [];
  const memo = WORD_MEMO;
  for (let j = 0; j < nPicked; j++) {
    const k = picked[j];
    // Tokens are classified when a window first reaches them, once per sentence.
    const ti = infos[k] ?? (infos[k] = classify(text, sentence, tokens, k, memo));
    const t = tokens[k];
    const distance = t.end <= start ? start - t.end : t.start - end;
    if (ti.pair && j + 1 < nPicked && picked[j + 1] === k + 1) {
      insertSorted(words, ti.pair);
      j++;
      continue;
    }
    if (ti.entities) for (const e of ti.entities) insertSorted(entities, e);
    else if (ti.predicate) {
      pWords[nPredicates] = ti.predicate;
      pDist[nPredicates++] = distance;
    } else if (ti.word) insertSorted(words, ti.word);
  }
  const kept: string[] = [];
  if (nPredicates > 0) {
    byDistance(pWords, pDist, nPredicates);
    // "a 2020 agreement": the adjacent head noun is the claim's event; farther verbs belong to other facts.
    const d0 = pDist[0];
    const reach = Math.min(d0 + PREDICATE_REACH, Math.max(2 * d0, d0 + 4));
    for (let i = 0; i < nPredicates; i++) {
      if (kept.length >= MAX_PREDICATES || pDist[i] > reach) break;
      insertSorted(kept, pWords[i]);
    }
  }
  const context: ClaimContext = {
    predicates: kept,
    entities,
    words,
    inQuote: si >= 0 ? quoteOpenBefore(info.marks, start) : false,
  };
  if (si >= 0 && info.headline) context.inHeadline = true;
  return context;
}

/**
 * A headline: a sentence that is a line of its own (a line break or the end of the text right after it)
 * and ends with no sentence mark. "Velmar ferry strike enters second week" over the body's first line.
 */
function isHeadline(text: string, sentence: Sentence): boolean {
  let e = sentence.end;
  while (e > sentence.start && isSpaceCode(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 10) e--;
  let after = e;
  while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9 || text.charCodeAt(after) === 13)) after++;
  if (after < text.length && text.charCodeAt(after) !== 10) return false;
  const before = sentence.start === 0 || text.charCodeAt(sentence.start - 1) === 10;
  const last = text.charCodeAt(e - 1);
  // . ! ? : ; " ” ' ’ ) end a sentence or a quotation.
  return before && !(last === 46 || last === 33 || last === 63 || last === 58 || last === 59 || last === 34 || last === 0x201d || last === 39 || last === 0x2019 || last === 41);
}

/**
 * The comma of the last subordinate-clause opener (OPENER without "even as") that lies wholly inside
 * `[from, to)`, as an index into `marks.openerAt`, or -1. The word must end a word within the range: in
 * ", whichever" a claim starting at "ever" still sees ", which" end where the range ends.
 */
function lastOpener(marks: SentenceMarks, from: number, to: number): number {
  const { openerAt, openerEnd, openerBound } = marks;
  for (let k = lastBelow(openerAt, to); k >= 0 && openerAt[k] >= from; k--) {
    const e = openerEnd[k];
    if (e < to ? openerBound[k] : e === to) return k;
  }
  return -1;
}

const PICKED: number[] = [];
const P_WORDS: string[] = [];
const P_DISTANCES: number[] = [];

/**
 * The first `n` predicates nearest first, ties by word: both lists in place, by insertion (a handful of
 * entries). Entries equal in both keep either order, which changes nothing that is read from them.
 */
function byDistance(words: string[], dist: number[], n: number): void {
  for (let i = 1; i < n; i++) {
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
  return firstAtOrAfterValue(sorted, x) - 1;
}

/** Punctuation of one sentence, found in one pass, that every claim of the sentence asks about. */
interface SentenceMarks {
  /** Offsets where `isBreak` holds, ascending. */
  breaks: number[];
  /** `breaks` and the commas before a subordinate clause ("said Sunday, after ..."), ascending. */
  stops: number[];
  /**
   * Commas followed by spaces and an opener of `OPENER` other than "even as" (", which", ", After"),
   * ascending; with the end of the opener word, whether a word boundary follows it in the text, and whether
   * it is "which" or "who".
   */
  openerAt: number[];
  openerEnd: number[];
  openerBound: boolean[];
  openerRelative: boolean[];
  /** Offsets of the double quote marks, and whether a quote is open after each. */
  quoteAt: number[];
  quoteOpen: boolean[];
}

// A comma before a subordinate clause ends a clause ("said Sunday, after the mayor threatened ..."):
// a comma, spaces and an opener, read at each comma, with the `\b` after the word checked by hand (a
// claim can start right where the word ends). No opener is a prefix of another, so at most one matches.
const OPENER_WORDS = [...SUBORDINATE_OPENERS, ...RELATIVE_OPENERS, ...CLAUSE_ENDERS];
const OPENER = new RegExp(`,\\s+(?:${OPENER_WORDS.join('|')})`, 'iy');
/** 1 at the (lower-case ASCII) first letters of the openers. */
const OPENER_FIRST = new Uint8Array(128);
for (const w of OPENER_WORDS) OPENER_FIRST[w.charCodeAt(0) | 32] = 1;

/** `\b` holds after a word character at `i`: the end of the text, or no `[A-Za-z0-9_]` there. */
function boundaryAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
}

/** 1 at the ASCII characters `sentenceMarks` looks at: '"', '(', ')', ',', '-', ':', ';', '[', ']'. */
const MARK_ASCII = new Uint8Array(128);
for (const c of '"(),-:;[]') MARK_ASCII[c.charCodeAt(0)] = 1;

function sentenceMarks(text: string, sentence: Sentence): SentenceMarks {
  const m: SentenceMarks = {
    breaks: [],
    stops: [],
    openerAt: [],
    openerEnd: [],
    openerBound: [],
    openerRelative: [],
    quoteAt: [],
    quoteOpen: [],
  };
  let open = false;
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    // Nearly every character is a letter, a digit or a space: one table read (or two comparisons past
    // ASCII, where the marks are the dashes and curly quotes U+2013..U+201E) passes it.
    if (c < 128 ? MARK_ASCII[c] === 0 : c < 0x2013 || c > 0x201e) continue;
    if (c === 44) {
      if (mayOpenSubordinate(text, i)) commaOpener(text, i, m);
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

/** Records the opener after the comma at `i`, if any: a stop, and an opener for `lastOpener`. */
function commaOpener(text: string, i: number, m: SentenceMarks): void {
  OPENER.lastIndex = i;
  if (!OPENER.test(text)) return;
  const end = OPENER.lastIndex;
  const bound = boundaryAt(text, end);
  // A stop is read on the 12 characters from the comma: the opener must end within them, and one cut by
  // their end counts (",    becauseX" stops the clause, ",     because" does not).
  if (end <= i + 12 && (bound || end === i + 12)) m.stops.push(i);
  let w = i + 1;
  while (isSpaceCode(text.charCodeAt(w))) w++;
  // ", even as" ends a clause but is no opener here; ", which" and ", who" are relative clauses.
  const word = text.slice(w, end).toLowerCase().replace(/\s+/g, ' ');
  if (CLAUSE_ENDERS.has(word)) return;
  m.openerAt.push(i);
  m.openerEnd.push(end);
  m.openerBound.push(bound);
  m.openerRelative.push(RELATIVE_OPENERS.has(word));
}

/** `insideQuotes` for an offset of the sentence: the state after the last quote mark before it. */
function quoteOpenBefore(m: SentenceMarks, at: number): boolean {
  const i = lastBelow(m.quoteAt, at);
  return i >= 0 ? m.quoteOpen[i] : false;
}

/** What one token contributes to a context, decided once per sentence. */
interface TokenInfo {
  entities: string[] | undefined;
  predicate: string | undefined;
  word: string | undefined;
  /** This token and the next, a particle, as one verb ("pulled out" -> "pull out"), a word of its own. */
  pair: string | undefined;
}

// Every TokenInfo is made here with all four fields: the loop in `contextAround` that reads them then
// meets one object shape, not one per combination of fields set ({}, {predicate}, {entities}, ...).
function tokenInfo(entities?: string[], predicate?: string, word?: string, pair?: string): TokenInfo {
  return { entities, predicate, word, pair };
}

/** What the contexts of one sentence share: its tokens, their classes, its punctuation. */
interface SentenceInfo {
  tokens: Token[];
  infos: (TokenInfo | undefined)[];
  marks: SentenceMarks;
  /** The sentence is a headline (`isHeadline`). */
  headline: boolean;
}

const SENTENCE_CACHE = new RecentArticles<Map<number, SentenceInfo>>();
// Sentences kept per article: all of them up to 8 MB of text (every extractor reads the
// same sentences), else a window of recent ones: claims come in text order, so the window serves each
// extractor, and a 20 MB article does not keep every token of its text.
const SENTENCES_KEPT = 4096;
const WHOLE_MEMO_LIMIT = 8 << 20;

// The sentences of the article asked last: claims of one article come one after another.
let lastArticle: Article | undefined;
let lastSentences: Map<number, SentenceInfo> | undefined;
onForgetArticle((article) => {
  if (article === lastArticle) lastArticle = lastSentences = undefined;
});

function sentenceInfo(article: Article, si: number, sentence: Sentence): SentenceInfo {
  let bySentence: Map<number, SentenceInfo> | undefined;
  if (article === lastArticle) bySentence = lastSentences!;
  else {
    bySentence = SENTENCE_CACHE.get(article);
    if (!bySentence) SENTENCE_CACHE.set(article, (bySentence = new Map()));
    lastArticle = article;
    lastSentences = bySentence;
  }
  const key = si >= 0 ? si : -1 - sentence.start;
  let hit = bySentence.get(key);
  if (!hit) {
    const tokens = rangeTokens(article, sentence.start, sentence.end);
    hit = {
      tokens,
      infos: new Array<TokenInfo | undefined>(tokens.length),
      marks: sentenceMarks(article.reader, sentence),
      headline: isHeadline(article.reader, sentence),
    };
    if (bySentence.size >= SENTENCES_KEPT && article.reader.length > WHOLE_MEMO_LIMIT) bySentence.clear();
    bySentence.set(key, hit);
  }
  return hit;
}

const NO_INFO: TokenInfo = tokenInfo();
// A word that adds nothing ("the") but may still open a two-word event: unlike after NO_INFO, `classify`
// goes on to read the next word.
const NOTHING: TokenInfo = tokenInfo();

/** `WordInfo.initial` of a word that may be no name at a sentence start, until it first stands there. */
const UNASKED: TokenInfo = tokenInfo();

/** A word's contribution, whether its sentence opens with it or not (`initial` only when that matters). */
interface WordInfo {
  /** The word in lower case, curly apostrophes plain: "Pulled" -> "pulled". */
  lower: string;
  plain: TokenInfo;
  /**
   * Set when the word may differ at the start of a sentence: "Built" is a name mid-sentence, not there
   * (UNASKED until `classify` first meets it there, then the answer, or undefined when it does not differ).
   */
  initial: TokenInfo | undefined;
}

// Words classified so far: news repeats its words, across sentences and articles.
const WORD_MEMO = new Map<string, WordInfo>();

/**
 * What token `k` contributes. Apart from a two-word event with the next token, the answer depends only
 * on the token's text and whether it opens its sentence (or a quotation): news repeats its words, so that
 * part is memoized across sentences and articles (`memo`). Treat the
 * result as read-only.
 */
function classify(
  text: string,
  sentence: Sentence,
  tokens: readonly Token[],
  k: number,
  memo: Map<string, WordInfo>,
): TokenInfo {
  const t = tokens[k];
  const raw = t.text;
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return NO_INFO;
  let w = memo.get(raw);
  if (w === undefined) {
    w = wordInfo(raw);
    if (raw.length <= 64) {
      if (memo.size >= 100000) memo.clear();
      memo.set(raw, w);
    }
  }
  let base = w.plain;
  if (w.initial !== undefined && (t.start === sentence.start || opensQuote(text, sentence.start, t.start))) {
    // Decided when the word first opens a sentence: most names never do, and need no lemma for it.
    if (w.initial === UNASKED) w.initial = demotedAtStart(w.lower) ? notEntity(w.lower) : undefined;
    if (w.initial !== undefined) base = w.initial;
  }
  if (base === NO_INFO) return NO_INFO;
  // Two-word verbs: "pulled out" -> "pull out", "stepped down" -> "step down" (rules may name their event).
  const verb = base.word ?? (base.predicate !== undefined && !REPORTING.has(w.lower) ? base.predicate : undefined);
  if (verb !== undefined && k + 1 < tokens.length) {
    const next = tokens[k + 1];
    if (next.start - t.end <= 1 && PARTICLES.has(lowerPlain(next.text))) return tokenInfo(base.entities, base.predicate, base.word, `${verb} ${lowerPlain(next.text)}`);
  }
  return base;
}

/**
 * `/["\u201c:]\s*$/` on the (up to) three characters before `at`, not before `from`: a word right after
 * an opening quote or a colon starts a sentence of its own (`He said: "Built in 1950 ..."`).
 */
function opensQuote(text: string, from: number, at: number): boolean {
  const lo = at - 3 > from ? at - 3 : from;
  let i = at - 1;
  while (i >= lo && isSpaceCode(text.charCodeAt(i))) i--;
  if (i < lo) return false;
  const c = text.charCodeAt(i);
  return c === 34 || c === 0x201c || c === 58;
}

/** Reporting verbs by word, for `wordInfo` (a Map: "constructor" is no key of it). */
const REPORTING = new Map<string, string>(Object.entries(REPORTING_WORDS));

/** A new word's `WordInfo`: its contribution mid-sentence, and at a sentence start when that differs. */
function wordInfo(raw: string): WordInfo {
  const lower = lowerPlain(raw);
  const plain = classifyWord(raw, lower);
  // Only a capitalized word the sentence start can demote ("Built in ...") reads its position.
  const initial = plain.entities !== undefined && capitalThenSmall(raw) ? UNASKED : undefined;
  return { lower, plain, initial };
}

/** `classify` without the two-word event, mid-sentence: the same for every occurrence of `raw`. */
function classifyWord(raw: string, lower: string): TokenInfo {
  const c0 = raw.charCodeAt(0);
  if (c0 >= 128 && NUMBER_FIRST.test(raw)) return NO_INFO;
  const reporting = REPORTING.get(lower);
  if (reporting !== undefined) return tokenInfo(undefined, reporting);
  const upper = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : UPPER_FIRST.test(raw);
  if (upper && !NOT_NAMES.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)) return tokenInfo(entityKeys(raw, lower));
  return notEntity(lower);
}

const NUMBER_FIRST = /^\p{N}/u;
const UPPER_FIRST = /^\p{Lu}/u;
const UPPER_LOWER = /^\p{Lu}\p{Ll}/u;

/** Written capital-then-small, as `/^\p{Lu}\p{Ll}/u` ("Built", "Élan"; not "NATO", "U.S."). */
function capitalThenSmall(raw: string): boolean {
  const c0 = raw.charCodeAt(0);
  const c1 = raw.charCodeAt(1);
  if (c0 < 128 && c1 < 128) return c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122;
  return UPPER_LOWER.test(raw);
}

/**
 * Whether a name-like word written capital-then-small is no name at the start of a sentence: "Built in the
 * early 1950s ...", "Construction began ...", "The", "Recently". Stopwords, words shaped like event words
 * and words ending in -ly.
 */
function demotedAtStart(lower: string): boolean {
  return STOPWORDS.has(lower) || (EVENT_SUFFIX.test(lower) && !NOT_EVENTS.has(lower)) || /(ed|ing|ly)$/.test(lower);
}

/** The entity keys of a capitalized word: "U.S.-led" -> us; "U.S.-Ruritania" -> us, ruritania. */
function entityKeys(raw: string, lower: string): string[] {
  const keys: string[] = [];
  if (raw.indexOf('-') < 0) {
    // `lower` is the word's own lower case, the start of its key.
    addEntityKey(keys, entityKeyOfLower(lower), raw);
    return keys;
  }
  for (const part of raw.split(/-(?=\p{Lu})|-(?=\p{Ll}+$)/u)) {
    if (UPPER_FIRST.test(part)) addEntityKey(keys, entityKey(part), part);
  }
  return keys;
}

// Written in capitals, with or without dots: "U.S.", "US", "UN" name a place or body, not the pronoun "us".
const ABBREVIATION = /^(?:\p{Lu}\.?){2,}$/u;

function addEntityKey(keys: string[], key: string, written: string): void {
  if (key && (ABBREVIATION.test(written.replace(/['\u2019]s$/, '')) || !STOPWORDS.has(key)) && !NOT_NAMES.has(key)) keys.push(key);
}

/** What a word that names nothing contributes: a predicate, a plain word, or nothing (a stopword). */
function notEntity(lower: string): TokenInfo {
  if (lower.length < 3 || STOPWORDS.has(lower)) return NOTHING;
  const lem = lemma(lower);
  if (EVENT_SUFFIX.test(lower) && !NOT_EVENTS.has(lower)) return tokenInfo(undefined, lem);
  // An irregular verb form the lemma table knows: "withdrew" -> withdraw, "fought" -> fight.
  if (lem !== lower && lower.charCodeAt(lower.length - 1) !== 115 && !lower.startsWith(lem)) return tokenInfo(undefined, lem);
  return tokenInfo(undefined, undefined, lem);
}

/** "U.S." and "US" meet, "Ruritania's" and "Ruritania" meet (the rules' aliases apply when comparing). */
export function entityKey(word: string): string {
  return entityKeyOfLower(lowerPlain(word));
}

function entityKeyOfLower(lower: string): string {
  const possessive = dropPossessive(lower);
  return possessive.indexOf('.') < 0 ? possessive : possessive.replace(/\./g, '');
}
