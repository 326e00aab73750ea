import { parseNumeral, parseSpelledNumber, asciiDigits } from '../../src/normalize/numbers';
import { lookupUnit, lookupCurrencyName, lookupCurrencyPrefix, toCanonical } from '../../src/normalize/units';
import { lookupHedge, hedgeInterval } from '../../src/normalize/hedges';
import { resolveWeekday, decadeInterval, yearInterval, monthInterval, isoDay, displayDate, addDays, daysInMonth } from '../../src/normalize/dates';
import { singularNoun } from '../../src/normalize/nouns';
import { excludedRanges, excludedRangesOf } from '../../src/normalize/exclusions';
import { buildArticle } from '../../src/ingest/article';

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

describe('numerals and calendar days, the fast paths', () => {
  test.each([
    ['007', 7, 1],
    ['1,000.50', 1000.5, 0.01],
    ['\u0663\u066b\u0665', 3.5, 0.1],
    ['\u06f2\u066c\u06f0\u06f0\u06f0', 2000, 1],
  ])('numeral %s', (raw, value, step) => expect(parseNumeral(raw)).toEqual({ value, step }));
  test.each([['1.2.3'], ['1,2345'], [''], ['9'.repeat(400)]])('not a numeral: %s', (raw) => expect(parseNumeral(raw)).toBeNull());

  test.each([
    [2024, 2, 29], [2023, 2, 28], [1900, 2, 28], [2000, 2, 29], [2025, 9, 30], [2025, 12, 31],
    // Date.UTC reads the years 0-99 as 1900-1999 and carries a month out of range: so does daysInMonth.
    [50, 2, 28], [4, 2, 29], [2025, 13, 31], [2025, 0, 31], [2025, -4, 31],
  ])('daysInMonth(%d, %d) = %d', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));
});

describe('excluded ranges of an article', () => {
  test.each([
    ['See https://x.co/a1 or call (202) 555-0143 about 2021.', ['https://x.co/a1', '(202) 555-0143']],
    // A bare-domain URL runs to the next space, a comma included.
    ['Photos at pic.twitter.com/x55mv1cbZb, mail name@example.org, tag #Flood2021.', ['pic.twitter.com/x55mv1cbZb,', 'name@example.org', '#Flood2021']],
    ['The 3 boats left at 5.30 on 202 days.', []],
  ])('%s', (text, expected) => {
    const r = buildArticle('a.txt', '/x/a.txt', text);
    if (!r.ok) throw new Error('article');
    const ranges = excludedRangesOf(r.value);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(expected);
    expect(ranges).toEqual(excludedRanges(text));
  });
});
