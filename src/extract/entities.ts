import type { Article, Claim, EntityClaim, EntityKind, EntityValue, Extractor } from '../types';
import { claimAt } from './claim';
import { headlineRanges } from './people';
import { wordTokens, type WordTok } from './people/runs';
import { CALENDAR_WORDS, HONORIFICS, ROLE_WORDS, SENTENCE_STARTERS } from './people/lexicon';
import { nameKey } from './people/names';
import { inSortedRanges } from '../text/lookup';
import { lowerCaseWords, startsUpper, type LowerCaseWords } from '../text/tokens';
import { wordAfterSpaces } from '../text/scan';
import { listSet, setsMap } from '../lang/lists';

/** The word lists of lang/en/org-words.yaml and name-abbreviations.yaml, read once. */
interface EntityWords {
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  placePrefixes: Set<string>;
  vehicleHeads: Set<string>;
  eventHeads: Set<string>;
  eventPrefixes: Set<string>;
  modifiers: Set<string>;
  openers: Set<string>;
  thingNouns: Set<string>;
  abbreviations: Map<string, string>;
  /** Words peeled off the front of a run: openers, sentence starters, calendar words, honorifics, roles. */
  peeled: Set<string>;
}

let WORDS: EntityWords | undefined;
export function entityWords(): EntityWords {
  if (!WORDS) {
    const l = (name: string) => listSet('org-words', name);
    const openers = l('openers');
    WORDS = {
      orgHeads: l('organization-heads'),
      placeHeads: l('place-heads'),
      placePrefixes: l('place-prefixes'),
      vehicleHeads: l('vehicle-heads'),
      eventHeads: l('event-heads'),
      eventPrefixes: l('event-prefixes'),
      modifiers: l('modifiers'),
      openers,
      thingNouns: l('thing-nouns'),
      abbreviations: setsMap('name-abbreviations'),
      peeled: new Set([...openers, ...SENTENCE_STARTERS, ...CALENDAR_WORDS, ...HONORIFICS, ...ROLE_WORDS]),
    };
  }
  return WORDS;
}

// "Velmar-4", "Chandra-2B": a capitalized word joined by a hyphen to a number or code, one name by itself.
const CODED = /^\p{Lu}[\p{L}]+(?:-[\p{L}\d]+)*-\d[\p{L}\d]*$/u;
// Words inside a name that are not capitalized: "Ministry of Fisheries", "Bank for Settlements".
const INNER = listSet('org-words', 'inner-words');

/**
 * Finds names of places, organizations, vehicles and events: runs of capitalized words that are not a
 * person's name ("Port Velmar Airport", "Ministry of Fisheries", "Storm Hawk"), one-word names with a
 * number ("Velmar-4"), and one word before a noun for a thing ("a Stormhawk helicopter"). One claim per name and article, at its first mention: the name's spelling is what
 * is compared, and a second mention of the same spelling adds nothing.
 */
export const entityExtractor: Extractor = {
  id: 'entities',
  kinds: ['entity'],
  extract(article, ctx, earlier) {
    try {
      return findEntities(article, earlier);
    } catch {
      return [];
    }
  },
};

interface Mention {
  start: number;
  end: number;
  /** The lower-case noun for a thing right after the name ("helicopter" in "a Storm Hawk helicopter"), or "". */
  noun: string;
  /** The name opens its sentence. */
  initial: boolean;
}

