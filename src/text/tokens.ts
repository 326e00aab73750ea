import type { Article } from '../types';
import { RecentArticles } from './lookup';
import { isSpaceCode } from './scan';

/** A word of the text with its offsets `[start, end)`. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Words with letters, digits, inner apostrophes, hyphens and periods: "doesn't", "two-decade", "U.S.", "3.0".
const WORD = /[\p{L}\p{N}]+(?:[\u2019'.\-][\p{L}\p{N}]+)*\.?/gu;

// `WORD` read by hand: every tokenize call of every extractor runs through here, and a loop over character
// codes is several times faster than a regex exec per word. `wordEnd` and `trimmedLength` give what one
// `WORD.exec` and the trailing-period rule give.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
// Classes of the BMP code points above ASCII, filled as met: 0 unknown, 1 letter, 2 digit or other number, 3 neither.
const BMP_CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return 1;
    return cp >= 48 && cp <= 57 ? 2 : 3;
  }
  if (cp < 0x10000) {
    let k = BMP_CLASS[cp];
    if (k === 0) {
      // A lone surrogate is no letter: the regex reads it as a code point of its own.
      const ch = String.fromCharCode(cp);
      k = LETTER.test(ch) ? 1 : LETTER_OR_DIGIT.test(ch) ? 2 : 3;
      BMP_CLASS[cp] = k;
    }
    return k;
  }
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? 1 : LETTER_OR_DIGIT.test(ch) ? 2 : 3;
}

/** Code units of the letter or digit (`[\p{L}\p{N}]`, one code point) at `i`: 1, 2 (a surrogate pair), or 0. */
function wordUnitAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) !== 3 ? 2 : 0;
  }
  return classOf(c) !== 3 ? 1 : 0;
}

/** Whether the code point ending just before `end` (one or two units) is a letter; its start, else -1. */
function letterBefore(text: string, end: number): number {
  if (end <= 0) return -1;
  const d = text.charCodeAt(end - 1);
  if (d >= 0xdc00 && d <= 0xdfff && end >= 2) {
    const c = text.charCodeAt(end - 2);
    if (c >= 0xd800 && c <= 0xdbff) return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) === 1 ? end - 2 : -1;
  }
  return classOf(d) === 1 ? end - 1 : -1;
}

// ASCII letters and digits, by code: the common case of every loop below.
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = ASCII_WORD[c + 32] = 1;

// The ASCII characters a word may hold, as bits: "a" LOWER, "7" DIGIT, "R" UPPER, "." DOT, "'" and "-" JOINER.
const LOWER = 1;
const DIGIT = 2;
const UPPER = 4;
const DOT = 8;
const JOINER = 16;
const NON_ASCII = 32;
const CHAR_BITS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR_BITS[c] = LOWER;
for (let c = 48; c <= 57; c++) CHAR_BITS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CHAR_BITS[c] = UPPER;
CHAR_BITS[46] = DOT;
CHAR_BITS[39] = CHAR_BITS[45] = JOINER;

// What characters the word read by the last `wordEnd` call holds, as CHAR_BITS, its trailing period aside:
// the body scan takes them from there instead of reading every word a second time ("Roe": UPPER | LOWER).
let endBits = 0;

/** End of the `WORD` match that starts with the letter or digit at `i` (`units` long). Sets `endBits`. */
function wordEnd(text: string, i: number, units: number): number {
  const n = text.length;
  const c0 = text.charCodeAt(i);
  let bits = c0 < 128 ? CHAR_BITS[c0] : NON_ASCII;
  let j = i + units;
  for (;;) {
    let u: number;
    for (;;) {
      let c: number;
      while (j < n && (c = text.charCodeAt(j)) < 128 && ASCII_WORD[c] === 1) {
        bits |= CHAR_BITS[c];
        j++;
      }
      if ((u = wordUnitAt(text, j)) === 0) break;
      bits |= NON_ASCII;
      j += u;
    }
    // An inner apostrophe, period or hyphen followed by more letters or digits: "doesn't", "3.0".
    const c = text.charCodeAt(j);
    if ((c === 0x2019 || c === 39 || c === 46 || c === 45) && (u = wordUnitAt(text, j + 1)) > 0) {
      const d = text.charCodeAt(j + 1);
      bits |= (c < 128 ? CHAR_BITS[c] : NON_ASCII) | (d < 128 ? CHAR_BITS[d] : NON_ASCII);
      j += 1 + u;
      continue;
    }
    endBits = bits;
    return c === 46 ? j + 1 : j;
  }
}

