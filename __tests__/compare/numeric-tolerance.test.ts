import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { quantityExtractor } from '../../src/extract/quantities';
import { describeAssertions } from '../../src/extract/assertions';
import { numericTolerance, compareQuantities } from '../../src/compare/comparators/numeric-tolerance';
import { figureExtractor } from '../../src/extract/figures';
import { UNSURE_ASSERTION } from '../../src/compare/link';
import type { Article, CompareContext, QuantityClaim, QuantityValue, Rule } from '../../src/types';

function first(body: string, id = 't.txt'): { article: Article; claim: QuantityClaim } {
  const r = buildArticle(id, `/${id}`, body);
  if (!r.ok) throw new Error('bad');
  const ctx = {};
  const [claim] = describeAssertions(quantityExtractor.extract(r.value, ctx, []), r.value, ctx) as QuantityClaim[];
  return { article: r.value, claim };
}
const q = (s: string): QuantityValue => first(s).claim.value;

describe('numeric-tolerance compare', () => {
  test.each([
    ['The town is 50 kilometers away.', 'The town is 31.06 miles away.', 'agree'],
    ['The town is 50 kilometers (31.06 miles) away.', 'The town is 50 kilometers away.', 'agree'],
    ['The tower is 1,200 feet tall.', 'The tower is 1,020 feet tall.', 'conflict'],
    ['The war lasted nearly two decades.', 'The war lasted 20 years.', 'agree'],
    ['The war lasted 10 years.', 'The war lasted 20 years.', 'conflict'],
    ['The war lasted a two-decade span.'.replace('a two-decade span', 'two decades'), 'The war lasted a decade-long span.'.replace('a decade-long span', 'ten years'), 'conflict'],
    ['The lake is about 100 km long.', 'The lake is 108 km long.', 'agree'],
    ['The lake is about 100 km long.', 'The lake is 130 km long.', 'conflict'],
    ['The fund raised $5 million.', 'The fund raised $5.02 million.', 'agree'],
    ['The fund raised $5 million.', 'The fund raised $7 million.', 'conflict'],
    ['Six workers were hurt.', 'Six workers were hurt.', 'agree'],
    // News writes "more than 40" for 41 or 43, not for 60.
    ['More than 40 workers were hurt.', 'Some 60 workers were hurt.', 'conflict'],
    ['More than 40 workers were hurt.', 'Some 42 workers were hurt.', 'agree'],
    ['The ride took under 60 minutes.', 'The ride took 40 minutes.', 'agree'],
    ['Shares fell more than 12%.', 'Shares fell 18%.', 'conflict'],
    ['Turnout was 60%.', 'Turnout was 63%.', 'agree'],
    ['Turnout was 60%.', 'Turnout was 66%.', 'conflict'],
    ['More than 40 workers were hurt.', 'Some 30 workers were hurt.', 'conflict'],
    ['Highs reach 46 to 48 degrees.', 'Highs reach 47 degrees.', 'agree'],
    ['The gap is 3.5 km.', 'The gap is 3.7 km.', 'conflict'],
    ['The gap is 3.5 km.', 'The gap is 3.55 km.', 'agree'],
    ['Turnout was 45%.', 'Turnout was 45.3 percent.', 'agree'],
    // Written in one unit, amounts are as exact as their digits: the 1 % tolerance is for conversions.
    ['Shares fell 62%.', 'Shares fell 63 percent.', 'conflict'],
    ['The flood displaced 1,175 people.', 'The flood displaced 1,178 people.', 'conflict'],
    ['The bridge is 31.06 miles long.', 'The bridge is 50 km long.', 'agree'],
    // Roundings only touching share no figure: "62%" is 61.5 up to 62.5, "63%" 62.5 up to 63.5.
    ['Turnout was 62%.', 'Turnout was 62.5%.', 'agree'],
  ])('%s | %s -> %s', (a, b, relation) => {
    expect(compareQuantities(q(a), q(b)).relation).toBe(relation);
  });

  test('different units are not compared', () => {
    expect(compareQuantities(q('It is 50 km long.'), q('It weighs 50 kg.')).reason).toContain('not compared');
  });
});

