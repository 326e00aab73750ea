import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticle } from '../../src/ingest/article';
import { EXTRACTORS } from '../../src/extract';
import { extractArticle } from '../../src/pipeline';
import { extractAll } from '../../src/pipeline/parallel';
import { loadRules } from '../../src/rules/loader';
import { main } from '../../src/cli/main';
import type { Article, Claim, ExtractionError, Extractor, RuleSet } from '../../src/types';

const rules: RuleSet = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules');
  return r.value;
})();

function article(id: string, text: string): Article {
  const a = buildArticle(id, `/x/${id}`, text);
  if (!a.ok) throw new Error('article');
  return a.value;
}

const TEXT = 'Mayor Ilse Varga said 40 buses would run on the Tessel line, which opened in July 2019.\n';

/** An extractor that throws on every article whose id starts with "bad". */
const faulty: Extractor = {
  id: 'faulty',
  kinds: ['date'],
  extract(a: Article): Claim[] {
    if (a.id.startsWith('bad')) throw new RangeError('no such day');
    return [];
  },
};

describe('an extractor that throws', () => {
  test('is recorded with the article and extractor, and the other extractors still run', () => {
    const errors: ExtractionError[] = [];
    const a = article('bad.txt', TEXT);
    const expected = extractArticle(a, {});
    const got = extractArticle(a, {}, { errors, extractors: [faulty, ...EXTRACTORS] });
    expect(errors).toEqual([{ article: 'bad.txt', extractor: 'faulty', message: 'RangeError: no such day' }]);
    expect(got).toEqual(expected);
    expect(got.map((c) => c.kind)).toEqual(expect.arrayContaining(['date', 'quantity', 'person']));
  });

  test('without a place to record it, it is written to stderr', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      extractArticle(article('bad.txt', TEXT), {}, { extractors: [faulty] });
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual(['error: extractor "faulty" failed on bad.txt: RangeError: no such day; its claims are left out\n']);
    } finally {
      write.mockRestore();
    }
  });

  test('extractAll goes on with the other articles and returns the errors in article order', () => {
    const date = EXTRACTORS.find((e) => e.id === 'dates')!;
    const original = date.extract;
    const spy = jest.spyOn(date, 'extract').mockImplementation((a, ctx, earlier) => {
      if (a.id.startsWith('bad')) throw new Error('broken');
      return original.call(date, a, ctx, earlier);
    });
    try {
      const errors: ExtractionError[] = [];
      const got = extractAll([article('bad-1.txt', TEXT), article('good.txt', TEXT), article('bad-2.txt', TEXT)], { jobs: 1, errors });
      expect(errors).toEqual([
        { article: 'bad-1.txt', extractor: 'dates', message: 'Error: broken' },
        { article: 'bad-2.txt', extractor: 'dates', message: 'Error: broken' },
      ]);
      expect(got.get('good.txt')!.some((c) => c.kind === 'date')).toBe(true);
      expect(got.get('bad-1.txt')!.some((c) => c.kind === 'date')).toBe(false);
      expect(got.get('bad-1.txt')!.some((c) => c.kind === 'quantity')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  test('check reports it on stderr and in the JSON report, and still exits with its findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-errors-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'bad.txt'), TEXT);
    writeFileSync(join(dir, 'articles', 'good.txt'), 'On March 3, 2025, Mayor Ilse Varga said 45 buses would run on the Tessel line.\n');
    const date = EXTRACTORS.find((e) => e.id === 'dates')!;
    const spy = jest.spyOn(date, 'extract').mockImplementation(() => {
      throw new TypeError('cannot read the calendar');
    });
    let stdout = '';
    let stderr = '';
    try {
      const code = await main(['node', 'corroborate', 'check', 'articles', '--format', 'json', '-q'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
      expect(code).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toBe(
      'error: extractor "dates" failed on bad.txt: TypeError: cannot read the calendar; its claims are left out\n' +
        'error: extractor "dates" failed on good.txt: TypeError: cannot read the calendar; its claims are left out\n',
    );
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([
      { article: 'bad.txt', extractor: 'dates', message: 'TypeError: cannot read the calendar' },
      { article: 'good.txt', extractor: 'dates', message: 'TypeError: cannot read the calendar' },
    ]);
    expect(report.summary.claims).toBeGreaterThan(0);
  });
});
