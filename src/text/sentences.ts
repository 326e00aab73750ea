import type { Sentence } from '../types';

// Abbreviations whose period does not end a sentence: "U.S. President", "Dr. Smith", "Sept. 21".
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'rep', 'sen', 'gov', 'st', 'jr', 'sr',
  'rev', 'hon', 'pres', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'approx', 'est', 'fig', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
  'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'd.c', 'mt', 'ft',
]);

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/**
 * Splits `text[from, to)` into sentences with offsets. A blank line or a single line break also ends a
 * sentence (headlines and datelines have no final period). Sentences are trimmed of surrounding spaces.
 * "He said, "Not now." Then he left." -> two sentences, the closing quote kept with the first.
 */
export function splitSentences(text: string, from = 0, to = text.length): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Run of terminal punctuation: "!!!", "?!", "..."
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < to && CLOSERS.has(text[j])) j++;
    if (j < to && !/\s/.test(text[j])) {
      i = j - 1;
      continue;
    }
    if (ch === '.' && j === i + 1) {
      const wordStart = lastWordStart(text, i, start);
      const word = text.slice(wordStart, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /^([a-z]\.)+[a-z]$/i.test(word)) {
        // "U.S. President" keeps going; "in the U.S. The next" is ambiguous: end only before a clear sentence start.
        const next = nextNonSpace(text, j, to);
        if (next < 0 || !/^[A-Z]/.test(text[next]) || ABBREVIATIONS.has(word) || isTitleWord(text, next) || isMiddleInitial(text, wordStart, i, next)) {
          i = j - 1;
          continue;
        }
      }
      // "3. Then" is a list item, "3.5" was handled above (no space).
    }
    // Lower-case continuation after "..." or "!" inside a quote ("We will say no more... if they refuse")
    const next = nextNonSpace(text, j, to);
    if (next >= 0 && /[a-z]/.test(text[next]) && !hasLineBreak(text, j, next)) {
      i = j - 1;
      continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return out;
}

function lastWordStart(text: string, dot: number, floor: number): number {
  let k = dot;
  while (k > floor && /[A-Za-z.]/.test(text[k - 1])) k--;
  return k;
}

function nextNonSpace(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (!/\s/.test(text[k])) return k;
  return -1;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text[k] === '\n' || text[k] === '\r') return true;
  return false;
}

// "U.S. President Ada Ross": a capitalized title word after an abbreviation continues the sentence.
const TITLE_WORDS = /^(President|Secretary|Senator|Minister|Ambassador|Army|Navy|Air|Department|State|Government|Congress|Forces|Officials?|Troops|Military|Defense|Embassy|Treasury|Attorney|Supreme|Court|Senate|House|Postal|Open|Dollar|Dollars)\b/;
function isTitleWord(text: string, at: number): boolean {
  return TITLE_WORDS.test(text.slice(at, at + 20));
}

// Words that open a sentence far more often than they follow a middle initial: "Plan B. Then it failed."
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those then there here but and or so yet if when while ' +
    'after before as at in on for by from with his her its their our my your no not one some all both each ' +
    'many most more other such what who how why where still also however meanwhile now later today'
  ).split(' '),
);

/**
 * A single capital letter between a capitalized word and a capitalized word that does not open sentences
 * is a middle initial, not a sentence end: "Mara J. Tennent said" is one sentence, "Plan B. Then" two.
 */
function isMiddleInitial(text: string, wordStart: number, dot: number, next: number): boolean {
  if (!/^[A-Z]$/.test(text.slice(wordStart, dot))) return false;
  // The word before the initial: letters only, capitalized ("Mara"), one space away.
  const k = wordStart - 1;
  if (k < 1 || text[k] !== ' ') return false;
  let b = k;
  while (b > 0 && /[A-Za-z]/.test(text[b - 1])) b--;
  if (b === k || !/^[A-Z][a-z]/.test(text.slice(b, k))) return false;
  let e = next;
  while (e < text.length && /[A-Za-z]/.test(text[e])) e++;
  const after = text.slice(next, e);
  return /^[A-Z][a-z]+$/.test(after) && !SENTENCE_OPENERS.has(after.toLowerCase());
}
