import { addDays as addCalendarDays, getDay, getDaysInMonth } from 'date-fns';
import type { DateGrain, DateValue } from '../types';
import { MONTHS, MONTH_NAMES, WEEKDAY_NAMES, SEASONS } from '../lang/words';

/**
 * Calendar vocabulary and arithmetic for the date extractor and comparator. All days are ISO
 * `YYYY-MM-DD` strings in the proleptic Gregorian calendar, computed in UTC (no time zone shifts).
 */

// The calendar words are data (lang/en/calendar.yaml); the date modules import them from here.
export { MONTHS, MONTH_NAMES, WEEKDAYS, WEEKDAY_NAMES, SEASONS, MONTH_SOURCE, WEEKDAY_SOURCE } from '../lang/words';

/** Month number of a name as written ("Sept." -> 9), or 0. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_BY_NAME.get(lower.length > 0 && lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower) ?? 0;
}

// A Map, not MONTHS[key]: a computed key on a plain object also finds "constructor" and "__proto__".
const MONTH_BY_NAME = new Map(Object.entries(MONTHS));

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `YYYY-MM-DD` if the parts make a real calendar day, else null ("February 30" is not one). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Days in a month, by date-fns on a local calendar date: daysInMonth(2024, 2) = 29. Like the Date
 * constructor, it reads the years 0-99 as 1900-1999 and carries a month out of range into the next year
 * (daysInMonth(2025, 13) is January 2026's 31).
 */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

/** The local calendar date of "YYYY-MM-DD" (a day out of range carries over: "2025-02-30" is March 2). */
function toDate(iso: string): Date {
  return new Date(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}

function fromDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `iso` moved by `n` days: addDays("2025-09-21", -1) = "2025-09-20". */
export function addDays(iso: string, n: number): string {
  return fromDate(addCalendarDays(toDate(iso), n));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return getDay(toDate(iso));
}

/** Part of an interval named by "early", "mid" or "late". */
export type Part = 'early' | 'mid' | 'late' | undefined;

/** `[start, end]` of a year; early = January-April, mid = May-August, late = September-December. */
export function yearInterval(year: number, part?: Part): [string, string] {
  const [a, b] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : part === 'late' ? [9, 12] : [1, 12];
  return [`${pad(year, 4)}-${pad(a)}-01`, `${pad(year, 4)}-${pad(b)}-${pad(daysInMonth(year, b))}`];
}

/** `[start, end]` of a month; early = days 1-10, mid = 11-20, late = 21-end. */
export function monthInterval(year: number, month: number, part?: Part): [string, string] {
  const last = daysInMonth(year, month);
  const [a, b] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
  return [`${pad(year, 4)}-${pad(month)}-${pad(a)}`, `${pad(year, 4)}-${pad(month)}-${pad(b)}`];
}

/**
 * `[start, end]` of the decade starting `first` (1950 for "the 1950s"): early = its first four years
 * (1950-1953), mid = 1954-1956, late = 1957-1959.
 */
export function decadeInterval(first: number, part?: Part): [string, string] {
  const [a, b] = part === 'early' ? [0, 3] : part === 'mid' ? [4, 6] : part === 'late' ? [7, 9] : [0, 9];
  return [`${pad(first + a, 4)}-01-01`, `${pad(first + b, 4)}-12-31`];
}

/** `[start, end]` of the n-th century (20 -> 1901..2000); early/mid/late take thirds. */
export function centuryInterval(n: number, part?: Part): [string, string] {
  const first = (n - 1) * 100 + 1;
  const [a, b] = part === 'early' ? [0, 32] : part === 'mid' ? [33, 65] : part === 'late' ? [66, 99] : [0, 99];
  return [`${pad(first + a, 4)}-01-01`, `${pad(first + b, 4)}-12-31`];
}

/** `[start, end]` of a season of `year` (winter 2021 = 2021-12-01..2022-02-28). */
export function seasonInterval(year: number, season: string): [string, string] {
  const s = SEASONS[season.toLowerCase()];
  const endYear = s.to < s.from ? year + 1 : year;
  return [`${pad(year, 4)}-${pad(s.from)}-01`, `${pad(endYear, 4)}-${pad(s.to)}-${pad(daysInMonth(endYear, s.to))}`];
}

/** `[start, end]` (Monday..Sunday) of the ISO week holding `iso`. */
export function weekInterval(iso: string): [string, string] {
  const back = (weekdayOf(iso) + 6) % 7;
  const monday = addDays(iso, -back);
  return [monday, addDays(monday, 6)];
}

/**
 * A weekday resolved against reference day `ref`. `past` (the default for news, written after the fact):
 * the most recent such day on or before `ref` ("Saturday" in an article of Sunday 2025-09-21 = 2025-09-20;
 * "Sunday" = 2025-09-21 itself). `future`: the first on or after `ref` ("will meet on Friday").
 * `last`: strictly before `ref`; `next`: strictly after.
 */
export function resolveWeekday(ref: string, weekday: number, mode: 'past' | 'future' | 'last' | 'next'): string {
  const w = weekdayOf(ref);
  if (mode === 'past' || mode === 'last') {
    let back = (w - weekday + 7) % 7;
    if (mode === 'last' && back === 0) back = 7;
    return addDays(ref, -back);
  }
  let ahead = (weekday - w + 7) % 7;
  if (mode === 'next' && ahead === 0) ahead = 7;
  return addDays(ref, ahead);
}

/** Finer grains first: compare with `GRAIN_ORDER.indexOf`. */
export const GRAIN_ORDER: DateGrain[] = ['minute', 'hour', 'day', 'week', 'month', 'season', 'quarter', 'year', 'decade', 'century'];


function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'th', 'th'][n % 10];
  return `${n}${s}`;
}

