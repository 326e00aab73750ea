import type { Article } from '../../types';
import { bodyWords, type Token, type WordTok } from '../../text/tokens';
import { isSpaceCode } from '../../text/scan';
import { TITLE_MODIFIERS } from '../../lang/words';
import { CALENDAR_WORDS, HONORIFICS, NAME_PARTICLES, ORG_WORDS, ROLE_WORDS, SENTENCE_STARTERS } from './lexicon';

/** Words that qualify a role and are peeled off the front of a name run (lang/en/titles.yaml). */
export { TITLE_MODIFIERS };

export type { WordTok } from '../../text/tokens';

/**
 * Word tokens of the article body with possessives split off and sentence-initial words marked.
 * Read with the body's tokens, once per article (people, titles and quotes all read them): treat the
 * result as read-only.
 */
export function wordTokens(article: Article): WordTok[] {
  return bodyWords(article);
}

// What the people word lists say of a word, as bits of one map: one look-up per word, not one per list.
const ORG = 1;
const NON_NAME = 2;
const HONORIFIC = 4;
const STARTER = 8;
const WORD_KINDS = new Map<string, number>();
const mark = (list: ReadonlySet<string>, bits: number) => {
  for (const w of list) WORD_KINDS.set(w, (WORD_KINDS.get(w) ?? 0) | bits);
};
mark(ORG_WORDS, ORG | NON_NAME);
mark(CALENDAR_WORDS, NON_NAME);
mark(ROLE_WORDS, NON_NAME);
mark(TITLE_MODIFIERS, NON_NAME);
mark(HONORIFICS, HONORIFIC);
mark(SENTENCE_STARTERS, STARTER);

const kindOf = (lower: string): number => WORD_KINDS.get(lower) ?? 0;

/** True when `word` (lower case) can never be part of a person's name. */
// Not memoized: a look-up in the small map of listed words costs less than one in a map of every word
// met, which grows past the processor's caches on real text with its many distinct words.
export function nonNameWord(lower: string): boolean {
  return (kindOf(lower) & NON_NAME) !== 0 || orgPlural(lower);
}

// Plurals of org words: "republics", "forces".
function orgPlural(lower: string): boolean {
  const n = lower.length;
  return n > 4 && lower.charCodeAt(n - 1) === 115 && (kindOf(lower.slice(0, -1)) & ORG) !== 0;
}

/** True when `word` (lower case) is peeled off the front of a run: honorifics, roles, org words. */
export function peelWord(lower: string): boolean {
  return (kindOf(lower) & (HONORIFIC | NON_NAME)) !== 0 || orgPlural(lower);
}

/**
 * Runs of capitalized words joined only by spaces (a particle like "bin" may sit inside; an initial
 * like "W." too). A possessive ends a run: "Jane Roe's Demand" -> "Jane Roe".
 */
export function capitalRuns(text: string, toks: readonly WordTok[]): WordTok[][] {
  const runs: WordTok[][] = [];
  let cur: WordTok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap) {
      // Most words are lower case with no run open: nothing to end.
      if (cur.length === 0) continue;
      if (middleInitialAt(text, toks, i)) {
        cur.push(t);
        continue;
      }
      // "Osama bin Laden": a particle between capitalized words stays in the run; any other word ends it.
      // The next word asked first: a look-up of every word after a run would hash each one.
      if (toks[i + 1]?.cap !== true || !NAME_PARTICLES.has(t.lower)) {
        runs.push(cur);
        cur = [];
        continue;
      }
    }
    if (cur.length > 0 && !joinable(text, cur[cur.length - 1], t)) {
      runs.push(cur);
      cur = [];
    }
    cur.push(t);
    if (t.possessive) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/**
 * Token `i` is a middle initial inside a run: "J." in "Mara J. Tennent", one capital letter (its period
 * kept), a space after the run's last word and before a capitalized word of the same sentence. "Plan B.
 * Then" is no name: "Then" opens a sentence of its own.
 */
function middleInitialAt(text: string, toks: readonly WordTok[], i: number): boolean {
  const t = toks[i];
  const next = toks[i + 1];
  return (
    isInitialWord(t.text) &&
    next !== undefined &&
    next.cap &&
    !next.initial &&
    !t.possessive &&
    gapKind(text, toks[i - 1], t) === SPACE &&
    gapKind(text, t, next) === SPACE
  );
}

/** One capital letter, with or without its period: "J." or "J" (an initial), not "U.S." or "JR". */
export function isInitialWord(word: string): boolean {
  const n = word.length;
  if (n === 0 || n > 2 || (n === 2 && word.charCodeAt(1) !== 46)) return false;
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}$/u.test(word[0]);
}

// Whether `t` continues the run that ends in `prev`: "Jane Roe" (a space), "W. Roe" or "Dr. Roe" (a period and a space).
function joinable(text: string, prev: WordTok, t: WordTok): boolean {
  if (prev.possessive) return false;
  const gap = gapKind(text, prev, t);
  return gap === SPACE || (gap === OTHER_GAP && (/^\p{Lu}$/u.test(prev.text) || HONORIFICS.has(prev.lower)));
}

const NO_GAP = 0;
const SPACE = 1;
const OTHER_GAP = 2;

/**
 * What `gapOf` gives, read from the one or two characters between the words: SPACE for " " (or a tab
 * or no-break space), OTHER_GAP for another single space character or ". " ("W. Roe"), NO_GAP otherwise.
 */
function gapKind(text: string, a: Token, b: Token): number {
  const d = b.start - a.end;
  if (d === 1) {
    const c = text.charCodeAt(a.end);
    if (c === 32 || c === 9 || c === 0xa0) return SPACE;
    return c !== 10 && c !== 13 && isSpaceCode(c) ? OTHER_GAP : NO_GAP;
  }
  if (d === 2) {
    const c = text.charCodeAt(a.end + 1);
    return text.charCodeAt(a.end) === 46 && c !== 10 && c !== 13 && isSpaceCode(c) ? OTHER_GAP : NO_GAP;
  }
  return NO_GAP;
}

/** True for the honorific and role words that are printed before a name ("Dr", "President", "Sheikh"). */
export function isHonorific(lower: string): boolean {
  return (kindOf(lower) & HONORIFIC) !== 0;
}

/** True when the lower-case word opens sentences but never names ("However", "Multiple"). */
export function isSentenceStarter(lower: string): boolean {
  return (kindOf(lower) & STARTER) !== 0;
}
