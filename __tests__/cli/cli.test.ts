import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

function story(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'a.md'), '---\noutlet: Alpha Daily\npublished: 2026-03-16\n---\nThe strike began on Monday, union leader Mara Quist said.\n');
  writeFileSync(join(dir, 'articles', 'b.txt'), 'PORTHAVEN, March 16, 2026 - The strike began Monday, said Mara Quist.\n');
  return dir;
}

describe('corroborate CLI', () => {
  test('--help and --version exit 0', async () => {
    const help = await run(['--help'], tmpdir());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: corroborate/);
    expect((await run(['--version'], tmpdir())).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown option or format is a usage error, exit 2', async () => {
    const dir = story();
    expect((await run(['check', 'articles', '--format', 'pdf'], dir)).code).toBe(2);
    expect((await run(['check', 'articles', '--frobnicate'], dir)).code).toBe(2);
  });

  test('check --format json writes the contract fields, to stdout or atomically to --out', async () => {
    const dir = story();
    const r = await run(['check', 'articles', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'corroborate', version: expect.any(String) });
    expect(report.articles.map((a: { id: string; referenceDate: string }) => [a.id, a.referenceDate])).toEqual([
      ['a.md', '2026-03-16'],
      ['b.txt', '2026-03-16'],
    ]);
    expect(Array.isArray(report.findings)).toBe(true);
    const out = await run(['check', 'articles', '--format', 'json', '--out', 'reports/r.json'], dir);
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, 'reports', 'r.json'), 'utf8')).toBe(r.stdout);
    expect(readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('markdown starts with the counts', async () => {
    const r = await run(['check', 'articles'], story());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# corroborate report\n\n2 articles, \d+ claims, \d+ findings: \*\*\d+ conflicts\*\*/);
  });

  test('extract writes one claims file per article; validate accepts them; check reads them', async () => {
    const dir = story();
    const e = await run(['extract', 'articles', '--out', 'claims'], dir);
    expect(e.code).toBe(0);
    expect(readdirSync(join(dir, 'claims')).sort()).toEqual(['a.md.yaml', 'b.txt.yaml']);
    const v = await run(['validate', 'claims'], dir);
    expect(v).toMatchObject({ code: 0, stdout: '2 claims files valid\n' });
    const fromArticles = await run(['check', 'articles', '--format', 'json'], dir);
    const fromClaims = await run(['check', 'claims', '--format', 'json'], dir);
    expect(fromClaims.code).toBe(0);
    expect(JSON.parse(fromClaims.stdout).findings).toEqual(JSON.parse(fromArticles.stdout).findings);
  });

  test('validate reports a hand-edit mistake as file:line:column, exit 2', async () => {
    const dir = story();
    await run(['extract', 'articles', '--out', 'claims'], dir);
    const file = join(dir, 'claims', 'a.md.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('format: corroborate/claims@2', 'format: corroborate/claims@2\nfavourite: blue'));
    const v = await run(['validate', 'claims'], dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/^claims\/a\.md\.yaml:5:1: file: unknown key "favourite"$/m);
  });

  test('a bad rules folder stops the run before any work, exit 2, nothing written', async () => {
    const dir = story();
    mkdirSync(join(dir, 'my-rules'));
    writeFileSync(join(dir, 'my-rules', 'dates.yaml'), 'extends: date-intervl\n');
    const r = await run(['check', 'articles', '--rules', 'my-rules', '--out', 'out.json', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my-rules\/dates\.yaml:1:10: unknown comparator "date-intervl" \(did you mean date-interval\?\)/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  test('a missing input is exit 2 with a message', async () => {
    const r = await run(['check', 'nowhere'], story());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere:1:1: no such file or folder/);
  });

  test('with --skip-unreadable, a bad front matter date skips that article with a warning naming file, line and column', async () => {
    const dir = story();
    writeFileSync(join(dir, 'articles', 'c.md'), '---\ntitle: x\npublished: someday\n---\nText.\n');
    const r = await run(['check', 'articles', '--format', 'json', '--skip-unreadable'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: c\.md:3:12: published date "someday" is not a date \(use YYYY-MM-DD\); skipped$/m);
    expect(r.stderr).toMatch(/^warning: 1 unreadable file skipped \(--skip-unreadable\)$/m);
    expect(JSON.parse(r.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['a.md', 'b.txt']);
  });

  test.each([[[]], [['--strict']]])('by default (or with --strict, %j), an article that cannot be read fails the run, exit 2', async (extra) => {
    const dir = story();
    writeFileSync(join(dir, 'articles', 'c.md'), '---\ntitle: x\npublished: someday\n---\nText.\n');
    const r = await run(['check', 'articles', ...extra], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^c\.md:3:12: published date "someday" is not a date/m);
    expect(r.stdout).toBe('');
  });
});

describe('editor decisions', () => {
  const ROOT = join(__dirname, '..', '..');
  test('check --decisions: accepted and rejected conflicts no longer fail --fail-on; needs-correction still does', async () => {
    const { serializeDecisions } = await import('../../src/review/decisions');
    const base = await run(['check', 'examples/ferry-strike', '--format', 'json', '--fail-on', 'conflict'], ROOT);
    const conflicts = JSON.parse(base.stdout).findings.filter((f: { verdict: string }) => f.verdict === 'conflict').map((f: { id: string }) => f.id);
    expect(conflicts.length).toBeGreaterThan(1);
    expect(base.code).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-decisions-'));
    const write = (status: (id: string, i: number) => string) => {
      const file = join(dir, 'decisions.yaml');
      const entries = conflicts.map((id: string, i: number) => [id, { status: status(id, i), comment: 'checked with the desk' }]);
      writeFileSync(file, serializeDecisions(new Map(entries)));
      return file;
    };
    const allSettled = write((_id, i) => (i % 2 ? 'accepted' : 'rejected'));
    expect((await run(['check', 'examples/ferry-strike', '--format', 'json', '--fail-on', 'conflict', '--decisions', allSettled], ROOT)).code).toBe(0);
    const oneOpen = write((_id, i) => (i === 0 ? 'needs-correction' : 'accepted'));
    expect((await run(['check', 'examples/ferry-strike', '--format', 'json', '--fail-on', 'conflict', '--decisions', oneOpen], ROOT)).code).toBe(1);
    expect((await run(['check', 'examples/ferry-strike', '--decisions', join(dir, 'nope.yaml')], ROOT)).code).toBe(2);
  });

  test('check --decisions: a decision that matches no finding is a warning with the file and line of its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-decisions-'));
    const file = join(dir, 'decisions.yaml');
    writeFileSync(file, 'format: corroborate/decisions@1\ndecisions:\n  "date:long-gone-0000aaaa":\n    status: rejected\n');
    const r = await run(['check', 'examples/ferry-strike', '--format', 'json', '--fail-on', 'never', '--decisions', file], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${file}:3:3: decision for "date:long-gone-0000aaaa" matches no finding (the articles changed, or the id was made from other text)\n`);
  });
});
