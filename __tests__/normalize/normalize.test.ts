import { parseNumeral, parseSpelledNumber, asciiDigits } from '../../src/normalize/numbers';
import { lookupUnit, lookupCurrencyName, lookupCurrencyPrefix, toCanonical } from '../../src/normalize/units';
import { lookupHedge, hedgeInterval } from '../../src/normalize/hedges';
import { resolveWeekday, decadeInterval, yearInterval, monthInterval, isoDay, displayDate, addDays } from '../../src/normalize/dates';
import { singularNoun } from '../../src/normalize/nouns';
import { excludedRanges } from '../../src/normalize/exclusions';

describe('numbers', () => {
  test.each([
    ['2,000', 2000, 1], ['31.06', 31.06, 0.01], ['124', 124, 1], ['1,234,567.5', 1234567.5, 0.1], ['\u06f1\u06f2\u06f4', 124, 1],
  ])('numeral %s', (raw, value, step) => {
    expect(parseNumeral(raw)).toEqual({ value, step });
  });
  test.each([['1,20'], ['12,3456'], ['abc']])('not a numeral: %s', (raw) => expect(parseNumeral(raw)).toBeNull());
  test.each([
    ['three', 3], ['twenty-one', 21], ['two hundred and five', 205], ['a dozen', 12], ['three thousand', 3000],
    ['ninety nine', 99], ['a hundred', 100], ['one million', 1e6],
  ])('spelled %s', (w, v) => expect(parseSpelledNumber(w)).toBe(v));
  test.each([['two three'], ['a'], ['hundred'], ['twenty twenty']])('not a spelled number: %s', (w) => expect(parseSpelledNumber(w)).toBeNull());
  test('Arabic-Indic digits', () => expect(asciiDigits('\u0661\u0662')).toBe('12'));
});

describe('units, currencies, hedges, nouns', () => {
  test.each([
    ['kilometres', 'km', 1000], ['Miles', 'mi', 1609.344], ['ft', 'ft', 0.3048], ['mph', 'mph', 1.609344], ['hectares', 'ha', 1e4],
    ['decades', 'decade', 10], ['tonnes', 't', 1000],
  ])('unit %s', (w, id, factor) => {
    const u = lookupUnit(w)!;
    expect([u.id, toCanonical(1, u)]).toEqual([id, factor]);
  });
  test('Fahrenheit converts with an offset', () => expect(toCanonical(212, lookupUnit('°F')!)).toBeCloseTo(100));
  test.each([['euros', 'EUR'], ['pounds sterling', 'GBP'], ['dollars', 'USD']])('currency name %s', (w, c) => expect(lookupCurrencyName(w)!.code).toBe(c));
  test.each([['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['A$', 'AUD']])('currency prefix %s', (w, c) => expect(lookupCurrencyPrefix(w)!.code).toBe(c));
  test.each([
    ['nearly', 20, [18, 20]], ['about', 100, [90, 110]], ['more than', 40, [40, 80]], ['up to', 10, [0, 10]], ['fewer than', 10, [5, 10]],
  ])('hedge %s %d', (h, x, interval) => expect(hedgeInterval(x as number, lookupHedge(h as string))).toEqual(interval));
  test.each([['workers', 'worker'], ['casualties', 'casualty'], ['churches', 'church'], ['people', 'person'], ['boxes', 'box']])(
    'singular of %s', (p, s) => expect(singularNoun(p)).toBe(s),
  );
});

describe('calendar', () => {
  test.each([
    ['2025-09-21', 6, 'past', '2025-09-20'],
    ['2025-09-21', 0, 'past', '2025-09-21'],
    ['2025-09-21', 0, 'last', '2025-09-14'],
    ['2025-09-21', 5, 'future', '2025-09-26'],
    ['2025-09-21', 0, 'next', '2025-09-28'],
    ['2024-03-01', 4, 'past', '2024-02-29'],
  ] as const)('%s weekday %d %s -> %s', (ref, wd, mode, out) => expect(resolveWeekday(ref, wd, mode)).toBe(out));
  test.each([
    [decadeInterval(1950, 'early'), ['1950-01-01', '1953-12-31']],
    [decadeInterval(1980, 'late'), ['1987-01-01', '1989-12-31']],
    [yearInterval(2010, 'mid'), ['2010-05-01', '2010-08-31']],
    [monthInterval(2024, 2), ['2024-02-01', '2024-02-29']],
  ])('interval %j', (got, want) => expect(got).toEqual(want));
  test('invalid days are null', () => expect([isoDay(2021, 2, 29), isoDay(2024, 2, 29)]).toEqual([null, '2024-02-29']));
  test('addDays crosses years', () => expect(addDays('2024-12-31', 1)).toBe('2025-01-01'));
  test('display of an unresolved weekday', () => expect(displayDate({ type: 'date', grain: 'day', weekday: 6 })).toBe('Saturday (unresolved)'));
});

describe('exclusions', () => {
  test.each([
    ['see pic.twitter.com/x55mv1cbZb now', 'pic.twitter.com/x55mv1cbZb'],
    ['by (@PortAuthority2) today', '@PortAuthority2'],
    ['mail jo.doe@example.org soon', 'jo.doe@example.org'],
    ['call (202) 555-0143 now', '(202) 555-0143'],
    ['visit https://example.com/2021/07 today', 'https://example.com/2021/07'],
  ])('%s', (text, excluded) => {
    expect(excludedRanges(text).map(([s, e]) => text.slice(s, e))).toEqual([excluded]);
  });
});
