import type { Hedge } from '../types';
import { lang } from './load';

/**
 * The word tables the extractors and comparators read, built once from `lang/en` when this module is
 * first imported (the data is read and checked then), so hot paths look up a Map or a Set as before.
 */

const data = lang();
const { calendar, numbers } = data;
const forms = data['word-forms'];

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Time-zone abbreviations, lower case, with the UTC offsets in minutes each can stand for: "edt" -> [-240]. */
export const TIME_ZONES: ReadonlyMap<string, readonly number[]> = new Map(
  Object.entries(calendar['time-zones']).map(([name, hours]) => [name, hours.map((h) => Math.round(h * 60))]),
);

/** Words that make a clock time the start of an event: "started", "began". */
export const START_WORDS: ReadonlySet<string> = new Set(calendar['start-words']);

/** Month names and abbreviations, lower case, without a trailing period: "sept" -> 9. */
export const MONTHS: Record<string, number> = Object.fromEntries(calendar.months.flatMap((names, i) => names.map((n) => [n, i + 1])));

/** Full month names for display, index 1..12 (index 0 is empty). */
export const MONTH_NAMES: readonly string[] = ['', ...calendar.months.map((names) => capitalized(names[0]))];

/** Weekday names (full and abbreviations), 0 = Sunday. */
export const WEEKDAYS: Record<string, number> = Object.fromEntries(calendar.weekdays.flatMap((names, i) => names.map((n) => [n, i])));

/** Full weekday names for display, 0 = Sunday. */
export const WEEKDAY_NAMES: readonly string[] = calendar.weekdays.map((names) => capitalized(names[0]));

/** Seasons as month spans: winter runs December to February of the next year. */
export const SEASONS: Record<string, { from: number; to: number }> = Object.fromEntries(
  Object.entries(calendar.seasons).map(([name, [from, to]]) => [name, { from, to }]),
);

/**
 * Regex source of a month name as written, capitalized, each month's forms longest first so the full
 * name wins: "(?:(?:January|Jan)|...|(?:September|Sept|Sep)|...)". The period of "Sept." is not in it.
 */
export const MONTH_SOURCE = `(?:${calendar.months.map((names) => `(?:${longestFirst(names).map(capitalized).join('|')})`).join('|')})`;

/** Regex source of a full month name, capitalized: "(?:January|...|December)". */
export const FULL_MONTH_SOURCE = `(?:${calendar.months.map((names) => capitalized(names[0])).join('|')})`;

/** Regex source of a month abbreviation, capitalized: "(?:Jan|...|Sept|Sep|...|Dec)" ("May" is none). */
export const MONTH_ABBREVIATION_SOURCE = `(?:${calendar.months.flatMap((names) => longestFirst(names.slice(1))).map(capitalized).join('|')})`;

/** Regex source of a full weekday name: "Saturday". Abbreviations are too ambiguous in prose ("Sat"). */
export const WEEKDAY_SOURCE = `(?:${calendar.weekdays.map((names) => capitalized(names[0])).join('|')})`;

/**
 * Month names with their abbreviations and full weekday names, lower case: "sept", "monday". Weekday
 * abbreviations are left out: "Sun" and "Sat" start names ("Sun Li").
 */
export const CALENDAR_WORDS: readonly string[] = [...Object.keys(MONTHS), ...calendar.weekdays.map((names) => names[0])];

