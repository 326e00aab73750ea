import type { Claim, Comparator, CompareContext, QuantityValue, Rule } from '../../src/types';
import { findingsForRule } from '../../src/compare/engine';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { articleNames, differentStories } from '../../src/compare/link';

// A toy comparator: claims link when they share a topic word (strength given per word), values are
// numbers that agree when equal and conflict otherwise.
const strength: Record<string, number> = { strong: 1, weak: 0.3 };
const toy: Comparator = {
  id: 'toy',
  kinds: ['quantity'],
  findingKind: 'quantity',
  paramsSchema: {},
  blockKeys: (c) => c.context.words,
  link: (a, b) => Math.max(0, ...a.context.words.filter((w) => b.context.words.includes(w)).map((w) => strength[w] ?? 0)),
  compare: (a, b) => {
    const x = (a.value as QuantityValue).low;
    const y = (b.value as QuantityValue).low;
    return x === y ? { relation: 'agree', reason: `both ${x}` } : { relation: 'conflict', reason: `${x} is not ${y}` };
  },
  readingKey: (c) => String((c.value as QuantityValue).low),
  display: (c) => String((c.value as QuantityValue).low),
  readingValue: (c) => (c.value as QuantityValue).low,
  subject: () => 'toy fact',
};

let next = 0;
function claim(source: string, value: number, words: string[]): Claim {
  const start = next++ * 10;
  const v: QuantityValue = { type: 'quantity', dimension: 'count', unit: 'count', low: value, high: value, stated: [{ value, unit: 'count', text: String(value) }] };
  return {
    id: `quantity@${start}-${start + 2}`,
    source,
    kind: 'quantity',
    extractor: 'test',
    span: { start, end: start + 2, text: String(value).padEnd(2).slice(0, 2), line: 1, column: start + 1 },
    value: v,
    context: { predicates: [], entities: [], words },
  };
}

const rule: Rule = { id: 'toy-rule', extends: 'toy', appliesTo: ['quantity'], severity: 'error', params: { 'link-agree': 0.25, 'link-conflict': 0.75 }, file: 'x' };
const ctx: CompareContext = { rule, vocabulary: emptyVocabulary(), articles: new Map() };