/** The CHAR_BITS of the characters of `text[start, end)`. */
function charBits(text: string, start: number, end: number): number {
  let bits = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    bits |= c < 128 ? CHAR_BITS[c] : NON_ASCII;
  }
  return bits;
}

/**
 * Length of the word `text[start, rawEnd)` without a trailing period, unless that period ends an
 * abbreviation: "U.S." and "W." keep it, "Porthaven." does not.
 */
function trimmedLength(text: string, start: number, rawEnd: number): number {
  if (text.charCodeAt(rawEnd - 1) !== 46) return rawEnd - start;
  const l = letterBefore(text, rawEnd - 1);
  // "W." (one letter and its period) or "...S." (a period, one letter, a period).
  if (l >= 0 && (l === start || (l > start && text.charCodeAt(l - 1) === 46))) return rawEnd - start;
  return rawEnd - 1 - start;
}

// In the middle of a surrogate pair a Unicode regex starts at the pair: the scan below would not.
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const d = text.charCodeAt(at);
  const c = text.charCodeAt(at - 1);
  return d >= 0xdc00 && d <= 0xdfff && c >= 0xd800 && c <= 0xdbff;
}

/** Word tokens of `text[from, to)` with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  return firstTokens(text, from, to, Infinity, everyToken);
}

const everyToken = () => true;

/**
 * A token of an article body, with the word data the people extractor reads (see `WordTok`), filled in
 * by the one scan that finds the body's words: one object per word then serves people, titles and every
 * context, and the words are read once. The word data of a `tokenize` token, and of a body token that
 * ends in a possessive "'s" (its word token is an object of its own), stays undefined.
 */
export interface BodyToken extends Token {
  lower: string | undefined;
  cap: boolean | undefined;
  possessive: boolean | undefined;
  initial: boolean | undefined;
}

/** A word of the article body with the people word data, a possessive "'s" split off. */
export interface WordTok extends Token {
  /** Lower case, periods dropped: "Dr." -> "dr". */
  lower: string;
  /** Starts with a capital letter and is a plain word (letters, inner hyphen or apostrophe). */
  cap: boolean;
  /** Ends in a possessive "'s" (not part of `text`). */
  possessive: boolean;
  /** First word of its sentence. */
  initial: boolean;
}

/** A body token without word data, always built here so that all of them share one object shape. */
export function bodyToken(text: string, start: number, end: number): BodyToken {
  return wordToken(text, start, end, undefined, undefined, undefined, undefined);
}

// Every token object is made here, with or without its word data: one object shape for all.
function wordToken(
  text: string,
  start: number,
  end: number,
  lower: string | undefined,
  cap: boolean | undefined,
  possessive: boolean | undefined,
  initial: boolean | undefined,
): BodyToken {
  return new TokenObject(text, start, end, lower, cap, possessive, initial);
}

/**
 * A token, made by `new` rather than as an object literal: V8 may decide that a literal's objects live
 * long (when a collection happens to find a whole article's tokens alive, as while the first article is
 * still read) and from then on make every one of them in the old generation, where the tokens of every
 * later article pile up as garbage and slow each young collection several times over. Objects made by
 * `new` are never moved there that way.
 */
class TokenObject implements BodyToken {
  /**
   * CAP, POSSESSIVE, INITIAL: a word's three flags in one field (a 1.6M-word body keeps 26 MB less);
   * undefined for a token without word data, as its `lower` is.
   */
  private readonly flags: number | undefined;
  constructor(
    public text: string,
    public start: number,
    public end: number,
    public lower: string | undefined,
    cap: boolean | undefined,
    possessive: boolean | undefined,
    initial: boolean | undefined,
  ) {
    this.flags = cap === undefined ? undefined : (cap ? CAP : 0) | (possessive ? POSSESSIVE : 0) | (initial ? INITIAL : 0);
  }
  get cap(): boolean | undefined {
    const f = this.flags;
    return f === undefined ? undefined : (f & CAP) !== 0;
  }
  get possessive(): boolean | undefined {
    const f = this.flags;
    return f === undefined ? undefined : (f & POSSESSIVE) !== 0;
  }
  get initial(): boolean | undefined {
    const f = this.flags;
    return f === undefined ? undefined : (f & INITIAL) !== 0;
  }
}

