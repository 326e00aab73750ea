import type { Article, Claim, ClaimSubject, QuantityDimension, QuantityValue, Refiner } from '../types';
import { attributeData, type AttributeData } from '../lang/attributes';
import { sentenceAt } from '../lang/context';
import { foldKey, type Token } from '../text/tokens';
import { sentenceWords, type SentenceWords } from '../text/sentence-words';
import { lemma } from '../lang/word-forms';
import { lang } from '../lang/load';
import { CALENDAR_WORDS_SET, INCREMENT_WORDS, NUMBER_WORDS, PARTITIVE_QUANTIFIERS, UNIT_WORDS } from '../lang/words';
import { memoByString } from '../util/memo';
import { RecentArticles } from '../text/lookup';

/**
 * Turns a value found in a sentence into a structured assertion: what it is about (`subject`) and what it
 * states of it (`attribute`), read from the claim's clause.
 *
 * "At least six people were killed in Velmar County" around "At least six people" ->
 *   attribute `killed`, subject { text: 'people in Velmar County', key: 'person', place: 'velmar county' }.
 * "killing 40 passengers" -> attribute `killed` (the cue before the figure).
 * "12 deaths" -> attribute `killed` (the counted noun is itself a cue).
 * "116 flood warnings" -> attribute `warned`; "28 crates" (no cue, a noun that is not generic) -> `count:crate`.
 * "winds of 120 mph" -> attribute `wind`; "launched on Tuesday" -> attribute `launch`.
 */

/** How many words on each side of the claim, within its clause, may hold its cue. */
export const CUE_REACH = 10;

interface Cue {
  /** Per word of the cue: the lemmas of its inflected forms ("rescue" -> lemmas of rescue, rescued, rescues, rescuing). */
  words: Set<string>[];
  key: string;
  dimensions?: QuantityDimension[];
}

interface CueIndex {
  /** By a lemma of a cue's first word: the cues starting with it, longest first. */
  byFirst: Map<string, Cue[]>;
  /** The planned-cues, each word as the lemmas of its forms. */
  planned: Set<string>[][];
  /** Every lemma a planned cue may start with. */
  plannedFirst: Set<string>;
  data: AttributeData;
}

/**
 * The lemmas of a word's regular inflections, so a cue meets its word whatever the lemmatizer makes of
 * each form: "rescue" -> lemma("rescue"), lemma("rescued"), lemma("rescues"), lemma("rescuing").
 */
function formLemmas(word: string): Set<string> {
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  const forms = [word, `${word}s`, `${word}es`, `${stem}ed`, `${word}d`, `${stem}ing`, `${word}ing`];
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return new Set(forms.map((f) => lemma(f)));
}

let index: CueIndex | undefined;

