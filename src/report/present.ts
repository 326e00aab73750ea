import { diffWords } from 'diff';
import type { Finding, Reading } from '../types';
import type { Report } from './json';

/**
 * What the people-facing renderers (Markdown, HTML, the review page) share: a finding's title and
 * values as people write them, a one-line summary, which outlet stands apart in a conflict, and quote
 * diffs that see words, not typography.
 */

/** The finding's label ("workers on strike"), else the comparator's subject, else its id. */
export function titleOf(f: Finding): string {
  return f.label || f.subject || f.id;
}

/** A reading's value as people write it ("640 workers"), else its display. */
export function valueOf(r: Reading): string {
  return r.label || r.display;
}

/**
 * A relation's reason with each reading's display put as people write it: "640 worker and 460 worker
 * differ beyond rounding" -> "640 workers and 460 workers differ beyond rounding".
 */
export function reasonOf(f: Finding, reason: string): string {
  const swaps = f.readings.filter((r) => r.label && r.label !== r.display).sort((a, b) => b.display.length - a.display.length);
  if (!swaps.length) return reason;
  let out = '';
  let i = 0;
  // One pass, longest display first at each place, so a swapped-in label is never swapped again.
  while (i < reason.length) {
    const hit = swaps.find((r) => reason.startsWith(r.display, i) && !/[\p{L}\p{N}]/u.test(reason[i + r.display.length] ?? ' '));
    if (hit) {
      out += hit.label;
      i += hit.display.length;
    } else out += reason[i++];
  }
  return out;
}

/** Sources of a reading, in order, each once. */
export function sourcesOfReading(r: Reading): string[] {
  return [...new Set(r.claims.map((c) => c.source))];
}

/**
 * The sides of a finding: readings joined by any relation that is not a conflict (so "1972" and "the
 * early 1970s" stand together against "the 1990s"), each side with the sources that give it.
 */
export function sidesOf(f: Finding): { readings: number[]; sources: string[] }[] {
  const parent = f.readings.map((_r, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const r of f.relations) if (r.relation !== 'conflict') parent[root(r.between[1])] = root(r.between[0]);
  const sides = new Map<number, { readings: number[]; sources: string[] }>();
  f.readings.forEach((r, i) => {
    const side = sides.get(root(i)) ?? { readings: [], sources: [] };
    side.readings.push(i);
    for (const s of sourcesOfReading(r)) if (!side.sources.includes(s)) side.sources.push(s);
    sides.set(root(i), side);
  });
  return [...sides.values()];
}

/**
 * In a conflict, the sources that stand apart from the majority: with 3 sources for 460 workers and 1 for
 * 640, the one is the odd one out. None when no side holds more sources than every other (1 against 1).
 */
export function oddOnesOut(f: Finding): { odd: string[]; majority: string[] } {
  if (f.verdict !== 'conflict') return { odd: [], majority: [] };
  const sides = sidesOf(f).sort((a, b) => b.sources.length - a.sources.length);
  if (sides.length < 2 || sides[0].sources.length === sides[1].sources.length) return { odd: [], majority: [] };
  const majority = sides[0].sources;
  const odd = [...new Set(sides.slice(1).flatMap((s) => s.sources))].filter((s) => !majority.includes(s));
  return { odd, majority };
}

/** Per source: conflicts it stands apart in, conflicts it takes part in, variants, agreements. */
export interface SourceTally {
  odd: number;
  conflict: number;
  variant: number;
  agree: number;
}

export function tallyBySource(report: Report): Map<string, SourceTally> {
  const out = new Map<string, SourceTally>();
  const get = (id: string) => {
    let t = out.get(id);
    if (!t) out.set(id, (t = { odd: 0, conflict: 0, variant: 0, agree: 0 }));
    return t;
  };
  for (const a of report.articles) get(a.id);
  for (const f of report.findings) {
    const sources = new Set(f.readings.flatMap(sourcesOfReading));
    for (const s of sources) get(s)[f.verdict]++;
    for (const s of oddOnesOut(f).odd) get(s).odd++;
  }
  return out;
}

/**
 * One line for an editor: "640 workers (Coastal Wire) against 460 workers (Harbor Gazette, Island
 * Courier)" for a conflict, "4 sources agree: 640 workers" for an agreement.
 */
export function summaryLine(f: Finding, name: (id: string) => string): string {
  const sources = new Set(f.readings.flatMap(sourcesOfReading));
  const n = sources.size;
  if (f.verdict === 'agree' && f.readings.length) {
    return `${n} source${n === 1 ? '' : 's'} agree${n === 1 ? 's' : ''}: ${valueOf(f.readings[0])}`;
  }
  const joiner = f.verdict === 'conflict' ? ' against ' : '; ';
  // Up to three outlets by name; more are counted ("588 families (16 sources)"): the readings below list them.
  const who = (r: Reading) => {
    const outlets = [...new Set(sourcesOfReading(r).map(name))];
    return outlets.length > 3 ? `${outlets.length} sources` : outlets.join(', ');
  };
  return f.readings.map((r) => `${valueOf(r)} (${who(r)})`).join(joiner);
}

// ---------------------------------------------------------------------------------------------
// Quote diffs

/** The one sentence that says what quote diffs leave out. */
export const TYPOGRAPHY_NOTE =
  'Quote differences ignore typography: curly and straight quotes and apostrophes, dashes and spacing.';

/**
 * A quotation as compared for a diff: curly quotes and apostrophes straight, every dash between words
 * one spaced hyphen, runs of spaces one space. "We’re “ready” — now" and "We're \"ready\" - now" read the same.
 */
export function typographyFree(s: string): string {
  return s
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑]/g, '-')
    // A dash between words, spaced or not ("now—then", "now -- then", "now – then"): one spaced hyphen.
    .replace(/\s*(?:[‒–—―−]|--|\s-\s)\s*/g, ' - ')
    .replace(/…/g, '...')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** A word-level diff from `a` to `b` that ignores typography: runs of kept, removed and added text. */
export function quoteDiff(a: string, b: string): { op: 'same' | 'del' | 'ins'; text: string }[] {
  return diffWords(typographyFree(a), typographyFree(b)).map((part) => ({ op: part.added ? 'ins' : part.removed ? 'del' : 'same', text: part.value }));
}

/** True when two quotations differ in more than typography. */
export function wordsDiffer(a: string, b: string): boolean {
  return typographyFree(a) !== typographyFree(b);
}
