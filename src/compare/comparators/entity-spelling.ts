import levenshtein from 'fast-levenshtein';
import type { Claim, Comparator, EntityValue, PairJudgement } from '../../types';
import { entityWords } from '../../extract/entities';

const entity = (c: Claim) => c.value as EntityValue;

/** How two names of things relate, and how sure that they name one thing. */
export interface NameMatch {
  relation: 'same' | 'joined' | 'respelled' | 'generic' | 'shorter' | 'different';
  /** For `respelled`: the two words that differ. */
  words?: [string, string];
}

const SAME: NameMatch = { relation: 'same' };
const DIFFERENT: NameMatch = { relation: 'different' };

/**
 * Edits allowed in one word of a name before it is another word: none under 5 letters ("Erie" / "Eric"),
 * one from 5, two from 9 ("Chandrapura" / "Chandrapur").
 */
function allowed(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** The letters of a word and the number that may follow them: "velmar-4" -> ["velmar", "4"]. */
function splitCode(word: string): [string, string] {
  const m = /^(.*?)[-]?(\d[\p{L}\d]*)$/u.exec(word);
  return m ? [m[1], m[2]] : [word, ''];
}

/**
 * Compares two name keys of one kind of thing:
 * - same: equal keys;
 * - joined: equal once spaces and hyphens are gone ("storm hawk" / "stormhawk");
 * - respelled: the same words but one, a letter or two apart in a word of 5 letters or more, its number
 *   (if any) the same ("velmar-4" / "velmaar-4", "indian ocean" / "india ocean"); a name of one bare word
 *   needs its number;
 * - shorter: one name is the other with words left out, none of them a word that makes another place
 *   ("ostrava junction" / "ostrava"; not "north velmar" / "velmar");
 * - different otherwise ("northfield" / "northgate": four letters apart).
 */
export function matchNames(a: string, b: string): NameMatch {
  if (a === b) return SAME;
  const ca = a.replace(/[\s-]+/g, '');
  const cb = b.replace(/[\s-]+/g, '');
  // "velmar air base" / "velmar airbase": the name is the same, only a common noun is written two ways.
  if (ca === cb) return onlyCommonDiffer(a.split(' '), b.split(' ')) ? { relation: 'generic' } : { relation: 'joined' };
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length === wb.length) {
    let diff = -1;
    for (let i = 0; i < wa.length; i++) {
      if (wa[i] === wb[i]) continue;
      if (diff >= 0) return DIFFERENT;
      diff = i;
    }
    const [la, na] = splitCode(wa[diff]);
    const [lb, nb] = splitCode(wb[diff]);
    if (na !== nb || la[0] !== lb[0] || !/^\p{L}+$/u.test(la) || !/^\p{L}+$/u.test(lb)) return DIFFERENT;
    // One bare word a letter off is too little to tell a misspelling from another name ("Velmar" /
    // "Delmar" / "Velmor"): a word of a longer name, or a word with a number, is needed.
    if (wa.length === 1 && !na) return DIFFERENT;
    const n = Math.min(la.length, lb.length);
    const edits = levenshtein.get(la, lb);
    if (edits > 0 && edits <= allowed(n)) {
      // "Velmar Airline" / "Velmar Airlines": a common noun, not the name, differs.
      if (isHead(wa[diff]) || isHead(wb[diff])) return { relation: 'generic' };
      return { relation: 'respelled', words: [wa[diff], wb[diff]] };
    }
    return DIFFERENT;
  }
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  // The short name's words in order inside the long one, the long one adding only words that name no other place.
  let k = 0;
  const added: string[] = [];
  for (const w of long) {
    if (k < short.length && w === short[k]) k++;
    else added.push(w);
  }
  const modifiers = entityWords().modifiers;
  if (k === short.length && short.join('').length >= 5 && !added.some((w) => modifiers.has(w) || /\d/.test(w))) return { relation: 'shorter' };
  return DIFFERENT;
}

/** A common noun that ends names of things: "airport", "ministry", "airbase". */
function isHead(word: string): boolean {
  const w = entityWords();
  return w.orgHeads.has(word) || w.placeHeads.has(word) || w.vehicleHeads.has(word) || w.eventHeads.has(word);
}

/** The words of a key that tell one name from another: not heads like "airport" or "ministry". */
function distinctive(key: string): string[] {
  return key.split(' ').filter((x) => x.length >= 4 && !isHead(x));
}

/**
 * Whether the words where two names differ (their common first and last words set aside) are all common
 * nouns or short words: ["air", "base"] / ["airbase"] yes, ["black", "hawk"] / ["blackhawk"] no.
 */
function onlyCommonDiffer(wa: string[], wb: string[]): boolean {
  let s = 0;
  while (s < wa.length && s < wb.length && wa[s] === wb[s]) s++;
  let ea = wa.length;
  let eb = wb.length;
  while (ea > s && eb > s && wa[ea - 1] === wb[eb - 1]) {
    ea--;
    eb--;
  }
  const mid = [...wa.slice(s, ea), ...wb.slice(s, eb)];
  return mid.length > 0 && mid.every((w) => w.length < 4 || isHead(w));
}

