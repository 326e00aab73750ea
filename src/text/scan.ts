import type { Article } from '../types';
import { RecentArticles } from './lookup';

/**
 * Where a pattern can start, found in one pass over an article body, so that an extractor runs each of its
 * regexes only at the few places that can hold a match instead of scanning the whole text once per regex.
 *
 * A mark is one of:
 * - LETTERS: an ASCII letter not preceded by `[A-Za-z0-9_]` (where a `\b` before a letter holds), with a key
 *   of its first three letters, lower case, and the length of its letter run: "September" -> "sep", 9;
 * - DIGITS: an ASCII digit not preceded by one, with the length of its digit run ("in 2021" -> "2", 4);
 * - NATIVE: a Persian or Arabic-Indic digit not preceded by one;
 * - SYMBOL: a currency sign ("$", "€", "£", "¥", "₹", "₽");
 * - APOSTROPHE: "'" or "\u2019" (the "'80s");
 * - FOLD: "\u017f" or "\u212a", the only characters a case-insensitive Unicode regex reads as ASCII letters
 *   (long s = "s", Kelvin sign = "k").
 *
 * The same pass lists where a URL, handle, e-mail address or phone number may begin (`exclusionStarts`,
 * read by normalize/exclusions.ts), so that no other pass over the text is needed to find them.
 */
export const LETTERS = 1;
export const DIGITS = 2;
export const NATIVE = 3;
export const SYMBOL = 4;
export const APOSTROPHE = 5;
export const FOLD = 6;

/**
 * The marks of `text[from, ...)` in text order: `pos[i]` is the offset of mark `i`, `info[i]` packs the rest
 * (read it with `kindOf`, `keyOf`, `lenOf`, `capOf`). Treat as read-only.
 */
export interface Marks {
  pos: number[];
  info: number[];
  /**
   * Ascending offsets where an alternative of normalize/exclusions.ts's pattern can begin: "http" before
   * ":" and "https" before ":", "www" before ".", a "." before a lower-case ASCII letter (".com/"), "@" and
   * "#", "+" or "(" before an ASCII digit, and a run of exactly three ASCII digits before a space, "." or "-".
   */
  exclusionStarts: number[];
}

/** LETTERS, DIGITS, ... */
export const kindOf = (info: number): number => (info >> 15) & 7;
/** LETTERS: `wordKey` of the word; DIGITS: the first digit's character code; others: 0. */
export const keyOf = (info: number): number => info & 0x7fff;
/** LETTERS: letters in the run; DIGITS: digits in the run; both capped at 15. */
export const lenOf = (info: number): number => info >>> 19;
/** LETTERS: 1 when written "Sep", "May" (a capital, then lower case for up to two letters). */
export const capOf = (info: number): number => (info >> 18) & 1;

const pack = (kind: number, key: number, len: number, cap: number) => key | (kind << 15) | (cap << 18) | ((len > 15 ? 15 : len) << 19);

const KEY_SPACE = 1 << 15;

/** Lower-case key of the first three ASCII letters of `word` (a word shorter than three is padded). */
export function wordKey(word: string): number {
  let key = 0;
  for (let i = 0; i < 3; i++) {
    const c = i < word.length ? word.charCodeAt(i) | 32 : 0;
    key = (key << 5) | (c >= 97 && c <= 122 ? c - 96 : 0);
  }
  return key;
}

const isNativeDigit = (c: number) => (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);

const MARKS = new RecentArticles<{ from: number; marks: Marks }>();

/** `scanMarks(article.reader, article.bodyStart)`, once per article (dates and quantities share it). */
export function marksOf(article: Article): Marks {
  const hit = MARKS.get(article);
  if (hit && hit.from === article.bodyStart) return hit.marks;
  const marks = scanMarks(article.reader, article.bodyStart);
  MARKS.set(article, { from: article.bodyStart, marks });
  return marks;
}

// ASCII characters by what they can start: one table read instead of a chain of comparisons per character.
const A_OTHER = 0;
const A_LETTER = 1;
const A_DIGIT = 2;
const A_DOLLAR = 3;
const A_QUOTE = 4;
const A_UNDERSCORE = 5;
/** ".", ":", "@", "#", "+", "(": start nothing for the marks, but may start an excluded stretch. */
const A_PUNCT = 6;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = ASCII_CLASS[c + 32] = A_LETTER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = A_DIGIT;
ASCII_CLASS[36] = A_DOLLAR;
ASCII_CLASS[39] = A_QUOTE;
ASCII_CLASS[95] = A_UNDERSCORE;
for (const ch of '.:@#+(') ASCII_CLASS[ch.charCodeAt(0)] = A_PUNCT;

/**
 * Adds `i` (or the start of "http", "https", "www" before it) to `out` when an excluded stretch may begin
 * there; `c` is the A_PUNCT character at `i`. Offsets before `from` are not the body's: left out.
 */
