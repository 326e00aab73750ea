/**
 * The shape of each file of `lang/en`, as JSON Schema: checked when the data is loaded, so a mistake in
 * a word list stops the program with the file, line and column instead of quietly matching nothing.
 */

const WORD = { type: 'string', minLength: 1, pattern: '^[^A-Z]*$' };
const WORDS = { type: 'array', uniqueItems: true, items: WORD };
const WORD_TO_WORD = { type: 'object', additionalProperties: WORD };

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
}
