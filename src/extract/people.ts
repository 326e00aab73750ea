import type { Article, Claim, Extractor, PersonClaim, PersonValue, Vocabulary } from '../types';
import { makeSpan } from '../text/span';
import { RecentArticles, inSortedRanges } from '../text/lookup';
import { contextAround } from '../text/context';
import { REPORTING_VERBS } from './people/lexicon';
import { nameKey, nameWords } from './people/names';
import { capitalRuns, isHonorific, isSentenceStarter, isSpace, nonNameWord, peelWord, wordTokens, type WordTok } from './people/runs';

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
  const text = article.text;
  let start = article.bodyStart;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Most lines end in a period: told from their last characters, without copying the line.
    if (mayBeHeadline(text, start, end) && isHeadline(text.slice(start, end).replace(/\r$/, ''))) out.push([start, end]);
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}

// False where `isHeadline` is false for its ending alone: a blank line, more than 160 characters, or a
// last character (spaces aside) of ".", ":" or ";", maybe followed by one quote mark.
function mayBeHeadline(text: string, start: number, end: number): boolean {
  let b = start;
  let e = end;
  while (b < e && isSpace(text.charCodeAt(b))) b++;
  while (e > b && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === b || e - b > 160) return false;
  const isStop = (c: number) => c === 46 || c === 58 || c === 59;
  const last = text.charCodeAt(e - 1);
  if (isStop(last)) return false;
  const quote = last === 34 || last === 39 || last === 0x201d || last === 0x2019;
  return !(quote && e - 1 > b && isStop(text.charCodeAt(e - 2)));
}

function isHeadline(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 160 || /[.:;]["'\u201d\u2019]?$/.test(trimmed)) return false;
  const long = trimmed.match(/[\p{L}][\p{L}'\u2019\-]{3,}/gu) ?? [];
  if (long.length < 2) return false;
  const caps = long.filter(startsUpper).length;
  return caps / long.length >= 0.75;
}

/** `/^\p{Lu}$/u.test(word)`: one capital letter, an initial ("W"). */
function isInitial(word: string): boolean {
  if (word.length === 1) {
    const c = word.charCodeAt(0);
    if (c < 128) return c >= 65 && c <= 90;
  } else if (word.length !== 2) return false;
  return /^\p{Lu}$/u.test(word);
}

// `/^\p{Lu}/u.test(word)` without a regex for ASCII: "Roe" yes, "roe" and "2021" no.
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

// Headline ranges are lines in order: a binary search, not a scan per candidate.
function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  return inSortedRanges(ranges, offset);
}

interface Candidate {
  start: number;
  end: number;
  words: WordTok[];
  honorific?: string;
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
      return findPeople(article, ctx.rules.vocabulary);
    } catch {
      return [];
    }
  },
};

