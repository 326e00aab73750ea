import type { Claim, Comparator, CompareContext, DateGrain, DateValue, PairJudgement } from '../../types';
import { contextBlockKeys, contextLink, topicWeights, contextSubject, sameSentence, differentStories, assertionLink, assertionMatch, UNSURE_ASSERTION } from '../link';
import { START_WORDS, TIME_ZONES } from '../../lang/words';
import { sentenceAt } from '../../lang/context';
import { attributeData } from '../../lang/attributes';

const ONE_TIME_EVENTS = attributeData().oneTimeEvents;
import { MONTH_NAMES, WEEKDAY_NAMES, addDays, daysInMonth, displayDate, weekdayOf } from '../../normalize/dates';

/**
 * Dates as intervals: two claims agree when their intervals overlap (one inside the other: "July 2021
 * lies within 2021"), conflict when they are disjoint at their grains ("the 1980s" versus "the early
 * 1950s"). Hedges widen an interval before the test: "around 2010" by one unit of its grain each side,
 * "early/mid/late" by one unit of the next finer grain (a year for decades, a month for years).
 * An unresolved weekday agrees with a resolved day on that weekday and is never set against another day.
 * Two dates conflict only when they state one attribute of one subject ("made landfall" / "came ashore").
 */
export const dateInterval: Comparator = {
  id: 'date-interval',
  kinds: ['date'],
  findingKind: 'date',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
      'same-day-link': {
        type: 'number', minimum: 0, maximum: 1, default: 0.25,
        description: 'Added to the context link of two claims naming the same single day: a day is specific.',
      },
      'compare-times': {
        type: 'boolean', default: true,
        description: 'Two times of day on the same day in the same zone conflict when they differ.',
      },
    },
  },
  accepts(claim) {
    const v = claim.value as DateValue;
    return (v.start !== undefined && v.end !== undefined) || v.weekday !== undefined || v.time !== undefined || v.monthDay !== undefined;
  },
  blockKeys(claim) {
    const v = claim.value as DateValue;
    const keys = contextBlockKeys(claim, 'date');
    // Same day, same weekday: "Saturday" (unresolved) meets "September 20, 2025" with no shared word.
    if (v.weekday !== undefined) keys.push(`date:weekday:${v.weekday}`);
    if (v.start && v.start === v.end) keys.push(`date:day:${v.start}`);
    // A day without a year meets the days of that month and day: "July 14" and "July 14, 2023".
    const md = monthDayOf(v);
    if (md) keys.push(`date:month-day:${md}`);
    // One stated event: "the walkout began on Monday" meets "the strike ... since Tuesday".
    if (claim.attribute) keys.push(`date:attribute:${claim.attribute}`);
    return keys;
  },
  link(a, b, ctx) {
    const va = a.value as DateValue;
    const vb = b.value as DateValue;
    if (sameSentence(a, b, ctx.articles) || differentStories(a, b, ctx)) return 0;
    // A weekday without a day cannot be the same fact as a month or a year: weekdays name recent days.
    const coarse = (v: DateValue) => v.start !== undefined && v.grain !== 'day' && v.grain !== 'hour' && v.grain !== 'minute' && v.grain !== 'week';
    if ((va.start === undefined && coarse(vb)) || (vb.start === undefined && coarse(va))) return 0;
    // Nothing to set against each other is no fact in common: "today at 6:04 p.m." in an undated article
    // and "July 14, 2023" (no day on one side, no clock time on the other).
    if (uncheckable(va, vb)) return 0;
    let score = contextLink(a.context, b.context, ctx.vocabulary, topicWeights(ctx)).score;
    // An event of the attribute data ("landfall", "launch") names one fact; a word outside it ("event:finish") helps less.
    const known = a.attribute !== undefined && !a.attribute.startsWith('event:') && !recentAgainstOld(va, vb) && !recentAgainstOld(vb, va);
    // The same day with nothing else in common is two events of one day ("soldiers arrived on Saturday" /
    // "a roof tonight"), not one fact: the bonus only adds to words the two share, or to one stated event.
    if (score === 0 && !(known && a.attribute === b.attribute)) return 0;
    const bonus = num(ctx.rule.params['same-day-link'], 0.25);
    const dayA = va.start && va.start === va.end ? va.start : undefined;
    const dayB = vb.start && vb.start === vb.end ? vb.start : undefined;
    const mdA = monthDayOf(va);
    if ((dayA && dayA === dayB) || (mdA && (va.monthDay || vb.monthDay) && mdA === monthDayOf(vb))) score += bonus;
    else if ((!dayA && va.weekday !== undefined && dayB && weekdayOf(dayB) === va.weekday) || (!dayB && vb.weekday !== undefined && dayA && weekdayOf(dayA) === vb.weekday)) score += bonus;
    score = assertionLink(a, b, ctx, Math.min(1, score), known);
    // A weekday no reference date resolved may be of another week: never set against a day ("Friday" in
    // an undated article / "Thursday, June 1").
    // Two clock times are moments, not weekdays of an unknown week: "lifted off at 9:25 a.m." and "at 8:25
    // a.m. CT" can be one fact though neither names its day.
    const twoTimes = va.time !== undefined && vb.time !== undefined && va.weekday === undefined && vb.weekday === undefined;
    // But an event has one weekday whatever week an article was written in: two articles saying on which
    // weekday one stated event happened ("made landfall Wednesday night" / "made landfall on Thursday")
    // can be set against each other. Not the day of a count ("the toll reached 93 on Saturday"): a running
    // count has many days (lang/en/attributes.yaml one-time-events).
    const oneEvent = va.start === undefined && vb.start === undefined && va.weekday !== undefined && vb.weekday !== undefined &&
      a.source !== b.source && ONE_TIME_EVENTS.has(a.attribute ?? '') && assertionMatch(a, b) === 'same';
    // A day without a year against another day: one stated event on two month-days ("launched on July 14" /
    // "launched on July 15, 2023") is a conflict whatever the year; anything less sure may only agree.
    const monthDays = (va.monthDay !== undefined || vb.monthDay !== undefined) && monthDayOf(va) !== undefined && monthDayOf(vb) !== undefined &&
      a.source !== b.source && known && assertionMatch(a, b) === 'same';
    if ((va.start === undefined || vb.start === undefined) && !twoTimes && !oneEvent && !monthDays) score = Math.min(score, UNSURE_ASSERTION);
    // "started the descent at 5:20 p.m." and "touched down around 6:03 p.m.": a start and an end are two times.
    if (va.time !== undefined && vb.time !== undefined && tellsStart(a, ctx) !== tellsStart(b, ctx)) score = Math.min(score, UNSURE_ASSERTION);
    return score;
  },
  storyBound: true,
  compare(a, b, ctx) {
    return compareDates(a.value as DateValue, b.value as DateValue, ctx.rule.params['compare-times'] !== false);
  },
  readingKey(claim) {
    return dateKey(claim.value as DateValue);
  },
  display(claim) {
    return displayDate(claim.value as DateValue);
  },
  readingValue(claim) {
    const v = claim.value as DateValue;
    const out: Record<string, unknown> = {};
    if (v.start) out.start = v.start;
    if (v.end) out.end = v.end;
    out.grain = v.grain;
    if (v.hedge) out.hedge = v.hedge;
    if (v.weekday !== undefined && !v.start) out.weekday = WEEKDAY_NAMES[v.weekday];
    if (v.monthDay) out.monthDay = v.monthDay;
    if (v.time) out.time = v.time;
    if (v.zone) out.zone = v.zone;
    return out;
  },
  subject(claims: readonly Claim[], ctx: CompareContext) {
    return contextSubject(claims, ctx.vocabulary);
  },
};

