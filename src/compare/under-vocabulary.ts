import type { Claim, ClaimContext, ClaimValue, Speaker, Vocabulary } from '../types';
import { lemma } from '../lang/word-forms';
import { preferredSpelling } from '../text/vocabulary';
import { canonicalKey } from '../text/aliases';

/**
 * Claims are extracted from the text and the language data alone; the rules' vocabulary (event synonyms,
 * aliases, spellings, reporting verbs) is applied here, when claims are compared. A changed rule then
 * changes findings at once, with no new extraction, and a store of claims never goes stale with the rules.
 *
 * Around "the bridge was constructed in 1932" the context holds the predicate "construct"; with the
 * event-synonyms rule it reads "build", as around "the bridge was built in 1958". Around "U.S. troops"
 * the entity "us" reads "united states" with the places rule, as around "American troops".
 */

/** What the vocabulary says about one context word, from maps built once per vocabulary. */
interface VocabularyIndex {
  /** Event word or its lemma -> the event it names: "constructed" / "construct" -> "build"; "pull out" -> "withdraw". */
  events: Map<string, string>;
  /** Reporting verbs and their lemmas: "stated" / "state" -> "state". */
  reporting: Map<string, string>;
}

const INDEXES = new WeakMap<Vocabulary, VocabularyIndex>();

function vocabularyIndex(v: Vocabulary): VocabularyIndex {
  let ix = INDEXES.get(v);
  if (ix) return ix;
  ix = { events: new Map(), reporting: new Map() };
  // Each word as written first, then the lemmas of those not already there ("withdrawals" -> "withdrawal").
  for (const [word, event] of v.predicates) ix.events.set(word, event);
  for (const [word, event] of v.predicates) if (!word.includes(' ') && !ix.events.has(lemma(word))) ix.events.set(lemma(word), event);
  for (const verb of v.reportingVerbs) ix.reporting.set(verb, verb);
  for (const verb of v.reportingVerbs) if (!verb.includes(' ') && !ix.reporting.has(lemma(verb))) ix.reporting.set(lemma(verb), lemma(verb));
  INDEXES.set(v, ix);
  return ix;
}

/** A word with its preferred spelling (text/vocabulary.ts): "defence" -> "defense", "neighbours" -> "neighbors". */
function spelled(word: string, v: Vocabulary): string {
  return preferredSpelling(word, v) ?? word;
}

/** Each word of a key in its preferred spelling: "defence ministry" -> "defense ministry". */
function spelledKey(key: string, v: Vocabulary): string {
  return key.indexOf(' ') < 0 ? spelled(key, v) : key.split(' ').map((w) => spelled(w, v)).join(' ');
}

/** A name key in the vocabulary's words: its alias's canonical name ("the us" -> "united states"), else spelled. */
function nameUnder(key: string, v: Vocabulary): string {
  const canonical = canonicalKey(key, v);
  return canonical !== key ? canonical : spelledKey(key, v);
}

/**
 * A context read with the vocabulary: predicates and words that name an event become that event, words that
 * are reporting verbs become (weak) predicates, names take their canonical alias and words their preferred
 * spelling. Lists stay sorted and without repeats.
 * `{ predicates: [construct], entities: [us], words: [pull out, troop] }` with event synonyms and places ->
 * `{ predicates: [build, withdraw], entities: [united states], words: [troop] }`.
 */
export function contextUnder(c: ClaimContext, v: Vocabulary): ClaimContext {
  const ix = vocabularyIndex(v);
  const predicates = new Set<string>();
  const words = new Set<string>();
  for (const p of c.predicates) predicates.add(ix.events.get(p) ?? p);
  for (const w of c.words) {
    const event = ix.events.get(w) ?? ix.reporting.get(w);
    if (event !== undefined) predicates.add(event);
    else words.add(spelled(w, v));
  }
  const entities = new Set<string>();
  for (const e of c.entities) entities.add(nameUnder(e, v));
  const out: ClaimContext = { predicates: [...predicates].sort(), entities: [...entities].sort(), words: [...words].sort() };
  if (c.inQuote !== undefined) out.inQuote = c.inQuote;
  if (c.inHeadline !== undefined) out.inHeadline = c.inHeadline;
  return out;
}

function speakerUnder(s: Speaker | null, v: Vocabulary): Speaker | null {
  if (!s) return s;
  const key = spelledKey(s.key, v);
  return key === s.key ? s : { ...s, key };
}

/**
 * The parts of a value that name things, in the vocabulary's spellings: entity keys, titles, speakers; and a
 * title's place by its alias ("U.S." -> "united states"). Aliases of people and bodies are left to the
 * comparators, which name the rule that joined two names.
 */
function valueUnder(value: ClaimValue, v: Vocabulary): ClaimValue {
  switch (value.type) {
    case 'entity': {
      const key = spelledKey(value.key, v);
      return key === value.key ? value : { ...value, key };
    }
    case 'title': {
      const role = spelledKey(value.role, v);
      const org = value.org === undefined ? undefined : spelledKey(value.org, v);
      const place = value.place === undefined ? undefined : nameUnder(value.place, v);
      if (role === value.role && org === value.org && place === value.place) return value;
      const t = { ...value, role };
      if (org !== undefined) t.org = org;
      if (place !== undefined) t.place = place;
      return t;
    }
    case 'quote': {
      const speaker = speakerUnder(value.speaker, v);
      return speaker === value.speaker ? value : { ...value, speaker };
    }
    default:
      return value;
  }
}

// "event:berth", "planned:event:sail": an attribute named by an event word outside the attribute data.
const EVENT_ATTRIBUTE = /^((?:planned:)?event:)(.+)$/;

/** An event attribute in the vocabulary's words: "event:berth" -> "event:dock" when berth and dock name one event. */
function attributeUnder(attribute: string | undefined, v: Vocabulary): string | undefined {
  const m = attribute === undefined ? null : EVENT_ATTRIBUTE.exec(attribute);
  if (!m) return attribute;
  const event = vocabularyIndex(v).events.get(m[2]);
  return event === undefined ? attribute : m[1] + event;
}

const UNDER = new WeakMap<Vocabulary, WeakMap<Claim, Claim>>();

/**
 * The claims as the vocabulary reads them: each a copy with its context, names and event attribute in the vocabulary's words
 * (the same copy every time for one claim and one vocabulary).
 */
export function claimsUnder(claims: readonly Claim[], v: Vocabulary): Claim[] {
  let memo = UNDER.get(v);
  if (!memo) UNDER.set(v, (memo = new WeakMap()));
  const out: Claim[] = [];
  for (const c of claims) {
    let u = memo.get(c);
    if (!u) {
      u = { ...c, value: valueUnder(c.value, v), context: contextUnder(c.context, v) };
      const attribute = attributeUnder(c.attribute, v);
      if (attribute !== c.attribute) u.attribute = attribute;
      memo.set(c, u);
      // A claim already read under the vocabulary reads the same again.
      memo.set(u, u);
    }
    out.push(u);
  }
  return out;
}