const CAP = 1;
const POSSESSIVE = 2;
const INITIAL = 4;

/** A body's tokens, from `from`, and its word tokens (the same objects, a possessive's split off). */
interface BodyTokens {
  from: number;
  tokens: BodyToken[];
  words: WordTok[];
  /** `lowerCaseWords`, made on first use. */
  lowerSet: LowerCaseWords | undefined;
}

// Kept for every article, however long: people, titles, quotes and entities each read all of a body's
// words, and a 10 MB article's 1.7M tokens made afresh for each of them (and several times by people)
// took more memory at once than keeping one set, and three times as long.
const BODIES = new RecentArticles<BodyTokens>();

function bodyOf(article: Article): BodyTokens | undefined {
  if (splitsPair(article.reader, article.bodyStart)) return undefined;
  let body = BODIES.get(article);
  if (body && body.from === article.bodyStart) return body;
  body = scanBody(article);
  BODIES.set(article, body);
  return body;
}

/**
 * The body's tokens and word tokens, read in one pass over its characters. (A body that starts inside a
 * surrogate pair, as no real one does, is tokenized by the regex, its words read from the tokens.)
 */
function scanBody(article: Article): BodyTokens {
  const text = article.reader;
  const tokens: BodyToken[] = [];
  // The word tokens are the body tokens themselves until a possessive splits one: one list serves both.
  const body: BodyTokens = { from: article.bodyStart, tokens, words: tokens as WordTok[], lowerSet: undefined };
  const at: SentenceCursor = { sp: 0, firstOf: -1, first: -1 };
  if (splitsPair(text, article.bodyStart)) {
    for (const t of tokenizeByRegex(text, article.bodyStart, text.length)) addWord(body, article, at, t.start, t.end, charBits(text, t.start, t.end));
    return body;
  }
  const n = text.length;
  let i = article.bodyStart;
  while (i < n) {
    const c = text.charCodeAt(i);
    const u = c < 128 ? ASCII_WORD[c] : wordUnitAt(text, i);
    if (u === 0) {
      i++;
      continue;
    }
    const rawEnd = wordEnd(text, i, u);
    const end = i + trimmedLength(text, i, rawEnd);
    // A trailing period the word keeps ("U.S.") is one `endBits` leaves out.
    addWord(body, article, at, i, end, end === rawEnd && text.charCodeAt(end - 1) === 46 ? endBits | DOT : endBits);
    i = rawEnd;
  }
  return body;
}

/** Where `addWord` is in the article's sentences: tokens come in text order, so a pointer moves along. */
interface SentenceCursor {
  /** The first sentence that does not end at or before the last token. */
  sp: number;
  /** The sentence whose first word start is `first`. */
  firstOf: number;
  first: number;
}

/**
 * Adds the word `text[start, end)` to the body: its token, and its word token with the people word data.
 * `bits` are the CHAR_BITS of its characters.
 */
