import type { Article } from '../types';

/**
 * Look-ups that replace scans from the start of a line or over every claim: binary searches over
 * sorted offsets, so an extractor stays O(n log n) on a 20 MB article or a single 5 MB line.
 */

const EVERY_MEMO: RecentArticles<unknown>[] = [];

/**
 * Lets go of everything the memos keep for `article`, once its extraction is over: a 10 MB article's
 * tokens, sentence tables and marks (several hundred MB) would otherwise stay through the comparison.
 * Only memory: asked again, each memo computes the same values afresh.
 */
export function forgetArticle(article: Article): void {
  for (const memo of EVERY_MEMO) memo.forget(article);
  for (const hook of FORGET_HOOKS) hook(article);
}

const FORGET_HOOKS: ((article: Article) => void)[] = [];

/** Runs `hook` whenever `forgetArticle` lets go of an article: for a memo kept outside `RecentArticles`. */
export function onForgetArticle(hook: (article: Article) => void): void {
  FORGET_HOOKS.push(hook);
}

/**
 * A memo for the articles being extracted right now: it holds the values of the last `slots` articles
 * only. A WeakMap on articles would keep every article's tokens alive for as long as the corpus is
 * (hundreds of MB for 8k articles); extraction reads one article at a time, so two slots lose nothing.
 */
export class RecentArticles<V> {
  private keys: Article[] = [];
  private values: V[] = [];
  constructor(private readonly slots = 2) {
    EVERY_MEMO.push(this);
  }
  /** Lets go of what is kept for `article`. */
  forget(article: Article): void {
    const i = this.keys.indexOf(article);
    if (i < 0) return;
    this.keys.splice(i, 1);
    this.values.splice(i, 1);
  }
  get(article: Article): V | undefined {
    const i = this.keys.indexOf(article);
    return i >= 0 ? this.values[i] : undefined;
  }
  set(article: Article, value: V): void {
    const i = this.keys.indexOf(article);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    this.keys.push(article);
    this.values.push(value);
    if (this.keys.length > this.slots) {
      this.keys.shift();
      this.values.shift();
    }
  }
}

