import type { Article, Claim, Extractor, Hedge, QuantityDimension, QuantityValue } from '../types';
import { claimsAt } from './claim';
import { chooseLongest } from '../text/lookup';
import { SPELLED_NUMBER_SOURCE, SPELLED_NUMBER_WORDS, parseNumeral, parseSpelledNumber, round12, scaleFactor } from '../normalize/numbers';
import { DIGITS as DIGIT_MARK, FOLD, LETTERS, NATIVE, SYMBOL, WordTable, execAt, isSpaceCode, kindOf, marksOf, skipSpaces, sticky as stickyCopy, type Marks } from '../text/scan';
import {
  CURRENCIES, UNITS, currencyPrefixSource, lookupCurrencyName, lookupCurrencyPrefix, lookupUnit, toCanonical, unitNamesSource,
  unitSymbolsSource, type CurrencyDef, type UnitDef,
} from '../normalize/units';
import { HEDGE_SOURCE, QUANTITY_HEDGES, hedgeInterval, lookupHedge } from '../normalize/hedges';
import { excludedRangesOf, overlapsAny } from '../normalize/exclusions';
import { singularNoun } from '../lang/word-forms';
import {
  AMOUNT_RANGE_JOINERS, COUNT_STOPPERS, INCREMENT_WORDS, LONG_COMPOUND_UNITS, RANGE_WORDS, NOT_COUNT_NOUNS, ONE_UNIT_NAMES, ONE_WORDS, PLURAL_WITHOUT_S, SCALE_WORDS, SPELLED_SCALES_AFTER_A,
} from '../lang/words';
import { caseFoldCodes, phraseAlternation } from '../text/pattern';

/**
 * Amounts in English news text, normalized to the canonical unit of their dimension:
 * "50 kilometers (31.06 miles)" (one claim, two stated amounts), "$5 million", "€3bn", "45%",
 * "46 to 48 degrees", "nearly two decades" (duration, [18, 20] years), "a two-decade war",
 * "six workers" (count of worker), "1.6 million people".
 *
 * Not read: bare numbers with nothing counted ("Game 3.0"), ages ("45-year-old", "aged 45"),
 * numbers inside URLs, handles, phone numbers, clock times and dates already claimed by the date
 * extractor (which runs first, and keeps "four years after X" as a relative date), ordinals ("21st"), and lone "one"/"a" ("an inch of rain" is a figure of
 * speech more often than a measure).
 */
export const quantityExtractor: Extractor = {
  id: 'quantities',
  kinds: ['quantity'],
  extract(article, ctx, earlier) {
    try {
      return claimsAt(article, 'quantities', extractQuantities(article, earlier));
    } catch {
      return [];
    }
  },
};

interface Found {
  start: number;
  end: number;
  value: QuantityValue;
}


// ---------------------------------------------------------------------------------------------
// Patterns

const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const NATIVE_DIGITS = '[\\u06f0-\\u06f9\\u0660-\\u0669]+(?:[\\u066b.][\\u06f0-\\u06f9\\u0660-\\u0669]+)?';
/** A numeral, optionally after a currency symbol: "$5", "US$ 1.2", "2,000", "۱۲۴". */
const NUMERAL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_@#/.,:\\-\\u2013+])(?:(${currencyPrefixSource()})\\s?)?(${DIGITS}|${NATIVE_DIGITS})`,
  'gu',
);
/** A spelled number: "twenty-one", "a dozen", "two hundred". */
const SPELLED_RE = new RegExp(`(?<![\\p{L}\\p{N}_-])(${SPELLED_NUMBER_SOURCE})(?![\\p{L}\\p{N}])`, 'giu');
/** "decade-long", "a decade", "a century": one unit without a numeral. */
const LONG_RE = new RegExp(
  String.raw`\b(?:(${phraseAlternation(ONE_WORDS)})\s+(${phraseAlternation(ONE_UNIT_NAMES)})\b|(${phraseAlternation(LONG_COMPOUND_UNITS)})s?-long\b)`,
  'gi',
);

