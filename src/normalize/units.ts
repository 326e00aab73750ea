import type { QuantityDimension } from '../types';

/**
 * One unit: how it is written and how to reach the canonical unit of its dimension
 * (`canonical = value * factor + offset`). "31.06 miles" -> 31.06 * 1609.344 m.
 */
export interface UnitDef {
  /** Short name shown in `stated` ("km", "mi", "USD"). */
  id: string;
  dimension: QuantityDimension;
  /** Canonical unit of the dimension ("m", "kg", "USD", ...). */
  canonical: string;
  factor: number;
  offset?: number;
  /** Words after the number, matched case-insensitively, longest first ("square kilometers", "km"). */
  names: string[];
  /** Symbols matched case-sensitively ("km", "°F", "mph"): short forms that would be words otherwise. */
  symbols?: string[];
}

/**
 * Units of measure. Choices: "ton(s)" is the US short ton (907.18474 kg), "tonne(s)"/"metric tons" 1000 kg;
 * bare "degrees" has no scale (unit "deg", compared only with other bare degrees); "pounds" is mass unless
 * money is shown ("£200", "200 pounds sterling").
 */
export const UNITS: UnitDef[] = [
  // length -> m
  { id: 'km', dimension: 'length', canonical: 'm', factor: 1000, names: ['kilometers', 'kilometres', 'kilometer', 'kilometre'], symbols: ['km', 'kms'] },
  { id: 'm', dimension: 'length', canonical: 'm', factor: 1, names: ['meters', 'metres', 'meter', 'metre'], symbols: ['m'] },
  { id: 'cm', dimension: 'length', canonical: 'm', factor: 0.01, names: ['centimeters', 'centimetres', 'centimeter', 'centimetre'], symbols: ['cm'] },
  { id: 'mm', dimension: 'length', canonical: 'm', factor: 0.001, names: ['millimeters', 'millimetres', 'millimeter', 'millimetre'], symbols: ['mm'] },
  { id: 'nmi', dimension: 'length', canonical: 'm', factor: 1852, names: ['nautical miles', 'nautical mile'], symbols: ['nmi'] },
  { id: 'mi', dimension: 'length', canonical: 'm', factor: 1609.344, names: ['miles', 'mile'], symbols: ['mi'] },
  { id: 'ft', dimension: 'length', canonical: 'm', factor: 0.3048, names: ['feet', 'foot'], symbols: ['ft'] },
  { id: 'in', dimension: 'length', canonical: 'm', factor: 0.0254, names: ['inches', 'inch'] },
  { id: 'yd', dimension: 'length', canonical: 'm', factor: 0.9144, names: ['yards', 'yard'], symbols: ['yd', 'yds'] },
  // area -> m2
  { id: 'km2', dimension: 'area', canonical: 'm2', factor: 1e6, names: ['square kilometers', 'square kilometres', 'square kilometer', 'square kilometre', 'sq km', 'sq. km'], symbols: ['km2', 'km²'] },
  { id: 'mi2', dimension: 'area', canonical: 'm2', factor: 2589988.110336, names: ['square miles', 'square mile', 'sq mi', 'sq. mi'] },
  { id: 'm2', dimension: 'area', canonical: 'm2', factor: 1, names: ['square meters', 'square metres', 'square meter', 'square metre', 'sq m'], symbols: ['m2', 'm²'] },
  { id: 'ft2', dimension: 'area', canonical: 'm2', factor: 0.09290304, names: ['square feet', 'square foot', 'sq ft', 'sq. ft'] },
  { id: 'ha', dimension: 'area', canonical: 'm2', factor: 1e4, names: ['hectares', 'hectare'], symbols: ['ha'] },
  { id: 'acre', dimension: 'area', canonical: 'm2', factor: 4046.8564224, names: ['acres', 'acre'] },
  // volume -> l
  { id: 'm3', dimension: 'volume', canonical: 'l', factor: 1000, names: ['cubic meters', 'cubic metres', 'cubic meter', 'cubic metre'], symbols: ['m3', 'm³'] },
  { id: 'l', dimension: 'volume', canonical: 'l', factor: 1, names: ['liters', 'litres', 'liter', 'litre'], symbols: ['l', 'L'] },
  { id: 'ml', dimension: 'volume', canonical: 'l', factor: 0.001, names: ['milliliters', 'millilitres', 'milliliter', 'millilitre'], symbols: ['ml', 'mL'] },
  { id: 'gal', dimension: 'volume', canonical: 'l', factor: 3.785411784, names: ['gallons', 'gallon'], symbols: ['gal'] },
  { id: 'bbl', dimension: 'volume', canonical: 'l', factor: 158.987294928, names: ['barrels', 'barrel'], symbols: ['bbl'] },
  // mass -> kg
  { id: 't', dimension: 'mass', canonical: 'kg', factor: 1000, names: ['metric tons', 'metric tonnes', 'tonnes', 'tonne'] },
  { id: 'ton', dimension: 'mass', canonical: 'kg', factor: 907.18474, names: ['tons', 'ton'] },
  { id: 'kg', dimension: 'mass', canonical: 'kg', factor: 1, names: ['kilograms', 'kilogrammes', 'kilogram', 'kilogramme', 'kilos', 'kilo'], symbols: ['kg', 'kgs'] },
  { id: 'g', dimension: 'mass', canonical: 'kg', factor: 0.001, names: ['grams', 'grammes', 'gram', 'gramme'], symbols: ['g'] },
  { id: 'lb', dimension: 'mass', canonical: 'kg', factor: 0.45359237, names: ['pounds', 'pound'], symbols: ['lb', 'lbs'] },
  { id: 'oz', dimension: 'mass', canonical: 'kg', factor: 0.028349523125, names: ['ounces', 'ounce'], symbols: ['oz'] },
  // speed -> km/h
  { id: 'km/h', dimension: 'speed', canonical: 'km/h', factor: 1, names: ['kilometers per hour', 'kilometres per hour', 'kilometers an hour', 'kilometres an hour'], symbols: ['km/h', 'kph', 'kmh'] },
  { id: 'mph', dimension: 'speed', canonical: 'km/h', factor: 1.609344, names: ['miles per hour', 'miles an hour'], symbols: ['mph'] },
  { id: 'kn', dimension: 'speed', canonical: 'km/h', factor: 1.852, names: ['knots', 'knot'], symbols: ['kn', 'kt', 'kts'] },
  { id: 'm/s', dimension: 'speed', canonical: 'km/h', factor: 3.6, names: ['meters per second', 'metres per second'], symbols: ['m/s'] },
  // temperature -> degC
  { id: 'degF', dimension: 'temperature', canonical: 'degC', factor: 5 / 9, offset: -32 * (5 / 9), names: ['degrees fahrenheit', 'degree fahrenheit', 'fahrenheit'], symbols: ['°F', '° F', 'F'] },
  { id: 'degC', dimension: 'temperature', canonical: 'degC', factor: 1, names: ['degrees celsius', 'degree celsius', 'degrees centigrade', 'celsius', 'centigrade'], symbols: ['°C', '° C', 'C'] },
  { id: 'deg', dimension: 'temperature', canonical: 'deg', factor: 1, names: ['degrees', 'degree'], symbols: ['°'] },
  // percent
  { id: 'pp', dimension: 'percent', canonical: 'pp', factor: 1, names: ['percentage points', 'percentage point'] },
  { id: '%', dimension: 'percent', canonical: 'percent', factor: 1, names: ['percent', 'per cent', 'pct'], symbols: ['%'] },
  // duration -> year
  { id: 'century', dimension: 'duration', canonical: 'year', factor: 100, names: ['centuries', 'century'] },
  { id: 'decade', dimension: 'duration', canonical: 'year', factor: 10, names: ['decades', 'decade'] },
  { id: 'year', dimension: 'duration', canonical: 'year', factor: 1, names: ['years', 'year', 'yrs'] },
  { id: 'month', dimension: 'duration', canonical: 'year', factor: 1 / 12, names: ['months', 'month'] },
  { id: 'week', dimension: 'duration', canonical: 'year', factor: 7 / 365.25, names: ['weeks', 'week'] },
  { id: 'day', dimension: 'duration', canonical: 'year', factor: 1 / 365.25, names: ['days', 'day'] },
  { id: 'hour', dimension: 'duration', canonical: 'year', factor: 1 / 8766, names: ['hours', 'hour', 'hrs'] },
  { id: 'minute', dimension: 'duration', canonical: 'year', factor: 1 / 525960, names: ['minutes', 'minute', 'mins'] },
];

