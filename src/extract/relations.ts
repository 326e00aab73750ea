import { phraseAlternation } from '../text/pattern';
import type { Article, Claim, ClaimSubject, Extractor, RelationClaim, RelationValue } from '../types';
import { claimAt } from './claim';
import { headlineRanges } from './people';
import { entityKey, entityWords } from './entities';
import { listSet, setsMap } from '../lang/lists';
import { inSortedRanges } from '../text/lookup';
import { SubstringSet } from '../text/substrings';
import { CALENDAR_WORDS } from './people/lexicon';

/** The relation cue words of lang/en/relation-cues.yaml and the countries of lang/en/demonyms.yaml, read once. */
interface Cues {
  /** Subject noun (lower case) -> the kind of thing it names: "jet" -> "aircraft", "tanker" -> "ship". */
  nouns: Map<string, string>;
  nounPattern: string;
  operatorHeads: Set<string>;
  operatedBy: string;
  flagSuffixes: string;
  flagPhrases: string;
  ownedBy: string;
  parentPhrases: string;
  routePattern: string;
  moreThanOne: string;
  mixedNouns: Set<string>;
  /** Plain lower-case words whose presence lets a sentence hold a subject noun, an owner or a flag cue. */
  nounSet: SubstringSet;
  ownerSet: SubstringSet;
  flagSet: SubstringSet;
  /** `nounSet` and `ownerSet` together: a sentence without one of their words states no relation. */
  cueWords: SubstringSet;
  /**
   * Words one of which a match of a pattern must hold, as written (the patterns are case-sensitive): a
   * sentence without any is not searched. "-operated" or "Flight" for "a Northwind Air-operated jet" and
   * "Northwind Air Flight 212"; a word of each owner or parent phrase ("subsidiary" of "a subsidiary of").
   */
  operatorLiterals: string[];
  ownedByLiterals: string[];
  parentLiterals: string[];
  possessiveOwnerLiterals: string[];
  operatorSuffixes: string;
  /** Country or demonym (lower case) -> country. */
  countries: Map<string, string>;
}

const SUBJECT_KINDS = ['aircraft', 'helicopter', 'ship', 'train'];

let CUES: Cues | undefined;
function cues(): Cues {
  if (!CUES) {
    const l = (name: string) => listSet('relation-cues', name);
    const nouns = new Map<string, string>();
    for (const kind of SUBJECT_KINDS) for (const n of l(`${kind}-nouns`)) nouns.set(n, kind);
    const alt = phraseAlternation;
    const nounWords = [...new Set([...nouns.keys()].map((n) => n.split(' ').pop()!))];
    const ownerWords = [...l('owned-by'), ...l('parent-phrases'), ...l('owner-words')];
    const parentLiterals = [...l('parent-phrases')].map(longestWord);
    CUES = {
      nouns,
      nounPattern: alt(nouns.keys()),
      operatorHeads: l('operator-heads'),
      operatedBy: alt(l('operated-by')),
      flagSuffixes: alt(l('flag-suffixes')),
      flagPhrases: alt(l('flag-phrases')),
      ownedBy: alt(l('owned-by')),
      parentPhrases: alt(l('parent-phrases')),
      routePattern: alt(l('route-nouns')),
      moreThanOne: alt(l('more-than-one')),
      mixedNouns: l('mixed-nouns'),
      nounSet: new SubstringSet(nounWords),
      ownerSet: new SubstringSet(ownerWords),
      cueWords: new SubstringSet([...nounWords, ...ownerWords]),
      operatorLiterals: [...[...l('operator-suffixes')].map((s) => `-${s.split(' ')[0]}`), 'Flight'],
      ownedByLiterals: [...l('owned-by')].map(longestWord),
      parentLiterals,
      possessiveOwnerLiterals: [...parentLiterals, 'subsidiary', 'unit'],
      flagSet: new SubstringSet([...l('flag-suffixes'), ...l('flag-words')]),
      operatorSuffixes: alt(l('operator-suffixes')),
      countries: setsMap('demonyms'),
    };
  }
  return CUES;
}

const rx = (source: string, flags: string): RegExp => new RegExp(source, flags);

/** The longest word of a phrase, which a match of it holds as written: "a subsidiary of" -> "subsidiary". */
const longestWord = (phrase: string): string => phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');

const holdsAny = (sentence: string, literals: readonly string[]): boolean => literals.some((l) => sentence.includes(l));