function findPeople(article: Article, vocabulary: Vocabulary): Claim[] {
  const extraVerbs = vocabulary.reportingVerbs;
  const text = article.text;
  const toks = wordTokens(article);
  const headlines = headlineRanges(article);
  // Words the article also writes in lower case: read only for a sentence-initial candidate.
  let lowerSet: Set<string> | undefined;
  const lowerWords = (lower: string): boolean => {
    if (!lowerSet) {
      lowerSet = new Set<string>();
      for (const t of toks) if (!startsUpper(t.text)) lowerSet.add(t.lower);
    }
    return lowerSet.has(lower);
  };
  const candidates: Candidate[] = [];
  // Capitalized words standing alone elsewhere: a place or org that may lead a run ("to Ruritania Jane Roe").
  // Counted when first asked: only a run of three words or more asks.
  let alone: Map<string, number> | undefined;
  const runs = capitalRuns(text, toks);
  const placeLike = (w: string): boolean => {
    if (!alone) {
      alone = new Map<string, number>();
      for (const run of runs) if (run.length === 1) alone.set(run[0].lower, (alone.get(run[0].lower) ?? 0) + 1);
    }
    return (alone.get(w) ?? 0) >= 2 || vocabulary.aliases.has(w);
  };
  for (const run of runs) {
    for (const c of candidatesOf(run, placeLike)) {
      // candidatesOf made `c` for this call alone: completed in place rather than copied.
      const cand = c as Candidate;
      cand.headline = inRanges(headlines, c.start);
      candidates.push(cand);
    }
  }
  const confirmed = new Set<string>();
  // Each body candidate's key, made once: both loops below ask for it (a headline's is made from its part).
  const keys = candidates.map((c) => (c.headline ? '' : keyOf(c)));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!c.headline && !c.initial) confirmed.add(keys[i]);
  }
  // "Roe told reporters" elsewhere shows that a sentence-initial "Jane Roe" is a name. Read only when a
  // sentence-initial candidate needs it.
  let actsAloneSet: Set<string> | undefined;
  const actsAlone = (lower: string): boolean => {
    if (!actsAloneSet) {
      actsAloneSet = new Set<string>();
      for (let i = 0; i + 1 < toks.length; i++) {
        const t = toks[i];
        if (t.cap && evidenceAfter(text, t.end, t, extraVerbs)) actsAloneSet.add(t.lower);
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
    if (c.initial && !confirmed.has(key) && !evidenceAfter(text, c.end, last, extraVerbs) && !actsAlone(last.lower)) continue;
    if (c.initial && !confirmed.has(key) && c.words.some((w) => lowerWords(w.lower))) continue;
    const name = text.slice(c.start, c.end);
    const ws = nameWords(name);
    const surnameTok = c.words[c.words.length - 1];
    // Keys in this order (the order they are written out); optional ones only when present.
    const value: PersonValue = { type: 'person', name, key, surname: surnameTok.text };
    if (ws.length > 1) value.given = text.slice(c.start, surnameTok.start).trim();
    if (c.honorific) value.honorific = c.honorific;
    claims.push({
      id: `person@${c.start}-${c.end}`,
      source: article.id,
      kind: 'person',
      extractor: 'people',
      span: makeSpan(text, article.lineStarts, c.start, c.end),
      value,
      context: contextAround(article, c.start, c.end, vocabulary),
    });
  }
  claims.sort((a, b) => a.span.start - b.span.start);
  return claims;
}

// "Mayor Jane Roe Defends Budget": in a headline, only the words that make a name known from the body.
function headlinePart(c: Candidate, confirmed: ReadonlySet<string>): Candidate | undefined {
  for (let n = c.words.length; n >= 2; n--) {
    const words = c.words.slice(0, n);
    if (confirmed.has(nameKey(words.map((w) => w.text).join(' ')))) return { ...c, words, end: words[n - 1].end };
  }
  return undefined;
}

function keyOf(c: Candidate): string {
  return nameKey(c.words.map((w) => w.text).join(' '));
}

// After a sentence-initial name: "Jane Roe, the mayor, said" or "Jane Roe said" shows it is a name.
function evidenceAfter(text: string, end: number, last: WordTok, verbs: ReadonlySet<string>): boolean {
  if (last.possessive) return false;
  const after = text.slice(end, end + 40);
  if (/^\s*[,(]/.test(after)) return true;
  const m = /^\s+(?:has\s+|had\s+|also\s+|later\s+)?([a-z]+)/.exec(after);
  return !!m && (REPORTING_VERBS.has(m[1]) || verbs.has(m[1]) || m[1] === 'spoke' || m[1] === 'speaks');
}

/** Name candidates inside one run of capitalized words (normally zero or one). */
function candidatesOf(run: WordTok[], placeLike: (lower: string) => boolean): Omit<Candidate, 'headline'>[] {
  // One capitalized word ("Kaduna", "The") is never a full name: most runs end here.
  if (run.length < 2) return [];
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
  if (rest.some((t) => nonNameWord(t.lower) && !isHonorific(t.lower))) return [];
  if (rest.some((t) => t.cap && isHonorific(t.lower))) {
    // "Jane Roe King" (an honorific after the name) is not a name pattern we trust.
    return [];
  }
  // Drop single-letter initials at either end ("W." alone is not a name).
  while (rest.length && isInitial(rest[rest.length - 1].text)) rest = rest.slice(0, -1);
  const nameToks = rest.filter((t) => t.cap && !isInitial(t.text));
  if (nameToks.length < 2 || nameToks.length > 4 || !rest[0].cap || !rest[rest.length - 1].cap) return [];
  if (nameToks.some((t) => t.text.length < 2)) return [];
  const first = rest[0];
  const last = rest[rest.length - 1];
  const honorific = honor.length ? honor.map((t) => t.text).join(' ') : undefined;
  return [{ start: first.start, end: last.end, words: rest, honorific, initial: first.initial }];
}
