import type { Claim, ClaimRef, DateValue, Finding, QuantityValue, QuoteValue } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { dateText, findingLabel, formatNumber, pluralNoun, quantityText, speakerNamed } from '../../src/report/labels';
import { oddOnesOut, reasonOf, summaryLine, typographyFree, wordsDiffer } from '../../src/report/present';
import { markdownDiff } from '../../src/report/markdown';

const span = { start: 0, end: 1, text: 'x', line: 1, column: 1 };

function quantity(v: Partial<QuantityValue>, extra: Partial<Claim> = {}, id = 'q1'): Claim {
  const value: QuantityValue = { type: 'quantity', dimension: 'count', unit: 'count', low: 1, high: 1, stated: [{ value: 1, unit: 'count', text: 'x' }], ...v };
  return { id, source: 'a.md', kind: 'quantity', extractor: 't', span, value, context: { predicates: [], entities: [], words: [] }, ...extra };
}

function date(v: Partial<DateValue>, extra: Partial<Claim> = {}, id = 'd1'): Claim {
  const value: DateValue = { type: 'date', grain: 'day', ...v };
  return { id, source: 'a.md', kind: 'date', extractor: 't', span, value, context: { predicates: [], entities: [], words: [] }, ...extra };
}

const ref = (claim: string, source = 'a.md'): ClaimRef => ({ source, start: 0, end: 1, text: 'x', line: 1, column: 1, claim });

function finding(kind: Finding['kind'], claims: Claim[]): Finding {
  return {
    id: `${kind}:x`,
    kind,
    subject: 'keyword bag',
    verdict: 'conflict',
    severity: 'error',
    rule: 'r',
    message: '',
    readings: claims.map((c) => ({ display: 'd', value: null, claims: [ref(c.id)] })),
    relations: [],
  };
}

function labelOf(kind: Finding['kind'], claims: Claim[]): string | undefined {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return findingLabel(finding(kind, claims), (_s, id) => byId.get(id));
}

describe('fact labels from subject and attribute', () => {
  test.each<[string, Claim[], string]>([
    ['a count with its attribute', [quantity({ counted: 'worker' }, { attribute: 'striking', subject: { text: 'workers', key: 'worker' } })], 'workers on strike'],
    ['people killed are a death toll, with the place', [quantity({ counted: 'person' }, { attribute: 'killed', subject: { text: 'people in Velmar County', key: 'person', place: 'velmar county' } })], 'death toll in Velmar County'],
    ['a count of another noun keeps its noun', [quantity({ counted: 'body' }, { attribute: 'recovered', subject: { text: 'bodies', key: 'body' } })], 'bodies recovered'],
    ['a count with no attribute', [quantity({ counted: 'ship' }, { subject: { text: 'ships', key: 'ship' } })], 'number of ships'],
    ['an age names its person', [quantity({ dimension: 'age', unit: 'year', low: 61, high: 61.999, stated: [{ value: 61, unit: 'year', text: '61' }] }, { attribute: 'age', subject: { text: 'Mara Quell', key: 'mara quell' } })], 'age of Mara Quell'],
    ['a sum of money by its attribute', [quantity({ dimension: 'money', unit: 'USD' }, { attribute: 'value' })], 'value'],
    ['an amount with no attribute by its dimension', [quantity({ dimension: 'length', unit: 'm' })], 'distance'],
    ['a planned event', [date({ time: '08:25' }, { attribute: 'planned:launch' })], 'planned time of the launch'],
    ['a date of an attribute', [date({}, { attribute: 'landfall' })], 'date of landfall'],
    ['a verb from the context names its event by its noun', [date({}, { attribute: 'event:withdraw' })], 'date of the withdrawal'],
    ['an -ing form only when it is one of the verb', [date({}, { attribute: 'event:strand' })], 'date of the stranding'],
    ['no event: just the date', [date({}, { attribute: 'event:harborside' })], 'date'],
  ])('%s', (_name, claims, expected) => expect(labelOf(claims[0].kind === 'date' ? 'date' : 'quantity', claims)).toBe(expected));

  test('the most common attribute wins; a second claim with none does not matter', () => {
    const claims = [
      quantity({ counted: 'passenger' }, { attribute: 'aboard', subject: { text: 'passengers', key: 'passenger' } }, 'q1'),
      quantity({ counted: 'passenger' }, { subject: { text: 'passengers', key: 'passenger' } }, 'q2'),
    ];
    expect(labelOf('quantity', claims)).toBe('passengers aboard');
  });

  test('quotes and attributions name the words and the speaker', () => {
    const quote = (speaker: string | null): Claim => ({
      ...date({}),
      kind: 'quote',
      value: { type: 'quote', words: 'We will not sail until the pay offer is fair to every crew', quotation: 'q@0-1', partial: false, speaker: speaker ? { name: speaker, key: speaker.toLowerCase(), kind: 'person', how: 'X said' } : null } as QuoteValue,
    });
    expect(labelOf('quote', [quote('Mara Quist')])).toBe('Mara Quist: “We will not sail until the pay offer…”');
    expect(labelOf('quote', [quote(null)])).toBe('“We will not sail until the pay offer…”');
    expect(labelOf('attribution', [quote('Mara Quist')])).toBe('who said “We will not sail until the pay offer…”');
  });
});

