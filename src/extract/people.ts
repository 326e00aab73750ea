import type { Article, Claim, Extractor, PersonClaim, PersonValue } from '../types';
import { countryWords } from '../lang/lists';
import { claimAt } from './claim';
import { RecentArticles, inSortedRanges } from '../text/lookup';
import { REPORTING_VERBS } from './people/lexicon';
import { keyWords, nameKey, nameWords } from './people/names';
import { capitalRuns, isHonorific, isInitialWord, isSentenceStarter, nonNameWord, peelWord, wordTokens, type WordTok } from './people/runs';
import { isSpaceCode, wordAfterSpaces } from '../text/scan';
import { lowerCaseWords, startsUpper, type LowerCaseWords } from '../text/tokens';
import { listSet } from '../lang/lists';

let THING_WORDS: { heads: Set<string>; prefixes: Set<string>; nouns: Set<string>; ofHeads: Set<string> } | undefined;

/**
 * Whether a name candidate names a thing, not a person (lang/en/org-words.yaml): its last word ("Tarrow
 * Memorial", "Velmar Airport") or first word ("Fort Velmar", "Hurricane Oda") says so, it follows an
 * organization's "of" ("Department of Financial Protection"), or a noun for a thing follows it ("a Storm
 * Hawk helicopter", "the Velmar Dunes project").
 */
function namesThing(text: string, c: Candidate): boolean {
  THING_WORDS ??= {
    heads: listSet('org-words', 'not-person-heads'), prefixes: listSet('org-words', 'not-person-prefixes'), nouns: listSet('org-words', 'thing-nouns'),
    ofHeads: listSet('org-words', 'of-phrase-heads'),
  };
  const first = c.words[0].lower;
  const last = c.words[c.words.length - 1];
  if (THING_WORDS.heads.has(last.lower) || THING_WORDS.prefixes.has(first)) return true;
  // "the Department of Financial Protection": capitalized words after "<department> of" name the body's field.
  const of = /(\p{L}+)\s+of\s+$/u.exec(text.slice(Math.max(0, c.start - 30), c.start));
  if (of && THING_WORDS.ofHeads.has(of[1].toLowerCase())) return true;
  if (last.possessive) return false;
  const next = wordAfterSpaces(text, c.end);
  return next !== '' && THING_WORDS.nouns.has(next);
}

/**
 * Lines written in Title Case without a final period: headlines and section heads, where every word
 * is capitalized and a capital says nothing about a name ("Union Rejects Smith's Demand").
 * Returns `[start, end)` ranges.
 */
export function headlineRanges(article: Article): [number, number][] {
  // People, titles and quotes all ask: computed once per article. Treat the result as read-only.
  let memo = HEADLINES.get(article);
  if (!memo) HEADLINES.set(article, (memo = computeHeadlineRanges(article)));
  return memo;
}

const HEADLINES = new RecentArticles<[number, number][]>();

function computeHeadlineRanges(article: Article): [number, number][] {
  const out: [number, number][] = [];
  const text = article.reader;
  let start = article.bodyStart;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (isHeadlineAt(text, start, end)) out.push([start, end]);
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}

/**
 * Whether the line `text[start, end)` is a headline: spaces aside, 1 to 160 characters, no final ".",
 * ":" or ";" (maybe followed by one quote mark), and at least two words of four letters or more, three
 * quarters of them capitalized. Read in place: most lines end in a period and are told from their end.
 */
function isHeadlineAt(text: string, start: number, end: number): boolean {
  let b = start;
  let e = end;
  while (b < e && isSpaceCode(text.charCodeAt(b))) b++;
  while (e > b && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e === b || e - b > 160) return false;
  const last = text.charCodeAt(e - 1);
  if (isStop(last)) return false;
  const quote = last === 34 || last === 39 || last === 0x201d || last === 0x2019;
  if (quote && e - 1 > b && isStop(text.charCodeAt(e - 2))) return false;
  // The words `/[\p{L}][\p{L}'\u2019\-]{3,}/gu` matches, for an ASCII line: a letter and three or more letters,
  // "'" or "-". A shorter run holds no match at a later letter either, so the scan goes on after it.
  let long = 0;
  let caps = 0;
  for (let i = b; i < e; ) {
    const c = text.charCodeAt(i);
    if (c >= 128) return capsShare(text.slice(b, e));
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < e && isAsciiWordChar(text.charCodeAt(j))) j++;
    if (j - i >= 4) {
      long++;
      if (c <= 90) caps++;
    }
    i = j;
  }
  return long >= 2 && caps / long >= 0.75;
}

