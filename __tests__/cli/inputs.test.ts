import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

// Inputs as a newsroom has them: quoted globs, one article on standard input, and files left out by
// .corroborateignore or --ignore-pattern.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    stdin: stdin === undefined ? undefined : () => stdin,
  });
  return { code, stdout, stderr };
}

const A = 'The Kellin ferry carried 310 passengers on Monday, harbor master Edda Voss said.\n';
const B = 'The Kellin ferry carried 130 passengers on Monday, said harbor master Edda Voss.\n';

function newsroom(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-inputs-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function ids(args: string[], cwd: string, stdin?: string): Promise<string[]> {
  const r = await run(['check', ...args, '--format', 'json', '-q', '--fail-on', 'never'], cwd, stdin);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout).articles as { id: string }[]).map((a) => a.id);
}

describe('inputs', () => {
  const files = {
    'articles/harbor/a.md': A,
    'articles/harbor/b.txt': B,
    'articles/drafts/c.md': A,
    'articles/page.html': `<html><body><article><p>${A}</p></article></body></html>`,
    'articles/notes.yaml': 'not: an article\n',
  };

  test.each([
    ['a quoted glob is expanded by the tool', ["articles/**/*.md"], ['articles/drafts/c.md', 'articles/harbor/a.md']],
    ['a glob of several extensions', ['articles/harbor/*.{md,txt}'], ['articles/harbor/a.md', 'articles/harbor/b.txt']],
    ['a glob keeps article files only', ['articles/**/*'], ['articles/drafts/c.md', 'articles/harbor/a.md', 'articles/harbor/b.txt', 'articles/page.html']],
    ['--ignore-pattern leaves a folder out of a glob', ['articles/**/*.md', '--ignore-pattern', 'drafts/'], ['articles/harbor/a.md']],
    ['--ignore-pattern leaves a folder out of a folder walk', ['articles', '--ignore-pattern', 'articles/drafts'], ['harbor/a.md', 'harbor/b.txt', 'page.html']],
    ['--ignore-pattern is repeatable', ['articles', '--ignore-pattern', 'drafts/', '--ignore-pattern', '*.html'], ['harbor/a.md', 'harbor/b.txt']],
  ])('%s', async (_name, args, expected) => {
    expect(await ids(args, newsroom(files))).toEqual(expected);
  });

  test('.corroborateignore in the working folder leaves files out (gitignore syntax, with negation)', async () => {
    const dir = newsroom({ ...files, '.corroborateignore': '# not ready\ndrafts/\n*.txt\n!articles/harbor/b.txt\n' });
    expect(await ids(['articles'], dir)).toEqual(['harbor/a.md', 'harbor/b.txt', 'page.html']);
    expect(await ids(['articles/**/*.md'], dir)).toEqual(['articles/harbor/a.md']);
  });

  test('a glob that matches nothing is exit 2 naming it', async () => {
    const r = await run(['check', 'articles/**/*.rst'], newsroom(files));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('articles/**/*.rst:1:1');
    expect(r.stderr).toMatch(/no article file matches/);
  });

  test('- reads one article from standard input; --stdin-filename gives its id and format', async () => {
    const dir = newsroom(files);
    expect(await ids(['articles/harbor/a.md', '-'], dir, B)).toEqual(['articles/harbor/a.md', 'stdin.txt']);
    const r = await run(['check', 'articles/harbor/a.md', '-', '--stdin-filename', 'wire/late.md', '--format', 'json', '-q', '--fail-on', 'never'], dir, '# Late news\n\n' + B);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual(['articles/harbor/a.md', 'wire/late.md']);
    // 310 against 130: the claim from standard input points into the text that was read, line 3.
    const conflict = report.findings.find((f: { verdict: string; kind: string }) => f.verdict === 'conflict');
    expect(conflict).toBeDefined();
    const fromStdin = conflict.readings.flatMap((x: { claims: { source: string }[] }) => x.claims).find((c: { source: string }) => c.source === 'wire/late.md');
    expect(fromStdin).toMatchObject({ text: '130 passengers', line: 3, column: 26 });
  });

  test('- with extract writes a claims file named after --stdin-filename', async () => {
    const dir = newsroom({});
    const r = await run(['extract', '-', '--stdin-filename', 'late.txt', '-o', 'claims', '-q'], dir, A);
    expect(r.code).toBe(0);
    const v = await run(['check', 'claims', '--format', 'json', '-q', '--fail-on', 'never'], dir);
    expect(JSON.parse(v.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['late.txt']);
  });
});
