import { parseNumeral, parseSpelledNumber, asciiDigits, round12 } from '../../src/normalize/numbers';
import { lookupUnit, lookupCurrencyName, lookupCurrencyPrefix, toCanonical } from '../../src/normalize/units';
import { lookupHedge, hedgeInterval } from '../../src/normalize/hedges';
import { resolveWeekday, decadeInterval, yearInterval, monthInterval, isoDay, displayDate, addDays, daysInMonth, weekdayOf } from '../../src/normalize/dates';
import { singularNoun } from '../../src/lang/word-forms';
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
    ['nearly', 20, [18, 20]], ['about', 100, [90, 110]], ['more than', 40, [40, 44]], ['up to', 10, [0, 10]], ['fewer than', 10, [5, 10]],
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
  test.each([
    ['2025-09-21', -1, '2025-09-20', 0],
    ['2024-02-28', 1, '2024-02-29', 3],
    ['1900-02-28', 1, '1900-03-01', 3],
    ['2000-03-01', -1, '2000-02-29', 3],
    ['0100-01-01', -1, '0099-12-31', 5],
    // Not a real day or a year below 100: the Date route, which carries over and reads 50 as 1950.
    ['2025-02-30', 0, '2025-03-02', 0],
    ['0050-01-01', 0, '1950-01-01', 0],
  ])('addDays(%s, %d) = %s; weekdayOf = %d', (iso, n, want, weekday) => {
    expect(addDays(iso, n)).toBe(want);
    expect(weekdayOf(iso)).toBe(weekday);
  });
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
  test.each([['1.2.3'], ['1,2345'], [''], ['9'.repeat(400)], ['1,000,00'], ['1234,567'], ['12.'], ['.5'], ['1,000.5.'], ['3a']])('not a numeral: %s', (raw) => expect(parseNumeral(raw)).toBeNull());
  test.each([
    ['8,700', 8700, 1],
    ['1,234,567', 1234567, 1],
    ['7.3', 7.3, 0.1],
    // Sixteen digits are past exact whole-number summing: read by Number, as written.
    ['1234567890123456', 1234567890123456, 1],
    ['999,999,999,999,999,999', 999999999999999999, 1],
  ])('numeral %s, read in one pass', (raw, value, step) => expect(parseNumeral(raw)).toEqual({ value, step }));

  test.each([
    // Floating-point noise goes: 100 * 1.1 and 8700 * 0.9.
    [100 * 1.1, 110],
    [8700 * 0.9, 7830],
    [1.6 * 1e6, 1600000],
    [7.3 * 0.9, 6.57],
    [1 / 3, 0.333333333333],
    [123456789012345, 123456789012000],
    // -0 prints as "0.00000000000", which reads back as 0.
    [-0, 0],
    [-45 * 1.1, -49.5],
  ])('round12(%d) = %d', (x, want) => {
    expect(Object.is(round12(x), want)).toBe(true);
    expect(Object.is(round12(x), Number(x.toPrecision(12)))).toBe(true);
  });

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
    // Each alternative from where the article's marks say it may begin.
    ['Read www.example.org/a and http://x.io, or call +1 202-555-0143 or 202.555.0143.', ['www.example.org/a', 'http://x.io,', '+1 202-555-0143', '202.555.0143']],
    // "http" inside a word still opens a URL, as in a scan of the whole text.
    ['See xhttps://a.b/c then.', ['https://a.b/c']],
    ['Mail a.b@c.de; tag #x1, at 3.5 km. Then it rained.', ['a.b@c.de', '#x1']],
  ])('%s', (text, expected) => {
    const r = buildArticle('a.txt', '/x/a.txt', text);
    if (!r.ok) throw new Error('article');
    const ranges = excludedRangesOf(r.value);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(expected);
    expect(ranges).toEqual(excludedRanges(text));
  });
});