const isStop = (c: number): boolean => c === 46 || c === 58 || c === 59;
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
// A letter, "'" or "-": what may follow the first letter of a word `isHeadlineAt` counts ("Roe's", "Anti-Graft").
const isAsciiWordChar = (c: number): boolean => c === 39 || c === 45 || isAsciiLetter(c);

// The capitalized share test of `isHeadlineAt` on a line with other than ASCII, by the regex itself.
function capsShare(line: string): boolean {
  const long = line.match(/[\p{L}][\p{L}'\u2019\-]{3,}/gu) ?? [];
  if (long.length < 2) return false;
  const caps = long.filter(startsUpper).length;
  return caps / long.length >= 0.75;
}

/** One capital letter, an initial: "W", "J." (its period kept by the tokenizer), or one astral capital. */
function isInitial(word: string): boolean {
  return isInitialWord(word) || (word.length === 2 && /^\p{Lu}$/u.test(word));
}

// Headline ranges are lines in order: a binary search, not a scan per candidate.
function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  return inSortedRanges(ranges, offset);
}

interface Candidate {
  start: number;
  end: number;
  words: WordTok[];
  /** "Fire Chief" in "Fire Chief Helga Marsh", else "". */
  honorific: string;
  headline: boolean;
  initial: boolean;
}

/**
 * Finds full names (given name and surname) in an article: "Qari Jane Roe" -> name "Jane Roe",
 * honorific "Qari". Bare surnames, organizations ("White House", "Harbor Watch"), places and
 * capitalized headline words are not people. One claim per full-name mention.
 */
export const peopleExtractor: Extractor = {
  id: 'people',
  kinds: ['person'],
  extract(article, ctx) {
    try {
      return findPeople(article);
    } catch {
      return [];
    }
  },
};

function findPeople(article: Article): Claim[] {
  const countries = countryWords();
  const text = article.reader;
  const toks = wordTokens(article);
  const headlines = headlineRanges(article);
  // Words the article also writes in lower case: read only for a sentence-initial candidate.
  let lowerSet: LowerCaseWords | undefined;
  const lowerWords = (lower: string): boolean => (lowerSet ??= lowerCaseWords(article)).has(lower);
  const candidates: Candidate[] = [];
  // Capitalized words standing alone twice elsewhere: a place or org that may lead a run ("to Ruritania
  // Jane Roe"). Only a run of three words or more asks, a few times per article: the first asks count
  // through the runs, and from the ninth on a map of every lone word answers (a long article stays linear).
  const runs = capitalRuns(text, toks);
  let alone: Map<string, number> | undefined;
  let asked = 0;
  const placeLike = (w: string): boolean => {
    if (alone === undefined && ++asked > 8) alone = countAlone(runs);
    const n = alone !== undefined ? alone.get(w) ?? 0 : countAloneUpTo(runs, w, 2);
    return n >= 2 || countries.has(w);
  };
  for (const run of runs) {
    const c = candidateOf(run, placeLike, () => isHonorific(wordBefore(text, run[0].start)));
    if (c === null) continue;
    // candidateOf made `c` for this call alone: completed in place rather than copied.
    c.headline = inRanges(headlines, c.start);
    candidates.push(c);
  }
  const confirmed = new Set<string>();
  // Each body candidate's key, made once: both loops below ask for it (a headline's is made from its part).
  // A literal list filled by push (see `joinTexts`).
  const keys: string[] = [];
  for (const c of candidates) {
    const key = c.headline ? '' : keyOf(c);
    keys.push(key);
    if (!c.headline && !c.initial) confirmed.add(key);
  }
  // "Roe told reporters" elsewhere shows that a sentence-initial "Jane Roe" is a name. Read only when a
  // sentence-initial candidate needs it.
  let actsAloneSet: Set<string> | undefined;
  const actsAlone = (lower: string): boolean => {
    if (!actsAloneSet) {
      actsAloneSet = new Set<string>();
      for (let i = 0; i + 1 < toks.length; i++) {
        const t = toks[i];
        if (t.cap && evidenceAfter(text, t.end, t)) actsAloneSet.add(t.lower);
      }
    }
    return actsAloneSet.has(lower);
  };
  const claims: PersonClaim[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c0 = candidates[i];
    const c = c0.headline ? headlinePart(c0, confirmed) : c0;
    if (!c) continue;
    const key = c === c0 ? keys[i] : keyOf(c);
    const last = c.words[c.words.length - 1];
    if (c.initial && !confirmed.has(key) && !evidenceAfter(text, c.end, last) && !actsAlone(last.lower)) continue;
    if (c.initial && !confirmed.has(key) && c.words.some((w) => lowerWords(w.lower))) continue;
    if (namesThing(text, c)) continue;
    claims.push(personClaim(article, c, key));
  }
  claims.sort((a, b) => a.span.start - b.span.start);
  return claims;
}

// The claim of a name found: a function of its own, so that the loop above stays small (compiled early).
function personClaim(article: Article, c: Candidate, key: string): PersonClaim {
  const text = article.reader;
  const name = text.slice(c.start, c.end);
  // The name as written is mostly its words one space apart, the very string its key was made from.
  const ws = spacedOnce(text, c.words) ? keyWords(key) : nameWords(name);
  const surnameTok = c.words[c.words.length - 1];
  // Keys in this order (the order they are written out); optional ones only when present.
  const value: PersonValue = { type: 'person', name, key, surname: surnameTok.text };
  if (ws.length > 1) value.given = text.slice(c.start, surnameTok.start).trim();
  if (c.honorific) value.honorific = c.honorific;
  return claimAt(article, 'people', c.start, c.end, value);
}

// How often each word stands alone as a run of one.
function countAlone(runs: readonly WordTok[][]): Map<string, number> {
  const alone = new Map<string, number>();
  for (const run of runs) if (run.length === 1) alone.set(run[0].lower, (alone.get(run[0].lower) ?? 0) + 1);
  return alone;
}

// How often `lower` stands alone as a run of one, counted up to `limit`.
function countAloneUpTo(runs: readonly WordTok[][], lower: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < runs.length && n < limit; i++) if (runs[i].length === 1 && runs[i][0].lower === lower) n++;
  return n;
}