/** Currencies: symbols before the number, codes and names around it. No conversion between currencies. */
export interface CurrencyDef {
  code: string;
  /** Written before the number: "$5", "US$5", "€3bn". Case-sensitive. */
  prefixes: string[];
  /** Written after the number: "5 dollars", "200 pounds sterling", "5 USD". Case-insensitive. */
  names: string[];
}

/** "$" is taken as US dollars (the common case in English news); "A$", "C$", "HK$" name others. */
export const CURRENCIES: CurrencyDef[] = [
  { code: 'USD', prefixes: ['US$', 'USD', '$'], names: ['us dollars', 'u.s. dollars', 'dollars', 'dollar', 'usd'] },
  { code: 'AUD', prefixes: ['A$', 'AU$', 'AUD'], names: ['australian dollars', 'aud'] },
  { code: 'CAD', prefixes: ['C$', 'CA$', 'CAD'], names: ['canadian dollars', 'cad'] },
  { code: 'HKD', prefixes: ['HK$', 'HKD'], names: ['hong kong dollars', 'hkd'] },
  { code: 'EUR', prefixes: ['€', 'EUR'], names: ['euros', 'euro', 'eur'] },
  { code: 'GBP', prefixes: ['£', 'GBP'], names: ['pounds sterling', 'pound sterling', 'sterling', 'gbp'] },
  { code: 'JPY', prefixes: ['¥', 'JPY'], names: ['yen', 'jpy'] },
  { code: 'CNY', prefixes: ['CNY', 'RMB'], names: ['yuan', 'renminbi', 'cny'] },
  { code: 'INR', prefixes: ['₹', 'Rs.', 'Rs', 'INR'], names: ['rupees', 'rupee', 'inr'] },
  { code: 'RUB', prefixes: ['₽', 'RUB'], names: ['roubles', 'rubles', 'rouble', 'ruble'] },
  { code: 'ZAR', prefixes: ['ZAR'], names: ['south african rand', 'rands'] },
  { code: 'BRL', prefixes: ['R$', 'BRL'], names: ['brazilian reais', 'reais'] },
  { code: 'CHF', prefixes: ['CHF'], names: ['swiss francs', 'francs'] },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alternation of unit names (case-insensitive), longest first, for a regex. */
export function unitNamesSource(): string {
  const names = UNITS.flatMap((u) => u.names).concat(CURRENCIES.flatMap((c) => c.names));
  return [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => escape(n).replace(/ /g, '\\s+')).join('|');
}

/** Alternation of unit symbols (case-sensitive), longest first, for a regex. */
export function unitSymbolsSource(): string {
  const syms = UNITS.flatMap((u) => u.symbols ?? []);
  return [...new Set(syms)].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** Alternation of currency prefixes, longest first. */
export function currencyPrefixSource(): string {
  const p = CURRENCIES.flatMap((c) => c.prefixes);
  return [...new Set(p)].sort((a, b) => b.length - a.length).map(escape).join('|');
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