function cueIndex(): CueIndex {
  if (index) return index;
  const data = attributeData();
  const byFirst: CueIndex['byFirst'] = new Map();
  for (const def of data.attributes) {
    for (const cue of def.cues) {
      const entry: Cue = { words: cue.map(formLemmas), key: def.key, dimensions: def.dimensions };
      for (const first of entry.words[0]) {
        let list = byFirst.get(first);
        if (!list) byFirst.set(first, (list = []));
        if (!list.some((c) => c.key === entry.key && c.words.length === entry.words.length && c.words.every((w, i) => w === entry.words[i]))) list.push(entry);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || (a.key < b.key ? -1 : 1));
  const planned = data.plannedCues.map((cue) => cue.map(formLemmas));
  index = { byFirst, planned, plannedFirst: new Set(planned.flatMap((cue) => [...cue[0]])), data };
  return index;
}

/** What the clauses read of one word, by its lower-case form: "died" -> lemma "die", the cues of "die". */
interface WordInfo {
  lemma: string;
  /** The cues the word may open: those starting with its lemma; none for a word of `not-cues`. */
  cues: Cue[] | undefined;
  /** Its lemma may open a planned-cue. */
  plannedFirst: boolean;
}

// Made once per word form: every clause reads the same few thousand words, and one look-up here replaces
// one per index.
const wordInfo = memoByString((lower: string): WordInfo => {
  const idx = cueIndex();
  const l = lemma(lower);
  return { lemma: l, cues: idx.data.notCues.has(lower) ? undefined : idx.byFirst.get(l), plannedFirst: idx.plannedFirst.has(l) };
}, 100000);

// Per sentence of the articles being refined, each word's WordInfo once read: a sentence's claims read the
// same words.
const SENTENCE_INFO = new RecentArticles<(WordInfo | undefined)[][]>();

function sentenceInfo(article: Article, si: number, words: SentenceWords): (WordInfo | undefined)[] {
  let table = SENTENCE_INFO.get(article);
  if (table === undefined) {
    table = [];
    for (let i = 0; i < article.sentences.length; i++) table.push(NONE);
    SENTENCE_INFO.set(article, table);
  }
  let infos = table[si];
  if (infos === NONE) {
    infos = [];
    for (let i = 0; i < words.lower.length; i++) infos.push(undefined);
    table[si] = infos;
  }
  return infos;
}

// A sentence not read yet (one shared empty list keeps the table's elements of one kind).
const NONE: (WordInfo | undefined)[] = [];

// Words a phrase cue skips in the text: "lost their lives" matches "lose life" (lang/en/attributes.yaml clause-words).
const SKIPPED_IN_PHRASE = attributeData().clauseWords.phraseSkips;

// Clause breaks between words: , ; : ( ) [ ] — – and a quote mark (BREAK_CODES). "Six died, officials said"
// keeps "said" apart.
// Conjunctions that open another clause anywhere in a sentence: "793 went home while 382 stay". Not the
// context's subordinate openers, which count only after a comma: "since" and "until" are prepositions as
// often ("closed until Friday").
const BREAK_WORDS = attributeData().clauseWords.clauseOpeners;

interface Clause {
  tokens: readonly Token[];
  /** Each token in lower case. */
  lower: readonly string[];
  /** Each token's WordInfo once read (`infoAt`), shared by the sentence's claims. */
  infos: (WordInfo | undefined)[];
  /** Index of the first token after the claim, and of the last before it. */
  firstAfter: number;
  lastBefore: number;
  /** Token range of the clause, inclusive lo, exclusive hi. */
  lo: number;
  hi: number;
}

function clauseOf(article: Article, start: number, end: number): Clause | undefined {
  const si = sentenceAt(article.sentences, start);
  if (si < 0) return undefined;
  const words = sentenceWords(article, si);
  const { tokens, lower } = words;
  let firstAfter = 0;
  while (firstAfter < tokens.length && tokens[firstAfter].start < end) firstAfter++;
  let lastBefore = firstAfter - 1;
  while (lastBefore >= 0 && tokens[lastBefore].end > start) lastBefore--;
  const text = article.reader;
  // Walk out from the claim until a break between two words, or a clause-opening word.
  let lo = lastBefore + 1;
  for (let k = lastBefore; k >= 0; k--) {
    const gapEnd = k + 1 < tokens.length ? Math.min(tokens[k + 1].start, start) : start;
    if (isBreak(text, tokens, k, tokens[k].end, Math.max(tokens[k].end, gapEnd))) break;
    lo = k;
    if (BREAK_WORDS.has(lower[k])) break;
  }
  let hi = firstAfter;
  for (let k = firstAfter; k < tokens.length; k++) {
    const gapStart = k > 0 ? Math.max(tokens[k - 1].end, end) : end;
    if (isBreak(text, tokens, k - 1, gapStart, Math.max(gapStart, tokens[k].start))) break;
    if (BREAK_WORDS.has(lower[k])) break;
    hi = k + 1;
  }
  return { tokens, lower, infos: sentenceInfo(article, si, words), firstAfter, lastBefore, lo, hi };
}

/**
 * True when the claim opens a noun phrase after a clause opener used as a preposition: "made landfall as a
 * Category 3 storm" (the figure within two words of "as a"). "as a strike by crews entered its fourth day"
 * has the same words, but its figure comes later, after the phrase's verb.
 */
function inPrepositionalPhrase(c: Clause): boolean {
  return PREPOSITIONS_BEFORE_ARTICLE.has(c.lower[c.lo]) && (c.lower[c.lo + 1] === 'a' || c.lower[c.lo + 1] === 'an') && c.lastBefore - c.lo <= 2;
}
const PREPOSITIONS_BEFORE_ARTICLE = attributeData().clauseWords.prepositionsBeforeArticle;

/** The WordInfo of the clause's word `k`. */
const infoAt = (c: Clause, k: number): WordInfo => (c.infos[k] ??= wordInfo(c.lower[k]));

/**
 * True when the gap `[from, to)` after token `k` breaks the clause. A comma between two capitalized
 * words lists names, and breaks nothing: "near Harl, Tobin County, at 8:30 p.m.".
 */
function isBreak(text: string, tokens: readonly Token[], k: number, from: number, to: number): boolean {
  // Read by character code: most gaps are one space, and this runs for every word walked over.
  let breaks = false;
  let onlyComma = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) continue;
    if (c === 44) breaks = true;
    else if (BREAK_CODES.has(c)) {
      breaks = true;
      onlyComma = false;
    } else onlyComma = false;
  }
  if (!breaks) return false;
  if (onlyComma && k >= 0 && k + 1 < tokens.length && isUpper(tokens[k].text) && isUpper(tokens[k + 1].text)) return false;
  return true;
}

