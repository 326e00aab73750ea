import type { Article } from '../../types';
import { bodyToken, bodyTokens, type BodyToken, type Token } from '../../text/tokens';
import { RecentArticles } from '../../text/lookup';
import { CALENDAR_WORDS, HONORIFICS, NAME_PARTICLES, ORG_WORDS, ROLE_WORDS, SENTENCE_STARTERS } from './lexicon';

/** Words that qualify a role and are peeled off the front of a name run: "Staff" in "Chief of Staff Jane Roe". */
export const TITLE_MODIFIERS = new Set(
  (
    'staff affairs defense defence foreign interior finance justice health security education trade commerce ' +
    'energy transport agriculture labor labour culture information first second senior junior acting former ' +
    'interim special political prime deputy assistant associate executive armed federal supreme grand high lead ' +
    'principal managing general vice chief top outgoing incoming retired late then caretaker regional provincial ' +
    'district local spokesman spokeswoman'
  ).split(' '),
);

/** A capitalized word of the article, possessive "'s" split off. */
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

const CAP_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019\-]*$/u;
const ALL_CAPS = /^[\p{Lu}'\u2019\-]{2,}$/u;

const WORD_TOKENS = new RecentArticles<WordTok[]>();
// The lower-case form and capital test of words with non-ASCII letters, by their text (see `formOf`).
const FORMS = new Map<string, { lower: string; cap: boolean }>();
const MEMO_LIMIT = 8 << 20;

/**
 * Word tokens of the article body with possessives split off and sentence-initial words marked.
 * Memoized per article (people, titles and quotes all read them): treat the result as read-only.
 */
export function wordTokens(article: Article): WordTok[] {
  let toks = WORD_TOKENS.get(article);
  if (!toks) {
    toks = computeWordTokens(article);
    // A huge article's tokens (a 20 MB text has 3M) would weigh on every later collection: recompute those.
    if (article.text.length <= MEMO_LIMIT) WORD_TOKENS.set(article, toks);
  }
  return toks;
}

function computeWordTokens(article: Article): WordTok[] {
  const out: WordTok[] = [];
  const src = article.text;
  const sentences = article.sentences;
  // Tokens come in text order: a moving pointer finds each one's sentence, and that sentence's first
  // word is looked up once.
  let sp = 0;
  let firstOf = -1;
  let first = -1;
  for (const t of bodyTokens(article)) {
    let text = t.text;
    let end = t.end;
    let possessive = false;
    // "Roe's": the same test as /['\u2019]s$/ with more than the "'s" itself.
    const n = text.length;
    const q = n > 2 ? text.charCodeAt(n - 2) : 0;
    if (n > 2 && text.charCodeAt(n - 1) === 115 && (q === 39 || q === 0x2019)) {
      text = text.slice(0, -2);
      end -= 2;
      possessive = true;
    }
    while (sp < sentences.length && sentences[sp].end <= t.start) sp++;
    const si = sp < sentences.length && sentences[sp].start <= t.start ? sp : -1;
    if (si >= 0 && firstOf !== si) {
      firstOf = si;
      first = firstWordStart(src, sentences[si].start, sentences[si].end);
    }
    // A word opening a quotation or following a colon opens a clause too: '"If Jane Roe' starts with "If".
    const initial = (si >= 0 && first === t.start) || opensClause(src, t.start);
    // What the word's characters are: most words are plain lower case ("the", "twenty-one"), their own lower
    // form and never capitalized; the rest are mostly ASCII, read here too.
    let bits = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      bits |= c < 128 ? CHAR_BITS[c] : NON_ASCII;
    }
    // The body's own token object carries the word data (see BodyToken); "Roe's" needs one of its own.
    const w = possessive ? bodyToken(text, t.start, end) : t;
    if ((bits & (UPPER | DOT | NON_ASCII)) === 0) out.push(fill(w, text, false, possessive, initial));
    else if ((bits & NON_ASCII) === 0) out.push(fill(w, asciiLower(text, bits), asciiCap(text, bits), possessive, initial));
    else {
      const form = formOf(text);
      out.push(fill(w, form.lower, form.cap, possessive, initial));
    }
  }
  return out;
}

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

// Filling in the same values each time: a body token's word data depends only on its article.
function fill(t: BodyToken, lower: string, cap: boolean, possessive: boolean, initial: boolean): WordTok {
  t.lower = lower;
  t.cap = cap;
  t.possessive = possessive;
  t.initial = initial;
  return t as WordTok;
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
  while (k > from && isSpace(text.charCodeAt(k - 1))) {
    if (text.charCodeAt(k - 1) === 10) return true;
    k--;
  }
  return k > from && isClauseOpener(text.charCodeAt(k - 1));
}

