import type { Article, DateGrain, DateValue, Extractor, Hedge, Unread } from '../types';
import { claimsAt } from './claim';
import {
  DATE_HEDGES, DURATION_LEADS, DURATION_PERIODS, EVENT_PLURALS, FULL_MONTH_SOURCE, FUNCTION_WORDS, FUTURE_MARKERS, MONTH_ABBREVIATION_SOURCE, MONTH_PREPOSITIONS,
  NEIGHBOUR_DAYS, NEIGHBOUR_SHIFT_AFTER, NEIGHBOUR_SHIFT_BEFORE, OF_HEADS, ORDINAL_WORDS, PART_WORDS, PLURAL_WITHOUT_S, QUARTER_WORDS, RANGE_WORDS,
  SHIFT_WORDS, SPELLED_SCALES_AFTER_A, RELATIVE_DAYS, RELATIVE_PERIODS, RELATIVE_NUDGES, PAST_WORDS, PAST_LEADS, PAST_PERIODS,
  COUNTED_PERIODS, COUNTED_DIRECTIONS, TIME_HEDGES, TIME_ZONES, WORDS_AFTER_AMOUNT, YEAR_PREPOSITIONS,
} from '../lang/words';
import { escapeRegExp, phraseAlternation } from '../text/pattern';
import { chooseLongest } from '../text/lookup';
import {
  GRAIN_ORDER, MONTHS, MONTH_NAMES, MONTH_SOURCE, SEASONS, WEEKDAYS, WEEKDAY_NAMES, WEEKDAY_SOURCE, addDays, centuryInterval,
  decadeInterval, isoDay, monthInterval, monthNumber, resolveWeekday, seasonInterval, weekInterval, weekdayOf,
  yearInterval, type Part,
} from '../normalize/dates';
import { SPELLED_NUMBER_SOURCE, SPELLED_NUMBER_WORDS, parseSpelledNumber } from '../normalize/numbers';
import { APOSTROPHE, DIGITS, LETTERS, WordTable, capOf, execAt, isSpaceCode, keyOf, skipSpaces, kindOf, lenOf, marksOf, sticky, type Marks } from '../text/scan';
import { excludedRangesOf, overlapsAny } from '../normalize/exclusions';

/**
 * Dates in English news text, each a calendar interval with a grain and a hedge:
 * "September 20, 2025" (day), "July 2021" (month), "in 2021" (year), "the early 1950s" (decade, early),
 * "mid-2010", "around 2010", "Saturday" (resolved against the reference day), "yesterday", "last week",
 * "20 Sep 17:29 ET" (day with time and zone), "between 2019 and 2021" (range).
 *
 * Choices:
 * - A bare weekday is the most recent such day on or before the article's reference day (news reports
 *   what happened), unless a future marker ("will", "is due to", ...) precedes it in its sentence: then
 *   the first such day on or after. "last"/"next" make it strictly before/after. Without a reference day
 *   it stays unresolved: no start/end, `weekday` set.
 * - A month and day without a year ("Sept. 21") take the reference year; a bare month ("in March") too.
 * - A four-digit number 1000-2100 is a year only in a date-like position: after a date preposition
 *   ("in 2021", "since 2019"), a part or hedge word ("mid-2010", "around 2010"), or before a noun it
 *   qualifies ("the 2020 agreement", "2026 midterm elections"), never before a unit or a counted plural
 *   ("2000 people", "1500 meters").
 * - "four years after the withdrawal" is a date relative to an event: recorded honestly, unresolved.
 * - Durations ("for 20 years") are not dates: the quantity extractor reads them.
 */
export const dateExtractor: Extractor = {
  id: 'dates',
  kinds: ['date'],
  extract(article, ctx) {
    try {
      return claimsAt(article, 'dates', extractDates(article, ctx.unread));
    } catch {
      return [];
    }
  },
};

/** A date found in the text before it becomes a claim. */
interface Found {
  start: number;
  end: number;
  value: DateValue;
  /** A time of day alone ("1:30 a.m."), waiting to be joined to a day. */
  timeOnly?: boolean;
}


// ---------------------------------------------------------------------------------------------
// Patterns. Each is run once over the body (global, linear); candidates then compete for the text.

const M = MONTH_SOURCE;
const W = WEEKDAY_SOURCE;
const ORD = '(?:st|nd|rd|th)?';
/** "UTC+5:30", "GMT-4", the abbreviations of lang/en/calendar.yaml ("EDT", "IST"), "local time". */
const ZONE = `(?:(?:GMT|UTC)\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?|${[...TIME_ZONES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((z) => z.toUpperCase())
  .join('|')}|local time)`;
