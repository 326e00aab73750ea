import type { Article, Claim, Extractor, PersonValue, QuantityValue } from '../types';
import { claimsAt } from './claim';
import { lookupHedge, HEDGE_SOURCE, hedgeInterval } from '../normalize/hedges';
import { parseNumeral, parseSpelledNumber, SPELLED_NUMBER_SOURCE } from '../normalize/numbers';
import { round12 } from '../normalize/numbers';
import { lookupCurrencyName, lookupUnit } from '../normalize/units';
import { attributeOfWord } from './assertions';
import { lemma, singularNoun } from '../lang/word-forms';
import { COUNT_STOPPERS, NAMED_SCALES, ORDINAL_WORDS, PEOPLE_VERB_FILLERS, PEOPLE_VERBS, PLURAL_WITHOUT_S, RANK_WORDS, TOLL_COUNTED, TOLL_NOUNS, TOLL_VERBS, VAGUE_COUNTS } from '../lang/words';
import { lang } from '../lang/load';
import { phraseAlternation } from '../text/pattern';
import { FOLD, LETTERS, WordTable, execAt, kindOf, marksOf, sticky, type Marks } from '../text/scan';

/**
 * Figures the amount extractor leaves alone because nothing after the number names what it counts, read
 * here from the words around them:
 * - a toll: "the death toll rose to 93", "put the number of injuries at 1,175" (people);
 * - a bare number that is the subject of what happened to people: "over 800 were injured",
 *   "793 have been discharged" (people);
 * - a vague count: "hundreds of residents" (200 to 999), "dozens of homes" (24 to 99);
 * - an age: "Mara Quell, 61,", "Mara Quell (61)", "the 61-year-old engineer Mara Quell", "Mara Quell was
 *   61 years old", "aged 61" after a name: dimension `age`, subject the person.
 * Spans hold the number (with its hedge) only, so they never overlap an amount or a date claimed before.
 */
export const figureExtractor: Extractor = {
  id: 'figures',
  kinds: ['quantity'],
  extract(article, ctx, earlier) {
    const taken = earlier.filter((c) => c.kind === 'quantity' || c.kind === 'date').map((c) => [c.span.start, c.span.end] as const);
    const free = (s: number, e: number) => !taken.some(([a, b]) => a < e && s < b);
    const starts = startsOf(marksOf(article));
    const found = [...tolls(article, starts.toll), ...peopleCounts(article, starts.verb), ...vagueCounts(article, starts.vague), ...ages(article, earlier), ...ranks(article), ...scaleValues(article), ...partitiveParts(article)]
      .filter((f) => f.start >= article.bodyStart && free(f.start, f.end))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const out: typeof found = [];
    for (const f of found) if (!out.some((g) => g.start < f.end && f.start < g.end)) out.push(f);
    const claims = claimsAt(article, 'figures', out);
    for (let i = 0; i < claims.length; i++) {
      const { subject, attribute } = out[i];
      if (subject) claims[i].subject = subject;
      if (attribute) claims[i].attribute = attribute;
    }
    return claims;
  },
};

interface Found {
  start: number;
  end: number;
  value: QuantityValue;
  subject?: Claim['subject'];
  attribute?: string;
}