// "Mayor Jane Roe Defends Budget": in a headline, only the words that make a name known from the body.
function headlinePart(c: Candidate, confirmed: ReadonlySet<string>): Candidate | undefined {
  for (let n = c.words.length; n >= 2; n--) {
    if (confirmed.has(nameKey(joinTexts(c.words, n)))) {
      const words = c.words.slice(0, n);
      return candidate(c.start, words[n - 1].end, words, c.honorific, c.initial, c.headline);
    }
  }
  return undefined;
}

function keyOf(c: Candidate): string {
  return nameKey(joinTexts(c.words, c.words.length));
}

// Whether the words stand one space apart in `text`, so that the text they span is `joinTexts` of them:
// "Jane Roe" yes, "W. Roe" and "Jane  Roe" no.
function spacedOnce(text: string, words: readonly WordTok[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const gap = words[i - 1].end;
    if (words[i].start !== gap + 1 || text.charCodeAt(gap) !== 32) return false;
  }
  return true;
}

// The first `n` words' texts joined by spaces: ["Jane", "Roe"] -> "Jane Roe". A loop, not `map(...).join`:
// the array `map` makes carries no allocation feedback, and V8 threw the optimized callers away ("wrong map").
function joinTexts(words: readonly WordTok[], n: number): string {
  let s = words[0].text;
  for (let i = 1; i < n; i++) s += ' ' + words[i].text;
  return s;
}