function exclusionStart(text: string, from: number, i: number, c: number, out: number[]): void {
  if (c === 46) {
    // "www.example.org": the "www." alternative starts three letters back.
    if (i - 3 >= from && text.charCodeAt(i - 1) === 119 && text.charCodeAt(i - 2) === 119 && text.charCodeAt(i - 3) === 119) out.push(i - 3);
    // ".com/x55mv1cbZb" (not "said. The", nor "$7.3m")
    if (i + 1 < text.length && isLowerAscii(text.charCodeAt(i + 1))) out.push(i);
  } else if (c === 58) {
    // "http://" and "https://": the scheme is before the colon.
    if (i - 4 >= from && text.startsWith('http', i - 4)) out.push(i - 4);
    else if (i - 5 >= from && text.startsWith('https', i - 5)) out.push(i - 5);
  } else if (c === 64 || c === 35) {
    out.push(i); // "@PortAuthority2", "#flood"
  } else if (i + 1 < text.length && isDigitCode(text.charCodeAt(i + 1))) {
    out.push(i); // "+1 202-555-0143", "(202) 555-0143"
  }
}

const isLowerAscii = (c: number) => c >= 97 && c <= 122;
/** A-Z or a-z, in one compare: "|32" folds A-Z onto a-z, and nothing else lands there ("@" | 32 is "`"). */
export const isAsciiLetter = (c: number): boolean => ((c | 32) - 97) >>> 0 < 26;
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Every mark of `text[from, ...)`; the character before `from` still decides whether a word starts. */
export function scanMarks(text: string, from: number): Marks {
  const pos: number[] = [];
  const info: number[] = [];
  const exclusionStarts: number[] = [];
  const n = text.length;
  // The class of the character before `i` (A_OTHER for anything past ASCII): "x2021" starts no DIGITS
  // mark at "2", "_May" no LETTERS mark at "M". A native digit's own run is told by `prevNative`.
  const p0 = from > 0 ? text.charCodeAt(from - 1) : -1;
  let prevClass = p0 >= 0 && p0 < 128 ? ASCII_CLASS[p0] : A_OTHER;
  let prevNative = p0 >= 0 && isNativeDigit(p0);
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ASCII_CLASS[c];
      if (k === A_OTHER || k === A_PUNCT) {
        if (k === A_PUNCT) exclusionStart(text, from, i, c, exclusionStarts);
        prevClass = A_OTHER;
        prevNative = false;
        continue;
      }
      if (k === A_LETTER) {
        if (prevClass === A_OTHER || prevClass === A_DOLLAR || prevClass === A_QUOTE) {
          // The whole letter run: "Sept" -> key "sep", length 4, capitalized.
          let j = i + 1;
          while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
          const c1 = i + 1 < j ? text.charCodeAt(i + 1) : 0;
          const c2 = i + 2 < j ? text.charCodeAt(i + 2) : 0;
          const key = (((c | 32) - 96) << 10) | (c1 ? ((c1 | 32) - 96) << 5 : 0) | (c2 ? (c2 | 32) - 96 : 0);
          const cap = c <= 90 && (c1 === 0 || c1 >= 97) && (c2 === 0 || c2 >= 97) ? 1 : 0;
          pos.push(i);
          info.push(pack(LETTERS, key, j - i, cap));
          // Letters inside the run start nothing: a word character precedes each.
          i = j - 1;
        }
        prevClass = A_LETTER;
      } else if (k === A_DIGIT) {
        if (prevClass !== A_DIGIT) {
          let j = i + 1;
          let d: number;
          while (j < n && (d = text.charCodeAt(j)) >= 48 && d <= 57) j++;
          pos.push(i);
          info.push(pack(DIGITS, c, j - i, 0));
          // "202 555-0143", "202.555.0143": three digits may open a phone number.
          if (j - i === 3 && j < n) {
            const e = text.charCodeAt(j);
            if (e === 32 || e === 46 || e === 45) exclusionStarts.push(i);
          }
          i = j - 1;
        }
        prevClass = A_DIGIT;
      } else {
        if (k === A_DOLLAR) {
          pos.push(i);
          info.push(pack(SYMBOL, 0, 0, 0));
        } else if (k === A_QUOTE) {
          pos.push(i);
          info.push(pack(APOSTROPHE, 0, 0, 0));
        }
        prevClass = k;
      }
      prevNative = false;
      continue;
    }
    prevClass = A_OTHER;
    if (isNativeDigit(c)) {
      if (!prevNative) {
        pos.push(i);
        info.push(pack(NATIVE, 0, 0, 0));
      }
      prevNative = true;
      continue;
    }
    prevNative = false;
    if (c === 0x2019) {
      pos.push(i);
      info.push(pack(APOSTROPHE, 0, 0, 0));
    } else if (c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20b9 || c === 0x20bd) {
      pos.push(i);
      info.push(pack(SYMBOL, 0, 0, 0));
    } else if (c === 0x17f || c === 0x212a) {
      pos.push(i);
      info.push(pack(FOLD, 0, 0, 0));
    }
  }
  return { pos, info, exclusionStarts };
}

