import { buildArticle } from '../../src/ingest/article';
import { extractArticle } from '../../src/pipeline';
import { extractAll } from '../../src/pipeline/parallel';
import { loadRules } from '../../src/rules/loader';
import { seeded, syntheticArticle } from '../../src/bench/corpus';
import type { Article, RuleSet } from '../../src/types';

const rules: RuleSet = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules');
  return r.value;
})();

// Made-up articles from the bench generator, plus a few hand-written ones with a reference date.
function corpus(n: number): Article[] {
  const r = seeded(4242);
  const texts = Array.from({ length: n }, () => syntheticArticle(r, 6 + Math.floor(r() * 20)));
  texts.push('---\npublished: 2024-03-10\n---\nOn Saturday, Harbor Minister Jo Tamm said "we will reopen the quay," about 40 km away.\n');
  texts.push('');
  return texts.map((t, i) => {
    const a = buildArticle(`a${String(i).padStart(3, '0')}.txt`, `/x/a${i}.txt`, t);
    if (!a.ok) throw new Error('article');
    return a.value;
  });
}

describe('extractAll', () => {
  jest.setTimeout(60_000);
  const articles = corpus(40);
  const expected = new Map(articles.map((a) => [a.id, extractArticle(a, {})]));

  test.each([
    ['one thread', 1],
    ['two worker threads', 2],
    ['three worker threads', 3],
  ])('%s: the same claims as the single-threaded loop, keyed in article order', (_name, jobs) => {
    const progress: number[] = [];
    const got = extractAll(articles, { jobs, threshold: 0, onProgress: (done) => progress.push(done) });
    expect([...got.keys()]).toEqual(articles.map((a) => a.id));
    expect(got).toEqual(expected);
    expect(progress).toEqual(articles.map((_, i) => i + 1));
  });

  test.each([
    ['below the threshold', 5, 200],
    ['an empty list', 0, 0],
  ])('%s stays on this thread', (_name, n, threshold) => {
    const few = articles.slice(0, n);
    const got = extractAll(few, { jobs: 4, threshold });
    expect(got).toEqual(new Map(few.map((a) => [a.id, expected.get(a.id)])));
  });
});
