import { memoByString } from '../../src/util/memo';

describe('memoByString', () => {
  test('computes each key once, empties at the limit, keeps no over-long key', () => {
    const calls: string[] = [];
    const upper = memoByString((s) => (calls.push(s), s.toUpperCase()), 2, 5);
    expect([upper('ab'), upper('ab'), upper('cd')]).toEqual(['AB', 'AB', 'CD']);
    expect(calls).toEqual(['ab', 'cd']);
    // The third distinct key empties the map first: 'ab' is computed again afterwards.
    upper('ef');
    upper('ab');
    expect(calls).toEqual(['ab', 'cd', 'ef', 'ab']);
    // Longer than maxKey: computed every time, never kept.
    upper('longer');
    upper('longer');
    expect(calls.filter((c) => c === 'longer')).toHaveLength(2);
  });
});
