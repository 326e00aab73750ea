import type { Article } from '../types';
import { execAt, marksOf, sticky } from '../text/scan';
import { RecentArticles } from '../text/lookup';

/**
 * Stretches of text where no date or quantity may be read: URLs, social handles and hashtags, e-mail
 * addresses and phone numbers. "pic.twitter.com/x55mv1cbZb" holds digits that are not amounts;
 * "(@PortAuthority2)" is a handle, not the number 2.
 */
// Every alternative starts at a rare character ("h", "w", ".", "@", "#", "+", "(", a digit), so the scan is
// cheap; the part of a bare-domain URL or e-mail address before its "." or "@" is found by walking back.
const EXCLUDED = new RegExp(
  [
    // URLs with a scheme or www: "https://x.co/a1", "www.example.com/2021/07"
    String.raw`(?:https?:\/\/|www\.)[^\s<>"'\u201c\u201d)\]]+`,
    // bare-domain URLs from their top-level domain on: "pic.twitter.com/x55mv1cbZb" (".com/x55mv1cbZb")
    String.raw`\.(?:com|org|net|gov|edu|io|co|uk|af|int|info|ly|be|me|tv)\/[^\s<>"'\u201c\u201d)\]]*`,
    // @handles, e-mail domains and #hashtags: "@PortAuthority2", "name@example.org"
    String.raw`[@#][\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_-]+)*`,
    // phone numbers: "+1 202-555-0143", "(202) 555-0143", "202.555.0143"
    String.raw`(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b`,
  ].join('|'),
  'gu',
);

function isAddressChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 43 || c === 45;
}

/** Adds one EXCLUDED match to the sorted ranges, merged with the last one when they touch. */
function addRange(out: [number, number][], text: string, from: number, m: RegExpExecArray): void {
  let s = m.index;
  const first = m[0].charCodeAt(0);
  // ".com/..." and "@example.org" belong to the address before them: "pic.twitter", "name".
  if (first === 46 || first === 64) while (s > from && isAddressChar(text.charCodeAt(s - 1))) s--;
  const e = m.index + m[0].length;
  const last = out[out.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else out.push([s, e]);
}

/** Sorted, disjoint `[start, end)` ranges of `text[from, to)` that extractors must skip. */
export function excludedRanges(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  EXCLUDED.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = EXCLUDED.exec(text)) !== null) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      EXCLUDED.lastIndex++;
      continue;
    }
    addRange(out, text, from, m);
  }
  return out;
}

const RANGES = new RecentArticles<{ from: number; ranges: [number, number][] }>();

/** `excludedRanges` of an article body, computed once per article (dates and quantities share it). */
export function excludedRangesOf(article: Article): [number, number][] {
  const hit = RANGES.get(article);
  if (hit && hit.from === article.bodyStart) return hit.ranges;
  const ranges = excludedRangesAt(article.reader, article.bodyStart, marksOf(article).exclusionStarts);
  RANGES.set(article, { from: article.bodyStart, ranges });
  return ranges;
}

const EXCLUDED_Y = sticky(EXCLUDED);

/**
 * `excludedRanges(text, from)` with EXCLUDED tried only at `starts` (ascending): the offsets where one of
 * its alternatives can begin, which the article's marks list (`Marks.exclusionStarts` in text/scan.ts).
 * Most articles have none: prose has no "." before a lower-case letter, no "@", no phone number.
 */
function excludedRangesAt(text: string, from: number, starts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  execAt(EXCLUDED_Y, text, from, starts, (m) => addRange(out, text, from, m));
  return out;
}

/** True when `[start, end)` overlaps one of the sorted ranges (binary search). */
export function overlapsAny(ranges: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
