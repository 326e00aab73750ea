import type { Hedge, QuantityDimension } from '../types';

/**
 * The shape of each file of `lang/en`, as JSON Schema: checked when the data is loaded, so a mistake in
 * a word list stops the program with the file, line and column instead of quietly matching nothing.
 */

const WORD = { type: 'string', minLength: 1, pattern: '^[^A-Z]*$' };
const WORDS = { type: 'array', uniqueItems: true, items: WORD };
const WORD_TO_WORD = { type: 'object', additionalProperties: WORD };
const WORD_TO_INT = { type: 'object', additionalProperties: { type: 'integer' } };
const WORD_TO_NUMBER = { type: 'object', additionalProperties: { type: 'number' } };
/** A full name first, then its abbreviations: [september, sept, sep]. */
const NAME_FORMS = { type: 'array', items: { ...WORDS, minItems: 1 } };
const MONTH = { type: 'integer', minimum: 1, maximum: 12 };
/** Sets of phrases meaning the same, the first the form used as a key: [[united states, us, u.s.]]. */
const SETS = { type: 'array', items: { type: 'array', minItems: 2, items: WORD } };
/** Named word lists: `{ suffixes: [inc, ltd] }`. */
const LISTS = { type: 'object', additionalProperties: WORDS };
const DIMENSIONS = ['length', 'area', 'volume', 'mass', 'speed', 'temperature', 'percent', 'duration'];
/** The lists of `clause-words` in attributes.yaml: words known by their part in a clause. */
export const CLAUSE_WORD_KEYS = ['phrase-skips', 'clause-openers', 'prepositions-before-article', 'auxiliaries', 'attaching', 'not-events', 'earlier'] as const;
/** The words of `label-words` in labels.yaml: the parts a report's labels are built of. */
export const LABEL_WORD_KEYS = ['time-of', 'date-of', 'planned', 'number-of', 'who-said', 'spelling-of', 'title-of', 'said', 'years-old', 'morning', 'afternoon', 'week-of'] as const;
const HEDGES = ['approx', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most', 'up-to'];
/** Words that move a period by whole steps: `{last: -1, next: 1}`. */
const WORD_TO_SHIFT = { type: 'object', additionalProperties: { type: 'integer', minimum: -1, maximum: 1 } };
/** A range of counts: [low, high]. */
const COUNT_RANGE = { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: 0 } };

function file(entries: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['description', ...Object.keys(entries)],
    properties: { description: { type: 'string', minLength: 1 }, ...entries },
  };
}