/** The period of an abbreviated month ("Sept."), never a sentence's full stop after "July.". */
const ABBR_DOT = `(?:(?<=\\b${MONTH_ABBREVIATION_SOURCE})\\.)?`;
/** The part words of lang/en/calendar.yaml: "early|mid|late". */
const PART_ALT = phraseAlternation(PART_WORDS.keys());
/** "early ", "mid-", "the late ": a part of the period that follows. */
const PART = `(?:(${PART_ALT}|the (?:${PART_ALT}))(?:-|\\s+))`;
/** The shift words, a capital allowed on their first letter only: "[Ll]ast|[Tt]his|[Nn]ext". */
const SHIFT_CAPITALIZED = [...SHIFT_WORDS.keys()].map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${escapeRegExp(w.slice(1))}`).join('|');
/** Words before a bare month that make it a date: "in March", "last March", "early July". */
const MONTH_LEADS = [...MONTH_PREPOSITIONS, ...SHIFT_WORDS.keys(), ...PART_WORDS.keys()];
/** The two roles of the words of a range: "between" and "from" open one, "and" and "to" join its ends. */
const RANGE_OPENERS = [...RANGE_WORDS.between, ...RANGE_WORDS.from];
const RANGE_JOINERS = [...RANGE_WORDS.and, ...RANGE_WORDS.to];
/** The ordinal words 1 to 4 of lang/en/numbers.yaml: "third" in "the third quarter of 2021". */
const QUARTER_ORDINALS = Object.keys(ORDINAL_WORDS).filter((w) => ORDINAL_WORDS[w] >= 1 && ORDINAL_WORDS[w] <= 4);

/** "2025-09-21", "2025-09-21T08:00Z". */
const ISO_RE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/g;
/** "Saturday, September 20, 2025", "Sept. 21", "September 11th, 2001". */
const MDY_RE = new RegExp(`\\b(?:(${W}),?\\s+)?(${M})${ABBR_DOT}\\s+(\\d{1,2})${ORD}\\b(?:,?\\s+(\\d{4})\\b)?(?![.,]?\\d)`, 'g');
/** "20 September 2025", "20 Sep", "the 21st of September". */
const DMY_RE = new RegExp(`\\b(?:(${W}),?\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${M})\\b${ABBR_DOT}(?:,?\\s+(\\d{4})\\b)?`, 'g');
/** "July 2021", "late July 2021", "July of 2021". */
const MY_RE = new RegExp(`(?:\\b${PART})?\\b(${M})${ABBR_DOT},?\\s+(?:of\\s+)?(\\d{4})\\b(?![.,]?\\d)`, 'gi');
/** A bare full month after a word that makes it a date: "in March", "from March to May", "early July". */
const MONTH_RE = new RegExp(`\\b(${phraseAlternation(MONTH_LEADS)})(?:\\s+|-)(${FULL_MONTH_SOURCE})\\b`, 'gi');
/** "the 1980s", "the early 1950s", "mid-1990s", "the '80s", "1980's". */
const DECADE_RE = new RegExp(String.raw`(?:\b(the)\s+)?(?:\b(${PART_ALT})(?:-|\s+))?(?:\b(\d{3}0)'?s|['\u2019](\d0)s)\b`, 'gi');
/** "the 19th century", "the early 20th century", "the twenty-first century". */
const CENTURY_RE = new RegExp(`(?:\\b(the)\\s+)?(?:\\b(${PART_ALT})(?:-|\\s+))?\\b(\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINAL_WORDS).join('|')})[- ]century\\b`, 'gi');
/** A four-digit number that may be a year; its position decides (see `yearHere`). */
const YEAR_RE = /(?<![\p{L}\p{N}$€£¥#@\/.,:_\u2013\u2014])(?<![\p{N}_]-)(1\d{3}|20\d{2}|2100)(?![\p{L}\p{N}%°\u00b2\u00b3]|[.,:]\d|-\d|\u2013\d)/gu;
/** "2019-2021", "2019–21", "between 2019 and 2021", "from 2019 to 2021". */
const YEAR_RANGE_RE = new RegExp(
  String.raw`(?:\b(${phraseAlternation(RANGE_OPENERS)})\s+)?\b(1[89]\d{2}|20\d{2})(?:\s*[-\u2013\u2014]\s*|\s+(${phraseAlternation(RANGE_JOINERS)})\s+)(1[89]\d{2}|20\d{2}|\d{2})(?![\p{L}\p{N}%]|[.,:]\d|-\d)`,
  'gu',
);
/** "spring 2021", "the summer of 2019", "winter 2021". */
const SEASON_RE = new RegExp(`\\b(?:(${PART_ALT})(?:-|\\s+))?(${Object.keys(SEASONS).join('|')})(?:\\s+of)?\\s+(\\d{4})\\b`, 'gi');
/** "Q3 2021", "the third quarter of 2021". */
const QUARTER_RE = new RegExp(String.raw`\b(?:Q([1-4])|(${phraseAlternation(QUARTER_ORDINALS)})\s+(?:${phraseAlternation(QUARTER_WORDS)})\s+of)\s+(\d{4})\b`, 'g');
/** "Saturday", "last Saturday", "Sunday's". */
const WEEKDAY_RE = new RegExp(`(?:\\b(${SHIFT_CAPITALIZED})\\s+)?\\b(${W})(?:['\u2019]s)?\\b`, 'g');
/**
 * Times: "1:30 a.m.", "5 p.m. ET", "06:05 PM", "7pm", "17:29 ET", "18.03 Hrs. IST", "17:44 Hrs IST",
 * "8:30 in the evening", "2.15am local time". A 24-hour time with a period ("18.03") needs "hrs" or a zone
 * after it: "4.50" alone is a number.
 */
const TIME_RE = new RegExp(
  `\\b(\\d{1,2})(?:[:.]([0-5]\\d))?\\s?(a\\.m\\.|p\\.m\\.|am\\b|pm\\b|AM\\b|PM\\b|A\\.M\\.|P\\.M\\.)(?:\\s+\\(?(${ZONE})\\b\\)?)?` +
    `|\\b(1[0-2]|[1-9])[:.]([0-5]\\d)\\s+(?:in\\s+the\\s+(morning|afternoon|evening)|at\\s+(night))\\b` +
    `|\\b([01]?\\d|2[0-3])(?::([0-5]\\d)(?::[0-5]\\d)?|\\.([0-5]\\d)(?=\\s*(?:[Hh](?:rs?|ours)\\b|${ZONE}\\b)))\\b(?:\\s*[Hh](?:rs?|ours)\\b\\.?)?(?:\\s*\\(?(${ZONE})\\b\\)?)?`,
  'g',
);
/** A hedge just before a time: "around 7 pm", "shortly before 9 p.m.", "at about 6:04". */
const TIME_HEDGE = new RegExp(String.raw`\b(${phraseAlternation(TIME_HEDGES.keys())})\s+(?:at\s+)?$`, 'i');
/** Relative words: "yesterday", "last week", "earlier this month", "three years ago", "the past week". */
// Groups: 1 a day word, 2 a nudge, 3 a shift word, 4 its period, 5 "past", 6 its period, 7 a count, 8 the
// counted period, 9 the direction (lang/en/calendar.yaml).
const RELATIVE_RE = new RegExp(
  `\\b(?:(${phraseAlternation(RELATIVE_DAYS.keys())})|(?:(${phraseAlternation(RELATIVE_NUDGES)})\\s+)?(${phraseAlternation(SHIFT_WORDS.keys())})\\s+(${phraseAlternation(RELATIVE_PERIODS.keys())})` +
    `|(?:(?:${phraseAlternation(PAST_LEADS)})\\s+)?the\\s+(${phraseAlternation(PAST_WORDS)})\\s+(${phraseAlternation(PAST_PERIODS)})` +
    `|(\\d{1,3}|${SPELLED_NUMBER_SOURCE})\\s+((?:${phraseAlternation(COUNTED_PERIODS)})s?)\\s+(${phraseAlternation(COUNTED_DIRECTIONS.keys())}))\\b`,
  'gi',
);


// Sticky copies, tried only at the offsets `startsOf` lists (see text/scan.ts).
const ISO_Y = sticky(ISO_RE);
const MDY_Y = sticky(MDY_RE);
const DMY_Y = sticky(DMY_RE);
const MY_Y = sticky(MY_RE);
const MONTH_Y = sticky(MONTH_RE);
const DECADE_Y = sticky(DECADE_RE);
const CENTURY_Y = sticky(CENTURY_RE);
const YEAR_RANGE_Y = sticky(YEAR_RANGE_RE);
const YEAR_Y = sticky(YEAR_RE);
const SEASON_Y = sticky(SEASON_RE);
const QUARTER_Y = sticky(QUARTER_RE);
const WEEKDAY_Y = sticky(WEEKDAY_RE);
const TIME_Y = sticky(TIME_RE);
const RELATIVE_Y = sticky(RELATIVE_RE);

// The words a match can open with, or must go on with, as classes of one table (see text/scan.ts). Every
// pattern reads these as whole words (a space, hyphen, period or comma comes next), so most classes hold
// whole words: "for" and "through" are no spelled numbers, "Monday" is a weekday and "money" is not.
const WORDS = new WordTable();
const MONTH = WORDS.add([], [], Object.keys(MONTHS));
const WEEKDAY = WORDS.add([], [], WEEKDAY_NAMES.map((w) => w.toLowerCase()));
const EARLY_MID_LATE = WORDS.addWords(PART_WORDS.keys());
const THE = WORDS.add([], ['the']);
const OF = WORDS.add([], ['of']);
const MONTH_LEAD = WORDS.addWords(MONTH_LEADS);
const SEASON = WORDS.add([], [], Object.keys(SEASONS));
const RANGE_LEAD = WORDS.addWords(RANGE_OPENERS);
const THIS_LAST_NEXT = WORDS.addWords(SHIFT_WORDS.keys());
const PAST_LAST = WORDS.add([], [], PAST_WORDS);
const OVER_IN_DURING = WORDS.addWords(PAST_LEADS);
const TODAY = WORDS.add([], [], [...RELATIVE_DAYS.keys()]);
const EARLIER_LATER = WORDS.add([], [], RELATIVE_NUDGES);
const RELATIVE_UNIT = WORDS.add([], [], [...RELATIVE_PERIODS.keys()]);
const COUNT_UNIT = WORDS.add([], [], COUNTED_PERIODS.flatMap((p) => [p, `${p}s`]));
const SPELLED = WORDS.add([], [], SPELLED_NUMBER_WORDS);
const A_AN = WORDS.add([], ['a', 'an']);
const SCALE_NOUN = WORDS.add(SPELLED_SCALES_AFTER_A);
// "twenty-first": its letter run is "twenty", so ordinals stay prefixes (and count only with "century").
const CENTURY = WORDS.add(['century']);
const ORDINAL = WORDS.add(Object.keys(ORDINAL_WORDS));
const Q = WORDS.add([], ['q']);
const FIRST_TO_FOURTH = WORDS.addWords(QUARTER_ORDINALS);
const QUARTER = WORDS.addWords(QUARTER_WORDS);
// "the night before", "the previous day": the words after "the" of NEIGHBOUR_DAY_RE.
const NEIGHBOUR = WORDS.addWords([...NEIGHBOUR_DAYS, ...NEIGHBOUR_SHIFT_BEFORE.keys()]);
/** The first letters of the range joiners ("a" of "and", "t" of "to"): the year-range pattern is case-sensitive. */
const RANGE_JOINER_FIRST = new Set(RANGE_JOINERS.map((w) => w.charCodeAt(0)));

/**
 * Offsets where each pattern may match: a superset of the offsets a global scan would match at, told by
 * the mark there, the mark after it and a character or two (only spaces, a hyphen or a comma lie between
 * the words of a date, so the next word of "in March" or "last Saturday" is the next mark).
 */
interface Starts {
  iso: number[];
  time: number[];
  year: number[];
  yearRange: number[];
  mdy: number[];
  dmy: number[];
  my: number[];
  month: number[];
  decade: number[];
  century: number[];
  season: number[];
  quarter: number[];
  weekday: number[];
  relative: number[];
  neighbour: number[];
}


function startsOf(text: string, marks: Marks): Starts {
  const s: Starts = {
    iso: [], time: [], year: [], yearRange: [], mdy: [], dmy: [], my: [], month: [], decade: [], century: [], season: [], quarter: [], weekday: [], relative: [],
    neighbour: [],
  };
  const { pos, info } = marks;
  // A century needs the word ("the 19th century", "twentieth-century"): its candidates are kept only then.
  let century = false;
  let nextInfo = pos.length ? info[0] : 0;
  let nextBits = WORDS.classes(nextInfo);
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i];
    const inf = nextInfo;
    const bits = nextBits;
    nextInfo = i + 1 < pos.length ? info[i + 1] : 0;
    nextBits = WORDS.classes(nextInfo);
    const nextKind = kindOf(nextInfo);
    const k = kindOf(inf);
    if (k === DIGITS) {
      const len = lenOf(inf);
      const q = p + len;
      const after = text.charCodeAt(q);
      if (len === 4) {
        if (after === 45) s.iso.push(p); // "2025-09-21"
        // "the 1990s", "1980's". The "s" test comes first: it runs for every four-digit number, so the
        // optimizing compiler has seen it before the first year ending in 0 turns up.
        const sAfter = after === 39 || after === 115 || after === 83;
        if (sAfter && text.charCodeAt(p + 3) === 48) s.decade.push(p);
        const first = keyOf(inf);
        if (first === 49 || first === 50) {
          s.year.push(p); // 1000 to 2100
          // "2019-2021", "2019 to 2021": a dash, or spaces and a joining word.
          const c2 = text.charCodeAt(p + 1);
          if ((first === 49 && (c2 === 56 || c2 === 57)) || (first === 50 && c2 === 48)) {
            const j = skipSpaces(text, q);
            const c = text.charCodeAt(j);
            if (c === 45 || c === 0x2013 || c === 0x2014 || (j > q && RANGE_JOINER_FIRST.has(c))) s.yearRange.push(p);
          }
        }
      }
      if (len <= 2) {
        // "1:30 a.m.", "5 p.m.", "17:29"
        if (after === 58 || after === 46) {
          if (minutesAt(text, q + 1)) s.time.push(p);
        } else if (after === 97 || after === 65 || after === 112 || after === 80) s.time.push(p);
        else if (isSpaceCode(after)) {
          const c = text.charCodeAt(q + 1);
          if (c === 97 || c === 65 || c === 112 || c === 80) s.time.push(p);
        }
        // "20 September", "21st of September".
        if (nextKind === LETTERS && (nextBits & (MONTH | OF)) !== 0) s.dmy.push(p);
        s.century.push(p); // "the 19th century"
      }
      // "3 days ago"
      if (len <= 3 && nextKind === LETTERS && (nextBits & COUNT_UNIT) !== 0) s.relative.push(p);
      continue;
    }
    if (k === APOSTROPHE) {
      const c = text.charCodeAt(p + 1);
      if (c >= 48 && c <= 57) s.decade.push(p); // "the '80s"
      continue;
    }
    if (k !== LETTERS || bits === 0) continue;
    const cap = capOf(inf) === 1;
    if (bits & MONTH) {
      // "Sept. 21", "July 2021", "July of 2021".
      if (cap && nextKind === DIGITS) s.mdy.push(p);
      if ((nextKind === DIGITS && lenOf(nextInfo) === 4) || (nextKind === LETTERS && (nextBits & OF) !== 0)) s.my.push(p);
    }
    if (cap && bits & WEEKDAY) {
      // "Saturday, September 20", "Saturday 20 September", "Saturday".
      if (nextKind === LETTERS && capOf(nextInfo) === 1 && (nextBits & MONTH) !== 0) s.mdy.push(p);
      if (nextKind === DIGITS) s.dmy.push(p);
      s.weekday.push(p);
    } else if (bits & THIS_LAST_NEXT && nextKind === LETTERS && capOf(nextInfo) === 1 && (nextBits & WEEKDAY) !== 0) {
      s.weekday.push(p); // "last Saturday"
    }
    if (bits & THE && nextKind === LETTERS && nextBits & NEIGHBOUR) s.neighbour.push(p); // "the night before"
    if (bits & (EARLY_MID_LATE | THE)) {
      // "late July 2021", "the early 1990s", "mid-2010s", "the '80s", "the 19th century".
      if (nextKind === LETTERS && (nextBits & (EARLY_MID_LATE | MONTH)) !== 0) s.my.push(p);
      if (nextKind === DIGITS || nextKind === APOSTROPHE || (nextKind === LETTERS && (nextBits & EARLY_MID_LATE) !== 0)) s.decade.push(p);
      s.century.push(p);
    }
    if (bits & ORDINAL) s.century.push(p); // "the twentieth century"
    if (bits & CENTURY) century = true;
    if (bits & MONTH_LEAD && nextKind === LETTERS && (nextBits & MONTH) !== 0) s.month.push(p); // "in March"
    // "spring 2021", "the summer of 2019", "late spring 2020".
    if (nextKind === DIGITS ? (bits & SEASON) !== 0 : nextKind === LETTERS && (bits & SEASON ? nextBits & OF : bits & EARLY_MID_LATE && nextBits & SEASON)) s.season.push(p);
    if (bits & RANGE_LEAD && nextKind === DIGITS) s.yearRange.push(p); // "between 2019 and 2021"
    if (bits & Q || (bits & FIRST_TO_FOURTH && nextKind === LETTERS && nextBits & QUARTER)) s.quarter.push(p); // "Q3 2021"
    if (
      bits & (TODAY | SPELLED) ||
      (nextKind === LETTERS &&
        ((bits & EARLIER_LATER && nextBits & THIS_LAST_NEXT) ||
          (bits & THIS_LAST_NEXT && nextBits & RELATIVE_UNIT) ||
          (bits & THE && nextBits & PAST_LAST) ||
          // "in the past week" (not "in the week"): the word after "the" is "past" or "last".
          (bits & OVER_IN_DURING && nextBits & THE && i + 2 < pos.length && WORDS.classes(info[i + 2]) & PAST_LAST) ||
          (bits & A_AN && nextBits & SCALE_NOUN)))
    ) {
      s.relative.push(p); // "yesterday", "earlier this week", "the past month", "two years ago"
    }
  }
  if (!century) s.century.length = 0;
  return s;
}