// ; : ( ) [ ] — – and quote marks (the comma is read on its own).
const BREAK_CODES = new Set([59, 58, 40, 41, 91, 93, 0x2014, 0x2013, 34, 0x201c, 0x201d]);

/** The cue matching at token `k` (reading forward), if any, with the number of tokens it spans. */
function cueAt(
  c: Clause, k: number, hi: number, dimension: QuantityDimension | undefined, idx: CueIndex, measureOnly: boolean,
): { key: string; length: number } | undefined {
  const { lower } = c;
  const list = infoAt(c, k).cues;
  if (!list) return undefined;
  for (const cue of list) {
    if (cue.dimensions && (!dimension || !cue.dimensions.includes(dimension))) continue;
    if (measureOnly && !cue.dimensions) continue;
    let j = k + 1;
    let matched = true;
    for (let w = 1; w < cue.words.length; w++) {
      while (j < hi && SKIPPED_IN_PHRASE.has(lower[j])) j++;
      if (j >= hi || !cue.words[w].has(infoAt(c, j).lemma)) {
        matched = false;
        break;
      }
      j++;
    }
    if (matched) return { key: cue.key, length: j - k };
  }
  return undefined;
}

/**
 * True when the word right after the claim is a participle describing it and the clause's own verb comes
 * later: "640 workers employed on the route have joined the walkout" states the joining, not the employing.
 */
function reducedRelative(c: Clause): boolean {
  const first = c.firstAfter < c.lower.length ? c.lower[c.firstAfter] : undefined;
  if (!first || !first.endsWith('ed')) return false;
  // "two of the 89 people killed have been identified": the verb is the two's; the 89 are the killed.
  for (let k = Math.max(c.lo, c.lastBefore - 1); k <= c.lastBefore; k++) if (c.lower[k] === 'of') return false;
  for (let k = c.firstAfter + 1; k < c.hi; k++) if (AUXILIARIES.has(c.lower[k])) return true;
  return false;
}

const AUXILIARIES = attributeData().clauseWords.auxiliaries;

/**
 * The nearest cue in the clause: after the claim first at equal distance ("six died" before "killing six").
 * With `measureOnly`, only cues of attributes bound to the amount's dimension ("winds of 120 mph at
 * landfall": `wind`, a speed, before `landfall`, an event).
 */
