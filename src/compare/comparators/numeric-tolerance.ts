import type { Claim, Comparator, CompareContext, PairJudgement, QuantityValue } from '../../types';
import { contextBlockKeys, contextLink, topicWeights, contextSubject, sameSentence, differentStories, assertionLink, assertionSubject, UNSURE_ASSERTION } from '../link';
import { toCanonical, unitById } from '../../normalize/units';
import { singularNoun } from '../../lang/word-forms';
import { lang } from '../../lang/load';

/**
 * Amounts of one dimension and unit: two claims agree when their intervals overlap once each stated
 * amount is allowed its rounding (half a unit of its last written digit: "31.06 miles" is 31.055-31.065,
 * "50 kilometers" 49.5-50.5) and a relative tolerance (default 1 %). "31.06 mi" agrees with "50 km";
 * "1,200 ft" does not agree with "1,020 ft"; "nearly two decades" ([18, 20] years) agrees with "20 years".
 * Counts link only when they count the same noun.
 */
export const numericTolerance: Comparator = {
  id: 'numeric-tolerance',
  kinds: ['quantity'],
  findingKind: 'quantity',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
      relative: {
        type: 'number', minimum: 0, maximum: 1, default: 0.01,
        description: 'Relative tolerance added on each side of every amount (0.01 = 1 %).',
      },
      rounding: {
        type: 'boolean', default: true,
        description: 'Allow each stated amount half a unit of its last written digit.',
      },
      dimensions: {
        type: 'array', items: { enum: ['length', 'area', 'volume', 'mass', 'speed', 'temperature', 'money', 'percent', 'duration', 'count', 'age'] },
        description: 'Only these dimensions take part (all when absent).',
      },
      'counted-synonyms': {
        type: 'array',
        items: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        description: 'Counted nouns (singular) that count the same ones ("person", "resident"): counts of any of a set are compared as counts of the first.',
      },
      'counted-kinds': {
        type: 'array',
        items: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        description: 'A counted noun (singular, first) and the nouns that count kinds of it ("person": "passenger", "worker"): a count of a kind and a count of the whole with one attribute agree when equal, and otherwise say nothing.',
      },
    },
  },
  accepts(claim, ctx) {
    const v = claim.value as QuantityValue;
    const dims = ctx.rule.params.dimensions;
    if (Array.isArray(dims) && !dims.includes(v.dimension)) return false;
    return v.dimension !== 'count' || v.counted !== undefined;
  },
  blockKeys(claim, ctx) {
    const v = claim.value as QuantityValue;
    const group = groupKey(v, ctx);
    const digits = digitsOf(v);
    // Besides context words: counts of one noun meet, one figure meets itself, look-alike digits meet.
    const keys = contextBlockKeys(claim, group);
    if (v.dimension === 'count' || v.dimension === 'money') keys.push(group);
    if (digits) keys.push(`${group}=${digits}`, `${group}~${[...digits].sort().join('')}`);
    // One stated attribute: "640 workers joined the walkout" meets "the walkout by 460 workers".
    if (claim.attribute) keys.push(`${group}:attribute:${claim.attribute}`);
    // "793 passengers were discharged" meets "793 were discharged" (people): a kind meets its whole.
    const broader = v.dimension === 'count' ? broaderCounted(v.counted, ctx) : undefined;
    if (broader && claim.attribute) keys.push(`${v.dimension}:${v.unit}:${broader}:attribute:${claim.attribute}`);
    return keys;
  },
  link(a, b, ctx) {
    const va = a.value as QuantityValue;
    const vb = b.value as QuantityValue;
    if (sameSentence(a, b, ctx.articles) || differentStories(a, b, ctx)) return 0;
    if (groupKey(va, ctx) !== groupKey(vb, ctx)) return kindLink(a, b, ctx);
    const unique = onlyOneInArticle(a, ctx) && onlyOneInArticle(b, ctx) ? VALUE_EVIDENCE.onlyOne : 0;
    const score = Math.min(1, contextLink(a.context, b.context, ctx.vocabulary, topicWeights(ctx)).score + valueEvidence(va, vb, options(ctx), ctx) + unique);
    // "cost" or "fell" is said of many things in one story: a figure of money or a share needs its words too.
    const linked = assertionLink(a, b, ctx, score, va.dimension !== 'money' && va.dimension !== 'percent');
    // A record may be told of two feats: "the fourth country to land on the Moon" and "the first country to
    // land near its south pole" rank two records. Two ranks of one record may agree, never conflict.
    return va.unit === 'record' ? Math.min(linked, UNSURE_ASSERTION) : linked;
  },
  // Whether the figure is its article's only one of its kind weighs in every link.
  twinValue: (claim, ctx) => [claim.value, onlyOneInArticle(claim, ctx)],
  storyBound: true,
  compare(a, b, ctx) {
    return compareQuantities(a.value as QuantityValue, b.value as QuantityValue, options(ctx));
  },
  readingKey(claim, ctx) {
    const v = claim.value as QuantityValue;
    return `${groupKey(v, ctx)}:${fmt(v.low)}..${fmt(v.high)}${v.hedge ? '~' + v.hedge : ''}`;
  },
  display(claim) {
    return displayQuantity(claim.value as QuantityValue);
  },
  readingValue(claim) {
    const v = claim.value as QuantityValue;
    const out: Record<string, unknown> = { low: v.low, high: v.high, unit: v.unit, dimension: v.dimension };
    if (v.hedge) out.hedge = v.hedge;
    if (v.counted) out.counted = v.counted;
    return out;
  },
  subject(claims: readonly Claim[], ctx: CompareContext) {
    const stated = assertionSubject(claims);
    if (stated) return stated;
    const first = claims[0]?.value as QuantityValue | undefined;
    const lead = first ? [first.counted ?? (first.dimension === 'count' ? 'count' : first.dimension)] : [];
    return contextSubject(claims, ctx.vocabulary, lead);
  },
};

