import { memoByString } from '../util/memo';

/** Irregular English plurals, plural -> singular: "people" -> "person". */
export const IRREGULAR_SINGULARS: Record<string, string> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', thieves: 'thief',
  police: 'police', personnel: 'personnel', staff: 'staff', cattle: 'cattle', sheep: 'sheep', fish: 'fish',
  aircraft: 'aircraft', deer: 'deer', series: 'series', species: 'species', crises: 'crisis', analyses: 'analysis',
};

/**
 * The singular of a lower-case English plural noun, for the counted noun of a count:
 * "workers" -> "worker", "casualties" -> "casualty", "buses" -> "bus", "churches" -> "church".
 */
// Memoized: a corpus counts the same few nouns again and again.
export const singularNoun: (word: string) => string = memoByString((word) => computeSingular(word), 10000);

function computeSingular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_SINGULARS[w]) return IRREGULAR_SINGULARS[w];
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zzes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