/** Does the clause before a time say it is when something started ("the count began at 9 a.m.")? */
function tellsStart(claim: Claim, ctx: CompareContext): boolean {
  const article = ctx.articles.get(claim.source);
  if (!article) return false;
  const i = sentenceAt(article.sentences, claim.span.start);
  const from = i >= 0 ? article.sentences[i].start : Math.max(0, claim.span.start - 200);
  const clause = article.reader.slice(from, claim.span.start).split(/[,;:]\s/).pop() ?? '';
  return (clause.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => START_WORDS.has(w));
}

/**
 * True when `recent` was told relative to its article ("this week", "on Friday") and `old` ends more than a
 * year before that: an outlet telling of the same event is never years off, so "closed this week" and
 * "closed on 3 May 2019" are two closings.
 */
function recentAgainstOld(recent: DateValue, old: DateValue): boolean {
  const ref = recent.relative?.referenceDate;
  if (!ref || !old.end || old.relative) return false;
  return Date.parse(`${old.end}T00:00:00Z`) < Date.parse(`${ref}T00:00:00Z`) - 365 * 86400000;
}

function num(x: unknown, d: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : d;
}

/**
 * The month and day of a single day, `MM-DD`: of a day stated without a year ("July 14" in an undated
 * article), or of a resolved day ("2023-07-14" -> "07-14"); none for longer spans, hedged days or weekdays.
 */
export function monthDayOf(v: DateValue): string | undefined {
  if (v.monthDay) return v.monthDay;
  if (v.start && v.start === v.end && v.grain === 'day' && !v.hedge) return v.start.slice(5);
  return undefined;
}

/** "07-14" -> "July 14". */
function monthDayName(md: string): string {
  return `${MONTH_NAMES[+md.slice(0, 2)]} ${+md.slice(3)}`;
}

