/**
 * Quote marks of an article, paired into quoted segments and grouped into quotations.
 * Offsets are into the article text; every loop is linear in the paragraph length.
 */

/** One stretch of words between an opening and a closing quote mark (or a paragraph end). */
export interface Segment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  /** The quoted words `[innerStart, innerEnd)`, without the marks. */
  innerStart: number;
  innerEnd: number;
  /** Paragraph (line) index. */
  paragraph: number;
  single: boolean;
}

/** A paragraph: one line of the body, `[start, end)` without the line break. */
export interface Paragraph {
  start: number;
  end: number;
  headline: boolean;
}

/** Lines of `text[from, ...)` as paragraphs. */
export function paragraphs(text: string, from: number, headline: (start: number) => boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const e = end > start && text[end - 1] === '\r' ? end - 1 : end;
    out.push({ start, end: e, headline: headline(start) });
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}

const LETTER = /[\p{L}\p{N}]/u;
const OPEN_BEFORE = /[\s(\[\u2014\u2013\-\/:,;]/;

// What a mark can be, from the characters either side: '"' after a space opens, after a word closes.
function roleOf(text: string, i: number, pStart: number, pEnd: number, headline: boolean): 'open' | 'close' | 'both' | null {
  const ch = text[i];
  const prev = i > pStart ? text[i - 1] : '';
  const next = i + 1 < pEnd ? text[i + 1] : '';
  const openCtx = prev === '' || OPEN_BEFORE.test(prev);
  switch (ch) {
    case '\u201c':
    case '\u201e':
      return 'open';
    case '\u201d':
      return 'close';
    case '"':
      if (/\d/.test(prev) && !LETTER.test(next)) return null; // 6" pipe
      if (openCtx && next !== '' && !/\s/.test(next)) return 'open';
      if (!openCtx) return 'close';
      return 'both';
    case '\u2018':
      return openCtx && LETTER.test(next) ? 'open' : null;
    case '\u2019':
    case "'":
      if (ch === "'" && !headline) return null;
      if (ch === "'" && openCtx && LETTER.test(next)) return 'open';
      // An apostrophe sits between letters ("Roe's", "don't"); a closing mark does not.
      if (prev !== '' && !/\s/.test(prev) && !LETTER.test(next)) return 'close';
      return null;
    default:
      return null;
  }
}

// '"', "'", "\u2018", "\u2019", "\u201c", "\u201d", "\u201e".
const QUOTE_MARK = /["'\u2018\u2019\u201c\u201d\u201e]/g;

// The last answer of `nextMark`: no mark lies in [lastFrom, lastAt) of lastText.
let lastText = '';
let lastFrom = 0;
let lastAt = 0;

/**
 * Offset of the first quote mark at or after `from`, or `text.length`. Paragraphs without marks are
 * skipped through the previous answer, so a long run of them is not scanned again for each.
 */
function nextMark(text: string, from: number): number {
  if (text === lastText && from >= lastFrom && from <= lastAt) return lastAt;
  QUOTE_MARK.lastIndex = from;
  const m = QUOTE_MARK.exec(text);
  lastText = text;
  lastFrom = from;
  lastAt = m === null ? text.length : m.index;
  return lastAt;
}

const isDouble = (ch: string) => ch === '"' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e';

/**
 * Quoted segments of one paragraph. A double quote left open runs to the paragraph end (never beyond:
 * a stray mark must not swallow the article). Single quotes count only outside double quotes.
 */
export function segmentsOf(text: string, p: Paragraph, index: number): Segment[] {
  const out: Segment[] = [];
  let openDouble = -1;
  let openSingle = -1;
  // The marks are found by a regex scan from one to the next: most characters are none.
  for (let i = nextMark(text, p.start); i < p.end; i = nextMark(text, i + 1)) {
    const ch = text[i];
    const role = roleOf(text, i, p.start, p.end, p.headline);
    if (role === null) continue;
    if (isDouble(ch)) {
      if (openDouble < 0) {
        if (role !== 'close') {
          openDouble = i;
          openSingle = -1;
        }
      } else if (role === 'close' || role === 'both') {
        out.push(seg(openDouble, i, index, false));
        openDouble = -1;
      } else {
        // A second opening mark while one is open: the first was stray ("5 "blue" doors "x).
        openDouble = i;
      }
    } else if (openDouble < 0) {
      if (role === 'open' && openSingle < 0) openSingle = i;
      else if (role === 'close' && openSingle >= 0) {
        out.push(seg(openSingle, i, index, true));
        openSingle = -1;
      }
    }
  }
  if (openDouble >= 0 && hasWords(text, openDouble + 1, p.end)) {
    out.push({ open: openDouble, close: -1, innerStart: openDouble + 1, innerEnd: p.end, paragraph: index, single: false });
  }
  return out.filter((s) => hasWords(text, s.innerStart, s.innerEnd));
}

function seg(open: number, close: number, paragraph: number, single: boolean): Segment {
  return { open, close, innerStart: open + 1, innerEnd: close, paragraph, single };
}

function hasWords(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(text[i])) return true;
  }
  return false;
}

/** True when the paragraph's first non-space character is an opening double quote mark. */
export function opensWithQuote(text: string, p: Paragraph): boolean {
  for (let i = p.start; i < p.end; i++) {
    if (/\s/.test(text[i])) continue;
    return text[i] === '"' || text[i] === '\u201c' || text[i] === '\u201e';
  }
  return false;
}