/**
 * A count of a kind against a count of its whole (rule param counted-kinds), with one stated attribute in
 * two articles: "793 passengers have been discharged" / "793 were discharged" may be one figure, but
 * passengers are not all the people, so the link stays below any conflict: equal, they agree; else nothing.
 */
function kindLink(a: Claim, b: Claim, ctx: CompareContext): number {
  const va = a.value as QuantityValue;
  const vb = b.value as QuantityValue;
  if (va.dimension !== 'count' || vb.dimension !== 'count' || va.unit !== vb.unit || a.source === b.source) return 0;
  if (!a.attribute || a.attribute !== b.attribute) return 0;
  const ka = countedKey(va.counted, ctx);
  const kb = countedKey(vb.counted, ctx);
  if (broaderCounted(va.counted, ctx) !== kb && broaderCounted(vb.counted, ctx) !== ka) return 0;
  const score = Math.min(1, contextLink(a.context, b.context, ctx.vocabulary, topicWeights(ctx)).score + valueEvidence(va, vb, options(ctx), ctx));
  return Math.min(assertionLink(a, b, ctx, score), UNSURE_ASSERTION);
}

/** The whole a counted noun counts a kind of (rule param counted-kinds): "passenger" -> "person". */
function broaderCounted(counted: string | undefined, ctx: CompareContext): string | undefined {
  if (counted === undefined) return undefined;
  let map = ctx.memo?.get('numeric-tolerance:kinds') as Map<string, string> | undefined;
  if (!map) {
    map = new Map();
    for (const set of (ctx.rule.params['counted-kinds'] as string[][] | undefined) ?? []) {
      const [whole, ...kinds] = set.map((w) => countedKey(singularNoun(w.toLowerCase()), ctx)!);
      for (const k of kinds) map.set(k, whole);
    }
    ctx.memo?.set('numeric-tolerance:kinds', map);
  }
  return map.get(countedKey(counted, ctx)!);
}

/** How much the amounts themselves say that two claims are one fact (added to the context link). */
export const VALUE_EVIDENCE = { sameCounted: 0.25, sameFigure: 0.25, lookAlike: 0.25, onlyOne: 0.25 } as const;

/**
 * True when the claim is its article's only count of its noun, or only amount of its currency: when
 * each of two articles gives one figure for "residents", they most likely report the same figure.
 */
