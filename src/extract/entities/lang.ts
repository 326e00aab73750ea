import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { LANG_DIR } from '../../lang/load';


const ajv = new Ajv({ allErrors: true });
const cache = new Map<string, unknown>();

/**
 * One YAML word list of `lang/en`, checked against `schema` and read once per process:
 * `langFile('demonyms', schema)` reads `lang/en/demonyms.yaml`. A file that is missing or does not fit
 * its schema is a packaging error, thrown with the file name and the schema's complaint.
 */
export function langFile<T>(name: string, schema: Record<string, unknown>): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const file = resolve(LANG_DIR, `${name}.yaml`);
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const validate = ajv.compile(schema);
  if (!validate(data)) {
    throw new Error(`${file}: ${ajv.errorsText(validate.errors, { dataVar: name })}`);
  }
  cache.set(name, data);
  return data as T;
}

/** Schema of a file that is a list of sets of phrases meaning the same: `sets: [[ceo, chief executive officer]]`. */
export const SETS_SCHEMA = {
  type: 'object',
  required: ['sets'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    sets: { type: 'array', items: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 } } },
  },
};

/** Schema of a file of named word lists: `lists: { suffixes: [inc, ltd] }`. */
export const LISTS_SCHEMA = {
  type: 'object',
  required: ['lists'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    lists: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
};

/** Every phrase of `sets` (lower case) mapped to the first of its set. */
export function setsToMap(sets: readonly string[][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const set of sets) {
    const first = set[0].toLowerCase();
    for (const w of set) map.set(w.toLowerCase(), first);
  }
  return map;
}

/** The named list `name` of a LISTS_SCHEMA file as a lower-case set. */
export function listSet(file: string, name: string): Set<string> {
  const data = langFile<{ lists: Record<string, string[]> }>(file, LISTS_SCHEMA);
  return new Set((data.lists[name] ?? []).map((w) => w.toLowerCase()));
}

let countries: ReadonlySet<string> | undefined;

/** Every country name and demonym of lang/en/demonyms.yaml, lower case: "ruritania", "ruritanian". */
export function countryWords(): ReadonlySet<string> {
  if (!countries) countries = new Set(langFile<{ sets: string[][] }>('demonyms', SETS_SCHEMA).sets.flat());
  return countries;
}
