import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { loadInputs, rulesFor, type Io } from '../../src/pipeline/inputs';
import { loadClaimsFolder, serializeClaims } from '../../src/claims/io';

// The repository ships the example story's claims (claims/) and its report (reports/), as `npm run examples`
// makes them. Nothing here writes: each file is made again in memory and compared with the one in the tree.
const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = 'examples/ferry-strike';
const REGENERATE = 'run `npm run examples` and commit the result';

const quiet: Io = { stdout: () => undefined, stderr: () => undefined, cwd: ROOT };

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT });
  return { code, stdout, stderr };
}

describe('claims/: the shipped example\'s claims', () => {
  const dir = join(ROOT, 'claims');

  test('validate as claims files', () => {
    const loaded = loadClaimsFolder(dir, ROOT);
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.value.map((f) => f.article.id)).toEqual(['coastal-wire.md', 'harbor-gazette.md', 'island-courier.txt', 'meridian-post.md']);
  });

  test(`are current: extracting ${EXAMPLE} again gives the same bytes (else ${REGENERATE})`, () => {
    const rules = rulesFor(undefined, quiet);
    const { articles, claims } = loadInputs([EXAMPLE], rules, quiet, { quiet: true, jobs: 1 });
    const made = new Map(articles.map((a) => [`${a.id}.yaml`, serializeClaims(a, claims.get(a.id) ?? [], dir)]));
    expect(readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()).toEqual([...made.keys()].sort());
    for (const [name, text] of made) expect([name, readFileSync(join(dir, name), 'utf8')]).toEqual([name, text]);
  });
});

describe('reports/: the shipped example\'s report', () => {
  test.each([
    ['markdown', 'ferry-strike.md'],
    ['html', 'ferry-strike.html'],
    ['json', 'ferry-strike.json'],
  ])(`--format %s is current in reports/%s (else ${REGENERATE})`, async (format, file) => {
    const r = await run(['check', EXAMPLE, '--format', format, '--fail-on', 'never', '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'reports', file), 'utf8'));
  });

  test('claims/ gives the same findings as the articles', async () => {
    const fromClaims = JSON.parse((await run(['check', 'claims', '--format', 'json', '--fail-on', 'never'])).stdout);
    const shipped = JSON.parse(readFileSync(join(ROOT, 'reports', 'ferry-strike.json'), 'utf8'));
    expect(fromClaims.findings).toEqual(shipped.findings);
  });
});