function addWord(body: BodyTokens, article: Article, at: SentenceCursor, start: number, end: number, bits: number): void {
  const src = article.reader;
  const sentences = article.sentences;
  let sp = at.sp;
  while (sp < sentences.length && sentences[sp].end <= start) sp++;
  at.sp = sp;
  const si = sp < sentences.length && sentences[sp].start <= start ? sp : -1;
  if (si >= 0 && at.firstOf !== si) {
    at.firstOf = si;
    at.first = firstWordStart(src, sentences[si].start, sentences[si].end);
  }
  // A word opening a quotation or following a colon opens a clause too: '"If Jane Roe' starts with "If".
  const initial = (si >= 0 && at.first === start) || opensClause(src, start);
  // "Roe's": the same test as /['\u2019]s$/ with more than the "'s" itself. Its body token keeps no word
  // data; the word token "Roe" is an object of its own.
  const q = end - start > 2 ? src.charCodeAt(end - 2) : 0;
  const possessive = end - start > 2 && src.charCodeAt(end - 1) === 115 && (q === 39 || q === 0x2019);
  const bareEnd = possessive ? end - 2 : end;
  const word = shared(src.slice(start, bareEnd));
  // What the word's characters say: most words are plain lower case ("the", "twenty-one"), their own lower
  // form and never capitalized; most others are ASCII, told without a regex. "Roe's" is read again without "'s".
  if (possessive) bits = charBits(src, start, bareEnd);
  let lower = word;
  let cap = false;
  if ((bits & NON_ASCII) !== 0) {
    const form = formOf(word);
    lower = form.lower;
    cap = form.cap;
  } else if ((bits & (UPPER | DOT)) !== 0) {
    lower = asciiLower(word, bits);
    cap = asciiCap(word, bits);
  }
  if (possessive) {
    if (body.words === body.tokens) body.words = body.tokens.slice() as WordTok[];
    body.tokens.push(bodyToken(src.slice(start, end), start, end));
    body.words.push(wordToken(word, start, bareEnd, lower, cap, true, initial) as WordTok);
  } else {
    const t = wordToken(word, start, end, lower, cap, false, initial);
    body.tokens.push(t);
    if (body.words !== body.tokens) body.words.push(t as WordTok);
  }
}

// One string for each distinct word of the bodies read: "the" and "said" stand a hundred thousand times in
// a 10 MB article, and each slice of the text would otherwise be a string of its own for as long as the
// tokens are kept. Long words are rare and seldom repeated: not kept.
const SHARED = new Map<string, string>();

function shared(word: string): string {
  if (word.length > 16) return word;
  const known = SHARED.get(word);
  if (known !== undefined) return known;
  if (SHARED.size >= 200000) SHARED.clear();
  SHARED.set(word, word);
  return word;
}

// `formOf(text).lower` for an ASCII word with these bits: "U.S." -> "us", "Roe" -> "roe".
function asciiLower(text: string, bits: number): string {
  const lower = (bits & UPPER) !== 0 ? text.toLowerCase() : text;
  return (bits & DOT) !== 0 ? lower.replace(/\./g, '') : lower;
}

// `formOf(text).cap` for an ASCII word: a capital, then letters, "'" or "-" only ("O'Neil" yes, "B52" no), and
// not all capitals ("US", "NATO").
function asciiCap(text: string, bits: number): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && (bits & (DIGIT | DOT)) === 0 && ((bits & LOWER) !== 0 || text.length < 2);
}

const CAP_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019\-]*$/u;
const ALL_CAPS = /^[\p{Lu}'\u2019\-]{2,}$/u;
// The lower-case form and capital test of words with non-ASCII letters, by their text (see `formOf`).
const FORMS = new Map<string, { lower: string; cap: boolean }>();

// A word with other than ASCII ("José", "O\u2019Neil"): its lower-case form and capital test, by its text
// (news repeats its names). Only such words are kept: a map of every word would be a cache miss per look-up.
function formOf(text: string): { lower: string; cap: boolean } {
  let form = FORMS.get(text);
  if (form === undefined) {
    form = { lower: text.toLowerCase().replace(/\u2019/g, "'").replace(/\./g, ''), cap: CAP_WORD.test(text) && !ALL_CAPS.test(text) };
    if (text.length <= 64) {
      if (FORMS.size >= 100000) FORMS.clear();
      FORMS.set(text, form);
    }
  }
  return form;
}

// "\n", '"', "\u201c", "\u2018", "(", ":", "\u2014", "\u2013".
const isClauseOpener = (c: number) => c === 10 || c === 34 || c === 0x201c || c === 0x2018 || c === 40 || c === 58 || c === 0x2014 || c === 0x2013;

// The same test as /(^|[\n"\u201c\u2018(:\u2014\u2013]\s*)$/ on the three characters before `at`, without
// slicing: true at the text's start, or when an opening mark (or a line break) ends them, spaces aside.
function opensClause(text: string, at: number): boolean {
  // Most words follow a space after a letter or digit ("the harbor"): no opening mark there.
  if (at >= 2 && text.charCodeAt(at - 1) === 32) {
    const c = text.charCodeAt(at - 2);
    if (c < 128 && CHAR_BITS[c] !== 0 && CHAR_BITS[c] < DOT) return false;
  }
  const from = Math.max(0, at - 3);
  if (at === from) return true;
  let k = at;
  while (k > from && isSpaceCode(text.charCodeAt(k - 1))) {
    if (text.charCodeAt(k - 1) === 10) return true;
    k--;
  }
  return k > from && isClauseOpener(text.charCodeAt(k - 1));
}

function firstWordStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER_OR_DIGIT_AT.test(text[i])) return i;
  }
  return -1;
}