/**
 * Each date pattern as a global regex, with the offsets of the article where `extractDates` tries it.
 * For tests: the offsets must hold every offset where a global scan of the pattern finds a match.
 */
export function dateCandidates(article: Article): { pattern: RegExp; starts: number[] }[] {
  const s = startsOf(article.reader, marksOf(article));
  return [
    { pattern: ISO_RE, starts: s.iso }, { pattern: MDY_RE, starts: s.mdy }, { pattern: DMY_RE, starts: s.dmy },
    { pattern: MY_RE, starts: s.my }, { pattern: MONTH_RE, starts: s.month }, { pattern: DECADE_RE, starts: s.decade },
    { pattern: CENTURY_RE, starts: s.century }, { pattern: YEAR_RANGE_RE, starts: s.yearRange }, { pattern: YEAR_RE, starts: s.year },
    { pattern: SEASON_RE, starts: s.season }, { pattern: QUARTER_RE, starts: s.quarter }, { pattern: WEEKDAY_RE, starts: s.weekday },
    { pattern: TIME_RE, starts: s.time }, { pattern: RELATIVE_RE, starts: s.relative }, { pattern: NEIGHBOUR_DAY_RE, starts: s.neighbour },
  ];
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** `/^[A-Z]/`: "May 5" is a date, "may 5" a verb and a number. */
const capitalized = (word: string) => word.length > 0 && word.charCodeAt(0) >= 65 && word.charCodeAt(0) <= 90;

/** Two digits at `at`, the first 0-5: the minutes after "1:" in "1:30" ("7.6m" is no time; "3.25%" passes and the regex says no). */
function minutesAt(text: string, at: number): boolean {
  if (at + 1 >= text.length) return false;
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 53 && isDigit(text.charCodeAt(at + 1));
}


/** A year of five digits or more right after a month and day: ", 99999", " 12026". */
const LONG_YEAR = /,?\s+\d{5,}(?![\p{L}\p{N}])/uy;

/** "will sail on Saturday", "is due to resume Monday": the weekday after these is in the future. */
const FUTURE_BEFORE = new RegExp(String.raw`\b(${phraseAlternation(FUTURE_MARKERS)})\b`, 'i');
/** Before a year: "in 2021", "around 2010", "mid-2010", "spring 2021", "in the year 2020". */
const YEAR_PREP = new RegExp(
  String.raw`(?:^|[^\p{L}])(${phraseAlternation([...YEAR_PREPOSITIONS, ...DATE_HEDGES, ...PART_WORDS.keys(), ...Object.keys(SEASONS)])})(?:\s+the(?:\s+year)?)?\s*-?\s*$`,
  'iu',
);
/** "the end of", "the summer of": an "of" after these makes the number after it a year. */
const OF_HEAD = new RegExp(String.raw`\b(${phraseAlternation([...OF_HEADS, ...Object.keys(SEASONS)])})\s+of\s*$`, 'i');
const APPROX_BEFORE = new RegExp(String.raw`\b(${phraseAlternation(DATE_HEDGES)})\s+$`, 'i');
const PART_BEFORE = new RegExp(String.raw`\b(?:(the)\s+)?(${PART_ALT})(?:-|\s+)$`, 'i');
/** Plural nouns that name events (EVENT_PLURALS), so "the 2026 midterm elections" still reads a year. */
const IRREGULAR_PLURALS = PLURAL_WITHOUT_S;

// A Map, not WEEKDAYS[key]: a computed key on a plain object is a slow generic look-up.
const WEEKDAY_NUMBER = new Map(Object.entries(WEEKDAYS));

/** 0 = Sunday for a weekday name as written ("Saturday" -> 6), or undefined. */
function weekdayNumber(name: string): number | undefined {
  return WEEKDAY_NUMBER.get(name.toLowerCase());
}

function hedgeOfPart(part: string | undefined): Part {
  if (!part) return undefined;
  return PART_WORDS.get(part.toLowerCase().replace(/^the\s+/, ''));
}

/** "1500 meters", "2000 people": a first word that makes the number before it an amount (lang/en/calendar.yaml). */
const UNIT_AFTER = new RegExp(`^(?:${phraseAlternation(WORDS_AFTER_AMOUNT)})$`, 'i');
/** "2021 and", "2021 the": words a year does not qualify (lang/en/calendar.yaml). */
const FUNCTION_WORD = new RegExp(`^(?:${phraseAlternation(FUNCTION_WORDS)})$`, 'i');

/**
 * Does the number ending at `end` count or measure something? "2000 people", "2000 new students",
 * "1500 meters": yes. "2021 withdrawal", "2026 midterm elections", "2021 and": no.
 */
function countsSomething(text: string, end: number, limit: number): boolean {
  // The words start after spaces: "2021," counts nothing.
  if (end >= limit || !isSpaceCode(text.charCodeAt(end))) return false;
  const tail = text.slice(end, Math.min(limit, end + 60));
  const m = /^\s+((?:[\p{L}][\p{L}'\u2019-]*\s+){0,2}[\p{L}][\p{L}'\u2019-]*)/u.exec(tail);
  if (!m) return false;
  const words = m[1].split(/\s+/);
  if (UNIT_AFTER.test(words[0])) return true;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (FUNCTION_WORD.test(lw)) return false;
    if (EVENT_PLURALS.has(lw)) return false;
    if (IRREGULAR_PLURALS.has(lw)) return true;
    if (lw.length > 3 && /s$/.test(lw) && !/(ous|ss|is|us|ics)$/.test(lw)) return true;
  }
  return false;
}

/** Is the next word one a year can qualify ("the 2020 agreement")? Not a function word or a unit. */
function qualifiesNoun(text: string, end: number, limit: number): boolean {
  const c = text.charCodeAt(end);
  if (end >= limit || !(c === 39 || c === 0x2019 || isSpaceCode(c))) return false;
  const m = /^(?:['\u2019]s)?\s+([\p{L}][\p{L}'\u2019-]*)/u.exec(text.slice(end, Math.min(limit, end + 40)));
  if (!m) return false;
  return !FUNCTION_WORD.test(m[1]) && !/^[A-Z]{2,5}$/.test(m[1]) && !countsSomething(text, end, limit);
}

/** Is the four-digit number at `[s, e)` a year here? Returns its hedge/part and the span start to use. */
function yearHere(text: string, s: number, e: number, sentenceStart: number, sentenceEnd: number): { start: number; part: Part; approx: boolean } | null {
  const before = text.slice(Math.max(sentenceStart, s - 40), s);
  if (countsSomething(text, e, sentenceEnd)) return null;
  const part = PART_BEFORE.exec(before);
  if (part) return { start: s - part[0].length, part: hedgeOfPart(part[2]), approx: false };
  const approx = APPROX_BEFORE.exec(before);
  if (approx) return { start: s - approx[0].length, part: undefined, approx: true };
  const prep = YEAR_PREP.exec(before);
  if (prep) {
    // "a total of 2000" is not a year; "the end of 2021" is, and so is "ahead of the 2026 midterm elections".
    if (prep[1].toLowerCase() !== 'of' || OF_HEAD.test(before)) return { start: s, part: undefined, approx: false };
  }
  return qualifiesNoun(text, e, sentenceEnd) ? { start: s, part: undefined, approx: false } : null;
}

function sentenceBounds(article: Article, offset: number): { start: number; end: number } {
  const ss = article.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ss[mid].start) hi = mid - 1;
    else if (offset >= ss[mid].end) lo = mid + 1;
    else return ss[mid];
  }
  return { start: Math.max(article.bodyStart, offset - 200), end: Math.min(article.reader.length, offset + 200) };
}