// After a sentence-initial name: "Jane Roe, the mayor, said" or "Jane Roe said" shows it is a name.
function evidenceAfter(text: string, end: number, last: WordTok): boolean {
  if (last.possessive) return false;
  const after = text.slice(end, end + 40);
  if (/^\s*[,(]/.test(after)) return true;
  const m = /^\s+(?:has\s+|had\s+|also\s+|later\s+)?([a-z]+)/.exec(after);
  return !!m && (REPORTING_VERBS.has(m[1]) || m[1] === 'spoke' || m[1] === 'speaks');
}

// Every candidate is made here, so that all share one object shape (a spread copy would get another).
function candidate(start: number, end: number, words: WordTok[], honorific: string, initial: boolean, headline: boolean): Candidate {
  return { start, end, words, honorific, headline, initial };
}

/** The word (letters) right before `at`, lower case, across spaces: "the harbor chief S Varga" at "S" -> "chief". */
function wordBefore(text: string, at: number): string {
  let e = at;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && b > e - 24 && isLetterAt(text, b - 1)) b--;
  return text.slice(b, e).toLowerCase();
}

const LETTER = /\p{L}/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

/** The name candidate inside one run of capitalized words, or null; `titled` tells whether a title word in lower case precedes the run ("chief S Varga"). */
function candidateOf(run: WordTok[], placeLike: (lower: string) => boolean, titled: () => boolean = () => false): Candidate | null {
  // One capitalized word ("Kaduna", "The") is never a full name: most runs end here.
  if (run.length < 2) return null;
  let i = 0;
  const honor: WordTok[] = [];
  while (i < run.length) {
    const t = run[i];
    const lead = run.length - i >= 3 && placeLike(t.lower);
    if (peelWord(t.lower) || isSentenceStarter(t.lower) || lead) {
      if (isHonorific(t.lower)) honor.push(t);
      else honor.length = 0;
      i++;
      continue;
    }
    break;
  }
  let rest = run.slice(i);
  // "Fire Chief Helga Marsh", "Harbour Master Tomas Leclair": a title of several capitalized words before
  // the name. The name is what follows the last honorific, when that is at least two words.
  for (let k = rest.length - 3; k >= 0; k--) {
    if (rest[k].cap && isHonorific(rest[k].lower)) {
      honor.length = 0;
      honor.push(rest[k]);
      rest = rest.slice(k + 1);
      break;
    }
  }
  // A run that goes on into org words is an organization's name: "Jane Roe Foundation", "Harbor Watch".
  if (rest.some((t) => nonNameWord(t.lower) && !isHonorific(t.lower))) return null;
  if (rest.some((t) => t.cap && isHonorific(t.lower))) {
    // "Jane Roe King" (an honorific after the name) is not a name pattern we trust.
    return null;
  }
  // Drop single-letter initials at either end ("W." alone is not a name).
  while (rest.length && isInitial(rest[rest.length - 1].text)) rest = rest.slice(0, -1);
  const nameToks = rest.filter((t) => t.cap && !isInitial(t.text));
  // "Chief Engineer K Varga", "Dr. T. R. Osei": after a title, initials and a surname are a name.
  const titledInitials = nameToks.length === 1 && rest.length >= 2 && isInitial(rest[0].text) && (honor.length > 0 || titled());
  if ((nameToks.length < 2 && !titledInitials) || nameToks.length > 4 || !rest[0].cap || !rest[rest.length - 1].cap) return null;
  if (nameToks.some((t) => t.text.length < 2)) return null;
  const first = rest[0];
  const last = rest[rest.length - 1];
  // A string either way (never undefined): the field then keeps one representation from the start.
  const honorific = honor.length ? joinTexts(honor, honor.length) : '';
  return candidate(first.start, last.end, rest, honorific, first.initial, false);
}