const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/u;

/**
 * `tokenize(article.reader, article.bodyStart)`, computed once per article (people, titles, quotes and every
 * context read it). Shared: treat the tokens as read-only.
 */
export function bodyTokens(article: Article): BodyToken[] {
  return (bodyOf(article) ?? scanBody(article)).tokens;
}

/**
 * Word tokens of the article body with possessives split off and sentence-initial words marked, read with
 * the body's tokens (people, titles and quotes all read them). Shared: treat them as read-only.
 */
export function bodyWords(article: Article): WordTok[] {
  return (bodyOf(article) ?? scanBody(article)).words;
}

/** Which words an article writes in lower case: see `lowerCaseWords`. */
export interface LowerCaseWords {
  /** True when a body word not starting with a capital has `lower` as its `WordTok.lower`. */
  has(lower: string): boolean;
}

/**
 * The lower-case forms (`WordTok.lower`) of the body's words written without a capital letter first, once
 * per article: "The Harbor Board met by the harbor" holds "harbor" (a capitalized "Harbor" elsewhere is a
 * common word), not "board". People and entities both read it, and ask only of capitalized words. Shared.
 */
export function lowerCaseWords(article: Article): LowerCaseWords {
  const body = bodyOf(article);
  if (body) return (body.lowerSet ??= new WrittenInLowerCase(body.words));
  return new WrittenInLowerCase(bodyWords(article));
}

/**
 * The answer for every capitalized word's lower form, found by one look-up per lower-case word in a map
 * of those few forms (not a set of every word of the article); any other word is answered from the full
 * set, made when first asked.
 */
class WrittenInLowerCase implements LowerCaseWords {
  private readonly capitalized = new Map<string, boolean>();
  private all: Set<string> | undefined;
  constructor(private readonly words: readonly WordTok[]) {
    const capitalized = this.capitalized;
    for (let i = 0; i < words.length; i++) if (startsUpper(words[i].text)) capitalized.set(words[i].lower, false);
    if (capitalized.size === 0) return;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!startsUpper(w.text) && capitalized.has(w.lower)) capitalized.set(w.lower, true);
    }
  }
  has(lower: string): boolean {
    const known = this.capitalized.get(lower);
    if (known !== undefined) return known;
    if (this.all === undefined) {
      this.all = new Set<string>();
      for (let i = 0; i < this.words.length; i++) if (!startsUpper(this.words[i].text)) this.all.add(this.words[i].lower);
    }
    return this.all.has(lower);
  }
}

/**
 * `tokenize(article.reader, from, to)`, taken from the body's tokens when `from` is not inside one of them
 * (a sentence starts after a space): the scan from `from` would meet the very same words.
 */
export function rangeTokens(article: Article, from: number, to: number): Token[] {
  const body = from >= article.bodyStart ? bodyOf(article) : undefined;
  if (!body) return tokenize(article.reader, from, to);
  const tokens = body.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  // `from` inside the match before: a scan from there reads a different first word.
  if (lo > 0 && matchEnd(article.reader, tokens[lo - 1]) > from) return tokenize(article.reader, from, to);
  // The tokens starting before `to`, copied in one slice; only the last can run past `to` ("Harl" of a
  // range ending inside it is cut to "Ha").
  let end = lo;
  hi = tokens.length;
  while (end < hi) {
    const mid = (end + hi) >> 1;
    if (tokens[mid].start < to) end = mid + 1;
    else hi = mid;
  }
  const out: Token[] = tokens.slice(lo, end);
  if (end > lo && tokens[end - 1].end > to) {
    const t = tokens[end - 1];
    out[out.length - 1] = { text: article.reader.slice(t.start, to), start: t.start, end: to };
  }
  return out;
}