function nearestCue(c: Clause, dimension: QuantityDimension | undefined, idx: CueIndex, measureOnly = false): { key: string; distance: number } | undefined {
  for (let d = 0; d < CUE_REACH; d++) {
    const after = c.firstAfter + d;
    if (after < c.hi && !(d === 0 && reducedRelative(c))) {
      const hit = cueAt(c, after, c.hi, dimension, idx, measureOnly);
      if (hit) return { key: hit.key, distance: d };
    }
    const before = c.lastBefore - d;
    if (before >= c.lo) {
      // A phrase cue may end right before the claim: "the death toll rose to 93" reads "death toll" at "death".
      for (let k = Math.max(c.lo, before - 2); k <= before; k++) {
        const hit = cueAt(c, k, c.lastBefore + 1, dimension, idx, measureOnly);
        if (hit && k + hit.length - 1 === before) return { key: hit.key, distance: d };
      }
    }
  }
  return undefined;
}

const isUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && s[0] !== s[0].toLowerCase());
};

/**
 * A place the clause ties the fact to: a preposition of `place-prepositions` before capitalized words.
 * "died in St. Tobin County" -> "St. Tobin County"; "in the Harrow Valley" -> "Harrow Valley".
 */
function placeOf(article: Article, c: Clause, claimStart: number, claimEnd: number, idx: CueIndex): string | undefined {
  const { tokens } = c;
  // Only a phrase near the claim qualifies it: "issued by weather offices in Harl" ties Harl to the offices.
  const from = Math.max(c.lo, c.lastBefore - PLACE_REACH + 1);
  const to = Math.min(c.hi, c.firstAfter + PLACE_REACH);
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.start >= claimStart && t.end <= claimEnd) continue;
    const w = c.lower[k];
    if (k >= c.firstAfter && ATTACHING.has(w)) break;
    if (!idx.data.placePrepositions.has(w)) continue;
    let j = k + 1;
    if (j < c.hi && c.lower[j] === 'the') j++;
    const first = j;
    while (j < c.hi && isUpper(tokens[j].text) && !(tokens[j].start >= claimStart && tokens[j].end <= claimEnd)) j++;
    if (j > first) return article.reader.slice(tokens[first].start, tokens[j - 1].end);
  }
  return undefined;
}

/** Words from the claim within which a place phrase qualifies it. */
const PLACE_REACH = 4;
// After these, a place belongs to another noun: "issued by the offices in Harl", "the mayor of Tobin".
const ATTACHING = attributeData().clauseWords.attaching;

/**
 * A time the clause ties a figure to, other than the claim itself: a year ("453 died in the fire of 1921"
 * -> "1921") or a span after "in", "within" or "over" ("9 inches of rain within three hours" ->
 * "three hours"). Two figures of one attribute at different times are two facts.
 */
function timeOf(article: Article, c: Clause, claimStart: number, claimEnd: number): string | undefined {
  const { tokens } = c;
  // Anywhere in the sentence, a time "earlier": a past event's figure ("a storm two weeks earlier left 200 dead").
  for (let k = 2; k < tokens.length; k++) {
    const t = tokens[k];
    if (PAST.has(c.lower[k]) && SPAN_UNIT.test(tokens[k - 1].text) && SPAN_AMOUNT.test(tokens[k - 2].text)) {
      return `${tokens[k - 2].text} ${tokens[k - 1].text} ${t.text}`.toLowerCase();
    }
  }
  for (let k = c.lo; k < c.hi; k++) {
    const t = tokens[k];
    if (t.start >= claimStart && t.end <= claimEnd) continue;
    // In the clause, a year: "the fire of 1921 killed 400".
    if (t.text.length === 4 && YEAR.test(t.text) && t.text !== article.referenceDate?.date.slice(0, 4)) return t.text;
    const w = c.lower[k];
    if ((w === 'in' || w === 'within' || w === 'over') && k + 2 < c.hi) {
      let j = k + 1;
      if (c.lower[j] === 'just' || c.lower[j] === 'only') j++;
      const inClaim = tokens[j].start >= claimStart && tokens[j].start < claimEnd;
      if (!inClaim && j + 1 < c.hi && SPAN_AMOUNT.test(tokens[j].text) && SPAN_UNIT.test(tokens[j + 1].text)) {
        return `${tokens[j].text.toLowerCase()} ${tokens[j + 1].text.toLowerCase()}`;
      }
    }
  }
  return undefined;
}

