import type { Article, Claim, Extractor, Hedge, QuantityClaim, QuantityDimension, QuantityValue, Vocabulary } from '../types';
import { makeSpan } from '../text/span';
import { chooseLongest } from '../text/lookup';
import { contextAround } from '../text/context';
import { SPELLED_NUMBER_SOURCE, parseNumeral, parseSpelledNumber, scaleFactor } from '../normalize/numbers';
import {
  currencyPrefixSource, lookupCurrencyName, lookupCurrencyPrefix, lookupUnit, toCanonical, unitNamesSource,
  unitSymbolsSource, type CurrencyDef, type UnitDef,
} from '../normalize/units';
import { HEDGE_SOURCE, hedgeInterval, lookupHedge } from '../normalize/hedges';
import { excludedRangesOf, overlapsAny } from '../normalize/exclusions';
import { singularNoun } from '../normalize/nouns';

/**
 * Amounts in English news text, normalized to the canonical unit of their dimension:
 * "50 kilometers (31.06 miles)" (one claim, two stated amounts), "$5 million", "€3bn", "45%",
 * "46 to 48 degrees", "nearly two decades" (duration, [18, 20] years), "a two-decade war",
 * "six workers" (count of worker), "1.6 million people".
 *
 * Not read: bare numbers with nothing counted ("Game 3.0"), ages ("45-year-old", "aged 45"),
 * numbers inside URLs, handles, phone numbers, clock times and dates already claimed by the date
 * extractor (which runs first, and keeps "four years after X" as a relative date), ordinals ("21st"), and lone "one"/"a" ("an inch of soil" is a figure of
 * speech more often than a measure).
 */
