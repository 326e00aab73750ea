import levenshtein from 'fast-levenshtein';
import { foldKey } from '../../text/tokens';
import { memoByString } from '../../util/memo';
import { NAME_PARTICLES } from './lexicon';

/**
 * Name keys and spelling similarity, shared by the people extractor, the quote speaker resolution and
 * the name-spelling, title-match and quote-speaker comparators.
 */

/** Lower-case key of a name: diacritics folded, curly apostrophes plain, periods dropped, spaces single. */
// Memoized: the same few name words are keyed over and over (mentions, titles, speakers).
export const nameKey: (name: string) => string = memoByString((name) => foldKey(name), 50000, 64);

/**
 * A spelling-tolerant form of one name word, for transliteration variants:
 * doubled letters single, "oo" -> "u", "ee" -> "i", "ph" -> "f", hyphens and apostrophes gone.
 * "Zahiruddin" -> "zahirudin", "Yusoof" -> "yusuf", "Mohammad" -> "mohamad".
 */
export const foldNameWord: (word: string) => string = memoByString(
  (word) =>
    nameKey(word)
      .replace(/['\-]/g, '')
      .replace(/ph/g, 'f')
      .replace(/oo/g, 'u')
      .replace(/ee/g, 'i')
      .replace(/(.)\1+/g, '$1'),
  50000,
  64,
);

/**
 * Edits allowed between two folded name words before they count as different names. Short names must
 * match exactly: "Jon" and "Joan" are two people, one letter apart out of four. From 5 letters one edit
 * is a misspelling, from 7 letters two ("Mohamad" / "Muhamad").
 */
export function allowedEdits(length: number): number {
  if (length >= 7) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** How much an initial and a name with its letter are one name word. */
export const INITIAL_MATCH = 0.6;

/** Similarity of two name words, 0..1: 1 when equal after folding, 0 when beyond the allowed edits. */
export function nameWordSimilarity(a: string, b: string): number {
  const fa = foldNameWord(a);
  const fb = foldNameWord(b);
  if (fa === fb) return nameKey(a) === nameKey(b) ? 1 : 0.95;
  // An initial stands for a name with its letter: "P" / "Pradesh" (0.6: one person, less surely).
  if ((fa.length === 1 || fb.length === 1) && fa[0] === fb[0]) return INITIAL_MATCH;
  const max = Math.max(fa.length, fb.length);
  const d = levenshtein.get(fa, fb);
  if (d > allowedEdits(max)) return 0;
  return Math.max(0.5, 0.95 - (0.4 * d) / max);
}

const PARTICLES = NAME_PARTICLES;

/** Words of a name without particles: "Osama bin Laden" -> ["osama", "laden"]. */
export function nameWords(name: string): string[] {
  return keyWords(nameKey(name));
}

/** `nameWords` of the name whose `nameKey` is `key`: "osama bin laden" -> ["osama", "laden"]. */
export function keyWords(key: string): string[] {
  return key.split(' ').filter((w) => w && !PARTICLES.has(w));
}

/** Last word of a name, the surname key: "Maria Elena Quist" -> "quist". */
export function surnameKey(name: string): string {
  const w = nameWords(name);
  return w[w.length - 1] ?? '';
}

/**
 * How surely two names are one person, 0..1, from spelling alone. Surnames must match within the
 * allowed edits; first names too when both give one (a middle name on one side only is allowed).
 * A bare surname matches any full name with that surname, weakly (0.6).
 * "Marit Oyelaran" ~ "Marit Oyelarran" (one letter more); "Jon Smith" ~ "Joan Smith" 0; "Oyelaran" ~ "Marit Oyelaran" 0.6.
 */
export function nameSimilarity(a: string, b: string): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const sur = nameWordSimilarity(wa[wa.length - 1], wb[wb.length - 1]);
  if (sur === 0) return 0;
  if (wa.length === 1 || wb.length === 1) return wa.length === wb.length ? sur : 0.6 * sur;
  const given = nameWordSimilarity(wa[0], wb[0]);
  if (given === 0) return 0;
  // Middle names: "Maria Elena Quist" and "Maria Quist" are one person, a little less surely.
  let middle = 1;
  if (wa.length !== wb.length) middle = 0.95;
  else {
    for (let i = 1; i < wa.length - 1; i++) middle = Math.min(middle, nameWordSimilarity(wa[i], wb[i]) || 0.5);
  }
  return Math.min(sur, given, middle);
}

/** Least `nameSimilarity` at which two names are taken for one person. */
export const SAME_PERSON = 0.5;