/** Normalized interval as a key: "2021-07-01..2021-07-31", "weekday:6", "+T17:29 ET". */
export function dateKey(v: DateValue): string {
  let k = v.start && v.end ? `${v.start}..${v.end}` : v.monthDay ? `month-day:${v.monthDay}` : v.weekday !== undefined ? `weekday:${v.weekday}` : `unresolved:${v.relative?.expression ?? ''}`;
  if (v.hedge) k += `~${v.hedge}`;
  if (v.time) k += ` T${v.time}${v.zone ? ' ' + v.zone : ''}`;
  return k;
}

function shiftMonths(iso: string, n: number, toEnd: boolean): string {
  const total = +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = toEnd ? daysInMonth(y, m) : 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One unit of a grain, as a widening of `[start, end]` on both sides. */
function widenBy(start: string, end: string, grain: DateGrain | 'none'): [string, string] {
  switch (grain) {
    case 'none':
      return [start, end];
    case 'minute':
    case 'hour':
    case 'day':
      return [addDays(start, -1), addDays(end, 1)];
    case 'week':
      return [addDays(start, -7), addDays(end, 7)];
    case 'month':
    case 'season':
    case 'quarter':
      return [shiftMonths(start, -1, false), shiftMonths(end, 1, true)];
    case 'year':
      return [shiftMonths(start, -12, false), shiftMonths(end, 12, true)];
    case 'decade':
      return [shiftMonths(start, -60, false), shiftMonths(end, 60, true)];
    case 'century':
      return [shiftMonths(start, -120, false), shiftMonths(end, 120, true)];
  }
}

const FINER: Record<DateGrain, DateGrain | 'none'> = {
  minute: 'none', hour: 'none', day: 'none', week: 'day', month: 'day', season: 'month', quarter: 'month',
  year: 'month', decade: 'year', century: 'decade',
};

/** The interval a claim allows once its hedge is applied. */
export function widened(v: DateValue): [string, string] | null {
  if (!v.start || !v.end) return null;
  if (v.hedge === 'early' || v.hedge === 'mid' || v.hedge === 'late') return widenBy(v.start, v.end, FINER[v.grain]);
  if (v.hedge) return widenBy(v.start, v.end, v.grain);
  return [v.start, v.end];
}

/** True when `compareDates` can only say the two "cannot be checked against each other". */
function uncheckable(a: DateValue, b: DateValue): boolean {
  if (a.time && b.time) return false;
  if ((a.monthDay || b.monthDay) && monthDayOf(a) && monthDayOf(b)) return false;
  return (!widened(a) || !widened(b)) && (a.weekday === undefined || b.weekday === undefined);
}

/** How two date values relate, with a readable reason. */
export function compareDates(a: DateValue, b: DateValue, compareTimes = true): PairJudgement {
  const da = displayDate(a);
  const db = displayDate(b);
  if (compareTimes && a.time && b.time) {
    const t = compareTimesOfDay(a, b);
    if (t) return t;
  }
  const wa = widened(a);
  const wb = widened(b);
  const mdA = monthDayOf(a);
  const mdB = monthDayOf(b);
  if ((a.monthDay || b.monthDay) && mdA && mdB) {
    if (mdA === mdB) return { relation: 'agree', reason: `both name ${monthDayName(mdA)}${a.monthDay && b.monthDay ? '' : ' (one gives no year)'}` };
    return { relation: 'conflict', reason: `${monthDayName(mdA)} and ${monthDayName(mdB)} are two days, whatever the year` };
  }
  if (!wa || !wb) {
    const wdA = a.weekday;
    const wdB = b.weekday;
    if (wdA === undefined || wdB === undefined) return { relation: 'agree', reason: `${da} and ${db} cannot be checked against each other` };
    const resolved = wa ? a : wb ? b : undefined;
    if (resolved && resolved.grain !== 'day' && resolved.start !== resolved.end) {
      return { relation: 'agree', reason: `${wa ? db : da} may fall within ${wa ? da : db}` };
    }
    if (wdA === wdB) return { relation: 'agree', reason: `both name a ${WEEKDAY_NAMES[wdA]}${resolved ? `: ${resolved.start} is a ${WEEKDAY_NAMES[wdA]}` : ''}` };
    return { relation: 'conflict', reason: `${da} is a ${WEEKDAY_NAMES[wdA]} but ${db} is a ${WEEKDAY_NAMES[wdB]}` };
  }
  if (wa[1] < wb[0] || wb[1] < wa[0]) {
    const gap = a.hedge || b.hedge ? ', even allowing for the hedge' : '';
    return { relation: 'conflict', reason: `${da} and ${db} do not overlap${gap}` };
  }
  if (a.start === b.start && a.end === b.end) return { relation: 'agree', reason: `both say ${da}` };
  const aInB = a.start! >= wb[0] && a.end! <= wb[1];
  const bInA = b.start! >= wa[0] && b.end! <= wa[1];
  if (aInB && !bInA) return { relation: 'agree', reason: `${da} lies within ${db}` };
  if (bInA && !aInB) return { relation: 'agree', reason: `${db} lies within ${da}` };
  return { relation: 'agree', reason: `${da} and ${db} overlap` };
}

/** Minutes a hedged clock time allows each side: "around 7 pm" is 18:52 to 19:08, so "around 7.20 pm" is another time. */
const APPROX_MINUTES = 8;
/** "shortly before 9 p.m.": up to this many minutes before. */
const BEFORE_MINUTES = 20;

/**
 * The UTC offsets in minutes a zone can stand for ("ET" -> -300 or -240), `[0]` for no zone or "local time"
 * (two such times are read in one zone), or null for a zone the data does not list.
 */
function zoneOffsets(zone: string | undefined): readonly number[] | null {
  if (zone === undefined || /^local/i.test(zone)) return [0];
  const fixed = /^(?:GMT|UTC)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (fixed) return [(fixed[1] === '-' ? -1 : 1) * (+fixed[2] * 60 + (fixed[3] ? +fixed[3] : 0))];
  return TIME_ZONES.get(zone.toLowerCase()) ?? null;
}

/** `[from, to]` minutes of the day (or of the epoch day when `day` is given) a time allows, in its own zone. */
function timeSpan(v: DateValue, day: number | undefined): [number, number] {
  const t = +v.time!.slice(0, 2) * 60 + +v.time!.slice(3, 5) + (day ?? 0) * 1440;
  if (v.hedge === 'nearly') return [t - BEFORE_MINUTES, t];
  if (v.hedge) return [t - APPROX_MINUTES, t + APPROX_MINUTES];
  // "7pm" is read to the minute less strictly than "7:04 pm".
  return v.grain === 'hour' ? [t - 5, t + 5] : [t - 1, t + 1];
}

function epochDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
}