const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)`;
const HEDGED = `(?:(${HEDGE_SOURCE})\\s+)?(${NUMBER}|${SPELLED_NUMBER_SOURCE})`;

function count(value: number, text: string, hedgePhrase: string | undefined, counted: string): QuantityValue {
  const h = hedgePhrase ? lookupHedge(hedgePhrase) : undefined;
  const [low, high] = hedgeInterval(value, h);
  const v: QuantityValue = { type: 'quantity', dimension: 'count', unit: 'count', low, high, stated: [{ value, unit: 'count', text }], counted };
  if (h) v.hedge = h.hedge;
  return v;
}

function numberOf(raw: string): number | null {
  const n = parseNumeral(raw);
  if (n) return n.value;
  return parseSpelledNumber(raw.toLowerCase());
}

// "the death toll rose to 93", "the toll stood at 80", "the number of injuries at 1,175", "toll to 61".
const TOLL_NOUN = `(?:${phraseAlternation(TOLL_NOUNS)})`;
const TOLL = new RegExp(
  `\\b(?:${TOLL_NOUN}|number\\s+of\\s+(?:${phraseAlternation(TOLL_COUNTED)}))` +
    `(?:\\s+[\\p{L}\u2019']+){0,3}?\\s+(?:to|at|of)\\s+${HEDGED}(?![\\p{L}\\p{N},.]*\\d)(?!\\s*(?:%|percent|per\\s?cent))`,
  'giu',
);

// "The death toll in Friday's ferry fire off Velmar Point climbed to 61": the toll's phrase runs on (within its
// sentence) to a verb of TOLL_VERBS, then the figure. The word before the figure is checked by lemma.
const TOLL_RUNNING = new RegExp(
  `\\b${TOLL_NOUN}\\b[^.;:!?\\n]{0,120}?\\s(\\p{L}+)\\s+(?:to\\s+|at\\s+)?${HEDGED}(?![\\p{L}\\p{N},.]*\\d)(?!\\s*(?:%|percent|per\\s?cent))`,
  'giu',
);

// The word that says what a toll counts, in the toll's match: "number of injuries" -> "injuries".
const TOLL_WHAT = new RegExp(`(${phraseAlternation([...TOLL_NOUNS, ...TOLL_COUNTED])})`, 'iu');

function tolls(article: Article, starts: readonly number[]): Found[] {
  const found = tollsOf(article, TOLL_Y, starts, 1);
  const seen = new Set(found.map((f) => f.start));
  for (const f of tollsOf(article, TOLL_RUNNING_Y, starts, 2)) if (!seen.has(f.start)) found.push(f);
  return found.sort((a, b) => a.start - b.start);
}

/** The toll figures `re` finds at `starts`; its hedge and number are groups `first` and `first + 1` (a verb group before, for TOLL_RUNNING). */
function tollsOf(article: Article, re: RegExp, starts: readonly number[], first: number): Found[] {
  return matches(article, re, starts, (m, start) => {
    if (first === 2 && !TOLL_VERBS.has(lemma(m[1].toLowerCase()))) return null;
    const hedge = m[first];
    const number = m[first + 1];
    const value = numberOf(number);
    if (value === null || value < 1) return null;
    // The hedge and number end the match: "rose to nearly 90" -> "nearly 90".
    const numberAt = m[0].length - number.length;
    const from = hedge ? m[0].lastIndexOf(hedge, numberAt) : numberAt;
    // What the toll counts: "death toll" -> killed, "number of injuries" -> injured.
    const noun = TOLL_WHAT.exec(m[0])![1];
    const attribute = attributeOfWord(noun.split(/\s+/)[0], 'count') ?? 'killed';
    return { start: start + from, end: start + m[0].length, value: count(value, m[0].slice(from), hedge, 'person'), attribute };
  });
}

// "over 800 have been reported injured", "793 were discharged", "at least 40 died": a bare number before
// what happened to people (people-verbs of lang/en/numbers.yaml).
const PEOPLE_VERB = `(?:${PEOPLE_VERBS.join('|')})`;
const BARE = new RegExp(
  `(?<![\\p{L}\\p{N},.$€£₹%-])${HEDGED}\\s+(?:(?:${phraseAlternation(PEOPLE_VERB_FILLERS)})\\s+){0,4}${PEOPLE_VERB}\\b`,
  'giu',
);

// The verbs alone, found first: the full pattern is tried only in the few words before each.
const PEOPLE_VERB_RE = new RegExp(`\\b${PEOPLE_VERB}\\b`, 'giu');
const BARE_BEFORE = new RegExp(`${BARE.source}$`, 'iu');

function peopleCounts(article: Article, starts: readonly number[]): Found[] {
  const out: Found[] = [];
  const text = article.reader;
  execAt(PEOPLE_VERB_Y, text, article.bodyStart, starts, (v) => {
    // A window of about 80 characters ending with the verb, starting after a space (never inside a number).
    let from = Math.max(article.bodyStart, v.index - 80);
    while (from > article.bodyStart && from < v.index && !/\s/.test(text[from - 1])) from++;
    const end = v.index + v[0].length;
    const m = BARE_BEFORE.exec(text.slice(from, end));
    if (!m) return;
    const found = bareCount(m, from + m.index);
    if (found) out.push(found);
  });
  return out;
}

function bareCount(m: RegExpExecArray, start: number): Found | null {
  {
    const value = numberOf(m[2]);
    if (value === null || value < 2 || (/^\d{4}$/.test(m[2]) && value >= 1800 && value <= 2100)) return null;
    // The match opens with the hedge and number: "over 800 were injured" -> "over 800".
    const text = m[0].slice(0, m[0].indexOf(m[2], m[1] ? m[1].length : 0) + m[2].length);
    // The verb says what is stated: "over 800 were injured" -> injured.
    const verb = /[\p{L}]+$/u.exec(m[0])![0];
    return { start, end: start + text.length, value: count(value, text, m[1], 'person'), attribute: attributeOfWord(verb, 'count') };
  }
}

// "hundreds of residents", "dozens of homes", "hundreds of thousands of voters": the vague counts of
// lang/en/numbers.yaml, longest first.
const VAGUE = new RegExp(String.raw`\b(${phraseAlternation(VAGUE_COUNTS.keys())})\s+of\s+(?:the\s+)?([\p{L}-]+)`, 'giu');

function vagueCounts(article: Article, starts: readonly number[]): Found[] {
  return matches(article, VAGUE_Y, starts, (m, start) => {
    const range = VAGUE_COUNTS.get(m[1].toLowerCase().replace(/\s+/g, ' '));
    const noun = m[2].toLowerCase();
    // "dozens of miles", "thousands of dollars": amounts, not counts. A plural is "homes" or one of the
    // plurals without an s ("thousands of people", "hundreds of children").
    const plural = PLURAL_WITHOUT_S.has(noun) || (noun.endsWith('s') && noun.length >= 4);
    if (!range || !plural || lookupUnit(noun) || lookupCurrencyName(noun)) return null;
    const counted = singularNoun(noun);
    const value: QuantityValue = {
      type: 'quantity', dimension: 'count', unit: 'count', low: range[0], high: range[1],
      stated: [{ value: range[0], unit: 'count', text: m[1] }], counted, hedge: 'approx',
    };
    return { start, end: start + m[0].length, value };
  });
}

// An ordinal word: "third", "Fourth", "twenty-first".
const ORDINAL_RE = new RegExp(String.raw`(?<![\p{L}-])(${phraseAlternation(Object.keys(ORDINAL_WORDS))})(?![\p{L}-])`, 'giu');
// The two words before the ordinal: "became the", "said its", "Velmar Air's".
const RANK_BEFORE = /(?:([\p{L}'\u2019]+)\s+)?([\p{L}'\u2019.&-]+)\s+$/u;
const RANK_WORD = /^\s+([\p{L}][\p{L}-]*)/u;
const RECORD_FILLER = new RegExp(String.raw`^\s+(?:${phraseAlternation(RANK_WORDS.recordFillers)})(?![\p{L}])`, 'iu');
const RECORD_TO = /^\s+to\s+(\p{Ll}+)/u;
// "its second day", "the third week": a position in time is no rank of a thing.
const TIME_UNITS = new Set(lang().units.units.filter((u) => u.dimension === 'duration').flatMap((u) => u.names.map((n) => n.toLowerCase())));

/**
 * Ranks: an ordinal that states a fact, as a count in unit `rank` of its series ("its third test flight",
 * "Velmar Air's second crash": counted `flight`, `crash`) or in unit `record` ("became the fourth country",
 * "the fourth country to land on the Moon": counted `country`, `country to land`). A series belongs to its
 * owner, so two of its ranks conflict; a record may be told of two feats ("to land on the Moon" / "to land
 * near its pole"), so its ranks only agree (numeric-tolerance). An ordinal with neither ("the third
 * victim", "the 15th Velmar Summit") is a place in a list or a name: no claim.
 */
function ranks(article: Article): Found[] {
  const text = article.reader;
  const out: Found[] = [];
  ORDINAL_RE.lastIndex = article.bodyStart;
  for (let m = ORDINAL_RE.exec(text); m; m = ORDINAL_RE.exec(text)) {
    const word = m[1];
    // "Third" opening a sentence or a heading is no owner's rank; the ordinal is written in lower case.
    if (word !== word.toLowerCase()) continue;
    const start = m.index;
    const before = RANK_BEFORE.exec(text.slice(Math.max(article.bodyStart, start - 60), start));
    if (!before) continue;
    const [, previous2, previous] = before;
    const lower = previous.toLowerCase();
    // "its third", "Velmar Air's third" (a capitalized possessive): a series of its owner.
    const series = RANK_WORDS.possessives.has(lower) || (/['\u2019]s$/u.test(previous) && previous[0] !== previous[0].toLowerCase());
    if (!series && lower !== 'the') continue;
    const linked = !series && previous2 !== undefined && RANK_WORDS.linkingVerbs.has(previous2.toLowerCase());
    // The ranked noun: up to four words, the last in lower case and no stop word ("third Velmar orbital flight attempt").
    let end = start + word.length;
    let head: string | undefined;
    let headEnd = end;
    for (let i = 0; i < 4; i++) {
      const w = RANK_WORD.exec(text.slice(end, end + 40));
      if (!w || COUNT_STOPPERS.has(w[1].toLowerCase())) break;
      end += w[0].length;
      if (w[1] === w[1].toLowerCase()) {
        head = w[1];
        headEnd = end;
      } else if (head !== undefined) break;
    }
    if (head === undefined) continue;
    if (RANK_WORDS.notRanked.has(head) || TIME_UNITS.has(head) || TIME_UNITS.has(singularNoun(head))) continue;
    // "the fourth country (in the world) to land": a record, named by its verb.
    let after = headEnd;
    const filler = RECORD_FILLER.exec(text.slice(after, after + 30));
    if (filler) after += filler[0].length;
    const to = RECORD_TO.exec(text.slice(after, after + 30));
    const isRecord = !series && (linked || to !== null);
    if (!series && !isRecord) continue;
    const counted = singularNoun(head) + (isRecord && to ? ` to ${lemma(to[1])}` : '');
    const value = ORDINAL_WORDS[word];
    const unit = isRecord ? 'record' : 'rank';
    out.push({
      start, end: headEnd,
      value: { type: 'quantity', dimension: 'count', unit, low: value, high: value, stated: [{ value, unit, text: word }], counted },
    });
  }
  return out;
}

// "Category 3", "magnitude 7.8", "Level 4"; "7.8-magnitude". Not "level 3.5 percent" nor "category 2024".
const SCALE_AFTER = new RegExp(String.raw`(?<![\p{L}-])(${phraseAlternation(NAMED_SCALES.keys())})\s+(\d{1,2}(?:\.\d{1,2})?)(?![\d.,]*\d|\s*(?:%|percent|per\s+cent))`, 'giu');
const SCALE_BEFORE = new RegExp(String.raw`(?<![\p{N}.,])(\d{1,2}(?:\.\d{1,2})?)[-\s](${phraseAlternation(NAMED_SCALES.keys())})(?![\p{L}])`, 'giu');

/**
 * Numbers on a named scale: "made landfall as a Category 3 storm", "a magnitude 7.8 earthquake", "a
 * 7.5-magnitude quake": a count in unit `scale` of the scale's name, exact to its written digits, so
 * Category 3 and Category 4 conflict when they are said of one thing.
 */
function scaleValues(article: Article): Found[] {
  const text = article.reader;
  const out: Found[] = [];
  for (const [re, nameAt, numberAt] of [[SCALE_AFTER, 1, 2], [SCALE_BEFORE, 2, 1]] as const) {
    re.lastIndex = article.bodyStart;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = Number(m[numberAt]);
      if (!(value >= 0)) continue;
      const name = m[nameAt].toLowerCase();
      out.push({
        ...(NAMED_SCALES.get(name)?.fixed ? { attribute: name } : {}),
        start: m.index, end: m.index + m[0].length,
        value: { type: 'quantity', dimension: 'count', unit: 'scale', low: value, high: value, stated: [{ value, unit: 'scale', text: m[0] }], counted: name },
      });
    }
  }
  return out;
}

// "Two of the victims", "three of the 89 people": a number, "of", a determiner, maybe the whole's number, a plural.
const PART_OF = new RegExp(String.raw`(?<![\p{L}\p{N},.$€£₹%-])${HEDGED}\s+of\s+(?:the|its|their|those|these)\s+(?:(?:\d[\d,]*|${SPELLED_NUMBER_SOURCE})\s+)?([\p{L}-]+)`, 'giu');

/**
 * The part of a partitive: "Two of the victims have been identified" counts two victims (the verb gives
 * the attribute: identified). The span is the part's number (with its hedge); the whole, when stated
 * ("the 89 people"), is a claim of its own. Only plurals count: "two of the dead" names no noun.
 */
function partitiveParts(article: Article): Found[] {
  const text = article.reader;
  const out: Found[] = [];
  PART_OF.lastIndex = article.bodyStart;
  for (let m = PART_OF.exec(text); m; m = PART_OF.exec(text)) {
    const noun = m[3].toLowerCase();
    const plural = PLURAL_WITHOUT_S.has(noun) || (noun.endsWith('s') && noun.length >= 4);
    const value = numberOf(m[2]);
    if (!plural || value === null || value < 1 || lookupUnit(noun) || lookupCurrencyName(noun)) continue;
    const numberAt = m[0].indexOf(m[2], m[1] ? m[1].length : 0);
    const from = m[1] ? m[0].indexOf(m[1]) : numberAt;
    const shown = m[0].slice(from, numberAt + m[2].length);
    const attribute = partVerb(text, m.index + m[0].length);
    out.push({ start: m.index + from, end: m.index + numberAt + m[2].length, value: count(value, shown, m[1], singularNoun(noun)), ...(attribute ? { attribute } : {}) });
  }
  return out;
}

const AUXILIARY = new Set(PEOPLE_VERB_FILLERS.filter((w) => !w.includes(' ')));

/**
 * What the part's own verb states, read after the partitive phrase: "(two of the victims) have been
 * identified" -> identified; "(two of the 89 people) killed have been named" -> event:name (the participle
 * right before an auxiliary is the whole's). Undefined when no verb follows.
 */
function partVerb(text: string, at: number): string | undefined {
  const words = /^((?:\s+[\p{L}'\u2019-]+){1,6})/u.exec(text.slice(at, at + 80))?.[1].trim().split(/\s+/) ?? [];
  let k = 0;
  if (words.length > 1 && words[0].endsWith('ed') && AUXILIARY.has(words[1].toLowerCase())) k = 1;
  while (k < words.length && (AUXILIARY.has(words[k].toLowerCase()) || words[k].toLowerCase() === 'so' || words[k].toLowerCase() === 'far')) k++;
  const verb = words[k];
  if (!verb || !/^\p{Ll}+$/u.test(verb)) return undefined;
  return attributeOfWord(verb, 'count') ?? `event:${lemma(verb)}`;
}

/** Ages stated with a person's name (a person claim found before). */
function ages(article: Article, earlier: readonly Claim[]): Found[] {
  const text = article.reader;
  const out: Found[] = [];
  for (const c of earlier) {
    if (c.kind !== 'person') continue;
    const p = c.value as PersonValue;
    const subject = { text: p.name, key: p.key };
    const after = text.slice(c.span.end, c.span.end + 40);
    // "Mara Quell, 61," / "Mara Quell (61)" / "Mara Quell was 61 years old" / "Mara Quell, aged 61"
    const m = /^(?:,\s*(?:aged\s+)?|\s*\(\s*(?:aged\s+)?|\s+(?:was|is|,)\s+(?:aged\s+)?)(\d{1,3})(?=(?:\s*\)|\s+years?\s+old\b|\s*[,.;]\s|\s*[,.;]$))/.exec(after);
    if (m) {
      const value = Number(m[1]);
      const at = c.span.end + m[0].length - m[1].length;
      if (value >= 1 && value <= 120) out.push({ start: at, end: at + m[1].length, value: age(value, m[1]), subject });
      continue;
    }
    // "the 61-year-old engineer Mara Quell", "61-year-old U.S. Army Captain Mara Quell"
    const before = text.slice(Math.max(0, c.span.start - 60), c.span.start);
    const b = /(\d{1,3})-year-old\s+(?:[\p{L}.'\u2019-]+\s+){0,5}$/u.exec(before);
    if (b) {
      const value = Number(b[1]);
      const at = c.span.start - before.length + b.index;
      if (value >= 1 && value <= 120) out.push({ start: at, end: at + b[1].length + '-year-old'.length, value: age(value, `${b[1]}-year-old`), subject });
    }
  }
  return out;
}

function age(years: number, text: string): QuantityValue {
  return { type: 'quantity', dimension: 'age', unit: 'year', low: round12(years), high: round12(years + 0.999), stated: [{ value: years, unit: 'year', text }] };
}

/** The matches of a global scan of `re` over the body, tried only at `starts` (see text/scan.ts). */
function matches(article: Article, re: RegExp, starts: readonly number[], build: (m: RegExpExecArray, start: number) => Found | null): Found[] {
  const out: Found[] = [];
  execAt(re, article.reader, article.bodyStart, starts, (m) => {
    const f = build(m, m.index);
    if (f && article.reader.slice(f.start, f.end).length > 0) out.push(f);
  });
  return out;
}

// Sticky copies, tried only at the offsets `startsOf` lists.
const TOLL_Y = sticky(TOLL);
const TOLL_RUNNING_Y = sticky(TOLL_RUNNING);
const VAGUE_Y = sticky(VAGUE);
const PEOPLE_VERB_Y = sticky(PEOPLE_VERB_RE);

// The words each pattern opens with, by their first three letters (see text/scan.ts). None of the toll and
// vague-count openers has an "s" or "k" among them, so "\u017f" (read as "s") or "\u212a" (read as "k") by
// a case-insensitive Unicode pattern never hides one: "tho\u017fands" still opens with "tho".
const WORDS = new WordTable();
const TOLL_OPENER = WORDS.add(['death', 'toll', 'tally', 'number']);
const VAGUE_OPENER = WORDS.add([...new Set([...VAGUE_COUNTS.keys()].map((phrase) => phrase.split(' ')[0]))]);
const PEOPLE_VERB_OPENER = WORDS.add([...PEOPLE_VERBS]);

interface Starts {
  toll: number[];
  vague: number[];
  verb: number[];
}

/**
 * Offsets where each pattern may match: a superset of the offsets a global scan would match at. Several
 * verbs do have an "s" or "k" in their first letters ("mi\u017f\u017fing" is "missing" to the pattern): in a
 * text with such a character, every word start is a verb's candidate.
 */
function startsOf(marks: Marks): Starts {
  const s: Starts = { toll: [], vague: [], verb: [] };
  const { pos, info } = marks;
  let fold = false;
  for (let i = 0; i < pos.length; i++) {
    const k = kindOf(info[i]);
    if (k === FOLD) fold = true;
    if (k !== LETTERS) continue;
    const bits = WORDS.classes(info[i]);
    if (bits === 0) continue;
    if (bits & TOLL_OPENER) s.toll.push(pos[i]);
    if (bits & VAGUE_OPENER) s.vague.push(pos[i]);
    if (bits & PEOPLE_VERB_OPENER) s.verb.push(pos[i]);
  }
  if (fold) {
    s.verb = [];
    for (let i = 0; i < pos.length; i++) {
      const k = kindOf(info[i]);
      if (k === LETTERS || k === FOLD) s.verb.push(pos[i]);
    }
  }
  return s;
}

/**
 * Each figure pattern as a global regex, with the offsets of the article where it is tried. For tests: the
 * offsets must hold every offset where a global scan of the pattern from the body's start finds a match.
 */
export function figureCandidates(article: Article): { pattern: RegExp; starts: number[] }[] {
  const s = startsOf(marksOf(article));
  return [
    { pattern: TOLL, starts: s.toll },
    { pattern: VAGUE, starts: s.vague },
    { pattern: PEOPLE_VERB_RE, starts: s.verb },
  ];
}