// Reporting verbs name when something was said, not what happened, and aspect verbs name no event of their
// own ("the walkout began on Monday" is the walkout's date): never a date's event.
const REPORTING = attributeData().clauseWords.notEvents;
const PAST = attributeData().clauseWords.earlier;
const YEAR = /^(1[89]|20)\d\d$/;
// A span of time is a small amount of a duration unit: "three hours", "an hour", "48 hours", "two weeks".
const SPAN_AMOUNT_WORDS = new Set(['a', 'an', ...Object.keys(UNIT_WORDS)]);
const SPAN_AMOUNT = { test: (w: string): boolean => /^\d+$/.test(w) || SPAN_AMOUNT_WORDS.has(w.toLowerCase()) };
const SPAN_UNIT_WORDS = new Set(lang().units.units.filter((u) => u.dimension === 'duration').flatMap((u) => u.names));
const SPAN_UNIT = { test: (w: string): boolean => SPAN_UNIT_WORDS.has(w.toLowerCase()) };

/** "70 km north of Tobin", "12 miles from Harl": the place a distance is measured from. */
function distanceFrom(article: Article, c: Clause): string | undefined {
  const { tokens } = c;
  for (let k = c.firstAfter; k < c.hi; k++) {
    const w = c.lower[k];
    if (w !== 'from' && w !== 'of') continue;
    let j = k + 1;
    const from = j;
    while (j < c.hi && isUpper(tokens[j].text)) j++;
    if (j > from) return article.reader.slice(tokens[from].start, tokens[j - 1].end);
    return undefined;
  }
  return undefined;
}

/** A place opening the sentence before a comma, which qualifies all of it: "In Harl, crews rescued 40 people". */
function sentencePlace(article: Article, c: Clause, idx: CueIndex): string | undefined {
  const { tokens } = c;
  if (tokens.length < 3 || c.lo === 0 || !idx.data.placePrepositions.has(c.lower[0])) return undefined;
  let j = 1;
  while (j < c.lo && isUpper(tokens[j].text)) j++;
  if (j === 1 || j > c.lo) return undefined;
  // The words must end where the comma is: "In Harl, ..." and not "In Harl County officials said, ...".
  const after = article.reader.slice(tokens[j - 1].end, tokens[j - 1].end + 2);
  return after.startsWith(',') ? article.reader.slice(tokens[1].start, tokens[j - 1].end) : undefined;
}

/**
 * The event word of `predicates` (the claim's context) nearest to the claim in its clause, after it first
 * at equal distance: "Allied troops withdrew from the base in July 2021" -> withdraw, not ally.
 */
function nearestEvent(c: Clause, predicates: readonly string[]): string | undefined {
  const wanted = predicates.filter((p) => !REPORTING.has(p));
  if (wanted.length === 0) return undefined;
  const hit = (k: number) => {
    const l = infoAt(c, k).lemma;
    return wanted.find((p) => p === l || p === c.lower[k]);
  };
  for (let d = 0; c.firstAfter + d < c.hi || c.lastBefore - d >= c.lo; d++) {
    const after = c.firstAfter + d < c.hi ? hit(c.firstAfter + d) : undefined;
    if (after) return after;
    const before = c.lastBefore - d >= c.lo ? hit(c.lastBefore - d) : undefined;
    if (before) return before;
  }
  // The context may name the event by a synonym of the rules ("finished" -> end): the only one it has.
  return wanted.length === 1 ? wanted[0] : undefined;
}

/** True when the clause speaks of a plan: "the launch scheduled for 3 May", "set to cost $2 billion". */
function isPlanned(c: Clause, idx: CueIndex): boolean {
  for (let k = c.lo; k < c.hi; k++) {
    if (!infoAt(c, k).plannedFirst) continue;
    for (const cue of idx.planned) {
      let j = k;
      let ok = true;
      for (const forms of cue) {
        if (j >= c.hi || !forms.has(infoAt(c, j).lemma)) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) return true;
    }
  }
  return false;
}

