import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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
const cases: [string, string | Buffer, Outcome][] = [
  ['empty.txt', '', { read: true }],
  ['whitespace.txt', ' \n\t\n   \r\n', { read: true }],
  ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), { skipped: /binary file/ }],
  ['invalid-utf8.txt', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]), { skipped: /not valid UTF-8/ }],
  ['bom.txt', '\ufeffThe ferry left on Monday.', { read: true }],
  ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The ferry left on Monday.', 'utf16le')]), { read: true }],
  ['crlf.txt', 'Line one.\r\nLine two on Monday.\r\n', { read: true }],
  ['lone-cr.txt', 'Line one.\rLine two on Monday.\r', { read: true }],
  ['unbalanced-quotes.txt', '"'.repeat(5000) + ' he said "yes and "no ' + '\u201c'.repeat(3000), { read: true }],
  ['nested-quotes.txt', '"She said \'he said "they said \u2018we said "no"\u2019"\'" ' .repeat(200), { read: true }],
  ['rtl-mixed.txt', 'The minister \u202eسلام\u202c said "مرحبا world" on Monday. שלום 12 km.', { read: true }],
  ['zero-width.txt', 'The\u200b ferry\u200c carried\u200d 1,200\u2060 passengers on\ufeff Monday.', { read: true }],
  ['malformed-front-matter.md', '---\ntitle: [oops\n---\nBody.', { skipped: /front matter/ }],
  ['bad-published.md', '---\npublished: yesterday-ish\n---\nBody.', { skipped: /is not a date/ }],
  ['unclosed-front-matter.md', '---\ntitle: x\nBody with no end.', { skipped: /never closed/ }],
];

describe('hostile inputs', () => {
  const rules = loadRules([]);
  if (!rules.ok) throw new Error('rules');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-hostile-'));
  for (const [name, content] of cases) writeFileSync(join(dir, name), content);
  symlinkSync(dir, join(dir, 'loop'));
  const corpus = loadCorpus([dir]);

  test.each(cases)('%s', (name, _content, outcome) => {
    const article = corpus.articles.find((a) => a.id === name);
    const warning = corpus.warnings.find((w: Problem) => w.file === name);
    if ('read' in outcome) {
      expect(warning).toBeUndefined();
      expect(article).toBeDefined();
      const claims = extractArticle(article!, { rules: rules.value });
      for (const c of claims) expect(article!.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    } else {
      expect(article).toBeUndefined();
      expect(warning?.message).toMatch(outcome.skipped);
      expect(warning?.message).toMatch(/skipped$/);
    }
  });

  test('the symlink loop is reported and not followed', () => {
    expect(corpus.warnings.some((w) => /symlink loop/.test(w.message))).toBe(true);
  });

  test('a file that vanishes before it is read is skipped with a warning', () => {
    const warnings: Problem[] = [];
    expect(readText(join(dir, 'gone.txt'), 'gone.txt', warnings)).toBeNull();
    expect(warnings).toEqual([{ file: 'gone.txt', line: 1, column: 1, message: 'cannot be read (ENOENT); skipped' }]);
  });

  test.each([
    ['a 20 MB article', () => sentence.repeat(Math.ceil((20 * MB) / sentence.length)).replace(/\. /g, '.\n')],
    ['a single 5 MB line', () => sentence.repeat(Math.ceil((5 * MB) / sentence.length))],
  ])('%s is read and extracted', (_name, make) => {
    const big = mkdtempSync(join(tmpdir(), 'corroborate-big-'));
    writeFileSync(join(big, 'big.txt'), make());
    const [article] = loadCorpus([big]).articles;
    const claims = extractArticle(article, { rules: rules.value });
    expect(Array.isArray(claims)).toBe(true);
    const last = claims[claims.length - 1];
    if (last) expect(article.text.slice(last.span.start, last.span.end)).toBe(last.span.text);
  }, 240_000);
});
