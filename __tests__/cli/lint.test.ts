import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/pipeline/inputs';

// check and gate as ESLint, Vale and markdownlint behave: exit codes by severity, --max-warnings, colour,
// a terminal format, a validated configuration, inline directives. One invented story, read once per test.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, extra: Partial<Io> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, ...extra });
  return { code, stdout, stderr };
}

const A = [
  '---\noutlet: Alpha Daily\npublished: 2026-03-16\n---',
  'The Orlen ferry carried 212 passengers on Monday, harbour master Tova Brightwell said.',
  '"We will reopen the pier before the storm," Brightwell said.',
  '"The crews will begin repairs right away," Brightwell added.',
  '',
].join('\n');
const B = [
  '---\noutlet: Beta Post\npublished: 2026-03-16\n---',
  'The Orlen ferry carried 240 passengers on Monday, harbour master Tova Brightwell said.',
  '"We will not reopen the pier before the storm," Brightwell said.',
  '"The crews will begin repairs immediately," Brightwell added.',
  '',
].join('\n');

/** Two articles: a figure conflict (212/240 passengers, b.md line 5), a flipped negation (line 6), a reworded quote (line 7). */
function story(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-lint-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'a.md'), A);
  writeFileSync(join(dir, 'articles', 'b.md'), B);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const UNIX = ['check', 'articles', '--format', 'unix'];

describe('exit codes and severities', () => {
  test.each([
    ['default: error-severity findings fail', [], 1],
    ['--fail-on never reports only', ['--fail-on', 'never'], 0],
    ['--fail-on conflict', ['--fail-on', 'conflict'], 1],
    ['--fail-on variant', ['--fail-on', 'variant'], 1],
    ['--fail-on never --max-warnings 0: one warning is too many', ['--fail-on', 'never', '--max-warnings', '0'], 1],
    ['--fail-on never --max-warnings 1', ['--fail-on', 'never', '--max-warnings', '1'], 0],
  ])('%s', async (_what, args, code) => {
    const r = await run([...UNIX, ...args], story());
    expect(r.code).toBe(code);
  });

  test('one line per problem, its severity following the verdict', async () => {
    const r = await run(UNIX, story());
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('articles/')).map((l) => l.replace(/: .* \[/, ' ['));
    expect(rows).toEqual(['articles/b.md:5:25 [error/quantity-tolerance]', 'articles/b.md:6:2 [error/quote-wording]', 'articles/b.md:7:2 [warning/quote-wording]']);
    expect(r.stdout.endsWith('\n3 problems\n')).toBe(true);
  });

  test('a rule set to warning makes its conflicts warnings everywhere: exit code, annotation, SARIF level, JUnit', async () => {
    const dir = story({ 'my-rules/quantity-tolerance.yaml': 'extends: numeric-tolerance\nseverity: warning\nparams: { relative: 0.01 }\n', 'my-rules/quote-wording.yaml': 'extends: quote-wording\nseverity: info\n' });
    const rules = ['--rules', 'my-rules'];
    expect((await run([...UNIX, ...rules], dir)).code).toBe(0);
    expect((await run([...UNIX, ...rules, '--fail-on', 'variant'], dir)).code).toBe(1);
    const github = (await run(['check', 'articles', '--format', 'github', ...rules], dir)).stdout;
    expect(github.split('\n').filter((l) => l.startsWith('::')).map((l) => l.split(' ')[0])).toEqual(['::warning', '::notice', '::notice']);
    const sarif = JSON.parse((await run(['check', 'articles', '--format', 'sarif', ...rules], dir)).stdout);
    expect(sarif.runs[0].results.map((x: { ruleId: string; level: string }) => `${x.ruleId}:${x.level}`)).toEqual(['quantity-tolerance:warning', 'quote-wording:note', 'quote-wording:note']);
    const junit = (await run(['check', 'articles', '--format', 'junit', ...rules], dir)).stdout;
    expect(junit).toContain('failures="0"');
    expect((await run(['check', 'articles', '--format', 'junit', '--fail-on', 'variant', ...rules], dir)).stdout).toMatch(/<testsuites [^>]*failures="1"/);
  });

  test('JUnit marks as failures what --fail-on fails', async () => {
    const dir = story();
    const failures = async (...args: string[]) => /<testsuites [^>]*failures="(\d+)"/.exec((await run(['check', 'articles', '--format', 'junit', ...args], dir)).stdout)?.[1];
    expect(await failures()).toBe('2');
    expect(await failures('--fail-on', 'variant')).toBe('3');
    expect(await failures('--fail-on', 'never')).toBe('0');
  });

  test('gate: --max-warnings and --fail-on follow the same model', async () => {
    const dir = story();
    await run(['extract', 'articles/a.md', '--out', 'claims'], dir);
    expect((await run(['gate', 'articles/b.md', '--against', 'claims', '--format', 'unix', '-q'], dir)).code).toBe(1);
    expect((await run(['gate', 'articles/b.md', '--against', 'claims', '--format', 'unix', '-q', '--fail-on', 'never', '--max-warnings', '0'], dir)).code).toBe(1);
    expect((await run(['gate', 'articles/b.md', '--against', 'claims', '--format', 'unix', '-q', '--fail-on', 'never', '--max-warnings', '5'], dir)).code).toBe(0);
  });
});