function longestFirst(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** Spelled units and teens: "seven" -> 7. */
export const UNIT_WORDS: Record<string, number> = numbers.units;
/** Spelled tens: "forty" -> 40. */
export const TENS_WORDS: Record<string, number> = numbers.tens;
/** Scale words after a number: "1.6 million". `moneyOnly` scales ("m") only follow a currency. */
export const SCALE_WORDS: Record<string, { factor: number; moneyOnly?: boolean }> = Object.fromEntries(
  Object.entries(numbers.scales).map(([w, s]) => [w, s['money-only'] ? { factor: s.factor, moneyOnly: true } : { factor: s.factor }]),
);
/** Nouns used like numerals: "a dozen workers" -> 12. */
export const NUMBER_NOUNS: Record<string, number> = numbers['number-nouns'];
/** Ordinal words: "twenty-first" -> 21. */
export const ORDINAL_WORDS: Record<string, number> = numbers.ordinals;

/**
 * Every word that can be a number in a quote, with the plurals of scales and number nouns: "two",
 * "forty", "hundreds", "dozens", "third", "half". "m" and "bn" are left out: alone they are letters.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(numbers.units),
  ...Object.keys(numbers.tens),
  ...Object.keys(numbers.ordinals),
  ...Object.keys(numbers.fractions),
  ...[...Object.keys(numbers.scales).filter((w) => w.length > 3), ...Object.keys(numbers['number-nouns'])].flatMap((w) => [w, `${w}s`]),
]);

/** Nouns that name a counted group without a final s: "40 police", "12 staff". */
export const PLURAL_WITHOUT_S: ReadonlySet<string> = new Set(forms['plural-without-s']);
/** Words ending in s that name nothing counted: "two thirds", "three times". */
export const NOT_COUNT_NOUNS: ReadonlySet<string> = new Set(forms['not-count-nouns']);
/** Plural nouns that name events: "the 2026 midterm elections". */
export const EVENT_PLURALS: ReadonlySet<string> = new Set(forms['event-plurals']);

/** The month and weekday forms as a Set: "Sunday", "September" start no person names. */
export const CALENDAR_WORDS_SET: ReadonlySet<string> = new Set(CALENDAR_WORDS);

/** Function words: "the", "said", "according". */
export const STOPWORDS: ReadonlySet<string> = new Set(data.stopwords.stopwords);
/** Words that flip a quote's meaning: "not", "never". */
export const NEGATORS: ReadonlySet<string> = new Set(data.stopwords.negators);

/** The plain reporting verbs, form -> verb: "said" -> "say", "according" -> "according". */
export const REPORTING_WORDS: Readonly<Record<string, string>> = data['reporting-verbs'].plain;
/** The plain reporting verbs themselves: say, tell, report, according. */
export const PLAIN_REPORTING: ReadonlySet<string> = new Set(Object.values(data['reporting-verbs'].plain));

const { titles, speakers, context } = data;

/** Words that qualify a role: "Staff" in "Chief of Staff Jane Roe". */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(titles['title-modifiers']);
/** Words that join the words of one title: "Minister of the Interior". */
export const TITLE_CONNECTORS: ReadonlySet<string> = new Set(titles['title-connectors']);
/** The connectors and the further words trimmed from the ends of a title's organization part. */
export const TITLE_TRIM_WORDS: ReadonlySet<string> = new Set([...titles['title-connectors'], ...titles['title-connectors-inside']]);
/** Lower-case words that may open a title: "former", "acting". */
export const LOWER_CASE_TITLE_WORDS: ReadonlySet<string> = new Set(titles['lower-case-title-words']);
/** Words that say a title is no longer held: "former", "ex". */
export const FORMER_WORDS: ReadonlySet<string> = new Set(titles['former-words']);
/** Words that make a title a second-in-command: "deputy", "vice". */
export const DEPUTY_WORDS: ReadonlySet<string> = new Set(titles['deputy-words']);
/** Words that end a title written after a name: "Jane Roe, harbor minister, who" (lang/en/titles.yaml). */
export const APPOSITIVE_ENDERS: readonly string[] = titles['appositive-enders'];

/** Words that open a described speaker: "a", "two". */
export const SPEAKER_DETERMINERS: ReadonlySet<string> = new Set(speakers.determiners);
/** Words that rank a description without changing who it is: "senior". */
export const RANK_ADJECTIVES: ReadonlySet<string> = new Set(speakers['rank-adjectives']);
/** Words between the determiner and the head noun of a described speaker, the rank adjectives among them. */
export const SPEAKER_MODIFIERS: ReadonlySet<string> = new Set([...speakers['rank-adjectives'], ...speakers['np-modifiers']]);
/** Words between a speaker and the reporting verb: "also", "has". */
export const SPEAKER_ADVERBS: ReadonlySet<string> = new Set(speakers.adverbs);
/** Words that open a clause before the speaker: "On Monday, Roe said". */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(speakers['clause-openers']);
/** Words of a speaker description that say nothing of who it is: "official". */
export const GENERIC_SPEAKER_WORDS: ReadonlySet<string> = new Set(speakers['generic-speaker-words']);

/** Words with an event word's ending that name no event: "during", "national". */
export const EVENT_LOOKALIKES: ReadonlySet<string> = new Set(context['event-lookalikes']);
/** Capitalized words that are not names: month and weekday names, "However", "Officials". */
export const NOT_NAMES: ReadonlySet<string> = new Set([...CALENDAR_WORDS, ...context['not-names']]);

/** Particles that make one verb with the verb before them ("pulled out"). */
export const PARTICLES: ReadonlySet<string> = new Set(context['verb-particles']);

/** Words that join two clauses ("and", "but"), lang/en/context.yaml. */
export const COORDINATORS: ReadonlySet<string> = new Set(context.coordinators);

/** After a comma, words opening a subordinate clause, relative pronouns, and clause enders (lang/en/context.yaml). */
export const SUBORDINATE_OPENERS: readonly string[] = context['subordinate-openers'];
export const RELATIVE_OPENERS: ReadonlySet<string> = new Set(context['relative-openers']);
export const CLAUSE_ENDERS: ReadonlySet<string> = new Set(context['clause-enders']);

/** Words making a count an increment: "12 more dogs" (lang/en/numbers.yaml). */
export const INCREMENT_WORDS: ReadonlySet<string> = new Set(numbers['increment-words']);

/** Names of scales a number is read on: "Category 3", "magnitude 7.8" (lang/en/numbers.yaml). */
export const NAMED_SCALES: ReadonlyMap<string, { fixed: boolean }> = new Map(Object.entries(numbers['named-scales']));

/** The words of ranks, lang/en/numbers.yaml: "its third test flight", "became the fourth country to land". */
export const RANK_WORDS = {
  possessives: new Set(numbers.ranks.possessives) as ReadonlySet<string>,
  linkingVerbs: new Set(numbers.ranks['linking-verbs']) as ReadonlySet<string>,
  recordFillers: numbers.ranks['record-fillers'] as readonly string[],
  notRanked: new Set(numbers.ranks['not-ranked']) as ReadonlySet<string>,
};

/** Words that end a count phrase: "three of the", "five were". */
export const COUNT_STOPPERS: ReadonlySet<string> = new Set(numbers['count-stoppers']);

/** Verbs (lemmas) giving a running count its new figure: "the toll rose to 288" (lang/en/numbers.yaml). */
export const TOLL_VERBS: ReadonlySet<string> = new Set(numbers['toll-verbs']);

/** What happened to people, after a bare number, as written: "injured", "died" (lang/en/numbers.yaml). */
export const PEOPLE_VERBS: readonly string[] = numbers['people-verbs'];
/** Words between a bare number and its people verb: "800 have been reported injured". */
export const PEOPLE_VERB_FILLERS: readonly string[] = numbers['people-verb-fillers'];
/** Words taking a part of a counted whole: "all of its 300 workers" (lang/en/numbers.yaml). */
export const PARTITIVE_QUANTIFIERS: ReadonlySet<string> = new Set(numbers['partitive-quantifiers']);
/** The nouns of a running count ("death toll", "tally") and what "number of" may count ("injuries"). */
export const TOLL_NOUNS: readonly string[] = numbers['toll-nouns'];
export const TOLL_COUNTED: readonly string[] = numbers['toll-counted'];
/** Labels before an article's date line: "Published". */
export const DATE_LABELS: ReadonlySet<string> = new Set(calendar['date-labels']);

const { sentences } = data;

/** Abbreviations whose period ends no sentence ("dr", "u.s"), with the month and weekday abbreviations. */
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...sentences.abbreviations,
  ...calendar.months.flatMap((names) => names.slice(1)),
  ...calendar.weekdays.flatMap((names) => names.slice(1)),
]);

