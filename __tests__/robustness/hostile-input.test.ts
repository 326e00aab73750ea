import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parseClaimsFile, claimsPathFor } from '../../src/claims/io';
import { loadCorpus } from '../../src/ingest/corpus';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

const polluted = () => ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined;

describe('prototype pollution from YAML input', () => {
  test.each([
    ['front matter __proto__', '---\n__proto__: { polluted: yes }\ntitle: x\n---\nBody on Monday.\n'],
    ['front matter constructor', '---\nconstructor: { prototype: { polluted: yes } }\n---\nBody.\n'],
    ['front matter prototype key', '---\nprototype: { isAdmin: true }\n---\nBody.\n'],
  ])('%s changes nothing', (_name, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-proto-'));
    writeFileSync(join(dir, 'a.md'), text);
    const corpus = loadCorpus([dir]);
    expect(polluted()).toBe(false);
    expect(corpus.articles[0]?.meta ?? {}).not.toHaveProperty('polluted');
  });

  test('corpus.yaml with __proto__ entries is refused or ignored, never applied to every object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-proto-'));
    writeFileSync(join(dir, 'a.txt'), 'Body.');
    writeFileSync(join(dir, 'corpus.yaml'), 'articles:\n  __proto__: { outlet: Evil }\n  a.txt: { outlet: Good }\n');
    try {
      const corpus = loadCorpus([dir]);
      expect(corpus.articles[0].meta.outlet).toBe('Good');
    } catch {
      /* refused: also fine */
    }
    expect(({} as Record<string, unknown>).outlet).toBeUndefined();
  });

  test('a claims file with __proto__ keys is a validation error, not a polluted prototype', () => {
    const text = [
      'format: corroborate/claims@1',
      'article: { id: a.txt, sha256: "' + '0'.repeat(64) + '", length: 10 }',
      '__proto__: { polluted: yes }',
      'claims: []',
      '',
    ].join('\n');
    const r = parseClaimsFile('claims/a.txt.yaml', text);
    expect(r.ok).toBe(false);
    expect(polluted()).toBe(false);
  });
});

describe('path traversal', () => {
  test.each(['../../etc/passwd', '../outside', 'a/../../b', '/etc/passwd'])('article id %j cannot name a file outside the claims folder', (id) => {
    expect(() => claimsPathFor('/tmp/store', id)).toThrow(/cannot name a claims file/);
  });

  test('extract of a folder never writes outside --out, whatever the file names', async () => {
    const root = mkdtempSync(join(tmpdir(), 'corroborate-trav-'));
    writeFileSync(join(root, 'evil..%2f..%2f.txt'), 'Odd name, on Monday.');
    writeFileSync(join(root, 'plain.txt'), 'Plain, on Monday.');
    const cwd = mkdtempSync(join(tmpdir(), 'corroborate-trav-out-'));
    const r = await run(['extract', root, '--out', 'store', '-q'], cwd);
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'store')).sort()).toEqual(['evil..%2f..%2f.txt.yaml', 'plain.txt.yaml']);
    expect(existsSync(join(cwd, '..', 'evil.txt.yaml'))).toBe(false);
  });
});

describe('one paragraph with very many quotes', () => {
  test('150 000 quoted segments in one paragraph are all found (no stack overflow, no silent loss)', () => {
    const { buildArticle } = require('../../src/ingest/article') as typeof import('../../src/ingest/article');
    const { quoteExtractor } = require('../../src/extract/quotes') as typeof import('../../src/extract/quotes');
    const { loadRules } = require('../../src/rules/loader') as typeof import('../../src/rules/loader');
    const rules = loadRules([]);
    if (!rules.ok) throw new Error('rules');
    const article = buildArticle('a.txt', '/x/a.txt', '"Yes." '.repeat(150_000));
    if (!article.ok) throw new Error('article');
    expect(quoteExtractor.extract(article.value, { rules: rules.value }, [])).toHaveLength(150_000);
  }, 120_000);
});