function onlyOneInArticle(claim: Claim, ctx: CompareContext): boolean {
  const v = claim.value as QuantityValue;
  if (!ctx.pool || (v.dimension !== 'count' && v.dimension !== 'money')) return false;
  let only = ctx.memo?.get('numeric-tolerance:only-one') as Map<Claim, boolean> | undefined;
  if (!only) {
    const counts = new Map<string, number>();
    const keys = ctx.pool.map((c) => `${c.source}\u0000${groupKey(c.value as QuantityValue, ctx)}`);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    only = new Map(ctx.pool.map((c, i) => [c, counts.get(keys[i]) === 1]));
    ctx.memo?.set('numeric-tolerance:only-one', only);
  }
  return only.get(claim) ?? false;
}

/**
 * Evidence from the values: two counts of the same noun ("460 workers" / "640 workers"); one notable
 * figure given twice ("120 km" / "120 kilometers", not "2 ships"); two figures that look alike, as a
 * transposed or mistyped digit does ("$4.5 million" / "$5.4 million", "1,200" / "1,020").
 */
export function valueEvidence(a: QuantityValue, b: QuantityValue, o: ToleranceOptions, ctx?: CompareContext): number {
  let evidence = 0;
  if (a.dimension === 'count' && a.counted !== undefined && countedKey(a.counted, ctx) === countedKey(b.counted, ctx)) evidence += VALUE_EVIDENCE.sameCounted;
  const relation = overlaps(a, b, o) ? 'agree' : 'conflict';
  const da = digitsOf(a);
  const db = digitsOf(b);
  if (relation === 'agree' && significant(da) >= 2 && significant(db) >= 2) evidence += VALUE_EVIDENCE.sameFigure;
  if (relation === 'conflict' && lookAlike(da, db)) evidence += VALUE_EVIDENCE.lookAlike;
  return evidence;
}

/** Digits of the first amount as written: "$4.5 million" -> "45", "1,020 passengers" -> "1020"; "" when spelled. */
const digitsCache = new WeakMap<QuantityValue, string>();
function digitsOf(v: QuantityValue): string {
  let d = digitsCache.get(v);
  if (d === undefined) {
    const m = /\d[\d,.]*/.exec(v.stated[0]?.text ?? '');
    d = m ? m[0].replace(/[^\d]/g, '') : '';
    digitsCache.set(v, d);
  }
  return d;
}

/** Significant digits: "1200" -> 2, "120" -> 2, "20" -> 1, "74.56" -> 4. */
function significant(digits: string): number {
  return digits.replace(/^0+/, '').replace(/0+$/, '').length;
}

const sortedCache = new Map<string, string>();
function sortedDigits(x: string): string {
  let s = sortedCache.get(x);
  if (s === undefined) {
    s = [...x].sort().join('');
    if (sortedCache.size > 10000) sortedCache.clear();
    sortedCache.set(x, s);
  }
  return s;
}

/** Same digits in another order, or one digit changed: "45"/"54", "1200"/"1020", "460"/"640", "1962"/"1926". */
export function lookAlike(x: string, y: string): boolean {
  if (x.length < 2 || x.length !== y.length || x === y) return false;
  if (sortedDigits(x) === sortedDigits(y)) return true;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1 && x.length >= 3;
}

/** "length:m", "count:count:worker": claims of different groups are never compared. */
/** "count:count:person" for "2,400 people" and, with counted-synonyms [person, resident], for "2,500 residents". */
function groupKey(v: QuantityValue, ctx?: CompareContext): string {
  return `${v.dimension}:${v.unit}${v.dimension === 'count' ? ':' + (countedKey(v.counted, ctx) ?? '?') : ''}`;
}