/**
 * The value of one day, with `relative` (how "yesterday" or "Saturday" was resolved) as its last key. Set,
 * not spread from an object of extras: a spread costs an object per call and a copy loop in optimized code.
 */
function dayValue(iso: string, relative?: DateValue['relative']): DateValue {
  const v: DateValue = { type: 'date', start: iso, end: iso, grain: 'day', weekday: weekdayOf(iso) };
  if (relative) v.relative = relative;
  return v;
}

function interval(grain: DateGrain, [start, end]: [string, string], hedge?: Hedge): DateValue {
  const v: DateValue = { type: 'date', start, end, grain };
  if (hedge) v.hedge = hedge;
  return v;
}

function describeRef(ref: string): string {
  return `article of ${WEEKDAY_NAMES[weekdayOf(ref)]} ${ref}`;
}

/** A month and day with or without a year: the reference year fills a missing year. */
function monthDay(expr: string, month: number, day: number, year: string | undefined, weekdayName: string | undefined, ref: string | undefined): DateValue | null {
  if (year) {
    const iso = isoDay(+year, month, day);
    return iso ? dayValue(iso) : null;
  }
  if (day < 1 || day > 31) return null;
  if (!ref) {
    // The month and day still say something: "July 14" agrees with "July 14, 2023" and not with "July 15".
    if (!isoDay(2000, month, day)) return null;
    const v: DateValue = { type: 'date', grain: 'day', monthDay: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, relative: { expression: expr, how: `${expr}: no year stated and no reference date; unresolved, only its month and day are compared` } };
    if (weekdayName) v.weekday = weekdayNumber(weekdayName);
    return v;
  }
  const iso = isoDay(+ref.slice(0, 4), month, day);
  if (!iso) return null;
  return dayValue(iso, { expression: expr, referenceDate: ref, how: `${expr} (${describeRef(ref)}) = ${iso}, year of the reference date` });
}

