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
} as const;

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
  };
  numbers: {
    units: Record<string, number>;
    tens: Record<string, number>;
    scales: Record<string, { factor: number; 'money-only'?: boolean }>;
    'number-nouns': Record<string, number>;
    ordinals: Record<string, number>;
    fractions: Record<string, number>;
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
}