describe('numeric-tolerance link and display', () => {
  const rule: Rule = { id: 'quantity-tolerance', extends: 'numeric-tolerance', appliesTo: ['quantity'], severity: 'error', params: { relative: 0.01 }, file: '' };
  const a = first('The ruined fort lies 50 kilometers north of the old capital.', 'a.txt');
  const b = first('The ruined fort, 50 kilometers (31.06 miles) north of the old capital, is closed.', 'b.txt');
  const w = first('Police said six workers were hurt at the plant.', 'w.txt');
  const s = first('Police said six soldiers were hurt at the plant.', 's.txt');
  const ctx: CompareContext = { rule, vocabulary: emptyVocabulary(), articles: new Map([a, b, w, s].map((x) => [x.article.id, x.article])) };

  test('same dimension and shared context link', () => {
    expect(numericTolerance.link(a.claim, b.claim, ctx)).toBeGreaterThanOrEqual(0.75);
    const ka = new Set(numericTolerance.blockKeys(a.claim, ctx));
    expect(numericTolerance.blockKeys(b.claim, ctx).some((k) => ka.has(k))).toBe(true);
    expect([...ka].every((k) => k.startsWith('length:m'))).toBe(true);
  });

  test('counts of different nouns never link', () => {
    expect(numericTolerance.link(w.claim, s.claim, ctx)).toBe(0);
  });

  test('display, key and value', () => {
    expect(numericTolerance.display(b.claim, ctx)).toBe('50 km (31.06 mi)');
    expect(numericTolerance.display(w.claim, ctx)).toBe('6 worker');
    expect(numericTolerance.readingKey(a.claim, ctx)).toBe(numericTolerance.readingKey(b.claim, ctx));
    expect(numericTolerance.readingValue(a.claim, ctx)).toEqual({ low: 50000, high: 50000, unit: 'm', dimension: 'length' });
    expect(numericTolerance.display(first('The war lasted nearly two decades.').claim, ctx)).toBe('nearly 20 years');
  });

  test('accepts counts only with a counted noun; schema has defaults', () => {
    const persian = first('\u06f1\u06f2\u06f4 \u062a\u0646\u0647');
    expect(numericTolerance.accepts!(persian.claim, ctx)).toBe(false);
    expect(numericTolerance.accepts!(w.claim, ctx)).toBe(true);
    expect((numericTolerance.paramsSchema.properties as Record<string, { default: unknown }>).relative.default).toBe(0.01);
  });
});

describe('counted-synonyms: counts of nouns that count the same ones', () => {
  const rule: Rule = {
    id: 'quantity-tolerance', extends: 'numeric-tolerance', appliesTo: ['quantity'], severity: 'error', file: '',
    params: { relative: 0.01, 'counted-synonyms': [['person', 'resident', 'villagers']] },
  };
  const people = first('About 2,400 people fled the flooded valley, officials said.', 'p.txt');
  const residents = first('Nearly 2,500 residents fled the flooded valley, officials said.', 'r.txt');
  const villagers = first('Some 2,400 villagers fled the flooded valley, officials said.', 'v.txt');
  const workers = first('About 2,400 workers fled the flooded valley, officials said.', 'w.txt');
  const articles = new Map([people, residents, villagers, workers].map((x) => [x.article.id, x.article]));
  test.each([
    ['people / residents', people, residents, true],
    ['people / villagers (a plural in the rule is read as its singular)', people, villagers, true],
    ['people / workers: not in one set', people, workers, false],
  ])('%s', (_name, x, y, linked) => {
    const ctx: CompareContext = { rule, vocabulary: emptyVocabulary(), articles, memo: new Map() };
    expect(numericTolerance.link(x.claim, y.claim, ctx) > 0).toBe(linked);
    expect(numericTolerance.readingKey(x.claim, ctx).split(':').slice(0, 3).join(':') === numericTolerance.readingKey(y.claim, ctx).split(':').slice(0, 3).join(':')).toBe(linked);
  });

  test('without the param, people and residents are counted apart', () => {
    const ctx: CompareContext = { rule: { ...rule, params: { relative: 0.01 } }, vocabulary: emptyVocabulary(), articles, memo: new Map() };
    expect(numericTolerance.link(people.claim, residents.claim, ctx)).toBe(0);
  });
});