describe('terminal format and colour', () => {
  const ESC = '\u001b[';
  test.each([
    ['not a terminal: Markdown, no colour', [], {}, '# corroborate report', false],
    ['a terminal: stylish in colour', [], { isTTY: true }, 'articles/b.md\n', true],
    ['a terminal with --no-color', ['--no-color'], { isTTY: true }, 'articles/b.md\n', false],
    ['a terminal with NO_COLOR', [], { isTTY: true, env: { NO_COLOR: '1' } }, 'articles/b.md\n', false],
    ['a pipe with FORCE_COLOR and --format stylish', ['--format', 'stylish'], { env: { FORCE_COLOR: '1' } }, 'articles/b.md\n', true],
    ['a pipe with --color and --format stylish', ['--format', 'stylish', '--color'], {}, 'articles/b.md\n', true],
    ['--format markdown on a terminal', ['--format', 'markdown'], { isTTY: true }, '# corroborate report', false],
  ] as const)('%s', async (_what, args, io, starts, coloured) => {
    const r = await run(['check', 'articles', ...args], story(), io);
    expect(r.stdout.replace(/\u001b\[\d+m/g, '').startsWith(starts)).toBe(true);
    expect(r.stdout.includes(ESC)).toBe(coloured);
  });

  test('stylish: grouped by file, line:col severity message rule, then the counts', async () => {
    const r = await run(['check', 'articles', '--format', 'stylish', '--no-color'], story());
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('articles/b.md');
    expect(lines[1]).toMatch(/^ {2}5:25 {2}error {4}passengers aboard: 2 sources disagree: 212 passengers \(a\.md\) vs 240 passengers .* {2}quantity-tolerance$/);
    expect(lines[3]).toMatch(/^ {2}7:2 {3}warning {2}Tova Brightwell: “The crews will begin repairs right away”: 2 sources word it differently: .* {2}quote-wording$/);
    expect(lines.slice(5)).toEqual(['\u2716 3 problems (2 errors, 1 warning, 0 info)', '2 articles, 2 conflicts, 1 variant, 6 agreements', '']);
  });

  test('a control character in an article is escaped in the coloured report too', async () => {
    const dir = story();
    writeFileSync(join(dir, 'articles', 'b.md'), B.replace('240 passengers', '240 passengers\u001b]0;owned\u0007'));
    const r = await run(['check', 'articles', '--format', 'stylish', '--color'], dir);
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout.replace(/\u001b\[\d+m/g, '')).not.toContain('\u001b');
  });
});

describe('configuration', () => {
  test.each([
    ['.corroboraterc.yaml', 'fail-on: never\n'],
    ['.corroboraterc.yml', 'fail-on: never\n'],
    ['.corroboraterc.json', '{ "fail-on": "never" }\n'],
    ['package.json', '{ "name": "desk", "corroborate": { "fail-on": "never" } }\n'],
  ])('%s is read', async (file, text) => {
    expect((await run(UNIX, story({ [file]: text }))).code).toBe(0);
  });

  test('--config FILE, and the command line over it', async () => {
    const dir = story({ 'ci/corroborate.yaml': 'fail-on: never\nmax-warnings: 0\nformat: unix\n' });
    const r = await run(['check', 'articles', '--config', 'ci/corroborate.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[warning\/quote-wording\]/);
    expect((await run(['check', 'articles', '--config', 'ci/corroborate.yaml', '--max-warnings', '3'], dir)).code).toBe(0);
  });

  test('rules: is relative to the configuration file', async () => {
    const dir = story({ 'desk/my-rules/quantity-tolerance.yaml': 'extends: numeric-tolerance\nseverity: off\n', 'desk/rc.yaml': 'rules: my-rules\n' });
    const r = await run([...UNIX, '--config', 'desk/rc.yaml'], dir);
    expect(r.stdout).not.toContain('quantity-tolerance');
  });

  test.each([
    ['broken YAML', '.corroboraterc.yaml', 'rules: [myrules\n', /^\.corroboraterc\.yaml:2:1: Flow sequence in block collection/],
    ['an unknown key, with a did-you-mean', '.corroboraterc.yaml', 'rules: r\nfail-onn: never\n', /^\.corroboraterc\.yaml:2:1: unknown key "fail-onn" \(did you mean fail-on\?\)/],
    ['an unknown key in a .yml', '.corroboraterc.yml', 'colour: false\n', /^\.corroboraterc\.yml:1:1: unknown key "colour" \(did you mean color\?\)/],
    ['a wrong value', '.corroboraterc.json', '{\n  "max-warnings": -1\n}\n', /^\.corroboraterc\.json:2:19: max-warnings must be >= 0/],
    ['a wrong fail-on', '.corroboraterc.yaml', 'fail-on: sometimes\n', /^\.corroboraterc\.yaml:1:10: fail-on must be one of: conflict, variant, error, warning, never/],
    ['package.json key', 'package.json', '{\n  "corroborate": {\n    "formt": "unix"\n  }\n}\n', /^package\.json:3:5: unknown key "formt" \(did you mean format\?\)/],
  ])('%s: file:line:column, exit 2', async (_what, file, text, message) => {
    const r = await run(UNIX, story({ [file]: text }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('a configuration that is no regular file is refused, not read', async () => {
    const dir = story();
    symlinkSync('/dev/zero', join(dir, '.corroboraterc.yaml'));
    const r = await run(UNIX, dir);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^\.corroboraterc\.yaml:1:1: not a regular file/) });
  });

  test('--config naming a missing file: exit 2', async () => {
    expect(await run([...UNIX, '--config', 'nope.yaml'], story())).toMatchObject({ code: 2, stderr: 'nope.yaml:1:1: no such configuration file\n' });
  });

  test('the configuration formats are the --format choices', async () => {
    const { CONFIG_FORMATS } = await import('../../src/rules/config');
    const { RENDERERS } = await import('../../src/report');
    expect([...CONFIG_FORMATS]).toEqual(Object.keys(RENDERERS).sort());
  });
});

describe('inline directives in check', () => {
  test.each([
    ['next line', '<!-- corroborate-ignore-next-line quantity-tolerance -- the port counts crew -->\n', 4, ['quote-wording', 'quote-wording'], []],
    ['a block', '<!-- corroborate-disable quote-wording -- a translated interview -->\n', 4, ['quantity-tolerance'], []],
    ['a closed block', '<!-- corroborate-disable all -->\n', 4, ['quote-wording'], ['<!-- corroborate-enable -->']],
    ['the whole file', '<!-- corroborate-disable-file quantity-tolerance, quote-wording -->\n', 99, [], []],
  ] as const)('%s', async (_what, directive, at, left, after) => {
    const lines = B.split('\n');
    const index = Math.min(at, lines.length - 1);
    if (after.length) lines.splice(index + 2, 0, ...after); // after the negation line: the reworded quote stays
    lines.splice(index, 0, directive.trimEnd());
    const r = await run([...UNIX, '--fail-on', 'never'], story({ 'articles/b.md': lines.join('\n') }));
    const rules = r.stdout.split('\n').filter((l) => l.startsWith('articles/')).map((l) => /\/([a-z-]+)\]$/.exec(l)?.[1]);
    expect(rules).toEqual(left);
    expect(r.stderr).toMatch(/ignored by inline directives/);
    expect(r.stderr).not.toMatch(/unused/);
  });

  test('unused and malformed directives are warnings with file:line:column', async () => {
    const text = B.replace('The Orlen', '<!-- corroborate-ignore-next-line date-overlap -->\n<!-- corroborate-enable -->\n<!-- corroborate-disable -->\nThe Orlen');
    const r = await run([...UNIX, '--fail-on', 'never'], story({ 'articles/b.md': text }));
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning'))).toEqual([
      'warning: articles/b.md:5:1: unused corroborate-ignore-next-line date-overlap: no finding of that rule has a claim on line 6',
      'warning: articles/b.md:6:1: corroborate-enable has no corroborate-disable before it',
      'warning: articles/b.md:7:1: corroborate-disable names no rule (write the rule id, e.g. "corroborate-disable quantity-tolerance -- why", or "corroborate-disable all")',
    ]);
  });
});

describe('SARIF for code scanning', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'gate', 'sarif-2.1.0.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

  test('rules described with help and helpUri, automationDetails, no absolute local path; valid SARIF 2.1.0', async () => {
    const dir = story();
    const r = await run(['check', 'articles', '--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const run0 = log.runs[0];
    expect(run0.automationDetails).toEqual({ id: 'corroborate/check/' });
    expect(r.stdout).not.toContain(dir);
    expect(r.stdout).not.toContain('file://');
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBeUndefined();
    const wording = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'quote-wording');
    expect(wording).toMatchObject({
      shortDescription: { text: 'Quoted words should match across sources.' },
      fullDescription: { text: expect.stringMatching(/^The same quote in two sources: /) },
      help: { text: expect.stringContaining('quote-wording'), markdown: expect.stringContaining('](https://') },
      helpUri: expect.stringMatching(/^https:\/\/.*\/docs\/rules\/quote-wording\.md$/),
      defaultConfiguration: { level: 'error' },
    });
    expect(run0.results.map((x: { ruleId: string; level: string }) => `${x.ruleId}:${x.level}`)).toEqual(['quantity-tolerance:error', 'quote-wording:error', 'quote-wording:warning']);
  });
});
