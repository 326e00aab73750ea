/**
 * The matching form of an article's text: what the extractors read when the text holds characters that
 * look like nothing but change what a pattern sees. Spans are never made in this form: `origin` maps
 * each of its offsets back to the text as read, and claims are moved back before anyone sees them.
 *
 *   "1,2\u200b00 passengers"  -> "1,200 passengers"   (a zero-width space inside a number)
 *   "4\u200d60"               -> "460"                (a zero-width joiner)
 *   "Jose\u0301 Garci\u0301a" -> "José García"        (decomposed accents composed: Unicode NFC)
 *   "Ma\u200brit"             -> "Marit"              (a name is no longer cut at the invisible character)
 *   "\u202e12\u202c"          -> "12"                 (bidirectional controls around a figure)
 *   "١٢٣" (Arabic-Indic), "１２３" (fullwidth) -> "123" (digits of other scripts as ASCII digits)
 */

/**
 * Characters that draw nothing and say nothing of the words: the soft hyphen, zero-width space,
 * non-joiner and joiner, word joiner and invisible operators, the byte-order mark used as a zero-width
 * no-break space, and the bidirectional marks, embeddings, overrides and isolates.
 */
const IGNORABLE = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

/**
 * What makes the matching form differ from the text: a character followed by combining marks (a cluster
 * NFC may compose), an ignorable character, or a decimal digit outside ASCII.
 */
const SPECIAL = new RegExp(`[^\\p{M}]\\p{M}+|\\p{M}+|[${IGNORABLE}]|(?![0-9])\\p{Nd}`, 'gu');
const ANY_SPECIAL = new RegExp(SPECIAL.source, 'u');
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const ONE_IGNORABLE = new RegExp(`^[${IGNORABLE}]$`, 'u');

export interface MatchingForm {
  text: string;
  /** `origin[i]` is the offset in the original text of the matching form's offset `i` (length + 1 entries). */
  origin: Int32Array;
}

/** The matching form of `text`, or undefined when it is the text itself (the common case: nothing to do). */
export function matchingForm(text: string): MatchingForm | undefined {
  if (!ANY_SPECIAL.test(text)) return undefined;
  const parts: string[] = [];
  const origin: number[] = [];
  let changed = false;
  let last = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    for (let i = from; i < to; i++) origin.push(i);
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m !== null; m = SPECIAL.exec(text)) {
    const at = m.index;
    const found = m[0];
    copy(last, at);
    last = at + found.length;
    const first = found.codePointAt(0) as number;
    if (ONE_IGNORABLE.test(found)) {
      // One ignorable character: dropped.
      changed = true;
      continue;
    }
    if (DECIMAL_DIGIT.test(found)) {
      parts.push(String(digitValue(first)));
      origin.push(at);
      changed = true;
      continue;
    }
    // A character and its combining marks, or marks alone: composed where NFC composes them. Every
    // unit of the composed cluster points at the cluster's start, so a span ending after it ends after
    // the whole cluster in the original.
    const composed = found.normalize('NFC');
    if (composed === found) {
      copy(at, last);
      continue;
    }
    parts.push(composed);
    for (let i = 0; i < composed.length; i++) origin.push(at);
    changed = true;
  }
  if (!changed) return undefined;
  copy(last, text.length);
  origin.push(text.length);
  return { text: parts.join(''), origin: Int32Array.from(origin) };
}

const DIGIT_VALUES = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits 0 to 9 in one
 * contiguous run (a stability guarantee), and runs that touch are whole runs of ten: the count of
 * digits just before this one, modulo 10, is its value ("٣", U+0663, has three before it: 3).
 */
export function digitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  const known = DIGIT_VALUES.get(codePoint);
  if (known !== undefined) return known;
  let before = 0;
  while (before < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - before - 1))) before++;
  const value = before % 10;
  DIGIT_VALUES.set(codePoint, value);
  return value;
}

/** The matching-form offset of the original `offset`: the first matching offset at or after it. */
export function toMatching(form: MatchingForm, offset: number): number {
  const o = form.origin;
  let lo = 0;
  let hi = o.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
