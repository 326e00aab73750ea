import Ajv from 'ajv';
import { parse } from 'yaml';
import type { QuantityDimension } from '../types';
import { Failure } from '../util/problem';
import { lang } from './load';
import { CLAUSE_WORD_KEYS, LANG_SCHEMAS, type LangData } from './schema';

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
  /** Attributes naming one event with one day ("landfall"), not a count ("killed"). */
  oneTimeEvents: Set<string>;
  /** Words known by their part in a clause (`clause-words`): phrase skips, clause openers, auxiliaries, ... */
  clauseWords: ClauseWords;
}

export interface ClauseWords {
  phraseSkips: Set<string>;
  clauseOpeners: Set<string>;
  prepositionsBeforeArticle: Set<string>;
  auxiliaries: Set<string>;
  attaching: Set<string>;
  notEvents: Set<string>;
  earlier: Set<string>;
}

/**
 * Parses and validates attribute data written as `lang/en/attributes.yaml` is (the test tables write their
 * own); `file` names it in messages.
 */
export function parseAttributeData(text: string, file: string): AttributeData {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new Failure(`${file}: ${(e as Error).message}`);
  }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(LANG_SCHEMAS.attributes);
  if (!validate(raw)) {
    const first = validate.errors?.[0];
    throw new Failure(`${file}: ${first?.instancePath || '/'} ${first?.message ?? 'is not valid'}`);
  }
  return attributeDataOf(raw as LangData['attributes']);
}

/** The attribute tables of validated data: cues split into lemmas, word lists as sets. */
function attributeDataOf(data: LangData['attributes']): AttributeData {
  const words = (k: (typeof CLAUSE_WORD_KEYS)[number]) => new Set(data['clause-words'][k].map((w) => w.toLowerCase()));
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
    oneTimeEvents: new Set(data['one-time-events']),
    clauseWords: {
      phraseSkips: words('phrase-skips'),
      clauseOpeners: words('clause-openers'),
      prepositionsBeforeArticle: words('prepositions-before-article'),
      auxiliaries: words('auxiliaries'),
      attaching: words('attaching'),
      notEvents: words('not-events'),
      earlier: words('earlier'),
    },
  };
}

let loaded: AttributeData | undefined;

/** `lang/en/attributes.yaml`, as read and checked with the rest of the language data, made into tables once. */
export function attributeData(): AttributeData {
  loaded ??= attributeDataOf(lang().attributes);
  return loaded;
}