/** "a.m", "p.m": their period ends a sentence unless a word of WORDS_AFTER_TIME follows. */
export const TIME_ABBREVIATIONS: ReadonlySet<string> = new Set(sentences['time-abbreviations']);

/** Lower case: the words that go on after "8 p.m.": time zones, weekdays, months, "Eastern", "local". */
export const WORDS_AFTER_TIME: ReadonlySet<string> = new Set([
  ...sentences['words-after-time'],
  ...Object.keys(calendar['time-zones']),
  ...calendar.weekdays.flat(),
  ...calendar.months.flat(),
]);

/** `^(President|Army|...)\b`: a capitalized word that continues a sentence after an abbreviation. */
export const WORDS_AFTER_ABBREVIATION = new RegExp(`^(${longestFirst(sentences['words-after-abbreviation']).map(capitalized).join('|')})\\b`);

/** Words that open a sentence far more often than they follow a middle initial: "Then". */
export const MIDDLE_INITIAL_BREAKERS: ReadonlySet<string> = new Set(sentences['sentence-openers']);

// Reading dates (lang/en/calendar.yaml): the words around a date that make it one, read by src/extract/dates.ts.

/** Words naming a part of a period, with the part: "early" -> early, "mid" -> mid ("mid-2010"). */
export const PART_WORDS: ReadonlyMap<string, 'early' | 'mid' | 'late'> = new Map(Object.entries(calendar['part-words']));
/** Words counting a period from the reference date, with its shift: "last" -> -1, "this" -> 0, "next" -> 1. */
export const SHIFT_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(calendar['shift-words']));
/** Relative dates (lang/en/calendar.yaml): "yesterday" -> -1 day; "last night" -> a day; "three days ago". */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map(Object.entries(calendar['relative-days']));
export const RELATIVE_PERIODS: ReadonlyMap<string, 'day' | 'week' | 'weekend' | 'month' | 'year'> = new Map(Object.entries(calendar['relative-periods']));
export const RELATIVE_NUDGES: readonly string[] = calendar['relative-nudges'];
export const PAST_WORDS: readonly string[] = calendar['past-words'];
export const PAST_LEADS: readonly string[] = calendar['past-leads'];
export const PAST_PERIODS: readonly string[] = calendar['past-periods'];
export const COUNTED_PERIODS: readonly string[] = calendar['counted-periods'];
export const COUNTED_DIRECTIONS: ReadonlyMap<string, 'ago' | 'before' | 'after'> = new Map(Object.entries(calendar['counted-directions']));
/** Words before a bare full month that make it a date: "in", "from", "between". */
export const MONTH_PREPOSITIONS: readonly string[] = calendar['month-prepositions'];
/** Words before a four-digit number that make it a year: "in", "since", "year". */
export const YEAR_PREPOSITIONS: readonly string[] = calendar['year-prepositions'];
/** Words before "of" that make the year or month after it a date: "end", "month" ("the end of 2021"). */
export const OF_HEADS: readonly string[] = calendar['of-heads'];
/**
 * The words of a range of dates by role: `between` words take `and` words ("between 2019 and 2021"), `from`
 * words take `to` words or a dash ("from March to May").
 */