/**
 * Word classes for LETTERS marks, up to 31, each a bit: `prefixes` are told by their first three letters
 * (so "early" also admits "earlier"), `exact` words of up to three letters by the whole letter run ("in"
 * admits "in", not "into"), and `words` of any length by their first three letters and their length
 * ("forty" admits "forte", not "for" or "former"). Case is ignored: a case-sensitive pattern checks case
 * itself (or `capOf`).
 */
export class WordTable {
  // Built by `add`: the classes of each key by run length (index `key * 16 + length`, lengths capped at 15).
  private readonly byKey = new Map<number, number[]>();
  // Read by `classes`: one byte per key naming one of the few distinct rows of classes by length, and the
  // rows, 16 numbers each. One 32 KB table and a small one: a mark's look-up is two loads that usually stay
  // in cache ("the", "said" and "Saturday" hit far apart keys, and most keys are in no class).
  private readonly slot = new Uint8Array(KEY_SPACE);
  private readonly rows: number[] = new Array<number>(16).fill(0);
  private next = 0;
  /** A new class; returns its bit. */
  add(prefixes: readonly string[], exact: readonly string[] = [], words: readonly string[] = []): number {
    if (this.next > 30) throw new Error('a WordTable holds 31 classes');
    const bit = 1 << this.next++;
    for (const w of prefixes) {
      if (w.length < 3) throw new Error(`prefix "${w}" needs three letters`);
      this.mark(w, 0, 15, bit);
    }
    for (const w of exact) {
      if (w.length > 3) throw new Error(`exact word "${w}" has more than three letters`);
      this.mark(w, 0, 3, bit);
    }
    for (const w of words) {
      if (w.length < 3 || w.length > 15) throw new Error(`word "${w}" needs three to fifteen letters`);
      this.mark(w, w.length, w.length, bit);
    }
    return bit;
  }
  /**
   * A new class of whole words from a word list: up to three letters exact, longer ones as whole words
   * ("in", "mid" and "through" of `[in, mid, through]`). Returns its bit.
   */
  addWords(words: Iterable<string>): number {
    const list = [...new Set(words)];
    return this.add([], list.filter((w) => w.length <= 3), list.filter((w) => w.length > 3));
  }
  /** Adds `bit` to the classes of `word`'s key for run lengths `lo..hi`, then re-points the key's slot. */
  private mark(word: string, lo: number, hi: number, bit: number): void {
    const key = wordKey(word);
    let row = this.byKey.get(key);
    if (!row) this.byKey.set(key, (row = new Array<number>(16).fill(0)));
    for (let len = lo; len <= hi; len++) row[len] |= bit;
    let id = 1;
    const rows = this.rows;
    while (id * 16 < rows.length && !row.every((b, len) => rows[id * 16 + len] === b)) id++;
    if (id > 255) throw new Error('a WordTable holds 255 distinct rows of classes');
    if (id * 16 === rows.length) rows.push(...row);
    this.slot[key] = id;
  }
  /** The classes LETTERS mark `info` belongs to, as bits (0 for other kinds). */
  classes(info: number): number {
    if (kindOf(info) !== LETTERS) return 0;
    return this.rows[(this.slot[keyOf(info)] << 4) | lenOf(info)];
  }
}

/** A sticky copy of a global regex: the same pattern, tried at one offset. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}

/**
 * The matches a global scan of `re` from `from` would find, trying the sticky `re` only at `starts`
 * (ascending offsets). Exact when `starts` holds every offset where a match of `re` can begin: a global
 * scan returns the first offset where the pattern matches, and goes on from the end of that match.
 */
export function execAt(re: RegExp, text: string, from: number, starts: readonly number[], each: (m: RegExpExecArray) => void): void {
  let next = from;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k];
    if (p < next) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    // An empty match: a global scan steps one character on.
    next = m[0].length === 0 ? p + 1 : p + m[0].length;
    if (m[0].length > 0) each(m);
  }
}

/** `/\s/` on one UTF-16 code unit, without the regex (NaN past the end: false). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first offset at or after `at` that holds no space (`text.length` when only spaces follow). */
export function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The lower-case ASCII word after spaces or tabs at `at`, within 24 characters of it, or "": what
 * `/^[ \t]+([a-z]+)/` reads in `text.slice(at, at + 24)`. "Stormhawk helicopter" -> "helicopter".
 */
export function wordAfterSpaces(text: string, at: number): string {
  const limit = Math.min(text.length, at + 24);
  let i = at;
  for (let c = text.charCodeAt(i); i < limit && (c === 32 || c === 9); c = text.charCodeAt(++i));
  if (i === at) return '';
  const from = i;
  for (let c = text.charCodeAt(i); i < limit && c >= 97 && c <= 122; c = text.charCodeAt(++i));
  return text.slice(from, i);
}
