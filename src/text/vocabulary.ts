import { createHash } from 'node:crypto';
import type { Vocabulary } from '../types';

/** A vocabulary with nothing in it: what extractors and comparators see when no data rule is loaded. */
export function emptyVocabulary(): Vocabulary {
  return {
    paraphrases: [],
    spellings: new Map(),
    aliases: new Map(),
    predicates: new Map(),
    reportingVerbs: new Set(),
  };
}

/**
 * A data rule kind: rule files that `extends` it carry word lists, merged into the shared vocabulary.
 * "not possible" = "impossible" is `paraphrase` data; "defence" -> "defense" is `spelling` data.
 */
export interface VocabularyKind {
  id: string;
  description: string;
  paramsSchema: Record<string, unknown>;
  merge(vocabulary: Vocabulary, params: Record<string, unknown>, ruleId: string): void;
}

const phraseSets = {
  type: 'object',
  additionalProperties: false,
  required: ['sets'],
  properties: {
    sets: {
      type: 'array',
      minItems: 1,
      items: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    },
  },
};

const clean = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");

/** A kind whose words join the weak predicates: reporting verbs, aspect verbs. */
function weakWords(id: string, description: string): VocabularyKind {
  return {
    id,
    description,
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['words'],
      properties: { words: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } } },
    },
    merge(v, params) {
      for (const w of params.words as string[]) v.reportingVerbs.add(clean(w));
    },
  };
}

export const VOCABULARY_KINDS: VocabularyKind[] = [
  {
    id: 'paraphrase',
    description: 'Sets of English phrases that mean the same ("not possible", "impossible").',
    paramsSchema: phraseSets,
    merge(v, params, rule) {
      for (const set of params.sets as string[][]) v.paraphrases.push({ phrases: set.map(clean), rule });
    },
  },
  {
    id: 'spelling',
    description: 'Spelling variants; the first word of each set is the preferred spelling ("defense", "defence").',
    paramsSchema: phraseSets,
    merge(v, params, rule) {
      for (const set of params.sets as string[][]) {
        const [preferred, ...rest] = set.map(clean);
        for (const variant of rest) v.spellings.set(variant, { preferred, rule });
      }
    },
  },
  {
    id: 'alias',
    description: 'Names for one thing; the first of each set is the canonical name ("united states", "us", "u.s.", "america").',
    paramsSchema: phraseSets,
    merge(v, params, rule) {
      for (const set of params.sets as string[][]) {
        const keys = set.map((s) => clean(s).replace(/\./g, ''));
        const [canonical] = keys;
        for (const alias of keys) v.aliases.set(alias, { canonical, rule });
      }
    },
  },
  {
    id: 'predicate-synonyms',
    description: 'Verbs and event nouns that name one event; all map to the first ("build", "built", "constructed").',
    paramsSchema: phraseSets,
    merge(v, params) {
      for (const set of params.sets as string[][]) {
        const [canonical, ...rest] = set.map(clean);
        v.predicates.set(canonical, canonical);
        for (const word of rest) v.predicates.set(word, canonical);
      }
    },
  },
  weakWords('reporting-verbs', 'Verbs that report speech ("say", "tell", "state"); a shared reporting verb alone does not make two dates one fact.'),
  weakWords('weak-predicates', 'Verbs that say little about which event is meant ("begin", "start", "continue"); like reporting verbs they are weak evidence that two dates are one fact.'),
];

/** Spellings known without any rule file (a bare `emptyVocabulary()`, as in a library call with no rules). */
// A Map: "constructor" or "__proto__" is no key of it, as it would be of a plain object.
const BUILTIN_SPELLINGS = new Map<string, string>(Object.entries({
  defence: 'defense', offence: 'offense', criticise: 'criticize', criticised: 'criticized', organisation: 'organization',
  programme: 'program', airbase: 'air base',
}));

function preferredOf(word: string, vocabulary: Vocabulary): string | undefined {
  return vocabulary.spellings.get(word)?.preferred ?? BUILTIN_SPELLINGS.get(word);
}

/**
 * The spelling a word is compared as, from the spelling rules (the first of each set) and a few built-in
 * ones, also for inflected forms the rules do not list: "neighbours" -> "neighbors", "favoured" ->
 * "favored", "organising" -> "organizing". Undefined when the word has no other spelling.
 */
export function preferredSpelling(word: string, vocabulary: Vocabulary): string | undefined {
  const direct = preferredOf(word, vocabulary);
  if (direct) return direct;
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers']) {
    if (word.length < suffix.length + 4 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    const p = preferredOf(stem, vocabulary);
    if (p && !p.includes(' ')) return p + suffix;
    // "organising" = "organise" + "ing": the e the suffix dropped.
    const pe = suffix === 'ing' || suffix === 'ed' || suffix === 'er' || suffix === 'ers' ? preferredOf(`${stem}e`, vocabulary) : undefined;
    if (pe && !pe.includes(' ') && pe.endsWith('e')) return pe.slice(0, -1) + suffix;
  }
  return undefined;
}

/**
 * A short hash of everything in a vocabulary, in a fixed order: what claims made with it depend on
 * (extractors read its aliases, spellings and reporting verbs; contexts its predicates).
 */
export function vocabularyFingerprint(v: Vocabulary): string {
  const sorted = <T>(xs: Iterable<[string, T]>) => [...xs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const state = {
    paraphrases: v.paraphrases.map((p) => p.phrases),
    spellings: sorted(v.spellings).map(([k, s]) => [k, s.preferred]),
    aliases: sorted(v.aliases).map(([k, a]) => [k, a.canonical]),
    predicates: sorted(v.predicates),
    reportingVerbs: [...v.reportingVerbs].sort(),
  };
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16);
}