/** Every date of the article body, sorted, non-overlapping. Never throws on well-formed articles. */
export function extractDates(article: Article, unread?: Unread[]): Found[] {
  const text = article.reader;
  const from = article.bodyStart;
  const ref = article.referenceDate?.date;
  const excluded = excludedRangesOf(article);
  const found: Found[] = [];
  // The dateline that gave the reference date is the article's own date, not a claim of its text.
  const own = article.referenceDate?.span;
  const add = (f: Found | null) => {
    if (own && f && f.start === own.start && f.end === own.end) return;
    if (f && f.end > f.start && !overlapsAny(excluded, f.start, f.end)) found.push(f);
  };
  // The matches a global scan of each pattern finds, tried only where a match can begin.
  const at = (re: RegExp, starts: readonly number[], fn: (m: RegExpExecArray) => Found | null) => {
    if (starts.length) execAt(re, text, from, starts, (m) => add(fn(m)));
  };
  const starts = startsOf(text, marksOf(article));
  // "January 1, 99999": the day of a year no calendar here reads. Not the reference year's January 1:
  // left unread, and said so.
  const yearPast9999 = (start: number, end: number): boolean => {
    LONG_YEAR.lastIndex = end;
    const y = LONG_YEAR.exec(text);
    if (!y) return false;
    unread?.push({ start, end: end + y[0].length, message: 'not read: a year past 9999' });
    return true;
  };

  at(ISO_Y, starts.iso, (m) => {
    const iso = isoDay(+m[1], +m[2], +m[3]);
    if (!iso) return null;
    const v = dayValue(iso);
    if (m[4]) {
      v.time = `${m[4]}:${m[5]}`;
      v.grain = 'minute';
      if (m[6]) v.zone = m[6] === 'Z' ? 'UTC' : m[6];
    }
    return { start: m.index, end: m.index + m[0].length, value: v };
  });

  at(MDY_Y, starts.mdy, (m) => {
    const month = monthNumber(m[2]);
    // "May 5" needs a capital M: "may 5" is a verb and a number.
    if (!capitalized(m[2])) return null;
    if (!m[4] && yearPast9999(m.index, m.index + m[0].length)) return null;
    const v = monthDay(m[0], month, +m[3], m[4], m[1], ref);
    if (!v) return null;
    if (m[1] && v.weekday !== undefined && v.weekday !== weekdayNumber(m[1])) {
      v.relative = { expression: m[0], ...(ref ? { referenceDate: ref } : {}), how: `the text names ${m[1]} but ${v.start} is a ${WEEKDAY_NAMES[v.weekday]}` };
    }
    return { start: m.index, end: m.index + m[0].length, value: v };
  });

  at(DMY_Y, starts.dmy, (m) => {
    if (!capitalized(m[3])) return null;
    if (!m[4] && yearPast9999(m.index, m.index + m[0].length)) return null;
    const v = monthDay(m[0], monthNumber(m[3]), +m[2], m[4], m[1], ref);
    return v ? { start: m.index, end: m.index + m[0].length, value: v } : null;
  });

  at(MY_Y, starts.my, (m) => {
    if (!capitalized(m[2])) return null;
    const year = +m[3];
    if (year < 1000 || year > 2100) return null;
    const part = hedgeOfPart(m[1]);
    return { start: m.index, end: m.index + m[0].length, value: interval('month', monthInterval(year, monthNumber(m[2]), part), part) };
  });

  at(MONTH_Y, starts.month, (m) => {
    if (!capitalized(m[2])) return null;
    const lead = m[1].toLowerCase();
    // "of May" only after "the end of", "the month of"; "may" and "march" as verbs are lower case.
    if (lead === 'of' && !OF_HEAD.test(text.slice(Math.max(from, m.index - 20), m.index + m[1].length))) return null;
    const month = monthNumber(m[2]);
    const shift = SHIFT_WORDS.get(lead);
    const inSpan = shift !== undefined || PART_WORDS.has(lead);
    const start = inSpan ? m.index : m.index + m[0].length - m[2].length;
    const expr = text.slice(start, m.index + m[0].length);
    const part = hedgeOfPart(lead);
    if (!ref) {
      return { start, end: m.index + m[0].length, value: { type: 'date', grain: 'month', relative: { expression: expr, how: `${expr}: no year stated and no reference date; unresolved` } } };
    }
    let year = +ref.slice(0, 4);
    const refMonth = +ref.slice(5, 7);
    let rule = 'year of the reference date';
    if (shift !== undefined && shift < 0) {
      if (month >= refMonth) year--;
      rule = 'the most recent such month before the reference date';
    } else if (shift !== undefined && shift > 0) {
      if (month <= refMonth) year++;
      rule = 'the first such month after the reference date';
    }
    const v = interval('month', monthInterval(year, month, part), part);
    v.relative = { expression: expr, referenceDate: ref, how: `${expr} (${describeRef(ref)}) = ${MONTH_NAMES[month]} ${year}, ${rule}` };
    return { start, end: m.index + m[0].length, value: v };
  });

  at(DECADE_Y, starts.decade, (m) => {
    let first: number;
    if (m[3]) first = +m[3];
    else {
      // "the '80s": the twentieth century unless that is in the future of the 2000s ("'20s" -> 2020s).
      const two = +m[4];
      first = two <= 20 ? 2000 + two : 1900 + two;
      if (!m[1] && !m[2]) return null;
    }
    if (first < 1000 || first > 2100) return null;
    const part = hedgeOfPart(m[2]);
    return { start: m.index, end: m.index + m[0].length, value: interval('decade', decadeInterval(first, part), part) };
  });

  at(CENTURY_Y, starts.century, (m) => {
    const word = m[3].toLowerCase();
    const n = /^\d/.test(word) ? parseInt(word, 10) : ORDINAL_WORDS[word];
    if (!n || n > 22) return null;
    const part = hedgeOfPart(m[2]);
    return { start: m.index, end: m.index + m[0].length, value: interval('century', centuryInterval(n, part), part) };
  });

  at(YEAR_RANGE_Y, starts.yearRange, (m) => {
    const y1 = +m[2];
    let y2 = +m[4];
    if (m[4].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
    if (y2 <= y1 || y2 - y1 > 100) return null;
    const joiner = (m[3] ?? '').toLowerCase();
    // "between 2019 and 2021" (not "in 2019 and 2021": two years), "from 2019 to 2021" (not "2019 to 2021").
    if (RANGE_WORDS.and.has(joiner) && !RANGE_WORDS.between.has(m[1]?.toLowerCase() ?? '')) return null;
    if (RANGE_WORDS.to.has(joiner) && !m[1]) return null;
    const end = m.index + m[0].length;
    if (countsSomething(text, end, end + 60)) return null;
    return { start: m.index, end, value: interval('year', [yearInterval(y1)[0], yearInterval(y2)[1]]) };
  });

  at(YEAR_Y, starts.year, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const sent = sentenceBounds(article, s);
    const y = yearHere(text, s, e, sent.start, sent.end);
    if (!y) return null;
    const year = +m[1];
    return { start: y.start, end: e, value: interval('year', yearInterval(year, y.part), y.approx ? 'approx' : y.part) };
  });

  at(SEASON_Y, starts.season, (m) => {
    const year = +m[3];
    if (year < 1000 || year > 2100) return null;
    const season = m[2].toLowerCase();
    if (!(season in SEASONS)) return null;
    const part = hedgeOfPart(m[1]);
    return { start: m.index, end: m.index + m[0].length, value: interval('season', seasonInterval(year, season), part) };
  });

  at(QUARTER_Y, starts.quarter, (m) => {
    const q = m[1] ? +m[1] : ORDINAL_WORDS[m[2].toLowerCase()];
    const year = +m[3];
    const [a] = monthInterval(year, q * 3 - 2);
    const [, b] = monthInterval(year, q * 3);
    return { start: m.index, end: m.index + m[0].length, value: interval('quarter', [a, b]) };
  });

  at(WEEKDAY_Y, starts.weekday, (m) => {
    const weekday = weekdayNumber(m[2])!;
    const start = m.index;
    const end = m.index + m[0].length;
    const expr = m[0];
    const mod = m[1]?.toLowerCase();
    if (!ref) {
      return { start, end, value: { type: 'date', grain: 'day', weekday, relative: { expression: expr, how: `${expr}: no reference date; unresolved` } } };
    }
    const sent = sentenceBounds(article, start);
    const before = text.slice(Math.max(sent.start, start - 60), start);
    const shift = mod === undefined ? undefined : SHIFT_WORDS.get(mod);
    const mode = shift === undefined ? (FUTURE_BEFORE.test(before) ? 'future' : 'past') : shift < 0 ? 'last' : shift > 0 ? 'next' : 'future';
    const iso = resolveWeekday(ref, weekday, mode);
    const rule =
      mode === 'past'
        ? `the most recent ${WEEKDAY_NAMES[weekday]} on or before it`
        : mode === 'future'
          ? `the first ${WEEKDAY_NAMES[weekday]} on or after it (future tense)`
          : mode === 'last'
            ? `the ${WEEKDAY_NAMES[weekday]} before it`
            : `the ${WEEKDAY_NAMES[weekday]} after it`;
    return { start, end, value: dayValue(iso, { expression: expr, referenceDate: ref, how: `${expr} (${describeRef(ref)}) = ${iso}, ${rule}` }) };
  });

  at(TIME_Y, starts.time, (m) => {
    let hour: number;
    let minute: number;
    let zone: string | undefined;
    if (m[3]) {
      hour = +m[1];
      minute = m[2] ? +m[2] : 0;
      if (hour < 1 || hour > 12) return null;
      const pm = /^p/i.test(m[3]);
      if (pm && hour < 12) hour += 12;
      if (!pm && hour === 12) hour = 0;
      zone = m[4];
    } else if (m[5]) {
      // "8:30 in the evening" is 20:30; "11:15 at night" is 23:15, "1:15 at night" 01:15.
      hour = +m[5];
      minute = +m[6];
      const part = m[7] ?? m[8];
      if (part !== 'morning' && hour < 12 && !(part === 'night' && hour < 5)) hour += 12;
      if (part === 'morning' && hour === 12) hour = 0;
    } else {
      hour = +m[9];
      minute = +(m[10] ?? m[11]);
      zone = m[12];
      // "17:29" needs a zone, "hrs" or a two-digit hour to be a clock time rather than a score or ratio.
      if (!zone && m[9].length < 2 && !/[Hh]/.test(m[0])) return null;
    }
    const hedge = TIME_HEDGE.exec(text.slice(Math.max(0, m.index - 40), m.index));
    const start = hedge ? m.index - hedge[0].length : m.index;
    const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const expr = text.slice(start, m.index + m[0].length);
    const v: DateValue = { type: 'date', grain: m[2] || m[6] || m[10] || m[11] ? 'minute' : 'hour', time, relative: { expression: expr, how: `${expr}: a time of day with no day stated; unresolved` } };
    if (hedge) v.hedge = TIME_HEDGES.get(hedge[1].toLowerCase().replace(/\s+/g, ' '));
    if (zone) v.zone = zone.replace(/^\(|\)$/g, '');
    return { start, end: m.index + m[0].length, value: v, timeOnly: true };
  });

  at(RELATIVE_Y, starts.relative, (m) => relativeDate(m, ref));

  return withArticleZone(withDayBefore(article, merge(text, choose(found)), starts.neighbour));
}

