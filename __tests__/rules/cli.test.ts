import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

/** A project folder with a rules folder holding these files. */
function project(files: Record<string, string>, rulesFolder = 'my-rules'): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-rules-cli-'));
  mkdirSync(join(dir, rulesFolder), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, rulesFolder, name), text);
  return dir;
}

/** `rules list` rows as [id, extends, severity, file]. */
function rows(stdout: string): string[][] {
  return stdout.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
}

describe('corroborate rules list', () => {
  test('prints id, extends, severity and file of every shipped rule, sorted by id', async () => {
    const r = await run(['rules', 'list'], project({}));
    expect(r.code).toBe(0);
    const table = rows(r.stdout);
    expect(table[0]).toEqual(['id', 'extends', 'severity', 'file']);
    expect(table.find((row) => row[0] === 'date-overlap')?.slice(1, 3)).toEqual(['date-interval', 'error']);
    expect(table.find((row) => row[0] === 'places')?.slice(1, 3)).toEqual(['alias', 'data']);
    expect(table.find((row) => row[0] === 'places')?.[3]).toMatch(/rules\/places\.yaml$/);
    const ids = table.slice(1).map((row) => row[0]);
    expect(ids).toEqual([...ids].sort());
  });

  test.each([
    ['--rules DIR', (dir: string) => ['rules', 'list', '--rules', 'my-rules'], 'my-rules', (dir: string) => dir],
    ['a .corroboraterc.yaml in the working folder', () => ['rules', 'list'], 'my-rules', (dir: string) => dir],
    ['a .corroboraterc.yaml in a parent folder', () => ['rules', 'list'], 'my-rules', (dir: string) => { mkdirSync(join(dir, 'desk', 'today'), { recursive: true }); return join(dir, 'desk', 'today'); }],
  ] as const)('a user folder found by %s adds, overrides and turns off rules by id', async (_how, args, folder, cwdOf) => {
    const dir = project({
      'story-people.yaml': 'extends: alias\nparams: { sets: [[bart quillfeather, bkq]] }\n',
      'date-overlap.yaml': 'extends: date-interval\nseverity: warning\n',
      'reporting-verbs.yaml': 'extends: reporting-verbs\nseverity: off\nparams: { words: [say] }\n',
    }, folder);
    writeFileSync(join(dir, '.corroboraterc.yaml'), `rules: ${folder}\n`);
    const r = await run(args(dir), cwdOf(dir));
    expect(r.code).toBe(0);
    const table = rows(r.stdout);
    const byId = new Map(table.map((row) => [row[0], row]));
    expect(byId.get('story-people')?.slice(1)).toEqual(['alias', 'data', expect.stringMatching(/my-rules\/story-people\.yaml$/)]);
    expect(byId.get('date-overlap')?.slice(1)).toEqual(['date-interval', 'warning', expect.stringMatching(/my-rules\/date-overlap\.yaml$/)]);
    expect(byId.get('reporting-verbs')?.slice(1)).toEqual(['reporting-verbs', 'off', expect.stringMatching(/my-rules\/reporting-verbs\.yaml$/)]);
    expect(byId.has('quote-wording')).toBe(true);
  });

  test('a mistake in a user rule file stops with file:line:column: message, exit 2', async () => {
    const dir = project({ 'words.yaml': 'extends: spelling\nparams:\n  sets:\n    - [gray, grey]\n    - [silver, grey]\n' });
    const r = await run(['rules', 'list', '--rules', 'my-rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('my-rules/words.yaml:5:16: params.sets.1: "grey" is already in params.sets.0; a spelling word may belong to one set only\n');
    expect(r.stdout).toBe('');
  });
});

describe('corroborate rules test', () => {
  test('the shipped rules pass their own examples: exit 0 and a summary', async () => {
    const r = await run(['rules', 'test'], project({}));
    expect(r.stdout).toMatch(/^(\d+) examples, \1 passed, 0 failed\n$/);
    expect(r.code).toBe(0);
  });

  test('a failing example prints file:line: expected X, got Y and exits 1', async () => {
    const dir = project({
      'loose-dates.yaml': [
        'extends: date-interval',
        'examples:',
        "  - a: 'The dam was finished in 1964, engineers said.'",
        "    b: 'Engineers said the dam was finished in 1964.'",
        '    expect: agree',
        "  - a: 'The dam was finished in 1964, engineers said.'",
        "    b: 'Engineers said the dam was finished in 1971.'",
        '    expect: agree',
        '',
      ].join('\n'),
    });
    const r = await run(['rules', 'test', '--rules', 'my-rules'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^my-rules\/loose-dates\.yaml:6: expected agree, got conflict\n {2}.*1964.*1971/m);
    expect(r.stdout).not.toMatch(/loose-dates\.yaml:3:/);
    expect(r.stdout).toMatch(/\n(\d+) examples, (\d+) passed, 1 failed\n$/);
  });

  test('a data rule example runs the comparator rule named by with:', async () => {
    const dir = project({
      'story-people.yaml': [
        'extends: alias',
        'params: { sets: [[bartholomew quillfeather, bkq]] }',
        'examples:',
        `  - a: '"The pier will reopen in the spring," Bartholomew Quillfeather said.'`,
        `    b: '"The pier will reopen in the spring," BKQ said.'`,
        '    with: quote-speaker',
        '    expect: agree',
        '',
      ].join('\n'),
    });
    const r = await run(['rules', 'test', '--rules', 'my-rules'], dir);
    expect(r.stdout).toMatch(/ 0 failed\n$/);
    expect(r.code).toBe(0);
  });

  test('an invalid rules folder is exit 2 before any example runs', async () => {
    const dir = project({ 'bad.yaml': "extends: quote-wording\nexamples:\n  - a: 'x'\n    b: 'y'\n" });
    const r = await run(['rules', 'test', '--rules', 'my-rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("my-rules/bad.yaml:3:5: examples.0 must have required property 'expect'\n");
  });
});
