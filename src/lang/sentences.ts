import type { Sentence } from '../types';
import { MIDDLE_INITIAL_BREAKERS, SENTENCE_ABBREVIATIONS, TIME_ABBREVIATIONS, WORDS_AFTER_ABBREVIATION, WORDS_AFTER_TIME } from './words';

// Abbreviations whose period does not end a sentence: "U.S. President", "Dr. Smith", "Sept. 21"
// (lang/en/sentences.yaml, with the month and weekday abbreviations of lang/en/calendar.yaml).
const ABBREVIATIONS = SENTENCE_ABBREVIATIONS;

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
        const timeEnds = TIME_ABBREVIATIONS.has(word) && next >= 0 && /^[A-Z]/.test(text[next]) && !WORDS_AFTER_TIME.has(wordAt(text, next).toLowerCase());
        if (!timeEnds && (next < 0 || !/^[A-Z]/.test(text[next]) || ABBREVIATIONS.has(word) || isTitleWord(text, next) || isMiddleInitial(text, wordStart, i, next))) {
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

/** The letters from `at`: "Watch" in "Watch live coverage". */
function wordAt(text: string, at: number): string {
  let e = at;
  while (e < text.length && /[A-Za-z]/.test(text[e])) e++;
  return text.slice(at, e);
}

function nextNonSpace(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (!/\s/.test(text[k])) return k;
  return -1;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text[k] === '\n' || text[k] === '\r') return true;
  return false;
}

// "U.S. President Ada Ross": a capitalized title word after an abbreviation continues the sentence
// (lang/en/sentences.yaml).
const TITLE_WORDS = WORDS_AFTER_ABBREVIATION;
function isTitleWord(text: string, at: number): boolean {
  return TITLE_WORDS.test(text.slice(at, at + 20));
}

// Words that open a sentence far more often than they follow a middle initial: "Plan B. Then it failed."
const SENTENCE_OPENERS = MIDDLE_INITIAL_BREAKERS;

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
