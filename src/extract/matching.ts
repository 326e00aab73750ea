import type { Article, Claim, Span } from '../types';
import { computeLineStarts, makeSpan } from '../text/span';
import { matchingForm, toMatching, type MatchingForm } from '../text/matching-form';
import { splitSentences } from '../lang/sentences';

/**
 * The article as the extractors should read it, when its text has a matching form (text/matching-form.ts):
 * the same article with the composed, digit-folded text without invisible characters, and `restore`, which
 * moves the claims found in it back onto the text as read. Undefined when the text is its own matching
 * form. "Ma\u200brit Olsen said" is read as "Marit Olsen said"; the person's span is [0, 12) of the text
 * as read, zero-width space included, and the claim's id says so ("person@0-12").
 */
export function inMatchingForm(article: Article): { article: Article; restore: (claims: Claim[]) => Claim[]; range: (start: number, end: number) => [number, number] } | undefined {
  // The form of what extractors read (`reader`: the file with its markup blanked, offset for offset), so
  // its offsets map back onto the file as read just as they map back onto the reader.
  const form = matchingForm(article.reader);
  if (!form) return undefined;
  const bodyStart = toMatching(form, article.bodyStart);
  const lineStarts = computeLineStarts(form.text);
  const ref = article.referenceDate;
  const view: Article = {
    ...article,
    text: form.text,
    reader: form.text,
    bodyStart,
    lineStarts,
    sentences: splitSentences(form.text, bodyStart),
    referenceDate: ref?.span ? { ...ref, span: makeSpan(form.text, lineStarts, toMatching(form, ref.span.start), toMatching(form, ref.span.end)) } : ref,
  };
  return {
    article: view,
    restore: (claims) => claims.map((c) => restoreValue(c, form, article) as Claim),
    range: (start, end) => originalRange(form, article.text, start, end),
  };
}

/** Offsets in a claim's id and in ids made like it ("quote@12-40", "q@3-90"). */
const OFFSET_ID = /^([a-z][a-z-]*)@(\d+)-(\d+)$/;

function isSpan(v: Record<string, unknown>): v is Span & Record<string, unknown> {
  return typeof v.start === 'number' && typeof v.end === 'number' && typeof v.text === 'string' && typeof v.line === 'number' && typeof v.column === 'number';
}

/** The original range of the matching range [start, end): invisible characters after its end are not taken in. */
function originalRange(form: MatchingForm, original: string, start: number, end: number): [number, number] {
  const from = form.origin[start];
  if (end <= start) return [from, from];
  let to = form.origin[end];
  while (to > from && form.origin[end - 1] < to - 1 && isDropped(original.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** The characters the matching form drops (see IGNORABLE there). */
function isDropped(c: number): boolean {
  return c === 0xad || c === 0x61c || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** `value` with every span and offset id in it moved back to the original article. */
function restoreValue(value: unknown, form: MatchingForm, original: Article): unknown {
  if (typeof value === 'string') {
    const m = OFFSET_ID.exec(value);
    if (!m) return value;
    const [start, end] = originalRange(form, original.text, Number(m[2]), Number(m[3]));
    return `${m[1]}@${start}-${end}`;
  }
  if (Array.isArray(value)) return value.map((v) => restoreValue(v, form, original));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (isSpan(record)) {
    const [start, end] = originalRange(form, original.text, record.start, record.end);
    return makeSpan(original.text, original.lineStarts, start, end);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = restoreValue(record[key], form, original);
  return out;
}