/**
 * The end of the match a body token was read from: its own end, or one more when the scan read a trailing
 * period the token left out ("Porthaven." -> "Porthaven"). A match always takes the period right after its
 * word, so a period there that the token does not end in is one it dropped; "U.S." ends in its own.
 */
function matchEnd(text: string, t: Token): number {
  const e = t.end;
  return e < text.length && text.charCodeAt(e) === 46 && text.charCodeAt(e - 1) !== 46 ? e + 1 : e;
}

/** `tokenize` with the regex itself: for a range that starts inside a surrogate pair. */
function tokenizeByRegex(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= to) break;
    let word = m[0];
    // A trailing period belongs to the word only in abbreviations: "U.S." keeps it, "Porthaven." does not.
    if (word.endsWith('.') && !/\.[\p{L}]\.$/u.test(word) && !/^\p{L}\.$/u.test(word)) word = word.slice(0, -1);
    const end = Math.min(m.index + word.length, to);
    out.push(bodyToken(end === m.index + word.length ? word : text.slice(m.index, end), m.index, end));
  }
  return out;
}

/**
 * The first `limit` tokens of `text[from, to)` that `keep` accepts: the same as
 * `tokenize(text, from, to).filter(keep).slice(0, limit)`, but it stops reading once it has them.
 */
export function firstTokens(text: string, from: number, to: number, limit: number, keep: (t: Token) => boolean): Token[] {
  const out: Token[] = [];
  if (limit <= 0) return out;
  if (splitsPair(text, from)) {
    for (const t of tokenizeByRegex(text, from, to)) {
      if (!keep(t)) continue;
      out.push(t);
      if (out.length >= limit) break;
    }
    return out;
  }
  const n = text.length;
  let i = from;
  while (i < n && i < to) {
    const c = text.charCodeAt(i);
    const u = c < 128 ? ASCII_WORD[c] : wordUnitAt(text, i);
    if (u === 0) {
      i++;
      continue;
    }
    const rawEnd = wordEnd(text, i, u);
    const wordEndAt = i + trimmedLength(text, i, rawEnd);
    const end = wordEndAt < to ? wordEndAt : to;
    const t = bodyToken(text.slice(i, end), i, end);
    i = rawEnd;
    if (!keep(t)) continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}


/**
 * The key form of a name: accents folded, curly apostrophes plain, periods dropped, spaces single,
 * lower case. "Dr. José  O’Neil" -> "dr jose o'neil".
 */
export function foldKey(s: string): string {
  if (isPlainKey(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * True when `foldKey(s)` is `s.toLowerCase()`: ASCII with no period, and no space but single " " between
 * words ("Jane Roe", not "Jane  Roe", " Roe" or "J. Roe"). Most names are, and skip the normalizing passes.
 */
function isPlainKey(s: string): boolean {
  const n = s.length;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || c === 46) return false;
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (prevSpace || c !== 32) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return !prevSpace || n === 0;
}

/** Lower-case, curly quotes and dashes made plain, accents folded: for comparing wordings. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

/** `/^\p{Lu}/u.test(s)` with no regex for an ASCII first letter: "Roe" yes, "roe" and "2021" no. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return c === c && UPPER_FIRST.test(s);
}

const UPPER_FIRST = /^\p{Lu}/u;

/** `s.toLowerCase().replace(/\u2019/g, "'")`, the replace made only when there is a curly apostrophe. */
export function lowerPlain(s: string): string {
  const l = s.toLowerCase();
  return l.indexOf('\u2019') < 0 ? l : l.replace(/\u2019/g, "'");
}

/** `s.replace(/'s$/, '')`: "ruritania's" -> "ruritania". */
export function dropPossessive(s: string): string {
  const n = s.length;
  return n >= 2 && s.charCodeAt(n - 1) === 115 && s.charCodeAt(n - 2) === 39 ? s.slice(0, -2) : s;
}