describe('ranks: a series may conflict, a record only agrees (invented sentences)', () => {
  const rule: Rule = { id: 'quantity-tolerance', extends: 'numeric-tolerance', appliesTo: ['quantity'], severity: 'error', params: { relative: 0.01 }, file: '' };
  function rank(body: string, id: string): { article: Article; claim: QuantityClaim } {
    const r = buildArticle(id, `/${id}`, body);
    if (!r.ok) throw new Error('bad');
    const ctx = {};
    const claim = describeAssertions(figureExtractor.extract(r.value, ctx, []), r.value, ctx)[0] as QuantityClaim;
    return { article: r.value, claim };
  }
  test.each([
    // [a, b, relation, may conflict (link above UNSURE_ASSERTION), display of a]
    ['Tarrow Aerospace launched its third test flight from Harl.', 'Tarrow Aerospace launched its fourth test flight from Harl.', 'conflict', true, '3rd flight'],
    ['Tarrow Aerospace launched its third test flight from Harl.', 'From Harl, Tarrow Aerospace launched its third test flight.', 'agree', true, '3rd flight'],
    ['Velmar became the fourth country to land on the Moon.', 'Velmar is now the first country to land on the Moon.', 'conflict', false, '4th country to land'],
    // Scales: a storm's category at landfall is one fact; its category at some other time may differ.
    ['Storm Orla made landfall as a Category 3 storm near Harl.', 'Orla came ashore as a Category 4 storm near Harl.', 'conflict', true, 'category 3'],
    ['Storm Orla made landfall as a Category 3 storm near Harl.', 'Orla, once a Category 5 storm, neared Harl.', 'conflict', false, 'category 3'],
    ['A magnitude 6.9 earthquake struck off Tarrow.', 'The 7.1-magnitude quake shook Tarrow.', 'conflict', true, 'magnitude 6.9'],
  ])('%s / %s -> %s, may conflict %s', (x, y, relation, mayConflict, shown) => {
    const a = rank(x, 'a.txt');
    const b = rank(y, 'b.txt');
    const ctx: CompareContext = { rule, vocabulary: emptyVocabulary(), articles: new Map([a, b].map((p) => [p.article.id, p.article])) };
    expect(numericTolerance.compare(a.claim, b.claim, ctx).relation).toBe(relation);
    expect(numericTolerance.link(a.claim, b.claim, ctx) > UNSURE_ASSERTION).toBe(mayConflict);
    expect(numericTolerance.display(a.claim, ctx)).toBe(shown);
  });
});

describe('counted-kinds: a count of a kind against a count of its whole (invented sentences)', () => {
  const rule: Rule = {
    id: 'quantity-tolerance', extends: 'numeric-tolerance', appliesTo: ['quantity'], severity: 'error', file: '',
    params: { relative: 0.01, 'counted-synonyms': [['person', 'people', 'victim']], 'counted-kinds': [['person', 'passenger', 'worker']] },
  };
  function count(body: string, id: string): { article: Article; claim: QuantityClaim } {
    const r = buildArticle(id, `/${id}`, body);
    if (!r.ok) throw new Error('bad');
    const ctx = {};
    const found = [...quantityExtractor.extract(r.value, ctx, []), ...figureExtractor.extract(r.value, ctx, [])];
    return { article: r.value, claim: describeAssertions(found, r.value, ctx)[0] as QuantityClaim };
  }
  test.each([
    // [a, b, linked (above link-agree 0.25), may conflict]
    ['So far, 412 passengers have been discharged from Harl hospitals.', 'Officials said 412 have been discharged from Harl hospitals.', true, false],
    ['So far, 412 passengers have been discharged from Harl hospitals.', 'Officials said 380 have been discharged from Harl hospitals.', true, false],
    // Another attribute: nothing.
    ['The Velmar ferry carried 412 passengers from Harl.', 'Officials said 412 people were injured on the Velmar ferry from Harl.', false, false],
    // Two kinds of one whole are not a kind and its whole.
    ['So far, 412 passengers have been discharged from Harl hospitals.', 'So far, 412 workers have been discharged from Harl hospitals.', false, false],
  ])('%s / %s -> linked %s, may conflict %s', (x, y, linked, mayConflict) => {
    const a = count(x, 'a.txt');
    const b = count(y, 'b.txt');
    const ctx: CompareContext = { rule, vocabulary: emptyVocabulary(), articles: new Map([a, b].map((p) => [p.article.id, p.article])), memo: new Map() };
    const link = numericTolerance.link(a.claim, b.claim, ctx);
    expect(link >= 0.25).toBe(linked);
    expect(link > UNSURE_ASSERTION).toBe(mayConflict);
    if (linked) {
      const keys = new Set(numericTolerance.blockKeys(a.claim, ctx));
      expect(numericTolerance.blockKeys(b.claim, ctx).some((k) => keys.has(k))).toBe(true);
    }
  });
});