/** The counted noun as compared: the first of its counted-synonyms set. */
function countedKey(counted: string | undefined, ctx?: CompareContext): string | undefined {
  if (counted === undefined || !ctx) return counted;
  let map = ctx.memo?.get('numeric-tolerance:counted') as Map<string, string> | undefined;
  if (!map) {
    map = new Map();
    for (const set of (ctx.rule.params['counted-synonyms'] as string[][] | undefined) ?? []) {
      const [first, ...rest] = set.map((w) => singularNoun(w.toLowerCase()));
      for (const w of rest) map.set(w, first);
    }
    ctx.memo?.set('numeric-tolerance:counted', map);
  }
  return map.get(counted) ?? counted;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export interface ToleranceOptions {
  relative: number;
  rounding: boolean;
}

function options(ctx: CompareContext): ToleranceOptions {
  const r = ctx.rule.params.relative;
  return { relative: typeof r === 'number' && r >= 0 ? r : 0.01, rounding: ctx.rule.params.rounding !== false };
}

/**
 * Half a unit of the last written digit of a stated amount: "31.06 miles" -> 0.005, "1.6 million" -> 50000.
 * A round whole figure is rounded to its last non-zero digit, as news rounds: "60%" may stand for 63 %
 * (half of ten, 5), "2,200 homes" for 2,207 (50); never more than 5 % of the amount ("100 people" -> 5).
 */
export function roundingOf(stated: { value: number; text: string }, roundFigures = true): number {
  const num = /(\d[\d,]*)(?:\.(\d+))?/.exec(stated.text.replace(/[\u06f0-\u06f9]/g, '0').replace(/[\u0660-\u0669]/g, '0'));
  if (!num) return 0; // spelled: "two decades" is exactly two; a hedge ("nearly") carries any vagueness
  const decimals = num[2]?.length ?? 0;
  const whole = num[1].replace(/,/g, '');
  const written = Number(`${whole}${num[2] ? '.' + num[2] : ''}`);
  const scale = written !== 0 ? stated.value / written : 1;
  const zeros = roundFigures && decimals === 0 && written !== 0 ? /0*$/.exec(whole)![0].length : 0;
  const unit = zeros > 0 ? Math.min(0.5 * Math.pow(10, zeros), 0.05 * Math.abs(written)) : 0.5 * Math.pow(10, -decimals);
  return Math.max(unit, 0.5 * Math.pow(10, -decimals)) * Math.abs(scale);
}

// Values are compared pairwise many times in a big corpus: their intervals and displays are computed once.
const allowedCache = new WeakMap<QuantityValue, { key: string; intervals: [number, number][] }>();
const displayCache = new WeakMap<QuantityValue, string>();

/** Intervals (canonical unit) a value allows: one for its hedged amount, one per further stated amount. */
export function allowed(v: QuantityValue, o: ToleranceOptions): [number, number][] {
  const key = `${o.relative}|${o.rounding}`;
  const hit = allowedCache.get(v);
  if (hit && hit.key === key) return hit.intervals;
  const intervals = computeAllowed(v, o);
  allowedCache.set(v, { key, intervals });
  return intervals;
}

function computeAllowed(v: QuantityValue, o: ToleranceOptions): [number, number][] {
  const out: [number, number][] = [];
  v.stated.forEach((s, i) => {
    const unit = unitById(s.unit);
    const conv = (x: number) => (unit && 'dimension' in unit ? toCanonical(x, unit) : x);
    // A hedged amount is vague already ("nearly 70%"): only its written digits round it.
    const r = o.rounding ? (i === 0 && v.hedge ? roundingOf(s, false) : roundingOf(s)) : 0;
    let lo: number;
    let hi: number;
    if (i === 0) {
      // low/high already carry the hedge or range; widen them by the rounding of the amount as written.
      const pad = Math.abs(conv(s.value + r) - conv(s.value));
      lo = v.low - pad;
      hi = v.high + pad;
    } else {
      lo = conv(s.value - r);
      hi = conv(s.value + r);
    }
    const tol = Math.max(Math.abs(lo), Math.abs(hi)) * o.relative;
    out.push([Math.min(lo, hi) - tol, Math.max(lo, hi) + tol]);
  });
  if (out.length === 0) out.push([v.low, v.high]);
  return out;
}

/**
 * Whether two allowed intervals share a value. Intervals that only touch do not: rounding makes them
 * half-open ("62%" stands for 61.5 up to 62.5, "63%" for 62.5 up to 63.5, and no figure is both).
 */
function meet(l1: number, h1: number, l2: number, h2: number): boolean {
  return (l1 < h2 && l2 < h1) || (l1 === l2 && h1 === h2);
}

/** True when two values of one dimension and unit agree within rounding and tolerance (no reason built). */
function overlaps(a: QuantityValue, b: QuantityValue, options: ToleranceOptions): boolean {
  if (a.dimension !== b.dimension || a.unit !== b.unit) return true;
  const o = forPair(a, b, options);
  const ia = allowed(a, o);
  const ib = allowed(b, o);
  return ia.some(([l1, h1]) => ib.some(([l2, h2]) => meet(l1, h1, l2, h2)));
}

/** How two quantity values relate, with a readable reason. */
export function compareQuantities(a: QuantityValue, b: QuantityValue, options: ToleranceOptions = { relative: 0.01, rounding: true }): PairJudgement {
  const da = displayQuantity(a);
  const db = displayQuantity(b);
  if (a.dimension !== b.dimension || a.unit !== b.unit) {
    return { relation: 'agree', reason: `${da} and ${db} measure different things and are not compared` };
  }
  const o = forPair(a, b, options);
  const ia = allowed(a, o);
  const ib = allowed(b, o);
  const overlap = ia.some(([l1, h1]) => ib.some(([l2, h2]) => meet(l1, h1, l2, h2)));
  const within = o.relative === 0 ? 'rounding' : `rounding and a ${pct(o.relative)} tolerance`;
  if (!overlap) return { relation: 'conflict', reason: `${da} and ${db} differ beyond ${within}` };
  if (a.low === b.low && a.high === b.high && a.hedge === b.hedge) return { relation: 'agree', reason: `both say ${da}` };
  return { relation: 'agree', reason: `${da} and ${db} agree within ${within}` };
}

/**
 * The relative tolerance is for amounts written in two units, which conversion and rounding in another
 * unit leave a little apart ("31.06 miles" / "50 km"). Two amounts written in one unit are as exact as
 * their digits: "62%" and "63%", "1,175" and "1,178 people" are different figures.
 */
function forPair(a: QuantityValue, b: QuantityValue, o: ToleranceOptions): ToleranceOptions {
  const ua = a.stated[0]?.unit;
  return o.relative !== 0 && ua !== undefined && ua === b.stated[0]?.unit ? { ...o, relative: 0 } : o;
}

/** 3 -> "3rd", 11 -> "11th", 22 -> "22nd". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(3))} %`;
}

// How a hedge is shown before an amount (lang/en/hedges.yaml, shown-as): approx -> "about".
const HEDGE_WORDS: Record<string, string> = lang().hedges['shown-as'];

const CANONICAL_LABEL: Record<string, string> = { m: 'm', m2: 'm²', l: 'l', kg: 'kg', 'km/h': 'km/h', degC: '°C', deg: 'degrees', percent: '%', pp: 'percentage points', year: 'years' };

/**
 * A short display: the first stated amount with its unit and hedge, further stated amounts in
 * parentheses, durations in years: "50 km (31.06 mi)", "nearly 20 years", "6 workers", "$5,000,000".
 */
export function displayQuantity(v: QuantityValue): string {
  let shown = displayCache.get(v);
  if (shown === undefined) {
    shown = computeDisplay(v);
    displayCache.set(v, shown);
  }
  return shown;
}

function computeDisplay(v: QuantityValue): string {
  const hedge = v.hedge ? `${HEDGE_WORDS[v.hedge] ?? v.hedge} ` : '';
  const first = v.stated[0];
  const isRange = first && v.hedge === undefined && v.low !== v.high;
  const show = (s: { value: number; unit: string }): string => {
    if (v.dimension === 'duration') {
      const u = unitById(s.unit);
      const years = u && 'dimension' in u ? toCanonical(s.value, u) : s.value;
      return `${fmt(years)} years`;
    }
    if (s.unit === 'scale') return `${v.counted ?? 'scale'} ${fmt(s.value)}`;
    if (s.unit === 'rank' || s.unit === 'record') return `${ordinal(s.value)}${v.counted ? ' ' + v.counted : ''}`;
    if (v.dimension === 'count') return `${fmt(s.value)}${v.counted ? ' ' + v.counted : ''}`;
    if (v.dimension === 'money') return `${fmt(s.value)} ${s.unit}`;
    if (s.unit === '%') return `${fmt(s.value)}%`;
    return `${fmt(s.value)} ${s.unit}`;
  };
  if (!first) return `${fmt(v.low)}..${fmt(v.high)} ${CANONICAL_LABEL[v.unit] ?? v.unit}`;
  if (isRange) return `${fmt(v.low)} to ${fmt(v.high)} ${CANONICAL_LABEL[v.unit] ?? v.unit}`;
  const rest = v.stated.slice(1).map(show);
  return `${hedge}${show(first)}${rest.length ? ` (${rest.join(', ')})` : ''}`;
}