/** Index of the last element of `sorted` that is <= `value` (by `key`), or -1. */
export function lastAtOrBefore<T>(sorted: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * `lastAtOrBefore(sorted, value, (x) => x)` for a list of numbers. The hot look-ups read plain offsets:
 * a key callback shared by lists of several object shapes made every inlined caller check one more shape
 * and fall back to slow code whenever a new one came ("wrong map" deoptimizations early in a run).
 */
export function lastAtOrBeforeValue(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** `firstAtOrAfter(sorted, value, (x) => x)` for a list of numbers. */
export function firstAtOrAfterValue(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of `sorted` that is >= `value` (by `key`); `sorted.length` when none. */
export function firstAtOrAfter<T>(sorted: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const startOf = (r: readonly [number, number]) => r[0];

/**
 * True when `offset` lies in one of `ranges`, which are sorted by start and do not overlap (lines):
 * the same answer as `ranges.some(([s, e]) => offset >= s && offset < e)` in O(log n).
 */
export function inSortedRanges(ranges: readonly (readonly [number, number])[], offset: number): boolean {
  const i = lastAtOrBefore(ranges, offset, startOf);
  return i >= 0 && offset < ranges[i][1];
}

const NEWLINES = new RecentArticles<number[]>();

/** Offsets of every "\n" of the article text, ascending (memoized per article). */
export function newlineOffsets(article: Article): number[] {
  let nl = NEWLINES.get(article);
  if (!nl) {
    nl = [];
    const text = article.reader;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) nl.push(i);
    NEWLINES.set(article, nl);
  }
  return nl;
}

/** `text.lastIndexOf('\n', offset - 1) + 1` for offset >= 1, by binary search: where the "\n"-line of `offset` starts. */
export function lfLineStart(article: Article, offset: number): number {
  const nl = newlineOffsets(article);
  const i = lastAtOrBeforeValue(nl, Math.max(0, offset - 1));
  return i >= 0 ? nl[i] + 1 : 0;
}

/** `text.indexOf('\n', offset)` by binary search: -1 when no line break follows. */
export function nextNewline(article: Article, offset: number): number {
  const nl = newlineOffsets(article);
  const i = firstAtOrAfterValue(nl, offset);
  return i < nl.length ? nl[i] : -1;
}

/** Ranges sorted by start (ties in any order), with what is needed to ask "which contain offset p?" fast. */
export interface RangeIndex<T extends { start: number; end: number }> {
  items: readonly T[];
  /** `starts[i]`, `ends[i]`: the offsets of `items[i]`. */
  starts: number[];
  ends: number[];
  /** `maxEnd[i]` = the largest `end` among `items[0..i]`. */
  maxEnd: number[];
}

/** Indexes items already sorted by `start`. */
export function rangeIndex<T extends { start: number; end: number }>(items: readonly T[]): RangeIndex<T> {
  const starts: number[] = [];
  const ends: number[] = [];
  const maxEnd: number[] = [];
  // Offsets are never negative: -1 keeps `m` a small integer, and so the lists of small integers.
  let m = -1;
  for (let i = 0; i < items.length; i++) {
    const { start, end } = items[i];
    if (end > m) m = end;
    starts.push(start);
    ends.push(end);
    maxEnd.push(m);
  }
  return { items, starts, ends, maxEnd };
}

/**
 * True when some item other than `items[except]` has `start <= p < end`: the same answer as
 * `items.some((o, j) => j !== except && p >= o.start && p < o.end)`, walking back only over items
 * that can still reach `p`.
 */
export function coveredByOther<T extends { start: number; end: number }>(index: RangeIndex<T>, p: number, except = -1): boolean {
  const { starts, ends, maxEnd } = index;
  for (let j = lastAtOrBeforeValue(starts, p); j >= 0 && maxEnd[j] > p; j--) {
    if (j !== except && ends[j] > p) return true;
  }
  return false;
}

/**
 * Tells whether `[start, end)` overlaps any range marked so far, for ranges inside `[lo, hi)`: the same
 * answer as `taken.some((t) => t.start < end && start < t.end)` when every range is non-empty, in time
 * proportional to the range's length rather than to the number taken.
 */
export class Occupancy {
  private readonly marks: Uint8Array;
  constructor(private readonly lo: number, hi: number) {
    this.marks = new Uint8Array(Math.max(0, hi - lo));
  }
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.marks[i - this.lo] === 1) return true;
    return false;
  }
  mark(start: number, end: number): void {
    this.marks.fill(1, start - this.lo, end - this.lo);
  }
}

/**
 * Longest range wins where ranges overlap; ties go to the earlier one. Result sorted by start.
 * "May 5, 2024" beats "May 5" and "2024" inside it.
 */
export function chooseLongest<T extends { start: number; end: number }>(found: readonly T[]): T[] {
  if (found.length <= SMALL) return chooseLongestSmall(found);
  const order = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: T[] = [];
  if (found.some((f) => f.end <= f.start)) {
    // An empty range can sit strictly inside another: keep the plain pairwise test for those inputs.
    for (const f of order) if (!taken.some((t) => t.start < f.end && f.start < t.end)) taken.push(f);
  } else {
    let lo = Infinity;
    let hi = -Infinity;
    for (const f of found) {
      if (f.start < lo) lo = f.start;
      if (f.end > hi) hi = f.end;
    }
    const occupied = new Occupancy(lo, hi);
    for (const f of order) {
      if (occupied.overlaps(f.start, f.end)) continue;
      taken.push(f);
      occupied.mark(f.start, f.end);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}


// Up to this many candidates (an article's dates or amounts, as a rule) are chosen by pairwise tests.
const SMALL = 16;

/**
 * `chooseLongest` for a few candidates: the same stable orders built by insertion, and the pairwise
 * overlap test, which is what the marks of `Occupancy` answer for non-empty ranges.
 */
function chooseLongestSmall<T extends { start: number; end: number }>(found: readonly T[]): T[] {
  // Longest first, then earliest; equal ones keep their order (a stable sort).
  const order: T[] = [];
  for (const f of found) {
    let i = order.length;
    while (i > 0) {
      const o = order[i - 1];
      const d = f.end - f.start - (o.end - o.start) || o.start - f.start;
      if (d <= 0) break;
      i--;
    }
    insertAt(order, i, f);
  }
  const taken: T[] = [];
  for (const f of order) {
    let free = true;
    for (const t of taken) {
      if (t.start < f.end && f.start < t.end) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    // By start, stable: after every taken range that starts at or before it.
    let i = taken.length;
    while (i > 0 && taken[i - 1].start > f.start) i--;
    insertAt(taken, i, f);
  }
  return taken;
}

/** `list.splice(i, 0, x)` without the array splice returns. */
export function insertAt<T>(list: T[], i: number, x: T): void {
  list.push(x);
  for (let j = list.length - 1; j > i; j--) list[j] = list[j - 1];
  list[i] = x;
}
