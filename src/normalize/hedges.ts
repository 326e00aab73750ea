import type { Hedge } from '../types';
import { lang } from '../lang/load';
import { round12 } from './numbers';

/**
 * Words before an amount that soften or bound it, with the interval they make of a stated X
 * (lang/en/hedges.yaml, where the widths are documented): "about" -> approx, [0.9X, 1.1X].
 */
export const QUANTITY_HEDGES: { phrase: string; hedge: Hedge; low: number; high: number }[] = lang().hedges['quantity-hedges'].flatMap((g) =>
  g.phrases.map((phrase) => ({ phrase, hedge: g.hedge, low: g.low, high: g.high })),
);

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