// The patterns of this extractor, each built from the cue lists and compiled once.
const PATTERNS: ((c: Cues) => RegExp)[] = [
  (c: Cues) => rx(`\\b(${c.nounPattern})\\b`, 'giu'),
  (c: Cues) => rx(`(${NAME})(['’]s)?\\s+(?:[a-z\\d-]+\\s+)?$`, 'u'),
  (c: Cues) => rx(`\\b(${c.nounPattern})\\b`, 'gu'),
  (c: Cues) => rx(`(${NAME})-(?:${c.operatorSuffixes})\\s+(?:[a-z\\d-]+\\s+)?(${c.nounPattern})\\b|(${NAME})\\s+Flight\\s+\\d+`, 'gu'),
  (c: Cues) => rx(`\\b(?:${c.operatedBy})\\s+(?:the\\s+)?(${NAME})`, 'gu'),
  (c: Cues) => rx(`(${NAME})-(?:${c.flagSuffixes})\\b`, 'gu'),
  (c: Cues) => rx(`\\b(?:(?:${c.flagPhrases})\\s+(${NAME})\\s+flag|registered\\s+in\\s+(${NAME}))`, 'gu'),
  (c: Cues) => rx(`\\bfrom\\s+(${NAME})\\s+to\\s+(${NAME})`, 'gu'),
  (c: Cues) => rx(`\\b(\\p{Lu}\\p{L}+)-(\\p{Lu}\\p{L}+)\\s+(${c.routePattern})\\b`, 'gu'),
  (c: Cues) => rx(`(${NAME}),?\\s+(?:which\\s+is\\s+|is\\s+)?(?:${c.ownedBy})\\s+(?:the\\s+)?(${NAME})`, 'gu'),
  (c: Cues) => rx(`(${NAME}),?\\s+(?:the\\s+|its\\s+)?(?:${c.parentPhrases})\\s+of\\s+(?:the\\s+)?(${NAME})`, 'gu'),
  (c: Cues) => rx(`(${NAME})['’]s\\s+(?:(${c.parentPhrases})|subsidiary|unit),?\\s+(?:the\\s+)?(${NAME})`, 'gu'),
  (c: Cues) => rx(`\\b(?:${c.moreThanOne})\\s+(?:[a-z-]+\\s+)?(${c.nounPattern})(?:e?s)?\\b`, 'giu'),
  (c: Cues) => rx(`^\\s+(?:[\\p{L}-]+\\s+){0,2}?(${c.nounPattern})\\b`, 'iu'),
];
const BUILT: RegExp[] = [];
PATTERNS.push((c: Cues) => rx(`\\b(${c.nounPattern}),?\\s+(?:which\\s+is\\s+)?(?:${c.ownedBy})\\s+(?:the\\s+)?(${NAME})`, 'gu'));
function pattern(i: number): RegExp {
  const re = (BUILT[i] ??= PATTERNS[i](cues()));
  re.lastIndex = 0;
  return re;
}

// A capitalized name: "Northwind Air", "Port of Dunmore", "Velmar & Sons" (one to six words).
const NAME = String.raw`\p{Lu}[\p{L}\d'’.-]*(?:\s+(?:of\s+|&\s+|and\s+)?\p{Lu}[\p{L}\d'’.-]*){0,5}`;

interface Found {
  start: number;
  end: number;
  subject: ClaimSubject;
  attribute: string;
  value: RelationValue;
}

/**
 * Finds relations between named things, each as subject, attribute and a named value:
 * - operator: "a Northwind Air flight", "the jet, operated by Northwind Air", "Northwind Air's jet";
 * - flag: "a Liberia-flagged tanker", "the tanker, flying the Liberian flag", "a Liberian-registered ship";
 * - route-origin and route-destination: "the plane, flying from Dunmore to Keswick", "the Dunmore-Keswick ferry";
 * - owner: "Velmar Bank, owned by Tarrow Group", "Tarrow Group, the parent company of Velmar Bank".
 * The subject of a vehicle's relation is the kind of vehicle ("the aircraft", "the ship"): in one story
 * there is mostly one of each, and the comparator abstains where an article names two values.
 * Words are data (lang/en/relation-cues.yaml, demonyms.yaml).
 */
export const relationExtractor: Extractor = {
  id: 'relations',
  kinds: ['relation'],
  extract(article, ctx) {
    try {
      return findRelations(article);
    } catch {
      return [];
    }
  },
};