export const RANGE_WORDS: Readonly<Record<'between' | 'and' | 'from' | 'to', ReadonlySet<string>>> = {
  between: new Set(calendar['range-words'].between),
  and: new Set(calendar['range-words'].and),
  from: new Set(calendar['range-words'].from),
  to: new Set(calendar['range-words'].to),
};
/** The word for a quarter of a year: "quarter" ("the third quarter of 2021"). */
export const QUARTER_WORDS: readonly string[] = calendar['quarter-words'];
/** "the night before", "the previous day": the day words, and the words after or before them with their shift. */
export const NEIGHBOUR_DAYS: readonly string[] = calendar['neighbour-days'].days;
export const NEIGHBOUR_SHIFT_AFTER: ReadonlyMap<string, number> = new Map(Object.entries(calendar['neighbour-days']['shift-after']));
export const NEIGHBOUR_SHIFT_BEFORE: ReadonlyMap<string, number> = new Map(Object.entries(calendar['neighbour-days']['shift-before']));
/** Words before "N years after ..." that make it a length of time ("for", "lasted"), and the period words ("next"). */
export const DURATION_LEADS: readonly string[] = calendar['duration-leads'];
export const DURATION_PERIODS: readonly string[] = calendar['duration-periods'];
/** The first word after a four-digit number that makes it an amount: "meters", "people". */
export const WORDS_AFTER_AMOUNT: readonly string[] = calendar['words-after-amount'];
/** Words after a four-digit number that a year does not qualify: "and", "the". */
export const FUNCTION_WORDS: readonly string[] = calendar['function-words'];
/** Words earlier in a sentence that put a bare weekday in the future: "will", "is due". */
export const FUTURE_MARKERS: readonly string[] = calendar['future-markers'];

const { hedges } = data;

/** Hedges before a year or a date: "around", "c.". */
export const DATE_HEDGES: readonly string[] = hedges['date-hedges'];
/** Hedges before a clock time, phrase (one space between words) -> hedge: "shortly before" -> nearly. */
export const TIME_HEDGES: ReadonlyMap<string, Hedge> = new Map(
  (Object.entries(hedges['time-hedges']) as [Hedge, string[]][]).flatMap(([hedge, phrases]) => phrases.map((p) => [p, hedge] as const)),
);

/** Scale words in a spelled number, after "a" ("a hundred") and between number words ("two hundred"). */
export const SPELLED_SCALES_AFTER_A: readonly string[] = numbers['spelled-scales']['after-a'];
export const SPELLED_SCALES_INSIDE: readonly string[] = numbers['spelled-scales'].inside;
/** Words that count one of a unit: "a", "an", "one" ("a decade"). */
export const ONE_WORDS: readonly string[] = numbers['one-words'];
/** Words that join two amounts by themselves: "to", "or" ("two or three boats"). */
export const AMOUNT_RANGE_JOINERS: ReadonlySet<string> = new Set(numbers['range-joiners']);
/** Vague counts before "of", phrase -> [low, high]: "hundreds" -> [200, 999]. */
export const VAGUE_COUNTS: ReadonlyMap<string, readonly [number, number]> = new Map(Object.entries(numbers['vague-counts']));

/** Duration units read with no numeral ("a decade") and in "-long" compounds ("weeks-long"): names in units.yaml. */
export const ONE_UNIT_NAMES: readonly string[] = data.units['one-unit-names'];
export const LONG_COMPOUND_UNITS: readonly string[] = data.units['long-compound-units'];