export const quantityExtractor: Extractor = {
  id: 'quantities',
  kinds: ['quantity'],
  extract(article, ctx, earlier) {
    try {
      return extractQuantities(article, earlier).map((f) => toClaim(article, f, ctx.rules.vocabulary));
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

function toClaim(article: Article, f: Found, vocabulary: Vocabulary): QuantityClaim {
  return {
    id: `quantity@${f.start}-${f.end}`,
    source: article.id,
    kind: 'quantity',
    extractor: 'quantities',
    span: makeSpan(article.text, article.lineStarts, f.start, f.end),
    value: f.value,
    context: contextAround(article, f.start, f.end, vocabulary),
  };
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
const LONG_RE = /\b(?:(a|an|one)\s+(decade|century)\b|(decade|century|year|month|week)s?-long\b)/gi;

const SCALE_RE = /\s?(million|billion|trillion|thousand|hundred|mln|bln|bn|mn|tn|trn|m|k|b)(?![\p{L}\p{N}])/iuy;
const UNIT_NAME_RE = new RegExp(`(?:\\s+|-)(${unitNamesSource()})(?![\\p{L}\\p{N}])`, 'iuy');
const UNIT_SYMBOL_RE = new RegExp(`\\s?(${unitSymbolsSource()})(?![\\p{L}\\p{N}])`, 'uy');
const RANGE_RE = new RegExp(
  `\\s*(?:-|\\u2013|\\u2014|to|and|or)\\s*(?:(${currencyPrefixSource()})\\s?)?(${DIGITS}|${SPELLED_NUMBER_SOURCE})(?![\\p{N}])`,
  'iuy',
);
const HEDGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${HEDGE_SOURCE})\\s+$`, 'iu');
const RANGE_LEAD = /(?:^|[^\p{L}])(between|from)\s+$/iu;
const CONVERSION_RE = new RegExp(
  `\\s*\\(\\s*(?:about\\s+|approx\\.\\s+|approximately\\s+|roughly\\s+|or\\s+)?(?:(${currencyPrefixSource()})\\s?)?(${DIGITS})`,
  'uy',
);
const WORD_RE = /\s+([\p{L}][\p{L}'\u2019-]*)/uy;

/** Words that end a count phrase: "three of the", "five were". */
const NOT_COUNTED = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'than', 'that',
  'which', 'who', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'can',
  'may', 'might', 'should', 'as', 'per', 'percent', 'times', 'more', 'less', 'fewer', 'other', 'others', 'this',
  'these', 'those', 'it', 'its', 'their', 'his', 'her', 'he', 'she', 'they', 'we', 'you', 'i', 'not', 'no', 'so',
  'yes', 'said', 'says', 'after', 'before', 'since', 'until', 'while', 'when', 'where', 'if', 'also', 'only',
  'about', 'around', 'over', 'under', 'into', 'out', 'up', 'down', 'off', 'ago', 'later', 'earlier', 'old', 'each',
]);
/** Plural nouns that do not name what is counted: "two thirds", "three times". */
const NOT_COUNT_NOUNS = new Set(['times', 'thirds', 'quarters', 'halves', 'ones', 'others', 'things', 'minus', 'plus', 'bus', 'status', 'news', 'series']);
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'troops', 'cattle', 'sheep', 'fish', 'aircraft', 'deer', 'feet', 'teeth', 'mice', 'geese', 'civilians']);

function readNumber(raw: string): { value: number; spelled: boolean; native: boolean } | null {
  if (/^[\d\u06f0-\u06f9\u0660-\u0669]/.test(raw)) {
    const n = parseNumeral(raw);
    return n ? { value: n.value, spelled: false, native: /[\u06f0-\u06f9\u0660-\u0669]/.test(raw) } : null;
  }
  const v = parseSpelledNumber(raw);
  return v === null ? null : { value: v, spelled: true, native: false };
}

/** Every amount of the article body, sorted by start, non-overlapping. */
export function extractQuantities(article: Article, earlier: readonly Claim[] = []): Found[] {
  const text = article.text;
  const from = article.bodyStart;
  const excluded = [...excludedRangesOf(article)];
  // Dates own their digits: "July 2021", "17:29 ET", "3 days ago", and "four years after the withdrawal",
  // which the date extractor records as a relation to an event (a time since, not the length of anything).
  for (const c of earlier) if (c.kind === 'date') excluded.push([c.span.start, c.span.end]);
  excluded.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranges = mergeRanges(excluded);
  const found: Found[] = [];
  const tryAt = (start: number, numEnd: number, raw: string, prefix: string | undefined) => {
    const f = readAmountAt(text, start, numEnd, raw, prefix);
    if (f && !overlapsAny(ranges, f.start, f.end)) found.push(f);
  };
  NUMERAL_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = NUMERAL_RE.exec(text)) !== null) tryAt(m.index, m.index + m[0].length, m[2], m[1]);
  SPELLED_RE.lastIndex = from;
  while ((m = SPELLED_RE.exec(text)) !== null) tryAt(m.index, m.index + m[0].length, m[1], undefined);
  LONG_RE.lastIndex = from;
  while ((m = LONG_RE.exec(text)) !== null) {
    const unit = lookupUnit((m[2] ?? m[3]).toLowerCase())!;
    const f = build(text, m.index, m.index + m[0].length, [{ value: 1, text: m[0], unit }], unit, undefined, undefined);
    if (!overlapsAny(ranges, f.start, f.end)) found.push(f);
  }
  return choose(found);
}

function mergeRanges(r: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of r) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
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
  const sc = sticky(SCALE_RE, text, end);
  if (sc) {
    // "$5m" and "5m dollars" are millions; "5m" alone is metres.
    const f = scaleFactor(sc[1], money || nextIsCurrencyName(text, end + sc[0].length));
    if (f !== null) {
      factor = f;
      end += sc[0].length;
    }
  }
  const name = sticky(UNIT_NAME_RE, text, end);
  if (name) {
    const cur = lookupCurrencyName(name[1]);
    if (cur) return { end: end + name[0].length, factor, currency: cur };
    const unit = lookupUnit(name[1]);
    // "200 pounds sterling" is money: the currency table holds the longer name and matched first.
    if (unit) return { end: end + name[0].length, factor, unit };
  }
  if (!money) {
    const sym = sticky(UNIT_SYMBOL_RE, text, end);
    const unit = sym ? lookupUnit(sym[1]) : undefined;
    if (sym && unit) return { end: end + sym[0].length, factor, unit };
  }
  return { end, factor };
}

function nextIsCurrencyName(text: string, at: number): boolean {
  const n = sticky(UNIT_NAME_RE, text, at);
  return !!n && !!lookupCurrencyName(n[1]);
}

interface Stated {
  value: number;
  text: string;
  unit: UnitDef | CurrencyDef | 'count';
}

function readAmountAt(text: string, start: number, numEnd: number, raw: string, prefix: string | undefined): Found | null {
  const n = readNumber(raw);
  if (!n) return null;
  const lower = raw.toLowerCase();
  const money = prefix !== undefined;
  // "one" and "a" alone are words more than amounts ("one of them", "an inch").
  const loneOne = n.spelled && /^(one|a|an)$/.test(lower);
  // "17:29", "3.0.1", "21st": not amounts.
  if (/^[:.]\d|^\.\d/.test(text.slice(numEnd, numEnd + 2))) return null;
  let end = numEnd;
  let second: { value: number; end: number } | undefined;
  const rg = sticky(RANGE_RE, text, end);
  if (rg && !loneOne) {
    const v2 = readNumber(rg[2]);
    const lead = RANGE_LEAD.exec(text.slice(Math.max(0, start - 10), start));
    const joiner = rg[0].trim().split(/\s+/)[0].toLowerCase();
    const dash = /^[-\u2013\u2014]/.test(joiner);
    // "46 to 48 degrees", "between 10 and 12 km", "10-12 km"; "2 and 3 ..." needs "between".
    const ok = v2 && v2.spelled === n.spelled && (dash || joiner === 'to' || joiner === 'or' || (joiner === 'and' && lead?.[1].toLowerCase() === 'between'));
    if (ok && v2!.value > n.value) {
      second = { value: v2!.value, end: end + rg[0].length };
      end = second.end;
    }
  }
  const tail = readTail(text, end, money);
  let currency = prefix ? lookupCurrencyPrefix(prefix) : undefined;
  if (tail.currency) {
    if (currency && currency.code !== tail.currency.code) return null;
    currency = tail.currency;
  }
  if (/^[\p{L}\p{N}]/u.test(text.slice(numEnd, numEnd + 1)) && tail.end === numEnd) return null; // "90s", "3D", "4th"
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
  } else if (loneOne && factor === 1 && !('dimension' in unit && (unit.id === 'decade' || unit.id === 'century'))) {
    return null;
  }
  if (unit !== 'count' && 'dimension' in unit && unit.dimension === 'duration') {
    // Ages: "45-year-old", "45 years old", "aged 45".
    if (/^-?\s?old\b/.test(text.slice(end, end + 5)) || /\b(aged|age)\s+$/i.test(text.slice(Math.max(0, start - 6), start))) return null;
  }
  const stated: Stated[] = [{ value: n.value * factor, text: text.slice(start, end), unit }];
  if (second) stated[0].value = n.value * factor;
  // "50 kilometers (31.06 miles)": a conversion in parentheses is the same amount stated again.
  let convEnd = end;
  if (unit !== 'count') {
    const cv = sticky(CONVERSION_RE, text, end);
    if (cv) {
      const v = readNumber(cv[2]);
      const numAt = end + cv[0].length;
      const t = readTail(text, numAt, cv[1] !== undefined);
      const cur = cv[1] ? lookupCurrencyPrefix(cv[1]) : t.currency;
      const u2 = cur ?? t.unit;
      const close = /^\s*\)/.exec(text.slice(t.end, t.end + 4));
      if (v && u2 && close && sameDimension(unit, u2)) {
        const innerStart = end + cv[0].length - cv[2].length - (cv[1] ? cv[1].length : 0);
        const textStart = text.slice(end, innerStart).search(/\(\s*/) + end;
        const innerFrom = textStart + /^\(\s*/.exec(text.slice(textStart))![0].length;
        stated.push({ value: v.value * t.factor, text: text.slice(innerFrom, t.end), unit: u2 });
        convEnd = t.end + close[0].length;
      }
    }
  }
  // Hedge or range lead before the amount.
  let spanStart = start;
  let hedge: { hedge: Hedge; low: number; high: number } | undefined;
  const before = text.slice(Math.max(0, start - 20), start);
  if (second) {
    const lead = RANGE_LEAD.exec(before);
    if (lead) spanStart = start - lead[0].length + (lead[0].length - lead[0].trimStart().length);
  } else {
    const h = HEDGE_BEFORE.exec(before);
    if (h) {
      const found = lookupHedge(h[1]);
      // "over 20 years" is a span of time as often as a bound; read "over" as a bound except for durations.
      const isDuration = unit !== 'count' && 'dimension' in unit && unit.dimension === 'duration';
      if (found && !(isDuration && h[1].toLowerCase() === 'over')) {
        hedge = found;
        spanStart = start - h[0].length + (h[0].length - h[0].replace(/^[^\p{L}]/u, '').length);
      }
    }
  }
  const primary = unit;
  const f = build(text, spanStart, convEnd, stated, primary, hedge, second ? second.value * factor : undefined);
  if (counted) f.value.counted = counted;
  return f;
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

function round(x: number): number {
  // A whole number of up to 12 digits is its own 12-digit rounding: "1,200 passengers" needs no printing.
  if (Number.isInteger(x) && x !== 0 && x > -1e12 && x < 1e12) return x;
  return Number(x.toPrecision(12));
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
    low: round(Math.min(lo, hi)),
    high: round(Math.max(lo, hi)),
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
function countedNoun(text: string, at: number): { noun: string; end: number } | null {
  let pos = at;
  for (let i = 0; i < 3; i++) {
    const w = sticky(WORD_RE, text, pos);
    if (!w) return null;
    const word = w[1].replace(/['\u2019]s$/, '');
    const lw = word.toLowerCase();
    if (NOT_COUNTED.has(lw)) return null;
    const plural = IRREGULAR_PLURALS.has(lw) || (lw.length > 3 && /s$/.test(lw) && !/(ss|us|is|ous|ics)$/.test(lw) && !/^[A-Z]/.test(word));
    if (plural && !NOT_COUNT_NOUNS.has(lw)) return { noun: singularNoun(lw), end: pos + w[0].length - (w[1].length - word.length) };
    // Modifiers are adjectives and names ("new", "Ruritanian", "US"), never a verb form ending the phrase.
    if (/(ed|ly)$/.test(lw) && !/^[A-Z]/.test(word)) return null;
    pos += w[0].length;
  }
  return null;
}


