import type { Span } from '../types';

/** Offsets of the first character of every line. A line ends at "\n", "\r\n" or a lone "\r". */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of `offset`, by binary search over `lineStarts`. */
export function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

/** The span `[start, end)` of `text`, with its exact text and 1-based line/column. */
export function makeSpan(text: string, lineStarts: readonly number[], start: number, end: number): Span {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`span [${start}, ${end}) outside text of length ${text.length}`);
  }
  const { line, column } = lineColumn(lineStarts, start);
  return new SpanObject(start, end, text.slice(start, end), line, column);
}

/**
 * A span, made by `new` rather than as an object literal, so that V8 never moves all spans to the old
 * generation (see TokenObject in text/tokens.ts): every claim has one, and most are garbage by the next
 * article. Its fields are a plain object's, in the same order.
 */
class SpanObject implements Span {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public line: number,
    public column: number,
  ) {}
}