// An increment word as a word of the span after its number: "12 more cadaver dogs".
const INCREMENT_RE = new RegExp(`\\s(?:${[...INCREMENT_WORDS].join('|')})\\s`, 'i');
const isIncrement = (span: string): boolean => INCREMENT_RE.test(span);

/** The subject and attribute of one date or quantity claim, or nothing when its clause says neither. */
export function describeClaim(article: Article, claim: Claim): { subject?: ClaimSubject; attribute?: string } {
  if (claim.kind !== 'quantity' && claim.kind !== 'date') return {};
  const clause = clauseOf(article, claim.span.start, claim.span.end);
  if (!clause) return {};
  const idx = cueIndex();
  const q = claim.kind === 'quantity' ? (claim.value as QuantityValue) : undefined;
  // "Mara Quell, 61": the age extractor names the person.
  if (q?.dimension === 'age') return { subject: claim.subject, attribute: 'age' };
  const dimension = q?.dimension;
  let attribute: string | undefined;
  // "the 2018 Tarrow Fire": a year naming an event is that event's date, whatever the clause says of it.
  const named = claim.kind === 'date' ? namedEventAfterYear(article.text, claim.span.start, claim.span.end) : undefined;
  if (named) return { attribute: `event:${named}` };
  // "12 deaths", "four fatalities": the counted noun names what is stated.
  // Not a scale's name ("Level 4" is no levelling).
  if (q?.counted && q.unit !== 'scale') attribute = attributeOfWord(q.counted, q.dimension);
  // "500 of the firm's 770 staff signed": the verb speaks of the part, the count is the whole, stated only
  // by a participle right after it, before the part's own verb ("two of the 89 people killed have been
  // named", "two of the 89 people killed, police said").
  const whole = q?.counted !== undefined && isPartitiveWhole(article.text, claim.span.start);
  if (whole && !attribute) {
    const next = /^\s+(\p{L}+)(?:\s*[,;]|\s+(\p{L}+))/u.exec(article.text.slice(claim.span.end, claim.span.end + 60));
    if (next && (next[2] === undefined || AUXILIARIES.has(next[2].toLowerCase()))) attribute = attributeOfWord(next[1].toLowerCase(), q?.dimension);
  }
  if (!attribute && !whole && dimension && dimension !== 'count') attribute = nearestCue(clause, dimension, idx, true)?.key;
  if (!whole) attribute ??= nearestCue(clause, dimension, idx)?.key;
  // "made landfall near Harl, Tobin County, at 8:30 p.m.": a date set off by a comma, with at most two short
  // words beside it ("at", "on", "around"), tells when the clause before it happened; at the sentence's start
  // ("At around 7 pm, two coaches derailed"), the clause after it.
  if (!attribute && claim.kind === 'date' && (clause.lo > 0 || clause.hi < clause.tokens.length)) {
    const beside = clause.tokens.slice(clause.lo, clause.hi).filter((t) => t.end <= claim.span.start || t.start >= claim.span.end);
    if (beside.length <= 2 && beside.every((t) => t.text.length <= 6 && t.text.slice(1) === t.text.slice(1).toLowerCase())) {
      const next = clause.lo > 0 ? clause.tokens[clause.lo - 1] : clause.tokens[clause.hi];
      const other = clauseOf(article, next.start, next.end);
      if (other) attribute = nearestCue(other, undefined, idx)?.key;
    }
  }
  // "made landfall as a Category 3 storm": the phrase after "as a" describes what the clause before did.
  if (!attribute && clause.lo > 0 && inPrepositionalPhrase(clause)) {
    // The clause read from the end of its last word, so that word may be the cue: "made landfall".
    const prev = clause.tokens[clause.lo - 1];
    const other = clauseOf(article, prev.end, prev.end);
    if (other) attribute = nearestCue(other, dimension, idx)?.key;
  }
  // A date with no cue of the data is stated of the event word nearest to it: "finished in 1964" -> event:finish.
  if (!attribute && claim.kind === 'date') {
    const event = nearestEvent(clause, claim.context.predicates);
    if (event) attribute = `event:${event}`;
  }
  // A date's place is not a qualifier: one event has one day, whether told of the town or of its county.
  const place = claim.kind === 'date' ? undefined
    : attribute === 'distance' ? distanceFrom(article, clause) : placeOf(article, clause, claim.span.start, claim.span.end, idx) ?? sentencePlace(article, clause, idx);
  if (attribute && !attribute.startsWith('event:') && isPlanned(clause, idx)) attribute = `planned:${attribute}`;
  // "12 more dogs", "five additional deaths": an increment, compared only with increments.
  if (q?.dimension === 'count' && isIncrement(claim.span.text)) attribute = attribute ? `added:${attribute}` : 'added';
  const time = claim.kind === 'quantity' ? timeOf(article, clause, claim.span.start, claim.span.end) : undefined;
  let subject: ClaimSubject | undefined;
  const noun = q?.counted ? countedText(claim, q) : undefined;
  const owner = noun ? ownerAfter(article.text, claim.span.end) ?? acronymBefore(claim.span.text) ?? possessorBefore(article.text, claim.span.start) : undefined;
  if (noun || place || time) {
    const text = [noun, owner ? `of ${owner.name}` : undefined, place ? `in ${place}` : undefined, time ? `(${time})` : undefined].filter(Boolean).join(' ');
    subject = { text, key: [q?.counted ?? '', place ? foldKey(place) : '', time ?? ''].join('@') };
    if (place) subject.place = foldKey(place);
    if (time) subject.time = time;
    if (owner) subject.owner = owner.key;
  }
  const out: { subject?: ClaimSubject; attribute?: string } = {};
  if (subject) out.subject = subject;
  if (attribute) out.attribute = attribute;
  return out;
}

