import type { Hedge } from '../types';
import { round12 } from './numbers';

/**
 * Words before an amount that soften or bound it, with the interval they make of a stated X.
 * The widths are deliberate and documented here once:
 * - approx ("about", "around", "roughly", "some", "an estimated", "approximately"): [0.9X, 1.1X]
 * - nearly ("nearly", "almost", "close to", "just under", "not quite"): [0.9X, X]
 * - more-than ("more than", "over", "upwards of", "in excess of", "just over"): [X, 1.1X]
 * - at-least ("at least", "no fewer than", "no less than"): [X, 1.1X]
 * - less-than ("less than", "fewer than", "under", "below"): [0.5X, X]
 * - at-most ("at most", "no more than"): [0.5X, X]
 * - up-to ("up to", "as many as", "as much as"): [0, X]
 * A lower bound is read as news writes it: "more than 12%" is said of 12.4%, not of 18%, so "more than 40"
 * conflicts with 60 and with 30. An upper bound is looser ("under an hour" fits forty minutes): 0.5X.
 */
export const QUANTITY_HEDGES: { phrase: string; hedge: Hedge; low: number; high: number }[] = [
  { phrase: 'approximately', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'an estimated', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'estimated', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'roughly', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'around', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'about', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'some', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'circa', hedge: 'approx', low: 0.9, high: 1.1 },
  { phrase: 'nearly', hedge: 'nearly', low: 0.9, high: 1 },
  { phrase: 'almost', hedge: 'nearly', low: 0.9, high: 1 },
  { phrase: 'close to', hedge: 'nearly', low: 0.9, high: 1 },
  { phrase: 'just under', hedge: 'nearly', low: 0.9, high: 1 },
  { phrase: 'not quite', hedge: 'nearly', low: 0.9, high: 1 },
  { phrase: 'just over', hedge: 'more-than', low: 1, high: 1.1 },
  { phrase: 'more than', hedge: 'more-than', low: 1, high: 1.1 },
  { phrase: 'over', hedge: 'more-than', low: 1, high: 1.1 },
  { phrase: 'upwards of', hedge: 'more-than', low: 1, high: 1.1 },
  { phrase: 'in excess of', hedge: 'more-than', low: 1, high: 1.1 },
  { phrase: 'at least', hedge: 'at-least', low: 1, high: 1.1 },
  { phrase: 'no fewer than', hedge: 'at-least', low: 1, high: 1.1 },
  { phrase: 'no less than', hedge: 'at-least', low: 1, high: 1.1 },
  { phrase: 'less than', hedge: 'less-than', low: 0.5, high: 1 },
  { phrase: 'fewer than', hedge: 'less-than', low: 0.5, high: 1 },
  { phrase: 'under', hedge: 'less-than', low: 0.5, high: 1 },
  { phrase: 'below', hedge: 'less-than', low: 0.5, high: 1 },
  { phrase: 'at most', hedge: 'at-most', low: 0.5, high: 1 },
  { phrase: 'no more than', hedge: 'at-most', low: 0.5, high: 1 },
  { phrase: 'up to', hedge: 'up-to', low: 0, high: 1 },
  { phrase: 'as many as', hedge: 'up-to', low: 0, high: 1 },
  { phrase: 'as much as', hedge: 'up-to', low: 0, high: 1 },
];

const BY_PHRASE = new Map(QUANTITY_HEDGES.map((h) => [h.phrase, h]));

/** Regex source matching any hedge phrase (case-insensitive use), longest first. */
export const HEDGE_SOURCE = [...BY_PHRASE.keys()].sort((a, b) => b.length - a.length).map((p) => p.replace(/ /g, '\\s+')).join('|');

/** The hedge named by a phrase ("Nearly" -> nearly, [0.9, 1]), or undefined. */
export function lookupHedge(phrase: string): { hedge: Hedge; low: number; high: number } | undefined {
  return BY_PHRASE.get(phrase.toLowerCase().replace(/\s+/g, ' '));
}

/** [low, high] of a stated `x` under a hedge; negative amounts keep their order. */
export function hedgeInterval(x: number, h: { low: number; high: number } | undefined): [number, number] {
  if (!h) return [x, x];
  // 100 * 1.1 is 110.00000000000001 in floating point; twelve significant digits are plenty.
  const a = round12(x * h.low);
  const b = round12(x * h.high);
  return a <= b ? [a, b] : [b, a];
}
