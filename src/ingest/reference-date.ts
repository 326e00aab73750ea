import { isExists } from 'date-fns';
import { DATE_LABELS, MONTHS, MONTH_SOURCE } from '../lang/words';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` if the parts make a real calendar day, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null;
  if (!isExists(year, month - 1, day)) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const MONTH_NAME = `(${MONTH_SOURCE})`;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
const MDY = new RegExp(`\\b${MONTH_NAME}\\.? (\\d{1,2}),? (\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2}) ${MONTH_NAME}\\.?,? (\\d{4})\\b`, 'i');

/**
 * A front matter or corpus.yaml date as an ISO day: "2025-09-21", "2025-09-21T08:00:00Z",
 * "September 21, 2025", "21 September 2025". Null when it is not a date.
 */
export function normalizeDay(value: string): string | null {
  const s = value.trim();
  const d = parseFullDate(s);
  return d && d.start === 0 && d.end === s.length ? d.date : null;
}

/** The first full calendar date in `s` with its offsets. */
export function parseFullDate(s: string): { date: string; start: number; end: number } | null {
  const found: { date: string; start: number; end: number }[] = [];
  let m = ISO.exec(s);
  if (m) {
    const date = isoDay(+m[1], +m[2], +m[3]);
    if (date) found.push({ date, start: m.index, end: m.index + m[0].length });
  }
  m = MDY.exec(s);
  if (m) {
    const date = isoDay(+m[3], MONTHS[m[1].toLowerCase().replace(/\.$/, '')], +m[2]);
    if (date) found.push({ date, start: m.index, end: m.index + m[0].length });
  }
  m = DMY.exec(s);
  if (m) {
    const date = isoDay(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
    if (date) found.push({ date, start: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  return found[0] ?? null;
}

/** How far into the body a stated date still counts as the article's own date (a dateline or byline). */
export const REFERENCE_DATE_WINDOW = 600;

// Words that label a date as the article's own: "date 2026-03-14", "Published: March 14, 2026".

/**
 * A full date stated near the top of the body as the article's own date: a dateline ("SALTMERE, June 10,
 * 2026 — ..."), a labelled or bare date line (" date 2026-03-14 ...", "Published: March 14, 2026"), or the
 * date under an embedded post ("(@harbormaster) June 9, 2026"). A date inside a running sentence is a
 * fact of the story, not the article's date: "The fire began on July 8, 2025" is skipped and the search
 * goes on. Only the first `REFERENCE_DATE_WINDOW` characters of the body are read.
 */
export function findStatedDate(text: string, bodyStart: number): { date: string; start: number; end: number } | null {
  const head = text.slice(bodyStart, bodyStart + REFERENCE_DATE_WINDOW);
  for (let from = 0; from < head.length; ) {
    const d = parseFullDate(head.slice(from));
    if (!d) return null;
    const start = from + d.start;
    if (standsAlone(head, start)) return { date: d.date, start: bodyStart + start, end: bodyStart + from + d.end };
    from += d.end;
  }
  return null;
}

/**
 * True unless the date continues a sentence: the word right before it on its line (only spaces between) is
 * a lower-case word that is no label, as in "began on July 8, 2025".
 */
function standsAlone(head: string, start: number): boolean {
  const lineStart = head.lastIndexOf('\n', start - 1) + 1;
  const before = head.slice(lineStart, start);
  const m = /([\p{L}]+)([^\p{L}\p{N}]*)$/u.exec(before);
  // "(@harbormaster) June 9, 2026", "SALTMERE, June 10, 2026": punctuation parts the date from the words before it.
  if (!m || m[2].trim() !== '') return true;
  const word = m[1];
  if (DATE_LABELS.has(word.toLowerCase())) return true;
  return !/^\p{Ll}/u.test(word);
}
