import { relationMatch } from '../../src/compare/comparators/relation-match';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, RelationValue } from '../../src/types';

const base: CompareContext = {
  rule: { id: 'relation-match', extends: 'relation-match', appliesTo: ['relation'], severity: 'warning', params: {}, file: '' },
  vocabulary: emptyVocabulary(),
  articles: new Map(),
};

function r(source: string, subject: string, attribute: string, value: string, entities = ['dunmore']): Claim {
  const v: RelationValue = { type: 'relation', value, key: value.toLowerCase() };
  return {
    id: `relation@0-${value.length}`, source, kind: 'relation', extractor: 'relations',
    span: { start: 0, end: value.length, text: value, line: 1, column: 1 }, value: v,
    context: { predicates: ['land'], entities, words: [] },
    subject: { text: `the ${subject}`, key: subject }, attribute,
  };
}

const ctxOf = (pool: Claim[]): CompareContext => ({ ...base, pool, memo: new Map() });

describe('relation-match', () => {
  test.each([
    [r('a.txt', 'aircraft', 'operator', 'Northwind Air'), r('b.txt', 'aircraft', 'operator', 'Lakeline Airways'), 'conflict', /operator of the aircraft is Northwind Air in one, Lakeline Airways in the other/],
    [r('a.txt', 'ship', 'flag', 'Liberia'), r('b.txt', 'ship', 'flag', 'Liberia'), 'agree', /both give Liberia/],
    // A carrier and its brand share their distinctive word: not a contradiction.
    [r('a.txt', 'aircraft', 'operator', 'Northwind Air'), r('b.txt', 'aircraft', 'operator', 'Northwind Connection'), 'agree', /one name, or a name and its part/],
    [r('a.txt', 'ship', 'route-destination', 'Keswick Harbour'), r('b.txt', 'ship', 'route-destination', 'Keswick'), 'agree', /one name/],
  ])('%#', (a, b, relation, reason) => {
    const ctx = ctxOf([a, b]);
    expect(relationMatch.link(a, b, ctx)).toBeGreaterThanOrEqual(0.75);
    const j = relationMatch.compare(a, b, ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });

  test.each([
    ['another subject', r('a.txt', 'aircraft', 'operator', 'Northwind Air'), r('b.txt', 'helicopter', 'operator', 'Velmar Army'), [], 0],
    ['another attribute', r('a.txt', 'aircraft', 'route-origin', 'Dunmore'), r('b.txt', 'aircraft', 'route-destination', 'Keswick'), [], 0],
    ['one article gives two carriers: two aircraft, weak', r('a.txt', 'aircraft', 'operator', 'Northwind Air'), r('b.txt', 'aircraft', 'operator', 'Lakeline Airways'), [r('a.txt', 'aircraft', 'operator', 'Tarrow Jet Lines')], 0.3],
    ['nothing named in common around them: weak', r('a.txt', 'aircraft', 'operator', 'Northwind Air', ['dunmore']), r('b.txt', 'aircraft', 'operator', 'Lakeline Airways', ['keswick']), [], 0.3],
  ])('link: %s', (_name, a, b, more, link) => {
    const pool = [a, b, ...(more as Claim[])];
    // The weak link of an article with two values needs that article's other claim in the pool; without
    // shared context the link is weak whatever the pool.
    if (_name.startsWith('nothing')) {
      a.context.predicates = [];
      b.context.predicates = [];
    }
    expect(relationMatch.link(a, b, ctxOf(pool))).toBe(link);
  });
});
