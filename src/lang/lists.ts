import { lang } from './load';

/** The files of `lang/en` that are sets of phrases meaning the same: `sets: [[ceo, chief executive officer]]`. */
export type SetsFile = 'demonyms' | 'name-abbreviations' | 'title-abbreviations';
/** The files of `lang/en` that are named word lists: `lists: { suffixes: [inc, ltd] }`. */
export type ListsFile = 'org-words' | 'relation-cues' | 'title-status';

/** Every phrase of the sets of `file` (lower case) mapped to the first of its set: "u.s." -> "united states". */
export function setsMap(file: SetsFile): Map<string, string> {
  const map = new Map<string, string>();
  for (const set of lang()[file].sets) {
    const first = set[0].toLowerCase();
    for (const w of set) map.set(w.toLowerCase(), first);
  }
  return map;
}

/** The named list `name` of a lists file as a lower-case set: `listSet('org-words', 'place-heads')`. */
export function listSet(file: ListsFile, name: string): Set<string> {
  return new Set((lang()[file].lists[name] ?? []).map((w) => w.toLowerCase()));
}

let countries: ReadonlySet<string> | undefined;

/** Every country name and demonym of lang/en/demonyms.yaml, lower case: "ruritania", "ruritanian". */
export function countryWords(): ReadonlySet<string> {
  if (!countries) countries = new Set(lang().demonyms.sets.flat());
  return countries;
}