export const LANG_SCHEMAS = {
  'word-forms': file({
    'irregular-plurals': WORD_TO_WORD,
    'plural-without-s': WORDS,
    'not-count-nouns': WORDS,
    'event-plurals': WORDS,
    'matching-lemmas': WORD_TO_WORD,
  }),
  calendar: file({
    months: { ...NAME_FORMS, minItems: 12, maxItems: 12 },
    weekdays: { ...NAME_FORMS, minItems: 7, maxItems: 7 },
    seasons: { type: 'object', additionalProperties: { type: 'array', items: MONTH, minItems: 2, maxItems: 2 } },
    'date-labels': WORDS,
    'start-words': WORDS,
    'part-words': { type: 'object', additionalProperties: { enum: ['early', 'mid', 'late'] } },
    'shift-words': WORD_TO_SHIFT,
    'relative-days': WORD_TO_INT,
    'relative-periods': { type: 'object', additionalProperties: { enum: ['day', 'week', 'weekend', 'month', 'year'] } },
    'relative-nudges': WORDS,
    'past-words': WORDS,
    'past-leads': WORDS,
    'past-periods': WORDS,
    'counted-periods': WORDS,
    'counted-directions': { type: 'object', additionalProperties: { enum: ['ago', 'before', 'after'] } },
    'month-prepositions': WORDS,
    'year-prepositions': WORDS,
    'of-heads': WORDS,
    'range-words': { type: 'object', additionalProperties: false, required: ['between', 'and', 'from', 'to'], properties: { between: WORDS, and: WORDS, from: WORDS, to: WORDS } },
    'quarter-words': WORDS,
    'neighbour-days': {
      type: 'object',
      additionalProperties: false,
      required: ['days', 'shift-after', 'shift-before'],
      properties: { days: WORDS, 'shift-after': WORD_TO_SHIFT, 'shift-before': WORD_TO_SHIFT },
    },
    'duration-leads': WORDS,
    'duration-periods': WORDS,
    'words-after-amount': WORDS,
    'function-words': WORDS,
    'future-markers': WORDS,
    'time-zones': { type: 'object', additionalProperties: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'number', minimum: -12, maximum: 14 } } },
  }),
  numbers: file({
    units: WORD_TO_INT,
    tens: WORD_TO_INT,
    scales: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['factor'],
        properties: { factor: { type: 'number', exclusiveMinimum: 0 }, 'money-only': { type: 'boolean' } },
      },
    },
    'number-nouns': WORD_TO_INT,
    ordinals: WORD_TO_INT,
    fractions: WORD_TO_NUMBER,
    'count-stoppers': WORDS,
    'toll-verbs': WORDS,
    'people-verbs': WORDS,
    'toll-nouns': WORDS,
    'toll-counted': WORDS,
    'people-verb-fillers': WORDS,
    'partitive-quantifiers': WORDS,
    'spelled-scales': { type: 'object', additionalProperties: false, required: ['after-a', 'inside'], properties: { 'after-a': WORDS, inside: WORDS } },
    'one-words': WORDS,
    'range-joiners': WORDS,
    'vague-counts': { type: 'object', additionalProperties: COUNT_RANGE },
    'increment-words': WORDS,
    'named-scales': {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: false, required: ['fixed'], properties: { fixed: { type: 'boolean' } } },
    },
    ranks: {
      type: 'object',
      additionalProperties: false,
      required: ['possessives', 'linking-verbs', 'record-fillers', 'not-ranked'],
      properties: { possessives: WORDS, 'linking-verbs': WORDS, 'record-fillers': WORDS, 'not-ranked': WORDS },
    },
  }),
  people: file({
    honorifics: WORDS,
    'role-words': WORDS,
    'multiword-roles': WORDS,
    'org-words': WORDS,
    'name-particles': WORDS,
    'person-nouns': WORDS,
    'org-heads': WORDS,
    'sentence-starters': WORDS,
    pronouns: { type: 'object', additionalProperties: { enum: ['person', 'group'] } },
  }),
  'reporting-verbs': file({ verbs: WORDS, plain: WORD_TO_WORD }),
  stopwords: file({ stopwords: WORDS, negators: WORDS }),
  units: file({
    units: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'dimension', 'canonical', 'factor', 'names'],
        properties: {
          id: { type: 'string', minLength: 1 },
          dimension: { enum: DIMENSIONS },
          canonical: { type: 'string', minLength: 1 },
          factor: { type: 'number', exclusiveMinimum: 0 },
          offset: { type: 'number' },
          names: { ...WORDS, minItems: 1 },
          symbols: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
        },
      },
    },
    currencies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'prefixes', 'names'],
        properties: {
          code: { type: 'string', pattern: '^[A-Z]{3}$' },
          prefixes: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
          names: { ...WORDS, minItems: 1 },
        },
      },
    },
    'one-unit-names': WORDS,
    'long-compound-units': WORDS,
  }),
  hedges: file({
    'quantity-hedges': {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['hedge', 'low', 'high', 'phrases'],
        properties: { hedge: { enum: HEDGES }, low: { type: 'number', minimum: 0 }, high: { type: 'number', minimum: 0 }, phrases: { ...WORDS, minItems: 1 } },
      },
    },
    'shown-as': { type: 'object', additionalProperties: false, required: HEDGES, properties: Object.fromEntries(HEDGES.map((h) => [h, WORD])) },
    'date-hedges': WORDS,
    'time-hedges': { type: 'object', additionalProperties: false, properties: Object.fromEntries(HEDGES.map((h) => [h, WORDS])) },
  }),
  titles: file({
    'title-modifiers': WORDS,
    'title-connectors': WORDS,
    'title-connectors-inside': WORDS,
    'lower-case-title-words': WORDS,
    'former-words': WORDS,
    'deputy-words': WORDS,
    'appositive-enders': WORDS,
  }),
  speakers: file({
    determiners: WORDS,
    'rank-adjectives': WORDS,
    'np-modifiers': WORDS,
    adverbs: WORDS,
    'clause-openers': WORDS,
    'generic-speaker-words': WORDS,
  }),
  context: file({
    'event-lookalikes': WORDS,
    'not-names': WORDS,
    'verb-particles': WORDS,
    coordinators: WORDS,
    'subordinate-openers': WORDS,
    'relative-openers': WORDS,
    'clause-enders': WORDS,
  }),
  sentences: file({ abbreviations: WORDS, 'time-abbreviations': WORDS, 'words-after-time': WORDS, 'words-after-abbreviation': WORDS, 'sentence-openers': WORDS }),
  demonyms: file({ sets: SETS }),
  'name-abbreviations': file({ sets: SETS }),
  'title-abbreviations': file({ sets: SETS }),
  'org-words': file({ lists: LISTS }),
  'relation-cues': file({ lists: LISTS }),
  'title-status': file({ lists: LISTS }),
  attributes: file({
    attributes: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          { ...WORDS, minItems: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['cues'],
            properties: {
              cues: { ...WORDS, minItems: 1 },
              dimensions: { type: 'array', minItems: 1, items: { enum: [...DIMENSIONS, 'money', 'count'] } },
            },
          },
        ],
      },
    },
    'generic-counted': WORDS,
    'place-prepositions': WORDS,
    'planned-cues': WORDS,
    'not-cues': WORDS,
    'one-time-events': WORDS,
    'clause-words': {
      type: 'object',
      additionalProperties: false,
      required: [...CLAUSE_WORD_KEYS],
      properties: Object.fromEntries(CLAUSE_WORD_KEYS.map((k) => [k, WORDS])),
    },
  }),
  labels: file({
    'quantity-labels': WORD_TO_WORD,
    'quantity-nouns': WORD_TO_WORD,
    'shown-scales': WORDS,
    'death-toll-nouns': WORDS,
    'people-labels': WORD_TO_WORD,
    'dimension-nouns': WORD_TO_WORD,
    'date-events': WORD_TO_WORD,
    'event-nouns': WORD_TO_WORD,
    'label-words': {
      type: 'object',
      additionalProperties: false,
      required: [...LABEL_WORD_KEYS],
      properties: Object.fromEntries(LABEL_WORD_KEYS.map((k) => [k, WORD])),
    },
    'relation-labels': WORD_TO_WORD,
  }),
} as const;