/**
 * Two clock times of one fact: the same moment when their spans meet after each is moved to UTC, trying
 * every offset a zone can stand for. "9:25 a.m. EDT" and "8:25 a.m. CT" agree; "around 7 pm" and "around
 * 7.20 pm" conflict. A time in a zone the data does not know is never set against a time in another zone.
 * Without a day on both sides, times are compared on the clock (23:55 and 00:05 are ten minutes apart).
 * Returns null when the days decide (one time has a day the other's day contradicts is left to the days).
 */
function compareTimesOfDay(a: DateValue, b: DateValue): PairJudgement | null {
  const da = displayDate(a);
  const db = displayDate(b);
  const zoneA = a.zone ?? '';
  const zoneB = b.zone ?? '';
  const oa = zoneOffsets(a.zone);
  const ob = zoneOffsets(b.zone);
  if (zoneA.toLowerCase() !== zoneB.toLowerCase() && (!oa || !ob || (!a.zone || /^local/i.test(zoneA)) !== (!b.zone || /^local/i.test(zoneB)))) {
    return { relation: 'agree', reason: `${da} and ${db} are told in different time zones, one of them unknown` };
  }
  const dayA = a.start && a.start === a.end ? epochDay(a.start) : undefined;
  const dayB = b.start && b.start === b.end ? epochDay(b.start) : undefined;
  const bothDays = dayA !== undefined && dayB !== undefined;
  // A day on one side only, or a longer interval: the clock alone is compared.
  const [a0, a1] = timeSpan(a, bothDays ? dayA : undefined);
  const [b0, b1] = timeSpan(b, bothDays ? dayB : undefined);
  const same = zoneA.toLowerCase() === zoneB.toLowerCase();
  const shifts = bothDays ? [0] : [-1440, 0, 1440];
  // "ET" and "CT" each name winter then summer: both are in summer or both in winter, never one of each.
  const pairs: [number, number][] = same
    ? [[0, 0]]
    : oa!.length === 2 && ob!.length === 2
      ? [[oa![0], ob![0]], [oa![1], ob![1]]]
      : oa!.flatMap((x) => ob!.map((y): [number, number] => [x, y]));
  for (const [x, y] of pairs) {
    for (const k of shifts) {
      // Local time minus offset is UTC.
      if (a0 - x <= b1 - y + k && b0 - y + k <= a1 - x) {
        return { relation: 'agree', reason: same || x === y ? `${da} and ${db} are the same time` : `${da} and ${db} are the same moment` };
      }
    }
  }
  const hedged = a.hedge || b.hedge ? ', even allowing for the hedge' : '';
  return { relation: 'conflict', reason: `${da} and ${db} are different times${hedged}` };
}
