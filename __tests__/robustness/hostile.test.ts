import { copyFileSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, readText } from '../../src/ingest/corpus';
import { extractArticle } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import type { Problem } from '../../src/types';

// Hostile inputs, each with its expected outcome: read (and extracted without a throw, every span exact),
// or skipped with a warning that names the file. Large ones are generated here rather than committed.
const MB = 1024 * 1024;
const sentence = 'On Monday, Mayor Ilse Brand said the ferry carried 1,200 passengers, "more than ever." ';

type Outcome = { read: true } | { skipped: RegExp };
// The small fixtures are files in __tests__/fixtures/hostile/, one per row; the symlink loop and the big
// articles are made at run time (a loop in the repository would trap other tools; 25 MB does not belong in git).
const FIXTURES = join(__dirname, '..', 'fixtures', 'hostile');
const cases: [string, Outcome][] = [
  ['empty.txt', { read: true }],
  ['whitespace.txt', { read: true }],
  ['binary.txt', { skipped: /binary file/ }],
  ['invalid-utf8.txt', { skipped: /not valid UTF-8/ }],
  ['bom.txt', { read: true }],
  ['utf16.txt', { read: true }],
  ['crlf.txt', { read: true }],
  ['lone-cr.txt', { read: true }],
  ['unbalanced-quotes.txt', { read: true }],
  ['nested-quotes.txt', { read: true }],
  ['rtl-mixed.txt', { read: true }],
  ['zero-width.txt', { read: true }],
  ['malformed-front-matter.md', { skipped: /front matter/ }],
  ['bad-published.md', { skipped: /is not a date/ }],
  ['unclosed-front-matter.md', { skipped: /never closed/ }],
];

describe('hostile inputs', () => {
  const rules = loadRules([]);
  if (!rules.ok) throw new Error('rules');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-hostile-'));
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  symlinkSync(dir, join(dir, 'loop'));
  const corpus = loadCorpus([dir]);

  test('every fixture file has a row and every row a file', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(cases.map(([name]) => name).sort());
  });

  test.each(cases)('%s', (name, outcome) => {
    const article = corpus.articles.find((a) => a.id === name);
    const warning = corpus.warnings.find((w: Problem) => w.file === name);
    if ('read' in outcome) {
      expect(warning).toBeUndefined();
      expect(article).toBeDefined();
      const claims = extractArticle(article!, {});
      for (const c of claims) expect(article!.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    } else {
      expect(article).toBeUndefined();
      expect(warning?.message).toMatch(outcome.skipped);
      expect(warning?.message).toMatch(/skipped$/);
    }
  });

  test('the symlink loop is reported and not followed', () => {
    expect(corpus.notices.some((w) => /symlink loop/.test(w.message))).toBe(true);
  });

  test('a file that vanishes before it is read is skipped with a warning', () => {
    const warnings: Problem[] = [];
    expect(readText(join(dir, 'gone.txt'), 'gone.txt', warnings)).toBeNull();
    expect(warnings).toEqual([{ file: 'gone.txt', line: 1, column: 1, message: 'cannot be read (ENOENT); skipped' }]);
  });

  test.each([
    ['a 20 MB article', () => sentence.repeat(Math.ceil((20 * MB) / sentence.length)).replace(/\." /g, '."\n')],
    ['a single 5 MB line', () => sentence.repeat(Math.ceil((5 * MB) / sentence.length))],
  ])('%s is read and extracted', (_name, make) => {
    const big = mkdtempSync(join(tmpdir(), 'corroborate-big-'));
    writeFileSync(join(big, 'big.txt'), make());
    // Past the default --max-article-bytes (10 MiB): read here with a limit raised as a user would raise it.
    const [article] = loadCorpus([big], process.cwd(), { maxArticleBytes: 32 * MB }).articles;
    const claims = extractArticle(article, {});
    expect(Array.isArray(claims)).toBe(true);
    const last = claims[claims.length - 1];
    if (last) expect(article.text.slice(last.span.start, last.span.end)).toBe(last.span.text);
  }, 240_000);
});