/**
 * A page that gives its times in one zone gives them all in it: after "lifted off at 9:25 a.m. EDT", its
 * "confirmed the loss at 10:31 a.m." is EDT too. Times with no zone take the article's only zone; with two
 * zones (or only "local time") they stay as written.
 */
function withArticleZone(list: Found[]): Found[] {
  const zones = new Set(list.filter((f) => f.value.time && f.value.zone && !/^local/i.test(f.value.zone)).map((f) => f.value.zone!.toUpperCase()));
  if (zones.size !== 1 || list.some((f) => f.value.zone && /^local/i.test(f.value.zone))) return list;
  const [zone] = zones;
  return list.map((f) => {
    if (!f.value.time || f.value.zone) return f;
    const v: DateValue = { ...f.value, zone };
    // "10:31 a.m." alone is relative (no day): its note says where the zone came from.
    if (f.value.relative) v.relative = { ...f.value.relative, how: `${f.value.relative.how}; zone ${zone} from the article's other times` };
    return { ...f, value: v };
  });
}

/** "the night before", "the previous day", "the next morning": a day told from another day of its sentence. */
const NEIGHBOUR_DAY_RE = new RegExp(
  String.raw`\bthe\s+(?:(${phraseAlternation(NEIGHBOUR_DAYS)})\s+(${phraseAlternation(NEIGHBOUR_SHIFT_AFTER.keys())})|(${phraseAlternation(NEIGHBOUR_SHIFT_BEFORE.keys())})\s+(${phraseAlternation(NEIGHBOUR_DAYS)}))\b`,
  'gi',
);
const NEIGHBOUR_DAY_Y = sticky(NEIGHBOUR_DAY_RE);