/**
 * A short display of a date value: "July 2021", "2021", "the early 1950s", "2025-09-20 (Saturday)",
 * "Saturday (unresolved)", "around 2010", "2019 to 2021".
 */
export function displayDate(v: DateValue): string {
  const hedgeWord = v.hedge === 'approx' ? 'around ' : v.hedge === 'nearly' ? 'nearly ' : '';
  const part = v.hedge === 'early' || v.hedge === 'mid' || v.hedge === 'late' ? v.hedge : undefined;
  let body: string;
  if (!v.start || !v.end) {
    body = v.weekday !== undefined ? `${WEEKDAY_NAMES[v.weekday]} (unresolved)` : v.relative?.expression ?? 'unresolved date';
    if (v.time) body += ` ${v.time}${v.zone ? ' ' + v.zone : ''}`;
    return body;
  }
  const y1 = +v.start.slice(0, 4);
  const y2 = +v.end.slice(0, 4);
  const m1 = +v.start.slice(5, 7);
  const m2 = +v.end.slice(5, 7);
  switch (v.grain) {
    case 'century': {
      const c = Math.floor((y1 - 1) / 100) + 1;
      const c2 = Math.floor((y2 - 1) / 100) + 1;
      body = c === c2 ? `the ${part ? part + ' ' : ''}${ordinal(c)} century` : `the ${ordinal(c)} to ${ordinal(c2)} century`;
      break;
    }
    case 'decade': {
      const d1 = y1 - (y1 % 10);
      const d2 = y2 - (y2 % 10);
      body = d1 === d2 ? `the ${part ? part + ' ' : ''}${d1}s` : `the ${d1}s to the ${d2}s`;
      break;
    }
    case 'year':
      body = y1 === y2 ? `${part ? part + ' ' : ''}${y1}` : `${y1} to ${y2}`;
      break;
    case 'season':
    case 'quarter':
      body = `${v.start} to ${v.end}`;
      break;
    case 'month':
      body =
        y1 === y2 && m1 === m2
          ? `${part ? part + ' ' : ''}${MONTH_NAMES[m1]} ${y1}`
          : `${MONTH_NAMES[m1]} ${y1} to ${MONTH_NAMES[m2]} ${y2}`;
      break;
    case 'week':
      body = `the week of ${v.start}`;
      break;
    default:
      body = v.start === v.end ? `${v.start} (${WEEKDAY_NAMES[weekdayOf(v.start)]})` : `${v.start} to ${v.end}`;
      if (v.time) body += ` ${v.time}${v.zone ? ' ' + v.zone : ''}`;
  }
  return hedgeWord + body;
}