describe('values as people write them', () => {
  test.each<[string, Partial<QuantityValue>, string]>([
    ['money in millions', { dimension: 'money', unit: 'USD', low: 4.5e6, high: 4.5e6, stated: [{ value: 4.5e6, unit: 'USD', text: '$4.5 million' }] }, '$4.5 million'],
    ['a count in the plural', { counted: 'worker', low: 640, high: 640, stated: [{ value: 640, unit: 'count', text: '640' }] }, '640 workers'],
    ['one of a count', { counted: 'person', low: 1, high: 1 }, '1 person'],
    ['a hedge and thousands', { counted: 'passenger', hedge: 'approx', low: 1080, high: 1320, stated: [{ value: 1200, unit: 'count', text: '1,200' }] }, 'about 1,200 passengers'],
    ['a stated range', { dimension: 'length', unit: 'm', low: 2.4384, high: 3.048, stated: [{ value: 8, unit: 'ft', text: '8 to 10 feet' }] }, '8 to 10 ft'],
    ['two units as written', { dimension: 'length', unit: 'm', low: 120000, high: 120000, stated: [{ value: 120, unit: 'km', text: '120 km' }, { value: 74.56, unit: 'mi', text: '74.56 mi' }] }, '120 km (74.56 mi)'],
    ['a currency without a symbol', { dimension: 'money', unit: 'CHF', low: 2e9, high: 2e9, stated: [{ value: 2e9, unit: 'CHF', text: '' }] }, '2 billion CHF'],
  ])('%s', (_name, v, expected) => expect(quantityText({ type: 'quantity', dimension: 'count', unit: 'count', low: 1, high: 1, stated: [{ value: 1, unit: 'count', text: '1' }], ...v })).toBe(expected));

  test.each<[string, Partial<DateValue>, string]>([
    ['a day with its weekday', { start: '2026-03-09', end: '2026-03-09', grain: 'day' }, 'Monday, March 9, 2026'],
    ['a clock time and zone', { start: '2024-10-09', end: '2024-10-09', grain: 'minute', time: '01:30', zone: 'EDT' }, 'Wednesday, October 9, 2024, 1:30 a.m. EDT'],
    ['a month', { start: '2021-07-01', end: '2021-07-31', grain: 'month' }, 'July 2021'],
    ['an unresolved weekday', { grain: 'day', weekday: 3 }, 'Wednesday'],
    ['an unresolved time as written', { grain: 'minute', time: '19:00', hedge: 'approx', relative: { expression: 'around 7 pm', how: '' } }, 'around 7 pm'],
    ['a week', { start: '2026-03-09', end: '2026-03-15', grain: 'week' }, 'the week of March 9, 2026'],
  ])('%s', (_name, v, expected) => expect(dateText({ type: 'date', grain: 'day', ...v })).toBe(expected));

  test.each([
    ['worker', 'workers'],
    ['person', 'people'],
    ['body', 'bodies'],
    ['coach', 'coaches'],
    ['staff', 'staff'],
  ])('plural of %s', (noun, plural) => expect(pluralNoun(noun)).toBe(plural));

  test.each([
    [4500000, '4.5 million'],
    [175400000000, '175.4 billion'],
    [1200, '1,200'],
    [74.5612, '74.56'],
    [1234567, '1,234,567'],
  ])('%d reads %s', (n, text) => expect(formatNumber(n)).toBe(text));
});

