import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import type { QuantityDimension } from '../types';
import { Failure } from '../util/problem';
import { LANG_DIR } from './load';

/** One attribute of `lang/en/attributes.yaml`: its key, the cues that name it, the amounts it applies to. */
export interface AttributeDef {
  key: string;
  /** Each cue as lemmas: "lose life" -> ['lose', 'life']. */
  cues: string[][];
  /** Only amounts of these dimensions state it; absent: any claim. */
  dimensions?: QuantityDimension[];
}

export interface AttributeData {
  attributes: AttributeDef[];
  /** Counted nouns that name no fact without a cue ("people"), singular. */
  genericCounted: Set<string>;
  /** Words that make a following place name a qualifier of the fact ("in", "near"). */
  placePrepositions: Set<string>;
  /** Cues (as words) that make a clause speak of a plan: "scheduled", "set to". */
  plannedCues: string[][];
  /** Words never read as cues, though a cue's forms make them ("building"). */
  notCues: Set<string>;
  /** Words known by their part in a clause (`clause-words`): phrase skips, clause openers, auxiliaries, ... */
  clauseWords: ClauseWords;
}

export interface ClauseWords {
  phraseSkips: Set<string>;
  clauseOpeners: Set<string>;
  auxiliaries: Set<string>;
  attaching: Set<string>;
  notEvents: Set<string>;
  earlier: Set<string>;
}

const CLAUSE_KEYS = ['phrase-skips', 'clause-openers', 'auxiliaries', 'attaching', 'not-events', 'earlier'] as const;
const WORD_LIST = { type: 'array', items: { type: 'string', minLength: 1 } };

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['attributes', 'generic-counted', 'place-prepositions', 'planned-cues', 'not-cues', 'clause-words'],
  properties: {
    attributes: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          {
            type: 'object',
            additionalProperties: false,
            required: ['cues'],
            properties: {
              cues: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              dimensions: { type: 'array', minItems: 1, items: { enum: ['length', 'area', 'volume', 'mass', 'speed', 'temperature', 'money', 'percent', 'duration', 'count'] } },
            },
          },
        ],
      },
    },
    'generic-counted': { type: 'array', items: { type: 'string', minLength: 1 } },
    'place-prepositions': { type: 'array', items: { type: 'string', minLength: 1 } },
    'planned-cues': { type: 'array', items: { type: 'string', minLength: 1 } },
    'not-cues': { type: 'array', items: { type: 'string', minLength: 1 } },
    'clause-words': {
      type: 'object',
      additionalProperties: false,
      required: [...CLAUSE_KEYS],
      properties: Object.fromEntries(CLAUSE_KEYS.map((k) => [k, WORD_LIST])),
    },
  },
};


type RawEntry = string[] | { cues: string[]; dimensions?: QuantityDimension[] };

/** Parses and validates the attribute data; `file` names it in messages. */
export function parseAttributeData(text: string, file: string): AttributeData {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new Failure(`${file}: ${(e as Error).message}`);
  }
  const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
  if (!validate(raw)) {
    const first = validate.errors?.[0];
    throw new Failure(`${file}: ${first?.instancePath || '/'} ${first?.message ?? 'is not valid'}`);
  }
  const data = raw as {
    attributes: Record<string, RawEntry>;
    'generic-counted': string[];
    'place-prepositions': string[];
    'planned-cues': string[];
    'not-cues': string[];
    'clause-words': Record<(typeof CLAUSE_KEYS)[number], string[]>;
  };
  const words = (k: (typeof CLAUSE_KEYS)[number]) => new Set(data['clause-words'][k].map((w) => w.toLowerCase()));
  const attributes: AttributeDef[] = [];
  for (const key of Object.keys(data.attributes).sort()) {
    const entry = data.attributes[key];
    const list = Array.isArray(entry) ? entry : entry.cues;
    const def: AttributeDef = { key, cues: list.map((c) => c.toLowerCase().split(/\s+/)) };
    if (!Array.isArray(entry) && entry.dimensions) def.dimensions = entry.dimensions;
    attributes.push(def);
  }
  return {
    attributes,
    genericCounted: new Set(data['generic-counted'].map((w) => w.toLowerCase())),
    placePrepositions: new Set(data['place-prepositions'].map((w) => w.toLowerCase())),
    plannedCues: data['planned-cues'].map((c) => c.toLowerCase().split(/\s+/)),
    notCues: new Set(data['not-cues'].map((w) => w.toLowerCase())),
    clauseWords: {
      phraseSkips: words('phrase-skips'),
      clauseOpeners: words('clause-openers'),
      auxiliaries: words('auxiliaries'),
      attaching: words('attaching'),
      notEvents: words('not-events'),
      earlier: words('earlier'),
    },
  };
}

let loaded: AttributeData | undefined;

/** `lang/en/attributes.yaml`, read and validated once. */
export function attributeData(): AttributeData {
  if (!loaded) {
    const file = join(LANG_DIR, 'attributes.yaml');
    loaded = parseAttributeData(readFileSync(file, 'utf8'), file);
  }
  return loaded;
}
