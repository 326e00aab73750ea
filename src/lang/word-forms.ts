import { memoByString } from '../util/memo';
import { dropPossessive, lowerPlain } from '../text/tokens';
import { lang } from './load';

/**
 * Word forms from a lexical resource: wink-lemmatizer (WordNet 3's morphology and exception lists) picks
 * a base form only when WordNet knows it as a word of that part of speech, and wink-lexicon's tagged word
 * list says which part of speech a form most often is. So "stated" (most often a verb) -> "state" while
 * "station" stays "station"; "evening" (most often a noun) stays "evening" while "dying" -> "die".
 */

interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

let lemmatizer: Lemmatizer | undefined;
let tagsOf: Record<string, readonly string[] | undefined> | undefined;
let wordnetWords: Record<string, number | undefined> | undefined;

// Loaded on first use: the lexicon is a few megabytes of JavaScript (about 0.3 s to parse), and many runs
// (a `--help`, a rules check) never ask for a word form.
function library(): Lemmatizer {
  if (lemmatizer === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lemmatizer = require('wink-lemmatizer') as Lemmatizer;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tagsOf = require('wink-lexicon/src/lexicon.js') as Record<string, readonly string[] | undefined>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    wordnetWords = require('wink-lexicon/src/wn-words.js') as Record<string, number | undefined>;
  }
  return lemmatizer;
}

let matching: ReadonlyMap<string, string> | undefined;
let plurals: ReadonlyMap<string, string> | undefined;

function matchingLemmas(): ReadonlyMap<string, string> {
  if (matching === undefined) matching = new Map(Object.entries(lang()['word-forms']['matching-lemmas']));
  return matching;
}

function irregularPlurals(): ReadonlyMap<string, string> {
  if (plurals === undefined) plurals = new Map(Object.entries(lang()['word-forms']['irregular-plurals']));
  return plurals;
}

/**
 * The dictionary form of a word for matching: "withdrew" -> "withdraw", "stated" -> "state", "buses" ->
 * "bus", "criteria" -> "criterion", "Velmar's" -> "velmar". A few nouns are sent to the verb of the same
 * event (`matching-lemmas` in lang/en/word-forms.yaml: "withdrawal" -> "withdraw") so the two meet.
 */
// Memoized: comparison asks for the same few thousand words millions of times.
export const lemma: (word: string) => string = memoByString((word) => computeLemma(word), 100000);

function computeLemma(word: string): string {
  const w = dropPossessive(lowerPlain(word));
  const known = matchingLemmas().get(w) ?? irregularPlurals().get(w);
  if (known !== undefined) return known;
  // A hyphenated compound the dictionary does not hold reads as its head, the last part: "soft-landed"
  // -> "land", "re-elected" -> "elect" (a part of letters only; "velmar-4" stays).
  const dash = w.lastIndexOf('-');
  if (dash >= 2 && dash < w.length - 3 && !inDictionary(w) && /^[a-z]+$/.test(w.slice(dash + 1))) return computeLemma(w.slice(dash + 1));
  return baseForm(w);
}

/** Whether the dictionary holds the word itself ("well-known" is a WordNet word; "soft-landed" is not). */
function inDictionary(w: string): boolean {
  library();
  return wordnetWords![w] !== undefined || (tagsOf !== undefined && Object.prototype.hasOwnProperty.call(tagsOf, w));
}

/** The base form of a lower-case word, by the part of speech it most often has. */
export function baseForm(w: string): string {
  // "__proto__" would read the objects' prototype out of the library's word tables.
  if (w.indexOf('_') >= 0) return w;
  const lib = library();
  const tags = Object.prototype.hasOwnProperty.call(tagsOf, w) ? tagsOf![w] : undefined;
  if (tags !== undefined && tags.length > 0) {
    const tag = tags[0];
    if (tag.startsWith('VB')) return lib.verb(w);
    if (tag === 'NN' || tag === 'NNS') return lib.noun(w);
    if (tag === 'JJR' || tag === 'JJS') return lib.adjective(w);
    return w;
  }
  // A word the tagged list does not hold: the first part of speech whose rules reach a WordNet word.
  const noun = lib.noun(w);
  if (noun !== w) return noun;
  const verb = lib.verb(w);
  if (verb !== w) return verb;
  const adjective = lib.adjective(w);
  if (adjective !== w) return adjective;
  return regularPlural(w) ?? w;
}

/**
 * The singular of a lower-case English plural noun, for the counted noun of a count: "workers" ->
 * "worker", "casualties" -> "casualty", "buses" -> "bus", "churches" -> "church", "people" -> "person".
 */
// Memoized: a corpus counts the same few nouns again and again.
export const singularNoun: (word: string) => string = memoByString((word) => computeSingular(word), 10000);

function computeSingular(word: string): string {
  const w = word.toLowerCase();
  const irregular = irregularPlurals().get(w);
  if (irregular !== undefined) return irregular;
  const noun = library().noun(w);
  if (noun !== w) return noun;
  return regularPlural(w) ?? w;
}

/**
 * For a word WordNet does not hold at all ("drones" is there, "humvees" is not): the singular by the
 * regular English plural, "humvees" -> "humvee". A word WordNet knows is left as the library gave it
 * ("news", "status", "series").
 */
function regularPlural(w: string): string | undefined {
  if (wordnetWords![w] !== undefined) return undefined;
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115) return undefined;
  if (/(ss|us|is)$/.test(w)) return undefined;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zzes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}