function findEntities(article: Article, earlier: readonly Claim[]): Claim[] {
  const text = article.reader;
  const toks = wordTokens(article);
  const heads = headlineRanges(article);
  // People's spans in order, looked up by binary search: a word is inside a name when it starts inside one.
  const people = earlier.filter((c) => c.kind === 'person').map((c) => [c.span.start, c.span.end] as [number, number]);
  people.sort((a, b) => a[0] - b[0]);
  const inPerson = (t: WordTok) => inSortedRanges(people, t.start);
  // Words the article also writes in lower case: read only for a run of more than one word.
  let lowerSet: LowerCaseWords | undefined;
  const lowerSeen = (): LowerCaseWords => (lowerSet ??= lowerCaseWords(article));
  const claims: EntityClaim[] = [];
  const seen = new Set<string>();
  // A name written again ("the Port Velmar Authority ... the Port Velmar Authority") is valued once: the
  // second value would only meet its key in `seen`.
  const values = new Map<string, EntityValue | null>();
  for (const m of mentions(text, toks, inPerson, lowerSeen)) {
    if (inSortedRanges(heads, m.start) || isKicker(text, m)) continue;
    const name = text.slice(m.start, m.end);
    const asked = m.noun ? `${name}\n${m.noun}` : name;
    let value = values.get(asked);
    if (value === undefined) values.set(asked, (value = entityValue(name, m.noun)));
    // "Mara Quell flew home": a sentence-initial run with nothing to say it names a thing may be a person
    // the people extractor found too little evidence for.
    if (!value || seen.has(value.key) || (m.initial && value.entityKind === 'other' && !m.noun)) continue;
    // "the Port Velmar Authority (PVA)": the short form the article gives the name.
    const short = /^\s*\((\p{Lu}[\p{Lu}&]{1,7})\)/u.exec(text.slice(m.end, m.end + 14));
    if (short) value.short = short[1];
    seen.add(value.key);
    claims.push(claimAt(article, 'entities', m.start, m.end, value));
  }
  return claims;
}

/** Capitalized runs that may be names, with the words that open sentences or titles peeled off. */
function mentions(text: string, toks: readonly WordTok[], inPerson: (t: WordTok) => boolean, lowerSeen: () => LowerCaseWords): Mention[] {
  const w = entityWords();
  const out: Mention[] = [];
  let run: WordTok[] = [];
  let joinedOf = false;
  const flush = () => {
    const last = run[run.length - 1];
    // "Harl said": one capitalized word that is no coded name ("Velmar-4") names a thing only before a noun
    // for one, and only off a sentence's start ("a Stormhawk helicopter"); most runs are such a word.
    if (run.length === 1 && (last.initial || last.text.length < 4) && !CODED.test(last.text)) {
      run = [];
      joinedOf = false;
      return;
    }
    // "a Stormhawk helicopter": one capitalized word is a name when a noun for a thing follows it.
    const next = last && !last.possessive ? wordAfterSpaces(text, last.end) : '';
    const noun = next !== '' && w.thingNouns.has(next) ? next : '';
    const m = trimRun(run, w, lowerSeen, noun);
    if (m) out.push(m);
    run = [];
    joinedOf = false;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // CODED opens with a capital: most words are told by their first letter.
    const nameish = (t.cap || (startsUpper(t.text) && CODED.test(t.text))) && !inPerson(t);
    if (!nameish) {
      // "Ministry of Fisheries": a lower-case connector between two capitalized words stays in the name.
      const next = toks[i + 1];
      if (run.length && INNER.has(t.text) && next && next.cap && spaced(text, run[run.length - 1], t) && spaced(text, t, next)) {
        run.push(t);
        joinedOf = true;
        continue;
      }
      if (run.length && t.text === 'and' && joinedOf && next && next.cap && spaced(text, run[run.length - 1], t) && spaced(text, t, next)) {
        run.push(t);
        continue;
      }
      if (run.length) flush();
      continue;
    }
    if (run.length) {
      const prev = run[run.length - 1];
      const gap = text.slice(prev.end, t.start);
      // "Dunmore & Keswick Fires": "&" joins two parts of one name.
      if (!(gap === ' ' || gap === ' & ') || prev.possessive || t.initial) flush();
    }
    run.push(t);
    if (t.possessive) flush();
  }
  if (run.length) flush();
  return out;
}

/** "Velmar-4 Launch: The probe ...": a label before a colon that opens its line, not running text. */
function isKicker(text: string, m: Mention): boolean {
  if (text.charCodeAt(m.end) !== 58) return false;
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  return text.slice(lineStart, m.start).trim() === '';
}

const spaced = (text: string, a: WordTok, b: WordTok) => b.start === a.end + 1 && text.charCodeAt(a.end) === 32;

