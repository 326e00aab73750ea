import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { EXTRACTOR_VERSION } from '../../src/version';
import { languageFingerprint } from '../../src/lang/load';
import type { Finding } from '../../src/types';

/**
 * Stored claims depend on the article text, the language data and the extractor alone: the rules'
 * vocabulary is applied when comparing, so a store serves any rules as it is. A store made by another
 * claims format, extractor or language data is extracted again when its articles are at hand and
 * unchanged, and refused with file:line:column when they are not; never mixed.
 */

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'ferry-strike');

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

function ids(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => `${f.id} ${f.verdict}`);
}

/** A folder with the example's articles, their claims extracted with the shipped rules, and a rules folder that turns event-synonyms off. */
async function setup(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-stored-'));
  cpSync(EXAMPLE, join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'off'));
  writeFileSync(join(dir, 'off', 'event-synonyms.yaml'), 'extends: predicate-synonyms\nseverity: off\nparams:\n  sets:\n    - [build, built]\n');
  expect((await run(['extract', 'articles', '--out', 'claims', '-q'], dir)).code).toBe(0);
  return dir;
}

describe('stored claims follow the rules in force', () => {
  jest.setTimeout(60_000);

  test('claims files record the claims format, the extractor and the language data they were made with, not the rules', async () => {
    const dir = await setup();
    const yaml = readFileSync(join(dir, 'claims', 'harbor-gazette.md.yaml'), 'utf8');
    expect(yaml).toMatch(/^format: corroborate\/claims@2$/m);
    expect(yaml).toContain(`\nextractor: ${EXTRACTOR_VERSION}\n`);
    expect(yaml).toContain(`\nlanguage: ${languageFingerprint()}\n`);
    expect(yaml).not.toMatch(/^vocabulary:/m);
  });

  test('with event-synonyms off, check of the store gives the findings of fresh extraction', async () => {
    const dir = await setup();
    const fresh = await run(['check', 'articles', '--rules', 'off', '--format', 'json'], dir);
    const stored = await run(['check', 'claims', '--rules', 'off', '--format', 'json'], dir);
    expect(stored.code).toBe(fresh.code);
    expect(ids(stored.stdout)).toEqual(ids(fresh.stdout));
    // And with the rules the store was made with, the stored claims are read as they are.
    expect(ids((await run(['check', 'claims', '--format', 'json'], dir)).stdout)).toEqual(ids((await run(['check', 'articles', '--format', 'json'], dir)).stdout));
  });

  test('with event-synonyms off, gate of an article against the store gives what check gives', async () => {
    const dir = await setup();
    const fresh = await run(['check', 'articles', '--rules', 'off', '--format', 'json'], dir);
    const involving = (JSON.parse(fresh.stdout) as { findings: Finding[] }).findings
      .filter((f) => f.readings.some((r) => r.claims.some((c) => c.source === 'harbor-gazette.md')))
      .map((f) => f.id)
      .sort();
    const gate = await run(['gate', 'articles/harbor-gazette.md', '--against', 'claims', '--rules', 'off', '--format', 'json', '--fail-on', 'never', '-q'], dir);
    expect(gate.code).toBe(0);
    const report = JSON.parse(gate.stdout) as { findings: Finding[]; gate: { suppressed: { finding: Finding }[] } };
    expect([...report.findings, ...report.gate.suppressed.map((s) => s.finding)].map((f) => f.id).sort()).toEqual(involving);
  });

  test('other rules need no new extraction: the store serves them with its articles gone', async () => {
    const dir = await setup();
    const fresh = await run(['check', 'articles', '--rules', 'off', '--format', 'json'], dir);
    rmSync(join(dir, 'articles'), { recursive: true });
    const stored = await run(['check', 'claims', '--rules', 'off', '--format', 'json'], dir);
    expect(stored.stderr).toBe('');
    expect(stored.code).toBe(fresh.code);
    expect(ids(stored.stdout)).toEqual(ids(fresh.stdout));
  });

  test.each([
    ['another claims format', (y: string) => y.replace('format: corroborate/claims@2', 'format: corroborate/claims@1'), '4:9', 'claims written as corroborate/claims@1; this corroborate reads corroborate/claims@2'],
    ['another extractor', (y: string) => y.replace(`extractor: ${EXTRACTOR_VERSION}`, 'extractor: 0.0.1+extract.1'), '5:12', `claims made by extractor 0.0.1+extract.1; this corroborate extracts with ${EXTRACTOR_VERSION}`],
    [
      'other language data',
      (y: string) => y.replace(`language: ${languageFingerprint()}`, 'language: 0123456789abcdef'),
      '6:11',
      `claims made by language data 0123456789abcdef; this corroborate reads ${languageFingerprint()} (lang/en changed)`,
    ],
  ])('a claims file of %s is extracted again when its article is at hand, else refused', async (_name, edit, where, message) => {
    const dir = await setup();
    const file = join(dir, 'claims', 'coastal-wire.md.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const expected = ids((await run(['check', 'articles', '--format', 'json'], dir)).stdout);
    expect(ids((await run(['check', 'claims', '--format', 'json'], dir)).stdout)).toEqual(expected);
    writeFileSync(join(dir, 'articles', 'coastal-wire.md'), 'Another text now.\n');
    const r = await run(['check', 'claims', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`claims/coastal-wire.md.yaml:${where}: ${message}: extract the articles again (corroborate extract ARTICLES --out THIS-FOLDER)\n`);
  });
});