describe('findingsForRule', () => {
  test('two sources agreeing make one agree finding', () => {
    const f = findingsForRule([claim('a', 5, ['weak']), claim('b', 5, ['weak'])], toy, ctx);
    expect(f.map((x) => [x.verdict, x.readings.length, x.readings[0].claims.map((c) => c.source)])).toEqual([['agree', 1, ['a', 'b']]]);
  });

  test('a strongly linked disagreement is a conflict with a relation and the rule severity', () => {
    const f = findingsForRule([claim('a', 5, ['strong']), claim('b', 6, ['strong'])], toy, ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ verdict: 'conflict', severity: 'error', rule: 'toy-rule', relations: [{ between: [0, 1], relation: 'conflict', reason: '5 is not 6' }] });
  });

  test('a weakly linked disagreement is no finding', () => {
    expect(findingsForRule([claim('a', 5, ['weak']), claim('b', 6, ['weak'])], toy, ctx)).toEqual([]);
  });

  test('a weak agreement cannot bridge two values that conflict without a strong link', () => {
    // a:5 ~weak~ b:5 and b:5 ~weak~ ... c:6 shares "weak" with both, but 5 vs 6 is only weakly linked.
    const claims = [claim('a', 5, ['weak', 'x']), claim('b', 5, ['weak']), claim('c', 6, ['weak']), claim('d', 6, ['weak'])];
    const f = findingsForRule(claims, toy, ctx);
    expect(f.map((x) => [x.verdict, x.readings.map((r) => r.display)])).toEqual([
      ['agree', ['5']],
      ['agree', ['6']],
    ]);
  });

  test('one article repeating itself is no finding; contradicting itself is', () => {
    expect(findingsForRule([claim('a', 5, ['strong']), claim('a', 5, ['strong'])], toy, ctx)).toEqual([]);
    const f = findingsForRule([claim('a', 5, ['strong']), claim('a', 7, ['strong'])], toy, ctx);
    expect(f.map((x) => x.verdict)).toEqual(['conflict']);
  });

  test('the same claims in another order give the same findings', () => {
    const claims = [claim('a', 5, ['strong']), claim('b', 5, ['strong']), claim('c', 9, ['strong']), claim('d', 1, ['weak'])];
    const forward = findingsForRule(claims, toy, ctx);
    const backward = findingsForRule([...claims].reverse().sort((x, y) => (x.source < y.source ? -1 : 1)), toy, ctx);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});

describe('findingsForRule with a focus (the CI gate)', () => {
  test('only findings holding a focused article are reported; old against old is not compared', () => {
    const claims = [claim('old1', 5, ['strong']), claim('old2', 6, ['strong']), claim('new', 5, ['strong']), claim('old3', 9, ['weak'])];
    const all = findingsForRule(claims, toy, ctx);
    expect(all.length).toBeGreaterThan(0);
    const focused = findingsForRule(claims, toy, ctx, new Set(['new']));
    expect(focused.length).toBeGreaterThan(0);
    for (const f of focused) expect(f.readings.flatMap((r) => r.claims.map((c) => c.source))).toContain('new');
    // old1 ~ old2 (5 vs 6, strongly linked) is not compared: no finding sets them against each other alone.
    expect(findingsForRule([claims[0], claims[1]], toy, ctx, new Set(['new']))).toEqual([]);
  });
});

describe('candidate pairs in a large corpus', () => {
  // 40 articles name "weak" (a common key); two of them also share the rare key "strong". Each claim is
  // compared with its NEAREST nearest claims only: the rare key keeps the pair that matters.
  test('a pair sharing a rare key is still compared when a common key holds more claims than NEAREST', () => {
    const pool = Array.from({ length: 40 }, (_, i) => claim(`s${String(i).padStart(2, '0')}`, i, ['weak']));
    pool.push(claim('t1', 7, ['weak', 'strong']), claim('t2', 8, ['weak', 'strong']));
    let calls = 0;
    const counting: Comparator = { ...toy, link: (a, b, c) => (calls++, toy.link(a, b, c)) };
    const f = findingsForRule(pool, counting, ctx);
    expect(f.filter((x) => x.verdict === 'conflict').map((x) => x.readings.map((r) => r.display))).toEqual([['7', '8']]);
    // All pairs would be 42 * 41 / 2 = 861; each claim keeps at most NEAREST (24) neighbours.
    expect(calls).toBeLessThan(861);
    expect(calls).toBeGreaterThan(0);
  });
});

describe('differentStories', () => {
  const c = (source: string, entities: string[]): Claim => ({ ...claim(source, 1, []), context: { predicates: [], entities, words: [] } });
  test.each([
    ['no name shared', [['velmora', 'roe'], ['castrelle', 'quist']], true],
    ['one name shared', [['velmora', 'roe'], ['velmora', 'quist']], false],
    ['one article names only one thing: cannot tell', [['velmora'], ['castrelle', 'quist']], false],
    ['same article', null, false],
  ] as const)('%s', (_name, names, expected) => {
    const a = c('a', names ? [...names[0]] : ['x', 'y']);
    const b = c(names ? 'b' : 'a', names ? [...names[1]] : ['z', 'w']);
    const memo = new Map<string, unknown>();
    expect(differentStories(a, b, { ...ctx, pool: [a, b], memo })).toBe(expected);
  });

  test('a name in many articles of a large corpus tells no story from another', () => {
    const claims = Array.from({ length: 60 }, (_, i) => c(`a${i}`, ['minister', `place${i}`, `person${i}`]));
    const names = articleNames(claims);
    expect([...names.get('a0')!]).toEqual(['place0', 'person0']);
    expect(articleNames(claims.slice(0, 5)).get('a0')!.has('minister')).toBe(true);
  });
});