/** The name inside one run, or null: openers and sentence-initial common words dropped from the front. */
function trimRun(run: WordTok[], w: EntityWords, lowerSeen: () => LowerCaseWords, noun: string): Mention | null {
  let s = 0;
  let e = run.length;
  while (s < e) {
    const t = run[s];
    const l = t.lower;
    // "The Velmar Board", "However Port Velmar", "Captain", "Minister": not part of the name that follows.
    if (w.peeled.has(l)) s++;
    else if (t.initial && lowerSeen().has(l) && !w.placePrefixes.has(l) && !w.eventPrefixes.has(l)) s++;
    // "Shares of Tarrow Corp": a sentence's first word before "of" is the name only when it heads one
    // ("Ministry of Fisheries", "Bank of Velmar", "Lake of Dunmore").
    else if (t.initial && s + 2 < e && INNER.has(run[s + 1].text) && !w.orgHeads.has(l) && !w.placeHeads.has(l) && !w.placePrefixes.has(l)) s += 2;
    else break;
  }
  // Connectors, days and initials at the end: "Harrow A" -> "Harrow".
  while (e > s && (INNER.has(run[e - 1].text) || run[e - 1].text === 'and' || CALENDAR_WORDS.has(run[e - 1].lower) || run[e - 1].text.length === 1)) e--;
  const words = run.slice(s, e);
  if (!words.length || words.length > 7) return null;
  // "Harbor Chief", "Port Velmar Mayor Jo Brandt": a title is no name of a thing. A role word after "of"
  // is part of a name ("Department of Justice").
  for (let i = 0; i < words.length; i++) {
    const l = words[i].lower;
    if ((ROLE_WORDS.has(l) || HONORIFICS.has(l)) && !(i > 0 && INNER.has(words[i - 1].text))) return null;
  }
  if (words.length === 1 && !CODED.test(words[0].text) && !(noun && !words[0].initial && words[0].text.length >= 4)) return null;
  // Every word a role or common word ("Chief Executive", "Rescue Teams"): no name.
  if (words.every((t) => ROLE_WORDS.has(t.lower) || INNER.has(t.text) || lowerSeen().has(t.lower))) return null;
  return { start: words[0].start, end: words[words.length - 1].end, noun, initial: words[0].initial };
}

/**
 * The kind a name's words tell: "Port Velmar Airport" -> place, "Northwind Airlines" -> organization; a noun
 * for a vehicle after it says vehicle ("a Storm Hawk helicopter").
 */
export function entityKindOf(words: readonly string[], noun = ''): EntityKind {
  const w = entityWords();
  if (noun && w.vehicleHeads.has(noun)) return 'vehicle';
  const lower = words.map((x) => x.toLowerCase().replace(/\.$/, '')).map((x) => w.abbreviations.get(x) ?? x);
  const last = lower[lower.length - 1];
  const first = lower[0];
  if (w.eventPrefixes.has(first) || w.eventHeads.has(last)) return 'event';
  if (w.vehicleHeads.has(last) || CODED.test(words[words.length - 1])) return 'vehicle';
  if (w.orgHeads.has(last) || lower.some((x) => x === 'ministry' || x === 'department' || x === 'bank')) return 'organization';
  if (w.placeHeads.has(last) || w.placePrefixes.has(first)) return 'place';
  return 'other';
}

/**
 * "Ministry of Fisheries" -> key "fisheries ministry"; "Velmar Corp." -> "velmar corporation"; with the
 * vocabulary's spellings, "Ministry of Defence" -> "defense ministry".
 */
export function entityKey(words: readonly string[]): string {
  const w = entityWords();
  let ws = words
    .map((x) => nameKey(x.replace(/['\u2019]s$/, '')))
    .map((x) => w.abbreviations.get(x) ?? x)
    .filter((x) => x && x !== 'the');
  // "ministry of fisheries" reads as "fisheries ministry", "velmar department of fisheries" as "velmar
  // fisheries department": an organization head before "of" goes after the words of its field.
  const of = ws.indexOf('of');
  if (of >= 1 && w.orgHeads.has(ws[of - 1]) && ws.length > of + 1) ws = [...ws.slice(0, of - 1), ...ws.slice(of + 1), ws[of - 1]];
  return ws.join(' ');
}

function entityValue(name: string, noun: string): EntityValue | null {
  // Split on spaces, so that "&" stays a word of the key ("and").
  const words = name.split(/\s+/);
  const key = entityKey(words);
  if (!key) return null;
  return { type: 'entity', name, key, entityKind: entityKindOf(words, noun) };
}