/** A scale word of lang/en/numbers.yaml after a number: "1.6 million", "5bn", "Rs 215 crore". */
const SCALE_RE = new RegExp(String.raw`\s?(${phraseAlternation(Object.keys(SCALE_WORDS))})(?![\p{L}\p{N}])`, 'iuy');
const UNIT_NAME_RE = new RegExp(`(?:\\s+|-)(${unitNamesSource()})(?![\\p{L}\\p{N}])`, 'iuy');
const UNIT_SYMBOL_RE = new RegExp(`\\s?(${unitSymbolsSource()})(?![\\p{L}\\p{N}])`, 'uy');
/** The words between the two amounts of a range: "to", "or", and "and" (after "between"). */
const RANGE_JOINERS = [...AMOUNT_RANGE_JOINERS, ...RANGE_WORDS.and];
const RANGE_RE = new RegExp(
  `\\s*(?:-|\\u2013|\\u2014|${phraseAlternation(RANGE_JOINERS)})\\s*(?:(${currencyPrefixSource()})\\s?)?(${DIGITS}|${SPELLED_NUMBER_SOURCE})(?![\\p{N}])`,
  'iuy',
);
const HEDGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${HEDGE_SOURCE})\\s+$`, 'iu');
/** "between " or "from " before the first amount of a range (calendar.yaml's range-words). */
const RANGE_LEAD = new RegExp(String.raw`(?:^|[^\p{L}])(${phraseAlternation([...RANGE_WORDS.between, ...RANGE_WORDS.from])})\s+$`, 'iu');
const CONVERSION_RE = new RegExp(
  `\\s*\\(\\s*(?:about\\s+|approx\\.\\s+|approximately\\s+|roughly\\s+|or\\s+)?(?:(${currencyPrefixSource()})\\s?)?(${DIGITS})`,
  'uy',
);
const WORD_RE = /\s+([\p{L}][\p{L}'\u2019-]*)/uy;

/** Words that end a count phrase: "three of the", "five were". */
const NOT_COUNTED = COUNT_STOPPERS;
/** Plural nouns that name what is counted without a final s ("40 police"); NOT_COUNT_NOUNS name nothing counted. */
const IRREGULAR_PLURALS = PLURAL_WITHOUT_S;

function readNumber(raw: string): { value: number; spelled: boolean; native: boolean } | null {
  const c = raw.length > 0 ? raw.charCodeAt(0) : 0;
  if (isAsciiDigit(c) || isNativeDigit(c)) {
    const n = parseNumeral(raw);
    return n ? { value: n.value, spelled: false, native: hasNativeDigit(raw) } : null;
  }
  const v = parseSpelledNumber(raw);
  return v === null ? null : { value: v, spelled: true, native: false };
}

/** Every amount of the article body, sorted by start, non-overlapping. */
export function extractQuantities(article: Article, earlier: readonly Claim[] = []): Found[] {
  const text = article.reader;
  const from = article.bodyStart;
  // Dates own their digits: "July 2021", "17:29 ET", "3 days ago", and "four years after the withdrawal",
  // which the date extractor records as a relation to an event (a time since, not the length of anything).
  const ranges = unionRanges(excludedRangesOf(article), dateSpans(earlier));
  const found: Found[] = [];
  const tryAt = (start: number, numEnd: number, raw: string, prefix: string | undefined) => {
    // An amount spans its number: a number a date or a URL holds ("21" in "March 21") gives nothing.
    if (overlapsAny(ranges, start, numEnd)) return;
    const f = readAmountAt(text, start, numEnd, raw, prefix);
    if (f && !overlapsAny(ranges, f.start, f.end)) found.push(f);
  };
  // Each pattern is tried only where a match can begin (see text/scan.ts): the matches of a global scan.
  const starts = startsOf(marksOf(article));
  execAt(NUMERAL_Y, text, from, starts.numeral, (m) => tryAt(m.index, m.index + m[0].length, m[2], m[1]));
  execAt(SPELLED_Y, text, from, starts.spelled, (m) => tryAt(m.index, m.index + m[0].length, m[1], undefined));
  execAt(LONG_Y, text, from, starts.long, (m) => {
    const unit = lookupUnit((m[2] ?? m[3]).toLowerCase())!;
    const f = build(text, m.index, m.index + m[0].length, [{ value: 1, text: m[0], unit }], unit, undefined, undefined);
    if (!overlapsAny(ranges, f.start, f.end)) found.push(f);
  });
  return choose(found);
}

const NUMERAL_Y = stickyCopy(NUMERAL_RE);
const SPELLED_Y = stickyCopy(SPELLED_RE);
const LONG_Y = stickyCopy(LONG_RE);

// The words a match can open with, or must go on with (see text/scan.ts).
const WORDS = new WordTable();
// "US$5", "USD 5", "Rs. 500", "A$3": the letters of a currency prefix.
const PREFIX_LETTERS = [...new Set(CURRENCIES.flatMap((c) => c.prefixes).map((p) => /^[A-Za-z]*/.exec(p)![0]))];
const CURRENCY_LETTERS = WORDS.add(
  PREFIX_LETTERS.filter((p) => p.length > 3),
  PREFIX_LETTERS.filter((p) => p.length > 0 && p.length <= 3),
);
// A spelled number opens with a whole word ("six", not "sixth"; "forty", not "for"): only "\u017f" could
// hide in one, and no opener has an "s" past its first letter (a FOLD mark starts "\u017fix").
const SPELLED = WORDS.add([], [], SPELLED_NUMBER_WORDS);
const A_AN = WORDS.add([], ['a', 'an']);
// "a thou\u017fand" reads as "a thousand" here (case-insensitive Unicode): a prefix, not a whole word.
const SCALE_NOUN = WORDS.add(SPELLED_SCALES_AFTER_A);
const A_AN_ONE = WORDS.addWords(ONE_WORDS);
// "a decade", not "a decision"; "years-long".
const DECADE_CENTURY = WORDS.addWords(ONE_UNIT_NAMES);
const LONG_UNIT = WORDS.addWords(LONG_COMPOUND_UNITS.flatMap((u) => [u, `${u}s`]));
const LONG = WORDS.add([], [], ['long']);

/**
 * Each amount pattern as a global regex, with the offsets of the article where `extractQuantities` tries
 * it. For tests: the offsets must hold every offset where a global scan of the pattern finds a match.
 */
export function quantityCandidates(article: Article): { pattern: RegExp; starts: number[] }[] {
  const s = startsOf(marksOf(article));
  return [
    { pattern: NUMERAL_RE, starts: s.numeral },
    { pattern: SPELLED_RE, starts: s.spelled },
    { pattern: LONG_RE, starts: s.long },
  ];
}

/** Offsets where each pattern may match: a superset of the offsets a global scan would match at. */
function startsOf(marks: Marks): { numeral: number[]; spelled: number[]; long: number[] } {
  const s = { numeral: [] as number[], spelled: [] as number[], long: [] as number[] };
  const { pos, info } = marks;
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i];
    const k = kindOf(info[i]);
    if (k === DIGIT_MARK || k === NATIVE || k === SYMBOL) {
      s.numeral.push(p);
      continue;
    }
    // A Unicode case-insensitive pattern reads "\u017f" as "s": "\u017fix" is "six".
    if (k === FOLD) {
      s.spelled.push(p);
      continue;
    }
    if (k !== LETTERS) continue;
    const bits = WORDS.classes(info[i]);
    if (bits === 0) continue;
    const next = i + 1 < pos.length ? info[i + 1] : 0;
    const nextKind = kindOf(next);
    const nextBits = WORDS.classes(next);
    // "USD 5", "US$5": the letters, then the number or the sign.
    if (bits & CURRENCY_LETTERS && (nextKind === DIGIT_MARK || nextKind === NATIVE || nextKind === SYMBOL)) s.numeral.push(p);
    // "twenty-one", "a dozen".
    if (bits & SPELLED || (bits & A_AN && nextBits & SCALE_NOUN)) s.spelled.push(p);
    // "a decade", "decade-long".
    if ((bits & A_AN_ONE && nextBits & DECADE_CENTURY) || (bits & LONG_UNIT && nextBits & LONG)) s.long.push(p);
  }
  return s;
}

/**
 * The `[start, end)` of each date claim. A small function of its own: the claims of every extractor, each
 * shape of them, pass here, and a new shape late in a run costs re-optimizing this loop, not all of
 * `extractQuantities`.
 */
function dateSpans(earlier: readonly Claim[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of earlier) if (c.kind === 'date') out.push([c.span.start, c.span.end]);
  return out;
}

/**
 * The sorted, disjoint union of two lists of `[start, end)` ranges, ranges that touch merged: what sorting
 * `a` and `b` together by start then end and merging would give. Both lists usually come sorted already
 * (excluded ranges, then the date extractor's claims in text order), so they are merged without a sort; the
 * inputs are never changed.
 */
function unionRanges(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  if (!sortedRanges(a) || !sortedRanges(b)) return mergeRanges([...a, ...b].sort(byStartEnd));
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && byStartEnd(a[i], b[j]) <= 0) ? a[i++] : b[j++];
    addMerged(out, x);
  }
  return out;
}

const byStartEnd = (x: readonly [number, number], y: readonly [number, number]) => x[0] - y[0] || x[1] - y[1];

function sortedRanges(r: readonly [number, number][]): boolean {
  for (let i = 1; i < r.length; i++) if (byStartEnd(r[i - 1], r[i]) > 0) return false;
  return true;
}

/** Appends a copy of `x` to `out` (sorted by start), or stretches the last range when `x` touches it. */
function addMerged(out: [number, number][], x: readonly [number, number]): void {
  const last = out.length > 0 ? out[out.length - 1] : undefined;
  if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
  else out.push([x[0], x[1]]);
}

function mergeRanges(r: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of r) addMerged(out, x);
  return out;
}

function choose(found: Found[]): Found[] {
  // Marks taken characters instead of testing each candidate against every range taken (a 4 MB article has 50k).
  return chooseLongest(found);
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Scale, unit or currency after a number ending at `at`. */
function readTail(text: string, at: number, money: boolean): { end: number; factor: number; unit?: UnitDef; currency?: CurrencyDef } {
  let end = at;
  let factor = 1;
  const sc = mayOpenScale(text, end) ? sticky(SCALE_RE, text, end) : null;
  if (sc) {
    // "$5m" and "5m dollars" are millions; "5m" alone is metres.
    const f = scaleFactor(sc[1], money || nextIsCurrencyName(text, end + sc[0].length));
    if (f !== null) {
      factor = f;
      end += sc[0].length;
    }
  }
  const name = mayOpenUnitName(text, end) ? sticky(UNIT_NAME_RE, text, end) : null;
  if (name) {
    const cur = lookupCurrencyName(name[1]);
    if (cur) return { end: end + name[0].length, factor, currency: cur };
    const unit = lookupUnit(name[1]);
    // "200 pounds sterling" is money: the currency table holds the longer name and matched first.
    if (unit) return { end: end + name[0].length, factor, unit };
  }
  if (!money) {
    const sym = mayOpenSymbol(text, end) ? sticky(UNIT_SYMBOL_RE, text, end) : null;
    const unit = sym ? lookupUnit(sym[1]) : undefined;
    if (sym && unit) return { end: end + sym[0].length, factor, unit };
  }
  return { end, factor };
}

function nextIsCurrencyName(text: string, at: number): boolean {
  const n = mayOpenUnitName(text, at) ? sticky(UNIT_NAME_RE, text, at) : null;
  return !!n && !!lookupCurrencyName(n[1]);
}

// Quick looks at one or two characters, each true wherever the regex it guards can match: most numbers
// have no range, scale, symbol, conversion or hedge, and the look spares the regex run.

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/** A Persian or Arabic-Indic digit: "\u06f1", "\u0661". */
const isNativeDigit = (c: number) => (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669);

function hasNativeDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isNativeDigit(s.charCodeAt(i))) return true;
  return false;
}

/** `/^[\p{L}\p{N}]/u` on the one code unit `c` (NaN past the end: false). */
function isLetterOrDigitUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c === c && /^[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}


// RANGE_RE: spaces, then a dash or the first letter of a joiner, in either case: "to", "and", "or".
const RANGE_FIRST = caseFoldCodes(RANGE_JOINERS.map((w) => w.charAt(0)));
function mayOpenRange(text: string, at: number): boolean {
  const c = text.charCodeAt(skipSpaces(text, at));
  return c === 45 || c === 0x2013 || c === 0x2014 || RANGE_FIRST.has(c);
}

// SCALE_RE: an optional space, then the first letter of a scale word: m, b, t, k, h, c or l of "million", ...,
// "k", "crore", "lakh", in either case (the Kelvin sign folds to k).
const SCALE_FIRST = caseFoldCodes(Object.keys(SCALE_WORDS).map((w) => w.charAt(0)));
function mayOpenScale(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return SCALE_FIRST.has(c) || (isSpaceCode(c) && SCALE_FIRST.has(text.charCodeAt(at + 1)));
}

// UNIT_NAME_RE opens with spaces or a hyphen, then a name: "5 km", "5-kilometre". Most words after a number
// are no unit ("8,700 students"), and the name's first letters tell without the regex run.
function mayOpenUnitName(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 45 && !isSpaceCode(c)) return false;
  const key = leadKey(text, c === 45 ? at + 1 : skipSpaces(text, at + 1));
  return key < 0 || UNIT_NAME_KEYS.has(key);
}

/**
 * The ASCII letters opening `s` at `at`, up to three, lower case, packed five bits each and padded with
 * zeros: "Km" and "km." -> the key of "km"; "U.S. dollars" -> the key of "u". -1 when one of the three
 * characters is past ASCII ("\u017f" and the Kelvin sign read as "s" and "k" in a Unicode case-insensitive
 * regex), so the caller runs the regex.
 */
function leadKey(s: string, at: number): number {
  let key = 0;
  let i = 0;
  for (; i < 3 && at + i < s.length; i++) {
    const c = s.charCodeAt(at + i);
    if (c >= 128) return -1;
    const l = c | 32;
    if (l < 97 || l > 122) break;
    key = (key << 5) | (l - 96);
  }
  return key << (5 * (3 - i));
}

/** The `leadKey` of every unit and currency name UNIT_NAME_RE reads. */
const UNIT_NAME_KEYS = new Set(
  UNITS.flatMap((u) => u.names)
    .concat(CURRENCIES.flatMap((c) => c.names))
    .map((n) => leadKey(n, 0)),
);

// UNIT_SYMBOL_RE: an optional space, then the first character of a symbol (case-sensitive).
const SYMBOL_FIRST = new Set(UNITS.flatMap((u) => u.symbols ?? []).map((sym) => sym.charCodeAt(0)));
function mayOpenSymbol(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return SYMBOL_FIRST.has(c) || (isSpaceCode(c) && SYMBOL_FIRST.has(text.charCodeAt(at + 1)));
}

// CONVERSION_RE: spaces, then "(".
function parenthesisAt(text: string, at: number): boolean {
  return text.charCodeAt(skipSpaces(text, at)) === 40;
}

// HEDGE_BEFORE ends with a hedge phrase's last word and spaces: "about ", "more than ". Case-insensitive
// with Unicode folding, so "\u017f" reads as s and the Kelvin sign as k.
const HEDGE_LAST_WORDS = new Set(QUANTITY_HEDGES.map((h) => h.phrase.split(' ').pop()!.toLowerCase()));
function mayEndWithHedge(before: string): boolean {
  let e = before.length;
  if (e === 0 || !isSpaceCode(before.charCodeAt(e - 1))) return false;
  while (e > 0 && isSpaceCode(before.charCodeAt(e - 1))) e--;
  // The word before the spaces, its letters read as lower-case ASCII; longer than 16 letters: let the regex say.
  let b = e;
  let folded = false;
  while (b > 0) {
    const c = before.charCodeAt(b - 1);
    if (c === 0x17f || c === 0x212a) folded = true;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    b--;
    if (e - b > 16) return true;
  }
  return HEDGE_LAST_WORDS.has(folded ? foldedWord(before, b, e) : before.slice(b, e).toLowerCase());
}

/** `s[b, e)` in lower case with "\u017f" read as "s" and the Kelvin sign as "k": "ABO\u017fT" -> "abost". */
function foldedWord(s: string, b: number, e: number): string {
  let word = '';
  for (let i = b; i < e; i++) {
    const c = s.charCodeAt(i);
    word += c === 0x17f ? 's' : c === 0x212a ? 'k' : String.fromCharCode(c | 32);
  }
  return word;
}

interface Stated {
  value: number;
  text: string;
  unit: UnitDef | CurrencyDef | 'count';
}

function readAmountAt(text: string, start: number, numEnd: number, raw: string, prefix: string | undefined): Found | null {
  const n = readNumber(raw);
  if (!n) return null;
  const money = prefix !== undefined;
  // "one" and "a" alone are words more than amounts ("one of them", "an inch").
  const loneOne = n.spelled && /^(one|a|an)$/.test(raw.toLowerCase());
  // "17:29", "3.0.1", "21st": not amounts.
  const after = text.charCodeAt(numEnd);
  if ((after === 58 || after === 46) && isAsciiDigit(text.charCodeAt(numEnd + 1))) return null;
  let end = numEnd;
  const second = loneOne ? undefined : rangeAfter(text, start, end, n);
  if (second) end = second.end;
  const tail = readTail(text, end, money);
  let currency = prefix ? lookupCurrencyPrefix(prefix) : undefined;
  if (tail.currency) {
    if (currency && currency.code !== tail.currency.code) return null;
    currency = tail.currency;
  }
  if (tail.end === numEnd && isLetterOrDigitUnit(after)) return null; // "90s", "3D", "4th"
  const factor = tail.factor;
  end = tail.end;
  let unit: UnitDef | CurrencyDef | 'count' | undefined = currency ?? tail.unit;
  let counted: string | undefined;
  if (!unit) {
    if (loneOne && factor === 1) return null;
    if (n.native) {
      unit = 'count';
    } else {
      const c = countedNoun(text, end);
      if (!c) return null;
      unit = 'count';
      counted = c.noun;
      end = c.end;
    }
  } else if (loneOne && factor === 1 && !('dimension' in unit && (unit.id === 'decade' || unit.id === 'century')) && !hedgedMeasure(text, start, unit)) {
    return null;
  }
  if (unit !== 'count' && 'dimension' in unit && unit.dimension === 'duration') {
    // Ages: "45-year-old", "45 years old", "aged 45".
    if (/^-?\s?old\b/.test(text.slice(end, end + 5)) || /\b(aged|age)\s+$/i.test(text.slice(Math.max(0, start - 6), start))) return null;
  }
  const stated: Stated[] = [{ value: n.value * factor, text: text.slice(start, end), unit }];
  if (second) stated[0].value = n.value * factor;
  const convEnd = unit === 'count' ? end : conversionAfter(text, end, unit, stated);
  // Hedge or range lead before the amount.
  let spanStart = start;
  let hedge: { hedge: Hedge; low: number; high: number } | undefined;
  const before = text.slice(Math.max(0, start - 20), start);
  if (second) {
    spanStart = rangeLeadStart(before, start);
  } else {
    const h = mayEndWithHedge(before) ? hedgeBefore(before, start, unit) : undefined;
    if (h) {
      hedge = h.hedge;
      spanStart = h.start;
    }
  }
  const primary = unit;
  const f = build(text, spanStart, convEnd, stated, primary, hedge, second ? second.value * factor : undefined);
  if (counted) f.value.counted = counted;
  return f;
}

/**
 * "roughly one hour", "nearly one mile": a hedge before a lone "one" and a unit makes
 * it a measure, where "one hour later" or "one mile away" alone are ways of speaking.
 */
function hedgedMeasure(text: string, start: number, unit: UnitDef | CurrencyDef): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return mayEndWithHedge(before) && hedgeBefore(before, start, unit) !== undefined;
}

// The rarer stages of `readAmountAt`, each its own small function: the optimizing compiler takes on a small
// function sooner, and the common path ("8,700 students") stays short.

/** "46 to 48 degrees", "between 10 and 12 km", "10-12 km": the second number after the one ending at `end`. */
function rangeAfter(text: string, start: number, end: number, n: { value: number; spelled: boolean }): { value: number; end: number } | undefined {
  const rg = mayOpenRange(text, end) ? sticky(RANGE_RE, text, end) : null;
  if (!rg) return undefined;
  const v2 = readNumber(rg[2]);
  const lead = RANGE_LEAD.exec(text.slice(Math.max(0, start - 10), start));
  const joiner = rg[0].trim().split(/\s+/)[0].toLowerCase();
  const dash = /^[-\u2013\u2014]/.test(joiner);
  // "2 and 3 ..." needs "between".
  const ok =
    v2 && v2.spelled === n.spelled && (dash || AMOUNT_RANGE_JOINERS.has(joiner) || (RANGE_WORDS.and.has(joiner) && RANGE_WORDS.between.has(lead?.[1].toLowerCase() ?? '')));
  return ok && v2!.value > n.value ? { value: v2!.value, end: end + rg[0].length } : undefined;
}

/**
 * "50 kilometers (31.06 miles)": a conversion in parentheses is the same amount stated again. Adds it to
 * `stated` and returns where the amount ends (`end` when there is none).
 */
function conversionAfter(text: string, end: number, unit: UnitDef | CurrencyDef, stated: Stated[]): number {
  const cv = parenthesisAt(text, end) ? sticky(CONVERSION_RE, text, end) : null;
  if (!cv) return end;
  const v = readNumber(cv[2]);
  const numAt = end + cv[0].length;
  const t = readTail(text, numAt, cv[1] !== undefined);
  const cur = cv[1] ? lookupCurrencyPrefix(cv[1]) : t.currency;
  const u2 = cur ?? t.unit;
  const close = /^\s*\)/.exec(text.slice(t.end, t.end + 4));
  if (!(v && u2 && close && sameDimension(unit, u2))) return end;
  const innerStart = end + cv[0].length - cv[2].length - (cv[1] ? cv[1].length : 0);
  const textStart = text.slice(end, innerStart).search(/\(\s*/) + end;
  const innerFrom = textStart + /^\(\s*/.exec(text.slice(textStart))![0].length;
  stated.push({ value: v.value * t.factor, text: text.slice(innerFrom, t.end), unit: u2 });
  return t.end + close[0].length;
}

/** Where a range starts: at "between" or "from" before it ("between 10 and 12 km"), else at `start`. */
function rangeLeadStart(before: string, start: number): number {
  const lead = RANGE_LEAD.exec(before);
  return lead ? start - lead[0].length + (lead[0].length - lead[0].trimStart().length) : start;
}

/** The hedge `before` ends with ("nearly ", "more than "), and where the amount's span then starts. */
function hedgeBefore(before: string, start: number, unit: UnitDef | CurrencyDef | 'count'): { hedge: { hedge: Hedge; low: number; high: number }; start: number } | undefined {
  const h = HEDGE_BEFORE.exec(before);
  if (!h) return undefined;
  const found = lookupHedge(h[1]);
  // "over 20 years" is a span of time as often as a bound; read "over" as a bound except for durations.
  const isDuration = unit !== 'count' && 'dimension' in unit && unit.dimension === 'duration';
  if (!found || (isDuration && h[1].toLowerCase() === 'over')) return undefined;
  return { hedge: found, start: start - h[0].length + (h[0].length - h[0].replace(/^[^\p{L}]/u, '').length) };
}

function dimensionOf(u: UnitDef | CurrencyDef | 'count'): { dimension: QuantityDimension; canonical: string } {
  if (u === 'count') return { dimension: 'count', canonical: 'count' };
  if ('dimension' in u) return { dimension: u.dimension, canonical: u.canonical };
  return { dimension: 'money', canonical: u.code };
}

function sameDimension(a: UnitDef | CurrencyDef | 'count', b: UnitDef | CurrencyDef): boolean {
  const x = dimensionOf(a);
  const y = dimensionOf(b);
  return x.dimension === y.dimension && x.canonical === y.canonical;
}

function canonical(u: UnitDef | CurrencyDef | 'count', v: number): number {
  return u !== 'count' && 'dimension' in u ? toCanonical(v, u) : v;
}

function unitId(u: UnitDef | CurrencyDef | 'count'): string {
  return u === 'count' ? 'count' : 'dimension' in u ? u.id : u.code;
}


function build(
  text: string,
  start: number,
  end: number,
  stated: Stated[],
  unit: UnitDef | CurrencyDef | 'count',
  hedge: { hedge: Hedge; low: number; high: number } | undefined,
  rangeHigh: number | undefined,
): Found {
  const { dimension, canonical: cu } = dimensionOf(unit);
  const x = stated[0].value;
  const [a, b] = rangeHigh !== undefined ? [x, rangeHigh] : hedgeInterval(x, hedge);
  const lo = canonical(unit, a);
  const hi = canonical(unit, b);
  const value: QuantityValue = {
    type: 'quantity',
    dimension,
    unit: cu,
    low: round12(Math.min(lo, hi)),
    high: round12(Math.max(lo, hi)),
    stated: stated.map((s) => ({ value: s.value, unit: unitId(s.unit), text: s.text })),
  };
  if (rangeHigh !== undefined) value.stated[0].value = x;
  if (hedge) value.hedge = hedge.hedge;
  void text;
  return { start, end, value };
}

/**
 * The noun a bare number counts, after up to two modifiers: "six workers" -> worker, "124 new students"
 * -> student, "2,000 US troops" -> troop. Null when the words after the number do not end in a plural.
 */
/** Endings of words in "s" that are no plurals: "glass", "bus", "crisis", "famous", "politics". */
const NOT_PLURAL_ENDINGS = ['ss', 'us', 'is', 'ous', 'ics'];

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

const isUpperAscii = (c: number) => c >= 65 && c <= 90;

/** Ends in "'s" or "\u2019s": "crew's". */
function possessiveAt(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const q = word.charCodeAt(n - 2);
  return q === 39 || q === 0x2019;
}

function countedNoun(text: string, at: number): { noun: string; end: number } | null {
  let pos = at;
  for (let i = 0; i < 3; i++) {
    const w = sticky(WORD_RE, text, pos);
    if (!w) return null;
    // "12 more cadaver dogs": an increment word before the noun is read past ("12 more than" stays no count).
    if (i === 0 && INCREMENT_WORDS.has(w[1].toLowerCase())) {
      const next = sticky(WORD_RE, text, pos + w[0].length);
      if (next && !NOT_COUNTED.has(next[1].toLowerCase())) {
        pos += w[0].length;
        i--;
        continue;
      }
    }
    // "the crew's": the possessive is not part of the noun.
    const word = possessiveAt(w[1]) ? w[1].slice(0, -2) : w[1];
    const lw = word.toLowerCase();
    if (NOT_COUNTED.has(lw)) return null;
    const capital = isUpperAscii(word.charCodeAt(0));
    const plural = IRREGULAR_PLURALS.has(lw) || (lw.length > 3 && lw.endsWith('s') && !endsWithAny(lw, NOT_PLURAL_ENDINGS) && !capital);
    if (plural && !NOT_COUNT_NOUNS.has(lw)) return { noun: singularNoun(lw), end: pos + w[0].length - (w[1].length - word.length) };
    // Modifiers are adjectives and names ("new", "Ruritanian", "US"), never a verb form ending the phrase.
    if ((lw.endsWith('ed') || lw.endsWith('ly')) && !capital) return null;
    pos += w[0].length;
  }
  return null;
}