function findRelations(article: Article): Claim[] {
  const text = article.reader;
  const heads = headlineRanges(article);
  const found: Found[] = [];
  // A sentence with neither a subject noun nor an owner word states no relation (see relationsIn): most
  // sentences, told in one pass over their characters.
  const cueWords = cues().cueWords;
  for (const s of article.sentences) {
    if (!cueWords.inLowerCase(text, s.start, s.end) || inSortedRanges(heads, s.start)) continue;
    const sentence = text.slice(s.start, s.end);
    for (const f of relationsIn(sentence)) found.push({ ...f, start: f.start + s.start, end: f.end + s.start });
  }
  if (found.length === 0) return [];
  const several = kindsSeveral(text.slice(article.bodyStart));
  const seen = new Set<string>();
  const claims: RelationClaim[] = [];
  for (const f of found.sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (several.has(f.subject.key)) continue;
    const id = `${f.subject.key}|${f.attribute}|${f.value.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const claim = claimAt(article, 'relations', f.start, f.end, f.value);
    claim.subject = f.subject;
    claim.attribute = f.attribute;
    claims.push(claim);
  }
  return claims;
}

/**
 * The name without the words that open it: "A Northwind Air" -> "Northwind Air"; "Shares of
 * Tarrow Group" -> "Tarrow Group" (a word before "of" that heads no name).
 */
function bareName(name: string): { text: string; offset: number } {
  const w = entityWords();
  const words = name.split(/\s+/);
  let offset = 0;
  let k = 0;
  while (k < words.length - 1 && w.openers.has(words[k].toLowerCase())) {
    offset = name.indexOf(words[k + 1], offset + words[k].length);
    k++;
  }
  const head = words[k]?.toLowerCase();
  if (k + 2 < words.length && words[k + 1] === 'of' && !w.orgHeads.has(head) && !w.placeHeads.has(head) && !w.placePrefixes.has(head)) {
    offset = name.indexOf(words[k + 2], offset + words[k].length + 1);
  }
  return { text: name.slice(offset).replace(/['’]s$/, ''), offset };
}

function named(name: string): RelationValue {
  return { type: 'relation', value: name, key: entityKey(name.split(/\s+/)) };
}

const vehicle = (kind: string): ClaimSubject => ({ text: `the ${kind}`, key: kind });

/** Relations stated in one sentence, offsets into the sentence. */
export function relationsIn(sentence: string): Found[] {
  const c = cues();
  const out: Found[] = [];
  const kindOfNoun = (noun: string) => c.nouns.get(noun.toLowerCase().replace(/\s+/g, ' '));
  // The last subject noun before `at`: "the jet, operated by Northwind Air" -> aircraft.
  const nounBefore = (at: number): string | undefined => {
    const re = pattern(0);
    let kind: string | undefined;
    for (let m = re.exec(sentence); m && m.index < at; m = re.exec(sentence)) kind = kindOfNoun(m[1]);
    return kind;
  };
  const anyNoun = (): string | undefined => nounBefore(sentence.length);
  // Most sentences hold no cue at all: plain substring tests first, the patterns only where one may match.
  const has = (words: SubstringSet) => words.inLowerCase(sentence, 0, sentence.length);
  const hasNoun = has(c.nounSet);
  const hasOwner = has(c.ownerSet);
  if (!hasNoun && !hasOwner) return out;
  const operator = (name: string) => {
    const last = name.split(/\s+/).pop()!.toLowerCase();
    return c.operatorHeads.has(last);
  };

  if (hasNoun) operatorsIn(sentence, c, out, kindOfNoun, nounBefore, operator);
  if (hasNoun && has(c.flagSet)) flagsIn(sentence, c, out, nounBefore, anyNoun);
  if (hasNoun && (has(FROM) || sentence.includes('-'))) routesIn(sentence, c, out, kindOfNoun, anyNoun);
  if (hasOwner) ownersIn(sentence, c, out);
  return out.filter((f) => f.value.key && f.subject.key && f.value.key !== f.subject.key);
}

const FROM = new SubstringSet(['from ']);

type KindOf = (noun: string) => string | undefined;

function operatorsIn(sentence: string, c: Cues, out: Found[], kindOfNoun: KindOf, nounBefore: (at: number) => string | undefined, operator: (name: string) => boolean): void {
  // Operator: "a Northwind Air flight", "Northwind Air's jet". Read back from each subject noun: the name
  // and at most one word ("Northwind Air's new jet") right before it.
  const back = pattern(1);
  for (const m of sentence.matchAll(pattern(2))) {
    const kind = kindOfNoun(m[1]);
    if (!kind) continue;
    const from = Math.max(0, m.index! - 80);
    const b = back.exec(sentence.slice(from, m.index!));
    if (!b) continue;
    const { text: name, offset } = bareName(b[1]);
    if (!operator(name)) continue;
    out.push({ start: from + b.index + offset, end: m.index! + m[0].length, subject: vehicle(kind), attribute: 'operator', value: named(name) });
  }
  // Operator: "a Northwind Air-operated jet", "Northwind Connection Flight 212" (a carrier's flight number).
  const hyphenRe = pattern(3);
  if (holdsAny(sentence, c.operatorLiterals)) for (const m of sentence.matchAll(hyphenRe)) {
    const { text: name, offset } = bareName(m[1] ?? m[3]);
    const kind = m[2] ? kindOfNoun(m[2]) : 'aircraft';
    if (!kind || !name.includes(' ') && !operator(name)) continue;
    out.push({ start: m.index! + offset, end: m.index! + m[0].length, subject: vehicle(kind), attribute: 'operator', value: named(name) });
  }
  // Operator: "the jet, operated by Northwind Air".
  for (const m of sentence.matchAll(pattern(4))) {
    const kind = nounBefore(m.index!);
    if (!kind) continue;
    const name = m[1].replace(/['’]s$/, '');
    out.push({ start: m.index!, end: m.index! + m[0].length - (m[1].length - name.length), subject: vehicle(kind), attribute: 'operator', value: named(name) });
  }
}

function flagsIn(sentence: string, c: Cues, out: Found[], nounBefore: (at: number) => string | undefined, anyNoun: () => string | undefined): void {
  // Flag: "a Liberia-flagged tanker", "a Liberian-registered ship".
  for (const m of sentence.matchAll(pattern(5))) {
    const { text: name, offset } = bareName(m[1]);
    const country = c.countries.get(name.toLowerCase());
    const kind = nounAfter(sentence, m.index! + m[0].length, c) ?? nounBefore(m.index!);
    if (!country || kind !== 'ship') continue;
    out.push({ start: m.index! + offset, end: m.index! + m[0].length, subject: vehicle(kind), attribute: 'flag', value: country_(name, country) });
  }
  // Flag: "flying the Liberian flag", "under a Panama flag", "registered in Liberia".
  const flagRe = pattern(6);
  for (const m of sentence.matchAll(flagRe)) {
    const name = (m[1] ?? m[2]).replace(/[.,]$/, '');
    const country = c.countries.get(name.toLowerCase());
    if (!country || anyNoun() !== 'ship') continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, subject: vehicle('ship'), attribute: 'flag', value: country_(name, country) });
  }
}

function routesIn(sentence: string, c: Cues, out: Found[], kindOfNoun: KindOf, anyNoun: () => string | undefined): void {
  // Route: "flying from Dunmore to Keswick".
  for (const m of sentence.matchAll(pattern(7))) {
    const kind = anyNoun();
    if (!kind || isCalendar(m[1]) || isCalendar(m[2])) continue;
    const [a, b] = [bareName(m[1]).text, bareName(m[2]).text];
    const aEnd = m[0].indexOf(m[1]) + m[1].length;
    out.push({ start: m.index!, end: m.index! + aEnd, subject: vehicle(kind), attribute: 'route-origin', value: named(a) });
    const bAt = m[0].lastIndexOf(m[2]);
    out.push({ start: m.index! + bAt - 3, end: m.index! + m[0].length, subject: vehicle(kind), attribute: 'route-destination', value: named(b) });
  }
  // Route: "the Dunmore-Keswick ferry". A named service ("the Dunmore-Keswick Express") is left alone: a
  // story may name two trains, and the kind alone would not tell them apart.
  const pair = pattern(8);
  for (const m of sentence.matchAll(pair)) {
    const head = m[3];
    const kind = kindOfNoun(head) ?? anyNoun();
    if (!kind || (c.countries.has(m[1].toLowerCase()) && c.countries.has(m[2].toLowerCase()))) continue;
    const end = m.index! + m[0].length;
    out.push({ start: m.index!, end, subject: vehicle(kind), attribute: 'route-origin', value: named(m[1]) });
    out.push({ start: m.index!, end, subject: vehicle(kind), attribute: 'route-destination', value: named(m[2]) });
  }
}

function ownersIn(sentence: string, c: Cues, out: Found[]): void {
  const ownedBy = holdsAny(sentence, c.ownedByLiterals);
  // Owner of a vehicle: "The tanker, owned by Tarrow Shipping, ran aground".
  if (ownedBy) for (const m of sentence.matchAll(pattern(14))) {
    const kind = c.nouns.get(m[1].toLowerCase().replace(/\s+/g, ' '));
    const owner = m[2].replace(/['’]s$/, '');
    if (!kind || !/^\p{Lu}/u.test(owner)) continue;
    const at = m.index! + m[0].length - m[2].length;
    out.push({ start: m.index!, end: at + owner.length, subject: vehicle(kind), attribute: 'owner', value: named(owner) });
  }
  // Owner: "Velmar Bank, owned by Tarrow Group", "Velmar Bank, a subsidiary of Tarrow Group".
  if (ownedBy) for (const m of sentence.matchAll(pattern(9))) {
    const sub = bareName(m[1]);
    const owner = m[2].replace(/['’]s$/, '');
    out.push({ start: m.index! + sub.offset, end: m.index! + m[0].length - (m[2].length - owner.length), subject: namedSubject(sub.text), attribute: 'owner', value: named(owner) });
  }
  // Owner: "Tarrow Group, the parent company of Velmar Bank".
  if (holdsAny(sentence, c.parentLiterals)) for (const m of sentence.matchAll(pattern(10))) {
    const owner = bareName(m[1]);
    const sub = m[2].replace(/['’]s$/, '');
    out.push({ start: m.index! + owner.offset, end: m.index! + m[0].length - (m[2].length - sub.length), subject: namedSubject(sub), attribute: 'owner', value: named(owner.text) });
  }
  // Owner: "Velmar Bank's parent company, Tarrow Group"; "Tarrow Group's subsidiary Velmar Bank".
  if (holdsAny(sentence, c.possessiveOwnerLiterals)) for (const m of sentence.matchAll(pattern(11))) {
    const first = bareName(m[1]);
    const second = m[3].replace(/['’]s$/, '');
    const [sub, owner] = m[2] ? [first.text, second] : [second, first.text];
    out.push({ start: m.index! + first.offset, end: m.index! + m[0].length - (m[3].length - second.length), subject: namedSubject(sub), attribute: 'owner', value: named(owner) });
  }
}

/**
 * The patterns searched only in sentences holding one of their words, with those words. For tests: every
 * match of a pattern must hold one of its words.
 */
export function relationPatternLiterals(): { pattern: RegExp; literals: string[] }[] {
  const c = cues();
  return [
    { pattern: pattern(3), literals: c.operatorLiterals },
    { pattern: pattern(14), literals: c.ownedByLiterals },
    { pattern: pattern(9), literals: c.ownedByLiterals },
    { pattern: pattern(10), literals: c.parentLiterals },
    { pattern: pattern(11), literals: c.possessiveOwnerLiterals },
  ];
}

/**
 * The kinds of vehicle an article speaks of more than one of: "another train from Dunmore", "both ships",
 * "the two planes". Relations of such a kind are not claimed: "the train" would not say which.
 */
function kindsSeveral(body: string): Set<string> {
  const c = cues();
  const out = new Set<string>();
  const re = pattern(12);
  for (const m of body.matchAll(re)) {
    const noun = m[1].toLowerCase().replace(/\s+/g, ' ');
    const kind = c.nouns.get(noun);
    if (kind && !c.mixedNouns.has(noun)) out.add(kind);
  }
  return out;
}

function namedSubject(name: string): ClaimSubject {
  return { text: name, key: entityKey(name.split(/\s+/)) };
}

function country_(written: string, country: string): RelationValue {
  return { type: 'relation', value: country.replace(/\b\p{L}/gu, (x) => x.toUpperCase()), key: country };
}

/** The kind of the subject noun within three words after `at`: "-flagged oil tanker" -> ship. */
function nounAfter(sentence: string, at: number, c: Cues): string | undefined {
  const m = pattern(13).exec(sentence.slice(at, at + 60));
  return m ? c.nouns.get(m[1].toLowerCase().replace(/\s+/g, ' ')) : undefined;
}

// "from Monday to Friday" is no route.
const isCalendar = (name: string) => CALENDAR_WORDS.has(name.split(/\s+/)[0].toLowerCase());
