import { UNIT_WORDS, TENS_WORDS, SCALE_WORDS, NUMBER_NOUNS, SPELLED_SCALES_AFTER_A, SPELLED_SCALES_INSIDE } from '../lang/words';
import { phraseAlternation } from '../text/pattern';

/**
 * Numbers as written in English news: digits with separators ("2,000", "1.6"), Persian and Arabic-Indic
 * digits ("۱۲۴"), spelled numbers ("twenty-one", "a dozen") and scale words ("1.6 million", "€3bn").
 * Each vocabulary is data paired with the function that reads it (chrono `locales/en/constants.ts`).
 */

// The number words are data (lang/en/numbers.yaml).
export { UNIT_WORDS, TENS_WORDS, SCALE_WORDS, NUMBER_NOUNS };

/** Every word a spelled number can open with, apart from "a"/"an" before a scale word. */
export const SPELLED_NUMBER_WORDS: readonly string[] = [...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS)];

const WORD_ALT = [...SPELLED_NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|');

/**
 * A spelled number of up to "nine hundred ninety-nine thousand ...": words joined by spaces, hyphens or "and".
 * Used inside larger patterns; no nested quantifiers over overlapping classes. At most 12 words follow the
 * first ("one hundred and twenty-five thousand three hundred and forty-two" takes 8): a pattern tried at
 * every word of "one one one ..." and failing after it would otherwise read the rest of the run each
 * time, quadratic in its length.
 */
export const SPELLED_NUMBER_SOURCE = `(?:${WORD_ALT}|an? (?:${phraseAlternation(SPELLED_SCALES_AFTER_A)}))(?:[ -](?:and )?(?:${WORD_ALT}|${phraseAlternation(SPELLED_SCALES_INSIDE)})){0,12}`;

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits as ASCII: "۱۲۴" -> "124". */
export function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else out += ch;
  }
  return out;
}

/**
 * A numeral as written, with its precision: "2,000" -> 2000 (step 1), "31.06" -> 31.06 (step 0.01),
 * "۱۲۴" -> 124. The step is one unit of the last written digit: the rounding a writer may have applied.
 * Null when it is not a well-formed numeral ("1,20" is not one).
 */
export function parseNumeral(raw: string): { value: number; step: number } | null {
  // Plain ASCII ("2,000", "31.06") has nothing to convert.
  let ascii = true;
  for (let i = 0; i < raw.length && ascii; i++) ascii = raw.charCodeAt(i) < 128;
  if (ascii) return parseAsciiNumeral(raw);
  const s = asciiDigits(raw).replace(/\u066c/g, ',').replace(/\u066b/g, '.');
  if (!NUMERAL.test(s)) return null;
  // At most one period, and commas only before it: the number is the text without its commas.
  const digits = s.indexOf(',') >= 0 ? s.replace(/,/g, '') : s;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  const dot = digits.indexOf('.');
  return { value, step: dot >= 0 ? Math.pow(10, -(digits.length - dot - 1)) : 1 };
}

const NUMERAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * `parseNumeral` of an ASCII string, read in one pass instead of a regex test, a comma removal and a
 * string conversion: "8,700" is checked against NUMERAL digit by digit, and a whole number of up to 15
 * digits (exact in a double) is summed as it is read. Anything else goes through `Number`, as before.
 */
function parseAsciiNumeral(s: string): { value: number; step: number } | null {
  const n = s.length;
  let i = 0;
  let whole = 0;
  let digits = 0;
  // "2,000": a first group of one to three digits, then groups of three after commas.
  while (i < n && isDigitCode(s.charCodeAt(i))) {
    whole = whole * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  digits = i;
  if (digits === 0) return null;
  let commas = false;
  while (i < n && s.charCodeAt(i) === 44) {
    if ((!commas && digits > 3) || i + 3 >= n || !isDigitCode(s.charCodeAt(i + 1)) || !isDigitCode(s.charCodeAt(i + 2)) || !isDigitCode(s.charCodeAt(i + 3))) return null;
    whole = whole * 1000 + (s.charCodeAt(i + 1) - 48) * 100 + (s.charCodeAt(i + 2) - 48) * 10 + (s.charCodeAt(i + 3) - 48);
    digits += 3;
    commas = true;
    i += 4;
  }
  if (i === n) return digits <= 15 ? { value: whole, step: 1 } : numeralOf(s, commas, 0);
  // "31.06": a period and at least one digit end the numeral.
  if (s.charCodeAt(i) !== 46 || i + 1 >= n) return null;
  for (let j = i + 1; j < n; j++) if (!isDigitCode(s.charCodeAt(j))) return null;
  return numeralOf(s, commas, n - i - 1);
}

/** A well-formed numeral's value by `Number`, and the step of its `decimals` written decimals. */
function numeralOf(s: string, commas: boolean, decimals: number): { value: number; step: number } | null {
  const value = Number(commas ? s.replace(/,/g, '') : s);
  if (!Number.isFinite(value)) return null;
  return { value, step: decimals > 0 ? Math.pow(10, -decimals) : 1 };
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/**
 * `Number(x.toPrecision(12))`, the twelve-significant-digit rounding that hides floating-point noise
 * (100 * 1.1 = 110.00000000000001 -> 110), without the string round trip when `x` is that close to a
 * whole number below 1e12: such a number is its own rounding. Zero (and -0, which the string turns
 * into 0) and everything else take the string route.
 */
export function round12(x: number): number {
  const r = Math.round(x);
  if (r !== 0 && r > -1e12 && r < 1e12 && Math.abs(x - r) < 4e-13 * Math.abs(x)) return r;
  return Number(x.toPrecision(12));
}

/**
 * A spelled number: "twenty-one" -> 21, "two hundred and five" -> 205, "a dozen" -> 12,
 * "three thousand" -> 3000. Null when the words do not make one number ("a" alone, "two three").
 */
export function parseSpelledNumber(words: string): number | null {
  const parts = words.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  let lastKind: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i];
    if (w === 'a' || w === 'an') {
      if (i !== 0 || parts.length === 1) return null;
      current = 1;
      lastKind = 'unit';
      continue;
    }
    if (w in UNIT_WORDS) {
      if (lastKind === 'unit' || (lastKind === 'tens' && UNIT_WORDS[w] >= 10)) return null;
      if (lastKind === 'tens' && UNIT_WORDS[w] === 0) return null;
      current += UNIT_WORDS[w];
      lastKind = 'unit';
    } else if (w in TENS_WORDS) {
      if (lastKind === 'unit' || lastKind === 'tens') return null;
      current += TENS_WORDS[w];
      lastKind = 'tens';
    } else if (w === 'hundred') {
      if (lastKind === 'none' || lastKind === 'hundred') return null;
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else if (w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') {
      if (lastKind === 'none') return null;
      total += (current || 1) * SCALE_WORDS[w].factor;
      current = 0;
      lastKind = 'scale';
    } else if (w in NUMBER_NOUNS) {
      current = (current || 1) * NUMBER_NOUNS[w];
      lastKind = 'hundred';
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** The scale factor of a word after a number ("million" -> 1e6), or null. `money` allows "m", "k", "b". */
export function scaleFactor(word: string, money: boolean): number | null {
  const s = SCALE_WORDS[word.toLowerCase()];
  if (!s || (s.moneyOnly && !money)) return null;
  return s.factor;
}