describe('the odd one out', () => {
  const f = (sides: string[][], relations: Finding['relations'] = []): Finding => ({
    ...finding('quantity', []),
    readings: sides.map((sources) => ({ display: 'd', value: null, claims: sources.map((s) => ref('c', s)) })),
    relations,
  });
  test.each<[string, Finding, string[]]>([
    ['three against one', f([['a', 'b', 'c'], ['d']]), ['d']],
    ['one against one: no majority', f([['a'], ['b']]), []],
    ['readings that agree stand together', f([['a'], ['b'], ['c']], [{ between: [0, 1], relation: 'agree', reason: '' }, { between: [0, 2], relation: 'conflict', reason: '' }, { between: [1, 2], relation: 'conflict', reason: '' }]), ['c']],
  ])('%s', (_name, finding, odd) => expect(oddOnesOut(finding).odd).toEqual(odd));

  test('readings shown as people write them in the summary and the reasons', () => {
    const g: Finding = { ...f([['a'], ['b']]), readings: [
      { display: '640 worker', label: '640 workers', value: null, claims: [ref('c', 'a')] },
      { display: '460 worker', label: '460 workers', value: null, claims: [ref('c', 'b')] },
    ] };
    expect(summaryLine(g, (id) => id.toUpperCase())).toBe('640 workers (A) against 460 workers (B)');
    expect(reasonOf(g, '640 worker and 460 worker differ beyond rounding')).toBe('640 workers and 460 workers differ beyond rounding');
  });
});

describe('quote diffs see words, not typography', () => {
  test.each([
    ['We’re “ready” — now', 'We\'re "ready" - now', false],
    ['a  b', 'a b', false],
    ['We’re ready', 'We are ready', true],
  ])('%s / %s differ: %s', (a, b, differ) => expect(wordsDiffer(a, b)).toBe(differ));

  test('a curly apostrophe against a straight one is no change in the diff', () => {
    expect(markdownDiff('the island’s only link', "the island's only ferry link")).toBe("the island's only **ferry** link");
    expect(typographyFree('it’s – done')).toBe("it's - done");
  });
});

describe('the sentence that names a speaker', () => {
  const text = 'Mayor Idris Calloway met the crews at the pier.\n"No one will be left behind," he said.\n';
  const built = buildArticle('h.md', '/h.md', text, {});
  if (!built.ok) throw new Error('article');
  const article = built.value;
  const start = text.indexOf('No one');
  const quote = (how: string, spanText: string): Claim => ({
    ...date({}),
    kind: 'quote',
    span: { start, end: start + 28, text: text.slice(start, start + 28), line: 2, column: 2 },
    value: {
      type: 'quote', words: 'No one will be left behind', quotation: 'q', partial: false,
      speaker: { name: 'Idris Calloway', key: 'idris calloway', kind: 'person', how, span: { start: text.indexOf(spanText), end: text.indexOf(spanText) + spanText.length, text: spanText, line: 2, column: 1 } },
    } as QuoteValue,
  });

  test('"he said": the earlier sentence that names him', () => {
    expect(speakerNamed(quote('pronoun he -> Idris Calloway', 'he'), article)).toEqual({ start: 6, end: 20, text: 'Idris Calloway', line: 1, column: 7 });
  });

  test('a quote whose own sentence names the speaker needs nothing more', () => {
    const own = 'The crews waited. "We sail at dawn," Calloway said.\n';
    const a = buildArticle('o.md', '/o.md', own, {});
    if (!a.ok) throw new Error('article');
    const s = own.indexOf('We sail');
    const claim: Claim = { ...quote('X said', 'he'), span: { start: s, end: s + 14, text: own.slice(s, s + 14), line: 1, column: s + 1 } };
    expect(speakerNamed(claim, a.value)).toBeUndefined();
  });
});
