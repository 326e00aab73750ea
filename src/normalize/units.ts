import { phraseAlternation } from '../text/pattern';
import { lang } from '../lang/load';
import type { CurrencyDef, UnitDef } from '../lang/schema';

export type { UnitDef, CurrencyDef };

/** Units of measure, from lang/en/units.yaml (the choices made are documented there). */
export const UNITS: UnitDef[] = lang().units.units;

/** Currencies, from lang/en/units.yaml: "$" is taken as US dollars; "A$", "C$", "HK$" name others. */
export const CURRENCIES: CurrencyDef[] = lang().units.currencies;

/** Alternation of unit names (case-insensitive), longest first, for a regex. */
export function unitNamesSource(): string {
  const names = UNITS.flatMap((u) => u.names).concat(CURRENCIES.flatMap((c) => c.names));
  return phraseAlternation(names);
}

/** Alternation of unit symbols (case-sensitive), longest first, for a regex. */
export function unitSymbolsSource(): string {
  const syms = UNITS.flatMap((u) => u.symbols ?? []);
  return phraseAlternation(syms);
}

/** Alternation of currency prefixes, longest first. */
export function currencyPrefixSource(): string {
  const p = CURRENCIES.flatMap((c) => c.prefixes);
  return phraseAlternation(p);
}

const BY_NAME = new Map<string, UnitDef>();
const BY_SYMBOL = new Map<string, UnitDef>();
for (const u of UNITS) {
  for (const n of u.names) BY_NAME.set(n, u);
  for (const s of u.symbols ?? []) BY_SYMBOL.set(s, u);
}
const CURRENCY_BY_NAME = new Map<string, CurrencyDef>();
const CURRENCY_BY_PREFIX = new Map<string, CurrencyDef>();
for (const c of CURRENCIES) {
  for (const n of c.names) CURRENCY_BY_NAME.set(n, c);
  for (const p of c.prefixes) CURRENCY_BY_PREFIX.set(p, c);
}

/** The unit written as `word` ("Kilometres" -> km, "km" -> km, "°F" -> degF), or undefined. */
export function lookupUnit(word: string): UnitDef | undefined {
  return BY_SYMBOL.get(word) ?? BY_NAME.get(word.toLowerCase().replace(/\s+/g, ' '));
}

/** The currency named after a number ("euros" -> EUR), or undefined. */
export function lookupCurrencyName(word: string): CurrencyDef | undefined {
  return CURRENCY_BY_NAME.get(word.toLowerCase().replace(/\s+/g, ' '));
}

/** The currency written before a number ("€" -> EUR, "US$" -> USD), or undefined. */
export function lookupCurrencyPrefix(prefix: string): CurrencyDef | undefined {
  return CURRENCY_BY_PREFIX.get(prefix);
}

/** `value` in `unit` as the canonical unit: 31.06 mi -> 49986.6 m. */
export function toCanonical(value: number, unit: UnitDef): number {
  return value * unit.factor + (unit.offset ?? 0);
}

/** The unit or currency with this id ("mi", "USD"), or undefined. */
export function unitById(id: string): UnitDef | CurrencyDef | undefined {
  return UNITS.find((u) => u.id === id) ?? CURRENCIES.find((c) => c.code === id);
}