/**
 * Files read only by reports (how a fact is named), never by extraction: left out of the language
 * fingerprint, so rewording a label leaves every claims file current.
 */
export const REPORT_ONLY_FILES: readonly LangFile[] = ['labels'];

export type LangFile = keyof typeof LANG_SCHEMAS;

/** The data of every file, as validated. */
export interface LangData {
  'word-forms': {
    'irregular-plurals': Record<string, string>;
    'plural-without-s': string[];
    'not-count-nouns': string[];
    'event-plurals': string[];
    'matching-lemmas': Record<string, string>;
  };
  calendar: {
    months: string[][];
    weekdays: string[][];
    seasons: Record<string, [number, number]>;
    'date-labels': string[];
    'time-zones': Record<string, number[]>;
    'start-words': string[];
    'part-words': Record<string, 'early' | 'mid' | 'late'>;
    'shift-words': Record<string, number>;
    'relative-days': Record<string, number>;
    'relative-periods': Record<string, 'day' | 'week' | 'weekend' | 'month' | 'year'>;
    'relative-nudges': string[];
    'past-words': string[];
    'past-leads': string[];
    'past-periods': string[];
    'counted-periods': string[];
    'counted-directions': Record<string, 'ago' | 'before' | 'after'>;
    'month-prepositions': string[];
    'year-prepositions': string[];
    'of-heads': string[];
    'range-words': Record<'between' | 'and' | 'from' | 'to', string[]>;
    'quarter-words': string[];
    'neighbour-days': { days: string[]; 'shift-after': Record<string, number>; 'shift-before': Record<string, number> };
    'duration-leads': string[];
    'duration-periods': string[];
    'words-after-amount': string[];
    'function-words': string[];
    'future-markers': string[];
  };
  numbers: {
    units: Record<string, number>;
    tens: Record<string, number>;
    scales: Record<string, { factor: number; 'money-only'?: boolean }>;
    'number-nouns': Record<string, number>;
    ordinals: Record<string, number>;
    fractions: Record<string, number>;
    'count-stoppers': string[];
    'toll-verbs': string[];
    'people-verbs': string[];
    'toll-nouns': string[];
    'toll-counted': string[];
    'people-verb-fillers': string[];
    'partitive-quantifiers': string[];
    'spelled-scales': { 'after-a': string[]; inside: string[] };
    'one-words': string[];
    'range-joiners': string[];
    'vague-counts': Record<string, [number, number]>;
    'increment-words': string[];
    'named-scales': Record<string, { fixed: boolean }>;
    ranks: { possessives: string[]; 'linking-verbs': string[]; 'record-fillers': string[]; 'not-ranked': string[] };
  };
  people: {
    honorifics: string[];
    'role-words': string[];
    'multiword-roles': string[];
    'org-words': string[];
    'name-particles': string[];
    'person-nouns': string[];
    'org-heads': string[];
    'sentence-starters': string[];
    pronouns: Record<string, 'person' | 'group'>;
  };
  'reporting-verbs': { verbs: string[]; plain: Record<string, string> };
  stopwords: { stopwords: string[]; negators: string[] };
  units: { units: UnitDef[]; currencies: CurrencyDef[]; 'one-unit-names': string[]; 'long-compound-units': string[] };
  hedges: {
    'quantity-hedges': { hedge: Hedge; low: number; high: number; phrases: string[] }[];
    'shown-as': Record<string, string>;
    'date-hedges': string[];
    'time-hedges': Partial<Record<Hedge, string[]>>;
  };
  titles: Record<'title-modifiers' | 'title-connectors' | 'title-connectors-inside' | 'lower-case-title-words' | 'former-words' | 'deputy-words' | 'appositive-enders', string[]>;
  speakers: Record<'determiners' | 'rank-adjectives' | 'np-modifiers' | 'adverbs' | 'clause-openers' | 'generic-speaker-words', string[]>;
  context: Record<'event-lookalikes' | 'not-names' | 'verb-particles' | 'coordinators' | 'subordinate-openers' | 'relative-openers' | 'clause-enders', string[]>;
  sentences: Record<'abbreviations' | 'time-abbreviations' | 'words-after-time' | 'words-after-abbreviation' | 'sentence-openers', string[]>;
  demonyms: { sets: string[][] };
  'name-abbreviations': { sets: string[][] };
  'title-abbreviations': { sets: string[][] };
  'org-words': { lists: Record<string, string[]> };
  'relation-cues': { lists: Record<string, string[]> };
  'title-status': { lists: Record<string, string[]> };
  labels: {
    'quantity-labels': Record<string, string>;
    'quantity-nouns': Record<string, string>;
    'shown-scales': string[];
    'death-toll-nouns': string[];
    'people-labels': Record<string, string>;
    'dimension-nouns': Record<string, string>;
    'date-events': Record<string, string>;
    'event-nouns': Record<string, string>;
    'label-words': Record<(typeof LABEL_WORD_KEYS)[number], string>;
    'relation-labels': Record<string, string>;
  };
  attributes: {
    attributes: Record<string, string[] | { cues: string[]; dimensions?: QuantityDimension[] }>;
    'generic-counted': string[];
    'place-prepositions': string[];
    'planned-cues': string[];
    'not-cues': string[];
    'one-time-events': string[];
    'clause-words': Record<(typeof CLAUSE_WORD_KEYS)[number], string[]>;
  };
}

/** One unit: how it is written and how to reach the canonical unit of its dimension. */
export interface UnitDef {
  /** Short name shown in `stated` ("km", "mi"). */
  id: string;
  dimension: QuantityDimension;
  /** Canonical unit of the dimension ("m", "kg", ...): canonical = value * factor + offset. */
  canonical: string;
  factor: number;
  offset?: number;
  /** Words after the number, matched case-insensitively, longest first ("square kilometers", "km"). */
  names: string[];
  /** Symbols matched case-sensitively ("km", "°F", "mph"): short forms that would be words otherwise. */
  symbols?: string[];
}

/** A currency: symbols before the number, codes and names around it. */
export interface CurrencyDef {
  code: string;
  /** Written before the number: "$5", "US$5", "€3bn". Case-sensitive. */
  prefixes: string[];
  /** Written after the number: "5 dollars", "200 pounds sterling", "5 USD". Case-insensitive. */
  names: string[];
}