// "the 2018 Tarrow Fire", "the 1998 Velmar Accord": "the", a year, then a capitalized name.
const NAMED_AFTER_YEAR = /^\s+((?:\p{Lu}[\p{L}'’&-]*\s+){0,3}\p{Lu}[\p{L}'’&-]*)/u;

/** "the 2018 Tarrow Fire" -> "tarrow fire": the event a year before a name dates, after "the". */
function namedEventAfterYear(text: string, start: number, end: number): string | undefined {
  if (!/^\d{4}$/.test(text.slice(start, end)) || !/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start))) return undefined;
  const m = NAMED_AFTER_YEAR.exec(text.slice(end, end + 80));
  return m ? m[1].toLowerCase().replace(/['’]s$/, '') : undefined;
}

// "of the Harbor Rescue Corps", "of HRC": a capitalized name (inner "of", "for", "and" allowed) after "of".
const OWNER_AFTER = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}\p{N}'’-]*)*)/u;

/**
 * The named body a count belongs to, written right after its counted noun: "three teams of the Harbor
 * Rescue Corps" -> { name: "Harbor Rescue Corps", key: "hrc" }. The key is the name's initials, as an
 * acronym writes it ("nine teams of HRC" -> "hrc"), so both ways of naming the body meet.
 */
export function ownerAfter(text: string, end: number): { name: string; key: string } | undefined {
  const m = OWNER_AFTER.exec(text.slice(end, end + 120));
  if (!m) return undefined;
  const name = m[1].replace(/['’]s$/, '');
  return { name, key: initialsKey(name) };
}

// "... of the", "... of its", "... of Velmar Air's" right before a count, after a number or a quantifier.
const PARTITIVE_BEFORE = /(?:^|[^\p{L}\p{N}])([\p{L}\p{N},.]+(?:\s+[\p{L}]+)?)\s+of\s+(?:the|its|their|his|her|our|(?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*['’]s)\s+$/u;

/**
 * True when the count at `start` is the whole of a partitive: "two of the three pilots", "nearly all of
 * Velmar Air's 700 employees", "more than 500 of its 770 staff".
 */
export function isPartitiveWhole(text: string, start: number): boolean {
  const m = PARTITIVE_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  if (!m) return false;
  const words = m[1].toLowerCase().split(/\s+/);
  const last = words[words.length - 1];
  return /^\d[\d,.]*$/.test(last) || NUMBER_WORDS.has(last) || PARTITIVE_QUANTIFIERS.has(last) || PARTITIVE_QUANTIFIERS.has(words.join(' '));
}

// "Velmar Air's 700 employees": a capitalized name with "'s" right before the count.
const POSSESSOR_BEFORE = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*)['’]s\s+$/u;

/** "Velmar Air's 700 employees" -> { name: "Velmar Air", key: "va" }: the named body before a count. */
function possessorBefore(text: string, start: number): { name: string; key: string } | undefined {
  const m = POSSESSOR_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  // "Monday's 40 flights": a day owns nothing.
  if (!m || CALENDAR_WORDS_SET.has(m[1].split(/\s+/)[0].toLowerCase())) return undefined;
  return { name: m[1], key: initialsKey(m[1]) };
}

/** "5 HRC teams" -> { name: "HRC", key: "hrc" }: an acronym right before the counted noun. */
function acronymBefore(span: string): { name: string; key: string } | undefined {
  const m = /(?:^|\s)(\p{Lu}{2,6})\s+\S+$/u.exec(span);
  return m ? { name: m[1], key: m[1].toLowerCase() } : undefined;
}

/** "Harbor Rescue Corps" -> "hrc", "HRC" -> "hrc", "Velmar" -> "velmar" (a single word stays whole). */
function initialsKey(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length === 1) return words[0].toLowerCase();
  return words.map((w) => w[0].toLowerCase()).join('');
}

/** The counted noun as the claim writes it, the span's last word: "At least six people" -> "people". */
function countedText(claim: Claim, q: QuantityValue): string {
  const last = lastWord(claim.span.text).toLowerCase();
  if (last && (lemma(last) === lemma(q.counted!) || last.startsWith(q.counted!.slice(0, 3)))) return last;
  return q.counted === 'person' ? 'people' : q.counted!;
}

/**
 * The last run of letters, apostrophes and hyphens in `s`, or "": "At least 6 people." -> "people". Read by
 * character codes when `s` is ASCII (most spans), else by the pattern.
 */
export function lastWord(s: string): string {
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      const words = s.split(/[^\p{L}'\u2019-]+/u).filter(Boolean);
      return words.length ? words[words.length - 1] : '';
    }
  }
  while (end > 0 && !isWordCode(s.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordCode(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end);
}

// An ASCII letter, "'" or "-".
const isWordCode = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || c === 39 || c === 45;

/** The attribute one word names for an amount of `dimension`: "injured" -> injured, "dead" -> killed. */
export function attributeOfWord(word: string, dimension: QuantityDimension | undefined): string | undefined {
  // "2,200 buildings": a word of not-cues names no attribute, as a counted noun no more than in the clause.
  if (cueIndex().data.notCues.has(word)) return undefined;
  const cue = cueIndex().byFirst.get(lemma(word))?.find((c) => c.words.length === 1 && (!c.dimensions || (dimension !== undefined && c.dimensions.includes(dimension))));
  return cue?.key;
}

/** The refiner: every date and quantity claim gets the subject and attribute its clause gives. */
export const describeAssertions: Refiner = (claims, article) => {
  // A list built by push, and each described claim written out key by key in claimAt's order: an object
  // spread and `.map` both cost more here than the description itself.
  const out: Claim[] = [];
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (c.kind !== 'quantity' && c.kind !== 'date') {
      out.push(c);
      continue;
    }
    // An extractor that knew better keeps its own: "the death toll rose to 93" is a toll (killed), not a rise.
    const found = describeClaim(article, c);
    const subject = c.subject ?? found.subject;
    const attribute = c.attribute ?? found.attribute;
    if (!subject && !attribute) {
      out.push(c);
      continue;
    }
    out.push({ id: c.id, source: c.source, kind: c.kind, extractor: c.extractor, span: c.span, value: c.value, context: c.context, subject, attribute });
  }
  return out;
};