/**
 * Spellings of one place, organization, vehicle or event across articles: "Velmar-4" / "Velmaar-4",
 * "Storm Hawk" / "Stormhawk" are variants; "Ostrava Junction" / "Ostrava" and "Ministry of Fisheries" /
 * "Fisheries Ministry" agree (less detail, another word order); "Northfield" / "Northgate" are two places
 * and never meet. Names of two known kinds (a place, an organization) are not compared.
 */
export const entitySpelling: Comparator = {
  id: 'entity-spelling',
  kinds: ['entity'],
  findingKind: 'name',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
    },
    additionalProperties: false,
  },
  accepts: (c) => c.kind === 'entity',
  // Each distinctive word and the first four letters of the name written solid: "storm hawk" and
  // "stormhawk" meet on "stor", "indian ocean" and "india ocean" on "indi".
  blockKeys: (c) => {
    const key = entity(c).key;
    const short = entity(c).short;
    return [...distinctive(key).map((w) => `ew:${w.slice(0, 4)}`), `ec:${key.replace(/[\s-]+/g, '').slice(0, 4)}`, ...(short ? [`es:${short}`] : [])];
  },
  // A bucket of a common beginning is cut by one more letter: "ew:indi" -> "ew5:india" or "ew5:indig".
  refineKey: (key, c) => {
    const m = /^(ew|ec)(\d*):(.*)$/.exec(key);
    if (!m) return [];
    const [, kind, , prefix] = m;
    const words = kind === 'ew' ? distinctive(entity(c).key) : [entity(c).key.replace(/[\s-]+/g, '')];
    const n = prefix.length + 1;
    return [...new Set(words.filter((w) => w.startsWith(prefix) && w.length >= n).map((w) => `${kind}${n}:${w.slice(0, n)}`))];
  },
  link: (a, b) => {
    const ea = entity(a);
    const eb = entity(b);
    // A place and an organization are two things; a name of no known kind may be either.
    if (ea.entityKind !== eb.entityKind && ea.entityKind !== 'other' && eb.entityKind !== 'other') return 0;
    const m = matchNames(ea.key, eb.key);
    if (m.relation === 'different' && sameShortForm(ea, eb)) return 0.9;
    return m.relation === 'same' ? 1 : m.relation === 'joined' || m.relation === 'respelled' || m.relation === 'generic' ? 0.9 : m.relation === 'shorter' ? 0.6 : 0;
  },
  compare: (a, b) => judge(entity(a), entity(b)),
  readingKey: (c) => entity(c).key,
  display: (c) => entity(c).name,
  readingValue: (c) => ({ name: entity(c).name, key: entity(c).key, kind: entity(c).entityKind }),
  // Names are compared by themselves, wherever they stand.
  twins: 'value',
  subject: (claims) => {
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(entity(c).name, (counts.get(entity(c).name) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0]?.[0] ?? '';
  },
};

/**
 * Two names given one short form in parentheses, of the same number of words, most of them shared:
 * "Velmar Disaster Response Force (VDRF)" / "Velmar Disaster Relief Force (VDRF)" name one body.
 */
function sameShortForm(a: EntityValue, b: EntityValue): boolean {
  if (!a.short || a.short !== b.short) return false;
  const wa = a.key.split(' ');
  const wb = b.key.split(' ');
  if (wa.length !== wb.length) return false;
  const shared = wa.filter((w, i) => w === wb[i]).length;
  return shared * 2 >= wa.length && shared < wa.length;
}

function judge(a: EntityValue, b: EntityValue): PairJudgement {
  const m = matchNames(a.key, b.key);
  if (m.relation === 'different' && sameShortForm(a, b)) {
    return { relation: 'variant', reason: `"${a.name}" and "${b.name}" are two wordings of one name, both given as ${a.short}` };
  }
  switch (m.relation) {
    case 'same':
      return { relation: 'agree', reason: a.name === b.name ? `both write "${a.name}"` : `"${a.name}" and "${b.name}" are one name written another way` };
    case 'joined':
      return { relation: 'variant', reason: `"${a.name}" and "${b.name}" are one name, written apart and together` };
    case 'respelled':
      return { relation: 'variant', reason: `"${a.name}" and "${b.name}" are spellings of one name: "${m.words![0]}" / "${m.words![1]}"` };
    case 'generic':
      return { relation: 'agree', reason: `"${a.name}" and "${b.name}" are one name: only a common noun is written another way` };
    case 'shorter':
      return { relation: 'agree', reason: `"${a.name}" and "${b.name}": one gives the name in short` };
    default:
      return { relation: 'agree', reason: `"${a.name}" and "${b.name}"` };
  }
}