/** `/\s/.test(String.fromCharCode(c))` for one UTF-16 unit, without the regex. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function firstWordStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER_OR_DIGIT.test(text[i])) return i;
  }
  return -1;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// What the people word lists say of a word, as bits of one map: one look-up per word, not one per list.
const ORG = 1;
const NON_NAME = 2;
const HONORIFIC = 4;
const STARTER = 8;
const WORD_KINDS = new Map<string, number>();
const mark = (list: ReadonlySet<string>, bits: number) => {
  for (const w of list) WORD_KINDS.set(w, (WORD_KINDS.get(w) ?? 0) | bits);
};
mark(ORG_WORDS, ORG | NON_NAME);
mark(CALENDAR_WORDS, NON_NAME);
mark(ROLE_WORDS, NON_NAME);
mark(TITLE_MODIFIERS, NON_NAME);
mark(HONORIFICS, HONORIFIC);
mark(SENTENCE_STARTERS, STARTER);

const kindOf = (lower: string): number => WORD_KINDS.get(lower) ?? 0;

/** True when `word` (lower case) can never be part of a person's name. */
// Not memoized: a look-up in the small map of listed words costs less than one in a map of every word
// met, which grows past the processor's caches on real text with its many distinct words.
export function nonNameWord(lower: string): boolean {
  return (kindOf(lower) & NON_NAME) !== 0 || orgPlural(lower);
}

// Plurals of org words: "republics", "forces".
function orgPlural(lower: string): boolean {
  const n = lower.length;
  return n > 4 && lower.charCodeAt(n - 1) === 115 && (kindOf(lower.slice(0, -1)) & ORG) !== 0;
}

/** True when `word` (lower case) is peeled off the front of a run: honorifics, roles, org words. */
export function peelWord(lower: string): boolean {
  return (kindOf(lower) & (HONORIFIC | NON_NAME)) !== 0 || orgPlural(lower);
}

/**
 * Runs of capitalized words joined only by spaces (a particle like "bin" may sit inside; an initial
 * like "W." too). A possessive ends a run: "Jane Roe's Demand" -> "Jane Roe".
 */
export function capitalRuns(text: string, toks: readonly WordTok[]): WordTok[][] {
  const runs: WordTok[][] = [];
  let cur: WordTok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap) {
      // Most words are lower case with no run open: nothing to end.
      if (cur.length === 0) continue;
      // "Osama bin Laden": a particle between capitalized words stays in the run; any other word ends it.
      // The next word asked first: a look-up of every word after a run would hash each one.
      if (toks[i + 1]?.cap !== true || !NAME_PARTICLES.has(t.lower)) {
        runs.push(cur);
        cur = [];
        continue;
      }
    }
    if (cur.length > 0 && !joinable(text, cur[cur.length - 1], t)) {
      runs.push(cur);
      cur = [];
    }
    cur.push(t);
    if (t.possessive) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

// Whether `t` continues the run that ends in `prev`: "Jane Roe" (a space), "W. Roe" or "Dr. Roe" (a period and a space).
function joinable(text: string, prev: WordTok, t: WordTok): boolean {
  if (prev.possessive) return false;
  const gap = gapKind(text, prev, t);
  return gap === SPACE || (gap === OTHER_GAP && (/^\p{Lu}$/u.test(prev.text) || HONORIFICS.has(prev.lower)));
}

const NO_GAP = 0;
const SPACE = 1;
const OTHER_GAP = 2;

/**
 * What `gapOf` gives, read from the one or two characters between the words: SPACE for " " (or a tab
 * or no-break space), OTHER_GAP for another single space character or ". " ("W. Roe"), NO_GAP otherwise.
 */
function gapKind(text: string, a: Token, b: Token): number {
  const d = b.start - a.end;
  if (d === 1) {
    const c = text.charCodeAt(a.end);
    if (c === 32 || c === 9 || c === 0xa0) return SPACE;
    return c !== 10 && c !== 13 && isSpace(c) ? OTHER_GAP : NO_GAP;
  }
  if (d === 2) {
    const c = text.charCodeAt(a.end + 1);
    return text.charCodeAt(a.end) === 46 && c !== 10 && c !== 13 && isSpace(c) ? OTHER_GAP : NO_GAP;
  }
  return NO_GAP;
}

/** True for the honorific and role words that are printed before a name ("Dr", "President", "Sheikh"). */
export function isHonorific(lower: string): boolean {
  return (kindOf(lower) & HONORIFIC) !== 0;
}

/** True when the lower-case word opens sentences but never names ("However", "Multiple"). */
export function isSentenceStarter(lower: string): boolean {
  return (kindOf(lower) & STARTER) !== 0;
}