/**
 * Adds the days told from another day of the same sentence: "Thursday morning, after it made landfall the
 * night before" is Wednesday (a weekday when Thursday is unresolved). With no day before it in the sentence
 * the expression is left out: "the day before" of what, the text does not say here.
 */
function withDayBefore(article: Article, list: Found[], starts: readonly number[]): Found[] {
  const text = article.reader;
  const added: Found[] = [];
  // Tried only after a "the" that a neighbour word follows (see `startsOf`).
  if (starts.length) execAt(NEIGHBOUR_DAY_Y, text, article.bodyStart, starts, (m) => {
    const at = m.index;
    // "the next morning" is read from its sentence's day, not from the article's ("next morning" alone).
    const over = list.filter((f) => f.start < at + m[0].length && at < f.end);
    if (over.some((f) => !f.value.relative || f.start < at || f.end > at + m[0].length)) return;
    const si = sentenceIndexAt(article, at);
    if (si < 0) return;
    const from = article.sentences[si].start;
    let anchor: Found | undefined;
    for (const f of list) {
      if (f.start >= from && f.end <= at && !f.timeOnly && (f.value.grain === 'day' || f.value.grain === 'minute' || f.value.grain === 'hour') && (f.value.start === f.value.end || f.value.weekday !== undefined)) anchor = f;
    }
    if (!anchor) return;
    const shift = m[2] !== undefined ? NEIGHBOUR_SHIFT_AFTER.get(m[2].toLowerCase())! : NEIGHBOUR_SHIFT_BEFORE.get(m[3].toLowerCase())!;
    const expr = m[0];
    const told = text.slice(anchor.start, anchor.end);
    let v: DateValue;
    if (anchor.value.start) {
      const iso = addDays(anchor.value.start, shift);
      v = dayValue(iso, { expression: expr, referenceDate: anchor.value.relative?.referenceDate, how: `${expr} (from ${told} in its sentence) = ${iso}` });
    } else {
      const weekday = (anchor.value.weekday! + shift + 7) % 7;
      v = { type: 'date', grain: 'day', weekday, relative: { expression: expr, how: `${expr} (from ${told} in its sentence) = a ${WEEKDAY_NAMES[weekday]}; unresolved` } };
    }
    added.push({ start: at, end: at + expr.length, value: v });
    for (const f of over) list = list.filter((g) => g !== f);
  });
  if (added.length === 0) return list;
  return [...list, ...added].sort((x, y) => x.start - y.start);
}

