import fc from 'fast-check';
import { buildArticle } from '../../src/ingest/article';
import { extractArticle } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import { compareAll } from '../../src/compare/engine';
import { lineColumn } from '../../src/text/span';

const rules = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('shipped rules do not load');
  return r.value;
})();

// Strings that look like news: words, numbers, dates, quotes and odd characters mixed.
const pieces = fc.constantFrom(
  'The ferry', ' carried ', '1,200', ' passengers', ' on Monday', ', March 12, 2026', '"', '\u201c', '\u201d', "'", ' said ',
  'Mayor Ines Varga', '.', ' ', '\n', '\r\n', '\r', '\u200b', '\ufeff', '—', ' (', ') ', '50 km', ' (31 miles)', 'nearly two decades',
  'the early 1970s', '$4.5 million', 'about 300', ' residents', 'she', ' told reporters', ': ', '...', 'U.S.', ' President ', 'former ',
  '\u202e', 'شنبه', '\u0000', '<script>', '@handle', 'http://x.example/a?b=1', '3.0', '555-0142', '---\n', 'published: 2026-01-02\n',
);
const newsish = fc.array(pieces, { maxLength: 60 }).map((xs) => xs.join(''));
const anyText = fc.oneof(newsish, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

function article(text: string, id = 'a.txt') {
  const r = buildArticle(id, `/x/${id}`, text);
  return r.ok ? r.value : null;
}

describe('extraction properties (fast-check)', () => {
  test('never throws on any string; every span slices exactly to its text; line/column agree with offsets', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = article(text);
        if (!a) return true; // malformed front matter: a clear error, not a throw
        for (const c of extractArticle(a, {})) {
          if (text.slice(c.span.start, c.span.end) !== c.span.text) return false;
          const lc = lineColumn(a.lineStarts, c.span.start);
          if (lc.line !== c.span.line || lc.column !== c.span.column) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  test('findings are the same whatever order the articles come in', () => {
    fc.assert(
      fc.property(fc.array(newsish, { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (texts, seed) => {
        const arts = texts.map((t, i) => article(t, `n${i}.txt`)).filter((a): a is NonNullable<typeof a> => a !== null);
        const claims = arts.flatMap((a) => extractArticle(a, {}));
        const shuffled = [...claims].sort((x, y) => ((x.span.start * 31 + seed) % 7) - ((y.span.start * 31 + seed) % 7) || (x.source < y.source ? 1 : -1));
        const map = new Map(arts.map((a) => [a.id, a]));
        return JSON.stringify(compareAll(claims, rules, map)) === JSON.stringify(compareAll(shuffled, rules, map));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  test('work grows about linearly with input: 16x the text costs well under 64x the time', () => {
    // A growth guard, not a timed test: the ratio of two runs on this machine, generous enough for noise.
    const unit = 'Mayor Ines Varga said "we will not negotiate," on Monday. The ferry carried 1,200 passengers 50 km (31 miles). "Yes... and no" ';
    const time = (n: number) => {
      const a = article(unit.repeat(n));
      const t0 = process.hrtime.bigint();
      extractArticle(a!, {});
      return Number(process.hrtime.bigint() - t0);
    };
    time(20); // warm up
    const small = Math.min(time(50), time(50));
    const big = Math.min(time(800), time(800));
    expect(big / small).toBeLessThan(64);
  });
});
