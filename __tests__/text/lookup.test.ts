import { chooseLongest, insertAt } from '../../src/text/lookup';

type R = { start: number; end: number; id: string };

// The rule written plainly: longest first, then earliest, equal ones in their order; keep what overlaps
// nothing kept; result by start.
function reference(found: R[]): R[] {
  const order = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: R[] = [];
  for (const f of order) if (!taken.some((t) => t.start < f.end && f.start < t.end)) taken.push(f);
  return taken.sort((a, b) => a.start - b.start);
}

const r = (id: string, start: number, end: number): R => ({ start, end, id });

describe('chooseLongest', () => {
  test.each([
    // "May 5, 2024" beats "May 5" and "2024" inside it.
    [[r('may5', 0, 5), r('full', 0, 11), r('year', 7, 11)], ['full']],
    // Equal lengths: the earlier one wins an overlap.
    [[r('b', 2, 6), r('a', 0, 4)], ['a']],
    // Equal ranges: the first given wins.
    [[r('first', 3, 5), r('second', 3, 5)], ['first']],
    // Disjoint ranges all stay, sorted by start.
    [[r('c', 9, 10), r('a', 0, 2), r('b', 4, 6)], ['a', 'b', 'c']],
    [[], []],
  ])('%j', (found, ids) => {
    expect(chooseLongest(found).map((f) => f.id)).toEqual(ids);
  });

  test('few or many candidates, with empty ranges among them: the same choice as the plain rule', () => {
    let seed = 5;
    // A 32-bit LCG in integer arithmetic (Math.imul), drawn from its high bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 2000; k++) {
      const found: R[] = [];
      for (let i = next(40); i > 0; i--) {
        const start = next(60);
        found.push(r(`r${i}`, start, start + next(8) - (next(12) === 0 ? 1 : 0)));
      }
      expect(chooseLongest(found)).toEqual(reference(found));
    }
  });
});

describe('insertAt', () => {
  test.each([
    [['a', 'c'], 1, 'b', ['a', 'b', 'c']],
    [['b'], 0, 'a', ['a', 'b']],
    [[], 0, 'a', ['a']],
  ])('%j at %d', (list, i, x, expected) => {
    const l = [...list];
    insertAt(l, i, x);
    expect(l).toEqual(expected);
  });
});