function sentenceIndexAt(article: Article, pos: number): number {
  const ss = article.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= pos) lo = mid + 1;
    else if (ss[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}


/** "for 20 years", "lasted six months", "over the next two weeks": words that make the count after them a length of time. */
const DURATION_BEFORE = new RegExp(String.raw`\b(${phraseAlternation(DURATION_LEADS)})\s+(?:the\s+)?(?:(?:${phraseAlternation(DURATION_PERIODS)})\s+)?$`, 'i');

function relativeDate(m: RegExpExecArray, ref: string | undefined): Found | null {
  const start = m.index;
  const end = m.index + m[0].length;
  const expr = m[0];
  const unresolved = (grain: DateGrain, how: string): Found => ({ start, end, value: { type: 'date', grain, relative: { expression: expr, how } } });
  // "four years after the withdrawal": a duration from an event; the event's date is another claim.
  if (m[7]) {
    const n = /^\d/.test(m[7]) ? +m[7] : parseSpelledNumber(m[7]);
    if (n === null || n <= 0) return null;
    const unit = m[8].toLowerCase().replace(/s$/, '');
    const rel = COUNTED_DIRECTIONS.get(m[9].toLowerCase()) ?? 'before';
    const grain: DateGrain = unit === 'decade' ? 'decade' : (unit as DateGrain);
    // "for 20 years before the withdrawal" is a duration, read by the quantity extractor.
    if (rel !== 'ago' && DURATION_BEFORE.test(m.input.slice(Math.max(0, start - 30), start))) return null;
    if (rel !== 'ago') {
      return unresolved(grain, `${expr}: ${n} ${unit}${n === 1 ? '' : 's'} ${rel} an event; the event is not dated here, so this stays unresolved`);
    }
    if (!ref) return unresolved(grain, `${expr}: no reference date; unresolved`);
    const how = (iso: string) => ({ expression: expr, referenceDate: ref, how: `${expr} (${describeRef(ref)}) = ${iso}` });
    const y = +ref.slice(0, 4);
    const mo = +ref.slice(5, 7);
    if (unit === 'day') {
      const iso = addDays(ref, -n);
      return { start, end, value: dayValue(iso, how(iso)) };
    }
    if (unit === 'week') {
      const v = interval('week', weekInterval(addDays(ref, -7 * n)));
      v.relative = how(`the week of ${v.start}`);
      return { start, end, value: v };
    }
    if (unit === 'month') {
      const total = y * 12 + (mo - 1) - n;
      const v = interval('month', monthInterval(Math.floor(total / 12), (total % 12) + 1));
      v.relative = how(`${MONTH_NAMES[(total % 12) + 1]} ${Math.floor(total / 12)}`);
      return { start, end, value: v };
    }
    const years = unit === 'decade' ? 10 * n : n;
    const v = interval('year', yearInterval(y - years));
    v.relative = how(String(y - years));
    return { start, end, value: v };
  }
  if (!ref) return unresolved('day', `${expr}: no reference date; unresolved`);
  const rel = (v: DateValue, what: string): Found => {
    v.relative = { expression: expr, referenceDate: ref, how: `${expr} (${describeRef(ref)}) = ${what}` };
    return { start, end, value: v };
  };
  const word = m[1]?.toLowerCase();
  if (word) {
    const shift = RELATIVE_DAYS.get(word) ?? 0;
    const iso = shift === 0 ? ref : addDays(ref, shift);
    return rel(dayValue(iso), iso);
  }
  const y = +ref.slice(0, 4);
  const mo = +ref.slice(5, 7);
  if (m[3]) {
    const which = m[3].toLowerCase();
    const unit = RELATIVE_PERIODS.get(m[4].toLowerCase()) ?? 'day';
    const shift = SHIFT_WORDS.get(which) ?? 0;
    if (unit === 'year') return rel(interval('year', yearInterval(y + shift)), String(y + shift));
    if (unit === 'month') {
      const total = y * 12 + (mo - 1) + shift;
      const yy = Math.floor(total / 12);
      const mm = (total % 12) + 1;
      return rel(interval('month', monthInterval(yy, mm)), `${MONTH_NAMES[mm]} ${yy}`);
    }
    if (unit === 'week') {
      const v = interval('week', weekInterval(addDays(ref, 7 * shift)));
      return rel(v, `the week of ${v.start}`);
    }
    if (unit === 'weekend') {
      // The weekend = Saturday and Sunday; "last weekend" the one on or before the reference day.
      const sat = shift > 0 ? resolveWeekday(ref, 6, 'next') : shift < 0 ? resolveWeekday(addDays(ref, -1), 6, 'past') : resolveWeekday(ref, 6, 'future');
      return rel(interval('day', [sat, addDays(sat, 1)]), `${sat} to ${addDays(sat, 1)}`);
    }
    // "last night" is the evening before the reference day; "this morning" the reference day.
    const iso = shift === 0 ? ref : addDays(ref, shift);
    return rel(dayValue(iso), iso);
  }
  if (m[6]) {
    const unit = m[6].toLowerCase();
    const back = unit === 'week' ? 7 : unit === 'month' ? 30 : 365;
    const grain: DateGrain = unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year';
    const v = interval(grain, [addDays(ref, -back), ref]);
    return rel(v, `${v.start} to ${v.end}`);
  }
  return null;
}

/** Longest candidate wins where candidates overlap; ties go to the earlier one. Result sorted by start. */
function choose(found: Found[]): Found[] {
  // Marks taken characters instead of testing each candidate against every range taken (a 4 MB article has 50k).
  return chooseLongest(found);
}

const DAY_TIME_GAP = /^(?:,?\s+at\s+|,?\s+|\s*,\s*)$/;
const TIME_DAY_GAP = /^(?:\s+on\s+|,?\s+|\s+)$/;
const RANGE_GAP = new RegExp(String.raw`^\s*(?:-|\u2013|\u2014|${phraseAlternation(RANGE_JOINERS)})\s*$`, 'i');
/** "between " or "from " just before the first date of a range. */
const RANGE_OPENER_BEFORE = new RegExp(String.raw`\b(${phraseAlternation(RANGE_OPENERS)})\s+$`, 'i');

function coarser(a: DateGrain, b: DateGrain): DateGrain {
  return GRAIN_ORDER.indexOf(a) >= GRAIN_ORDER.indexOf(b) ? a : b;
}

/**
 * Joins neighbours that make one expression: a day and its time ("20 Sep 17:29 ET", "1:30 a.m. on
 * Sunday"), and two dates of a range ("between 2019 and 2021", "from March to May").
 */
function merge(text: string, list: Found[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < list.length; i++) {
    let cur = list[i];
    const next = list[i + 1];
    if (next) {
      const gap = text.slice(cur.end, next.start);
      const curDay = !cur.timeOnly && cur.value.grain === 'day';
      const nextDay = !next.timeOnly && next.value.grain === 'day';
      if (curDay && next.timeOnly && DAY_TIME_GAP.test(gap)) {
        cur = withTime(cur, next, cur.start, next.end);
        i++;
      } else if (cur.timeOnly && nextDay && TIME_DAY_GAP.test(gap)) {
        cur = withTime(next, cur, cur.start, next.end);
        i++;
      } else if (!cur.timeOnly && !next.timeOnly && RANGE_GAP.test(gap) && cur.value.start && next.value.start) {
        const lead = RANGE_OPENER_BEFORE.exec(text.slice(Math.max(0, cur.start - 10), cur.start));
        const joiner = gap.trim().toLowerCase();
        const dash = /^[-\u2013\u2014]$/.test(joiner);
        // "between March and May", "from March to May", "from March - May"; not "between March to May".
        const opener = lead ? lead[1].toLowerCase() : '';
        const ok = lead ? RANGE_WORDS.between.has(opener) === RANGE_WORDS.and.has(joiner) || (!RANGE_WORDS.and.has(joiner) && RANGE_WORDS.from.has(opener)) : dash;
        if (ok && cur.value.start <= next.value.start! && cur.value.grain !== 'day' === (next.value.grain !== 'day')) {
          const start = lead ? cur.start - lead[0].length : cur.start;
          const v: DateValue = { type: 'date', start: cur.value.start, end: next.value.end, grain: coarser(cur.value.grain, next.value.grain) };
          const rels = [cur.value.relative, next.value.relative].filter((r) => r !== undefined);
          if (rels.length) v.relative = { expression: text.slice(start, next.end), referenceDate: rels[0]!.referenceDate, how: rels.map((r) => r!.how).join('; ') };
          cur = { start, end: next.end, value: v };
          i++;
        }
      }
    }
    out.push(cur);
  }
  return out;
}

function withTime(day: Found, time: Found, start: number, end: number): Found {
  const v: DateValue = { ...day.value, grain: time.value.grain, time: time.value.time };
  if (time.value.zone) v.zone = time.value.zone;
  return { start, end, value: v };
}


