import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseClaimsFile } from '../../src/claims/io';
import { authenticate } from '../../src/util/local-key';
import { buildCli, cliEnv, handWrittenCountClaims, removeTempDirs, runCli, tempDir, writeTree, type Run } from './helpers';

/*
 * The real CLI as a child process on small invented stories. The store's "old" facts are planted as
 * hand-written claims files, so a finding exists whatever the extractors find in the old text; the new
 * articles go through the real extractors, as in CI.
 */

let bin: string;
beforeAll(() => {
  bin = buildCli();
}, 120_000);
afterAll(removeTempDirs);

const cli = (dir: string, ...args: string[]): Run => runCli(bin, args, dir);

// SARIF 2.1.0 schema, taken unchanged from the npm package @datadog/datadog-ci-plugin-sarif 5.25.0
// (dist/bundle.js, region src/json-schema/sarif-schema-2.1.0.json; $id = the OASIS sarif-spec file).
const sarifSchema = JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
// The schema is draft-07, ajv's default. `format` keywords (uri, date-time) are not checked: ajv-formats is not installed.
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(sarifSchema);

const PORT_TEXT = '---\noutlet: Harbor Ledger\npublished: 2026-03-02\n---\nThe ferry carried 1,200 passengers when it ran aground near the harbor on Sunday.\n\nOfficials said the tide was unusually low.\n';
const coastText = (n: string, before = '') =>
  `---\noutlet: Coast Weekly\npublished: 2026-03-03\n---\n${before}The ferry carried ${n} passengers when it ran aground near the harbor, the coast guard said.\n`;
const CALM_TEXT = '---\noutlet: Valley Post\npublished: 2026-03-04\n---\nThe town council approved a new bicycle lane along the river road.\n';

function plantedPort(id = 'port.md', value = 1200, text = PORT_TEXT, phrase = '1,200 passengers'): string {
  return handWrittenCountClaims({
    id,
    file: `../articles/${id}`,
    text,
    phrase,
    value,
    counted: 'passenger',
    predicates: ['carry'],
    words: ['aground', 'ferry', 'harbor', 'near', 'run'],
    attribute: 'aboard',
  });
}

/** A newsroom repo: articles/ (published ones) and claims/ (their stored claims; port.md planted by hand). */
function newsroom(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeTree(dir, { 'articles/port.md': PORT_TEXT, 'articles/calm-old.md': CALM_TEXT.replace('bicycle lane', 'library wing') });
  expect(cli(dir, 'extract', 'articles', '--out', 'claims', '-q').code).toBe(0);
  writeFileSync(join(dir, 'claims', 'port.md.yaml'), plantedPort());
  writeTree(dir, extra);
  return dir;
}

interface Sarif {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
      properties: { findingId: string; verdict: string };
    }[];
    invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[];
  }[];
}

function sarifOf(dir: string, ...args: string[]): { run: Run; log: Sarif } {
  const run = cli(dir, ...args, '--format', 'sarif');
  const log = JSON.parse(run.stdout) as Sarif;
  if (!validateSarif(log)) throw new Error(JSON.stringify(validateSarif.errors, null, 2));
  return { run, log };
}

describe('corroborate gate: exit codes and what counts', () => {
  test('a new article with nothing against the store passes (exit 0) and no claims file is touched', () => {
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT });
    const claimsFiles = () => readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, readFileSync(join(dir, 'claims', f), 'utf8')]);
    const before = claimsFiles();
    const r = cli(dir, 'gate', 'articles/calm.md', '--against', 'claims', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.gate.newArticles).toEqual(['calm.md']);
    expect(report.summary.conflict).toBe(0);
    // The only file a gate without --update writes is the store's index.
    expect(claimsFiles()).toEqual(before);
    expect(readdirSync(join(dir, 'claims')).filter((f) => !f.endsWith('.yaml'))).toEqual(['.corroborate-index.json']);
    expect(r.stderr).toMatch(/gate: 1 new article against 2 stored: .*passed/);
  });

  test('planted conflict: stored 1,200 passengers (hand-written claims) vs a new article saying 1,020 -> exit 1', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const { run, log } = sarifOf(dir, 'gate', 'articles/coast.md', '--against', 'claims');
    expect(run.code).toBe(1);
    const results = log.runs[0].results;
    expect(results).toHaveLength(1);
    const [res] = results;
    expect(res.properties.verdict).toBe('conflict');
    expect(res.level).toBe('error');
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toContain(res.ruleId);
    // The annotation points at the new article's own words, by a path relative to the working folder.
    const loc = res.locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'articles/coast.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toMatchObject({ startLine: 5, startColumn: 19, endLine: 5, endColumn: 35 });
    // --fail-on never reports it but passes.
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--fail-on', 'never', '-q').code).toBe(0);
  });

  test('old-vs-old conflicts are not the new article\'s fault: check fails, gate passes', () => {
    // wire.md is published already (in the store) and disagrees with port.md.
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT, 'articles/wire.md': coastText('1,020') });
    writeFileSync(join(dir, 'claims', 'wire.md.yaml'), plantedPort('wire.md', 1020, coastText('1,020'), '1,020 passengers'));
    expect(cli(dir, 'check', 'claims', '--fail-on', 'conflict', '-q').code).toBe(1);
    const r = cli(dir, 'gate', 'articles/calm.md', '--against', 'claims', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.filter((f: { verdict: string }) => f.verdict === 'conflict')).toEqual([]);
  });

  test('a changed article replaces its stored version: fixing 1,020 to 1,200 passes, and the ids match the store', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    // Publish the wrong version by hand-planting its claims, then fix the article.
    writeFileSync(join(dir, 'claims', 'coast.md.yaml'), plantedPort('coast.md', 1020, coastText('1,020'), '1,020 passengers'));
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '-q').code).toBe(1);
    writeFileSync(join(dir, 'articles', 'coast.md'), coastText('1,200'));
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'json', '--update');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 new article \(1 changed\) against 2 stored/);
    // --update rewrote the stored version; the store still validates and speaks of 1,200 now.
    const stored = readFileSync(join(dir, 'claims', 'coast.md.yaml'), 'utf8');
    expect(stored).toMatch(/^  id: coast\.md$/m);
    expect(stored).not.toMatch(/1,020/);
    expect(cli(dir, 'validate', 'claims').code).toBe(0);
  });

  test('--update adds a passing article to the store, and does not when the gate fails', () => {
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT, 'articles/coast.md': coastText('1,020') });
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--update', '-q').code).toBe(1);
    expect(existsSync(join(dir, 'claims', 'coast.md.yaml'))).toBe(false);
    const ok = cli(dir, 'gate', 'articles/calm.md', '--against', 'claims', '--update');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/stored the claims of 1 article in claims/);
    expect(existsSync(join(dir, 'claims', 'calm.md.yaml'))).toBe(true);
    expect(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(cli(dir, 'validate', 'claims').stdout).toBe('3 claims files valid\n');
  });

  test.each([
    ['a missing store', ['gate', 'articles/calm.md', '--against', 'nowhere'], /nowhere:1:1: no such claims folder/],
    ['a missing article', ['gate', 'articles/gone.md', '--against', 'claims'], /articles\/gone\.md:1:1: no such file or folder/],
    ['a broken claims file', ['gate', 'articles/calm.md', '--against', 'claims'], /claims\/broken\.md\.yaml:\d+:\d+: /],
    ['a bad --max-warnings', ['gate', 'articles/calm.md', '--max-warnings', 'many'], /a whole number/],
    ['a bad --fail-on', ['gate', 'articles/calm.md', '--fail-on', 'sometimes'], /Allowed choices are conflict, variant, error, warning, never/],
    ['a missing --baseline file', ['gate', 'articles/calm.md', '--baseline', 'nope.yaml'], /nope\.yaml:1:1: no such baseline file/],
  ])('the tool failing is exit 2: %s', (name, args, message) => {
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT });
    if (name === 'a broken claims file') writeFileSync(join(dir, 'claims', 'broken.md.yaml'), 'format: corroborate/claims@1\narticle: {id: broken.md}\nclaims: []\n');
    const r = cli(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('corroborate gate: formats a CI reads', () => {
  test('SARIF validates against the SARIF 2.1.0 schema; the fingerprint survives lines moving, the region follows', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const first = sarifOf(dir, 'gate', 'articles/coast.md', '--against', 'claims').log.runs[0].results[0];
    writeFileSync(join(dir, 'articles', 'coast.md'), coastText('1,020', "Editor's note: this story was updated.\n\nRescue crews were praised.\n\n"));
    const moved = sarifOf(dir, 'gate', 'articles/coast.md', '--against', 'claims').log.runs[0].results[0];
    expect(moved.locations[0].physicalLocation.region.startLine).toBe(first.locations[0].physicalLocation.region.startLine + 4);
    expect(moved.partialFingerprints).toEqual(first.partialFingerprints);
    expect(Object.keys(first.partialFingerprints)).toEqual(['corroborateFingerprint/v1']);
    expect(first.partialFingerprints['corroborateFingerprint/v1']).toMatch(/^quantity\/[a-z0-9-]+\/[0-9a-f]{16}$/);
    // The finding id is line-independent too.
    expect(moved.properties.findingId).toBe(first.properties.findingId);
  });

  test('JUnit: one testsuite per kind, a failure for the conflict, the file and line of the new article', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'junit');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="corroborate" tests="\d+" failures="1"/);
    expect(r.stdout).toMatch(/<testsuite name="quantity" tests="1" failures="1" errors="0" skipped="0">/);
    expect(r.stdout).toMatch(/<testcase name="conflict: [^"]*" classname="corroborate\.quantity\.[a-z-]+" file="articles\/coast\.md" line="5">\n\s+<failure message="[^"]*1020[^"]*"/);
  });

  test('github: one ::error annotation with file, line, col, endLine, endColumn and an escaped message', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'github');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=articles\/coast\.md,line=5,col=19,endLine=5,endColumn=35,title=corroborate conflict \([a-z-]+\)%3A [^,:]*::.*%0Areading \d \([^)]*\): articles\/port\.md:5:19 "1,200 passengers"/);
    expect(errors[0]).not.toMatch(/\n/);
  });

  test('$GITHUB_STEP_SUMMARY gets a Markdown summary appended, run after run', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    for (let i = 0; i < 2; i++) {
      expect(runCli(bin, ['gate', 'articles/coast.md', '--against', 'claims', '--format', 'sarif', '--out', 'out.sarif'], dir, { GITHUB_STEP_SUMMARY: summary }).code).toBe(1);
    }
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## corroborate gate: failed')).toBe(true);
    expect(text.match(/## corroborate gate: failed/g)).toHaveLength(2);
    expect(text).toMatch(/\| conflict \| [a-z-]+ \| articles\/coast\.md:5:19 \| 2 sources disagree/);
  });

  test.each(['sarif', 'junit', 'github'])('check --format %s works from articles and from a claims folder, paths pointing at the articles', (format) => {
    const dir = newsroom({ 'articles/wire.md': coastText('1,020') });
    writeFileSync(join(dir, 'claims', 'wire.md.yaml'), plantedPort('wire.md', 1020, coastText('1,020'), '1,020 passengers'));
    const fromArticles = cli(dir, 'check', 'articles', '--format', format, '--fail-on', 'conflict');
    expect(fromArticles.code).toBe(1);
    expect(fromArticles.stdout).toMatch(/articles\/wire\.md/);
    // The stored claims hold the same conflict: check exits 1 on it by default, as a linter does.
    const fromClaims = cli(dir, 'check', 'claims', '--format', format);
    expect(fromClaims.code).toBe(1);
    expect(fromClaims.stdout).toMatch(/articles\/wire\.md/);
    expect(fromClaims.stdout).not.toMatch(/claims\/wire\.md/);
    if (format === 'sarif') {
      expect(validateSarif(JSON.parse(fromArticles.stdout))).toBe(true);
      expect(validateSarif(JSON.parse(fromClaims.stdout))).toBe(true);
    }
  });
});

describe('baseline and inline directives', () => {
  test('baseline create accepts today\'s conflict; the gate then passes, even after lines move', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const c = cli(dir, 'baseline', 'create', '--against', 'claims', 'articles/coast.md', '--by', 'Night Desk', '--reason', 'port authority figure disputed', '--expires', '2999-12-31');
    expect(c.code).toBe(0);
    const yaml = readFileSync(join(dir, '.corroborate-baseline.yaml'), 'utf8');
    expect(yaml).toMatch(/^format: corroborate\/baseline@1$/m);
    expect(yaml).toMatch(/fingerprint: quantity\/[a-z0-9-]+\/[0-9a-f]{16}\n/);
    expect(yaml).toMatch(/by: Night Desk\n\s+reason: port authority figure disputed\n\s+accepted: \d{4}-\d{2}-\d{2}\n\s+expires: "?2999-12-31"?\n/);
    expect(yaml).not.toMatch(/^\s+(line|column|start):/m);
    const { run, log } = sarifOf(dir, 'gate', 'articles/coast.md', '--against', 'claims');
    expect(run.code).toBe(0);
    expect(log.runs[0].results[0].suppressions).toEqual([{ kind: 'external', justification: expect.stringContaining('port authority figure disputed (accepted by Night Desk') }]);
    writeFileSync(join(dir, 'articles', 'coast.md'), coastText('1,020', 'An update was added on top.\n\n'));
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '-q').code).toBe(0);
    // --no-baseline ignores it.
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--no-baseline', '-q').code).toBe(1);
  });

  test('a new number is a new finding; the old entry is stale, reported, and removed by --prune', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    expect(cli(dir, 'baseline', 'create', 'articles/coast.md', '--by', 'Night Desk', '--reason', 'disputed', '-q').code).toBe(0);
    writeFileSync(join(dir, 'articles', 'coast.md'), coastText('1,050'));
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=.corroborate-baseline.yaml,line=\d+,col=\d+,title=corroborate stale-baseline-entry::stale baseline entry quantity\/.*not seen in this run/m);
    // The entry is named by its place in the baseline file.
    expect(r.stderr).toMatch(/^warning: \.corroborate-baseline\.yaml:5:18: stale baseline entry/m);
    const p = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--prune', '-q');
    expect(p.code).toBe(1);
    expect(readFileSync(join(dir, '.corroborate-baseline.yaml'), 'utf8')).toMatch(/^entries: \[\]$/m);
  });

  test('an expired entry no longer holds and is reported stale', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    expect(cli(dir, 'baseline', 'create', 'articles/coast.md', '--by', 'A', '--reason', 'B', '--expires', '2000-01-01', '--out', 'accepted.yaml', '-q').code).toBe(0);
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--baseline', 'accepted.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/stale baseline entry .*expired on 2000-01-01/);
  });

  test('a decision that matches no finding of the run is a warning naming the decisions file and line', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    writeFileSync(
      join(dir, 'claims', 'decisions.yaml'),
      'format: corroborate/decisions@1\ndecisions:\n  "quantity:gone-0000aaaa":\n    status: accepted\n',
    );
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims');
    expect(r.stderr).toMatch(/^warning: claims\/decisions\.yaml:3:3: decision for "quantity:gone-0000aaaa" matches no finding/m);
  });

  test('a malformed baseline is exit 2 with file:line:column', () => {
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT });
    writeFileSync(join(dir, '.corroborate-baseline.yaml'), 'format: corroborate/baseline@1\nentries:\n  - fingerprint: x\n    by: me\n    reason: r\n    accepted: yesterday\n');
    const r = cli(dir, 'gate', 'articles/calm.md', '--against', 'claims');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\.corroborate-baseline\.yaml:6:15: entries\.0\.accepted: must match pattern/m);
  });

  test('corroborate-ignore-next-line RULE -- reason suppresses that rule on the next line; an unused one is a warning', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020') });
    const plain = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'json');
    const rule = JSON.parse(plain.stdout).findings.find((f: { verdict: string }) => f.verdict === 'conflict').rule as string;
    writeFileSync(
      join(dir, 'articles', 'coast.md'),
      coastText('1,020', `<!-- corroborate-ignore-next-line ${rule} -- the coast guard counts crew -->\n`) +
        '<!-- corroborate-ignore-next-line date-overlap -- nothing to ignore here -->\nThe harbor reopened.\n',
    );
    const r = cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '--format', 'github');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.stdout).toMatch(/^::warning file=articles\/coast\.md,line=7,col=1,title=corroborate unused-directive::unused corroborate-ignore-next-line date-overlap/m);
    // The directive covers the next line only: one blank line in between and it no longer applies.
    writeFileSync(join(dir, 'articles', 'coast.md'), coastText('1,020', `<!-- corroborate-ignore-next-line ${rule} -- crew -->\n\n`));
    expect(cli(dir, 'gate', 'articles/coast.md', '--against', 'claims', '-q').code).toBe(1);
  });
});

describe('the store stays consistent', () => {
  const STORY = ['alpha', 'bravo', 'charlie'];
  const body = (name: string, v: number) => `---\npublished: 2026-04-0${v}\n---\nThe ${name} committee met in the old hall, version ${v === 1 ? 'one' : 'two'} of this note.\n`;

  function storeOf(dir: string): Map<string, string> {
    return new Map(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, readFileSync(join(dir, 'claims', f), 'utf8')]));
  }

  function parsesAsClaims(dir: string, name: string, text: string): boolean {
    return parseClaimsFile(name, text, join(dir, 'claims', name), dir).ok;
  }

  test('a gate --update killed (SIGKILL) between two files leaves every file old or new, whole, and parsing', async () => {
    const dir = tempDir();
    writeTree(dir, Object.fromEntries(STORY.map((n) => [`articles/${n}.md`, body(n, 1)])));
    expect(cli(dir, 'extract', 'articles', '--out', 'claims', '-q').code).toBe(0);
    const old = storeOf(dir);
    // The new versions, as a plain extract writes them (same relative layout: the texts are byte-identical).
    writeTree(dir, Object.fromEntries(STORY.map((n) => [`articles/${n}.md`, body(n, 2)])));
    expect(cli(dir, 'extract', 'articles', '--out', 'expected', '-q').code).toBe(0);
    const expected = new Map(readdirSync(join(dir, 'expected')).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, 'expected', f), 'utf8')]));

    const child = spawn(process.execPath, [bin, 'gate', ...STORY.map((n) => `articles/${n}.md`), '--against', 'claims', '--update', '-q'], {
      cwd: dir,
      env: cliEnv({ CORROBORATE_TEST_SLOW_WRITE_MS: '5000' }),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    const changed = () => [...storeOf(dir).entries()].filter(([f, t]) => t !== old.get(f)).length;
    const deadline = Date.now() + 20_000;
    while (changed() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const now = storeOf(dir);
    expect([...now.keys()]).toEqual([...old.keys()]);
    let fresh = 0;
    for (const [name, text] of now) {
      expect(text === old.get(name) || text === expected.get(name)).toBe(true);
      expect(parsesAsClaims(dir, name, text)).toBe(true);
      if (text === expected.get(name)) fresh++;
    }
    // Killed mid-run: the first file is new, the others still old.
    expect(fresh).toBe(1);
    // A rerun finishes the job.
    expect(cli(dir, 'gate', ...STORY.map((n) => `articles/${n}.md`), '--against', 'claims', '--update', '-q').code).toBe(0);
    expect(storeOf(dir)).toEqual(expected);
    // Four CLI runs and a 5 s write: 12 s alone, past 30 s in a full two-worker run on a loaded machine.
  }, 90_000);

  test('two gate --update runs at once leave a store that validates', async () => {
    const dir = tempDir();
    writeTree(dir, Object.fromEntries(STORY.map((n) => [`articles/${n}.md`, body(n, 1)])));
    expect(cli(dir, 'extract', 'articles', '--out', 'claims', '-q').code).toBe(0);
    writeTree(dir, Object.fromEntries(STORY.map((n) => [`articles/${n}.md`, body(n, 2)])));
    const one = () =>
      new Promise<number | null>((res) => {
        const c = spawn(process.execPath, [bin, 'gate', ...STORY.map((n) => `articles/${n}.md`), '--against', 'claims', '--update', '-q'], {
          cwd: dir,
          env: cliEnv({ CORROBORATE_TEST_SLOW_WRITE_MS: '50' }),
          stdio: 'ignore',
        });
        c.on('exit', (code) => res(code));
      });
    expect(await Promise.all([one(), one()])).toEqual([0, 0]);
    expect(cli(dir, 'validate', 'claims').stdout).toBe('3 claims files valid\n');
    expect(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

describe('gate --cache', () => {
  // The store's index spares a gate reading most claims files; the parsed-store cache only helps a full
  // load (no index yet, rules changed, --no-index). The flag is still accepted everywhere.
  test('keeps parsed claims beside the store on a full load and gives the same report; without the flag no cache is written', () => {
    const dir = tempDir();
    writeTree(dir, {
      'published/a.md': '---\npublished: 2026-04-01\n---\nThe ferry carried 1,200 passengers on Monday, the port said.\n',
      'new/b.md': '---\npublished: 2026-04-02\n---\nThe ferry carried 1,020 passengers on Monday, the port said.\n',
    });
    expect(runCli(bin, ['extract', 'published', '--out', 'claims', '-q'], dir).code).toBe(0);
    const plain = runCli(bin, ['gate', 'new/b.md', '--against', 'claims', '--format', 'json', '-q'], dir);
    expect(existsSync(join(dir, 'claims', '.corroborate-cache.json'))).toBe(false);
    const indexed = runCli(bin, ['gate', 'new/b.md', '--against', 'claims', '--format', 'json', '-q', '--cache'], dir);
    const cold = runCli(bin, ['gate', 'new/b.md', '--against', 'claims', '--format', 'json', '-q', '--cache', '--no-index'], dir);
    expect(existsSync(join(dir, 'claims', '.corroborate-cache.json'))).toBe(true);
    const warm = runCli(bin, ['gate', 'new/b.md', '--against', 'claims', '--format', 'json', '-q', '--cache', '--no-index'], dir);
    expect(indexed.stdout).toBe(plain.stdout);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.code).toBe(plain.code);
  });
});

describe('the store index (.corroborate-index.json)', () => {
  const INDEX = '.corroborate-index.json';

  test.each([['json'], ['markdown'], ['sarif']])('gate prints the same bytes with the index as with --no-index (%s)', (format) => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020'), 'articles/calm.md': CALM_TEXT });
    // A fresh store has no index: the first gate ("cold") builds it, the next ones use it.
    expect(existsSync(join(dir, 'claims', INDEX))).toBe(false);
    const args = ['gate', 'articles/coast.md', 'articles/calm.md', 'articles/port.md', '--against', 'claims', '--format', format];
    const full = cli(dir, ...args, '--no-index');
    const cold = cli(dir, ...args);
    expect(existsSync(join(dir, 'claims', INDEX))).toBe(true);
    const warm = cli(dir, ...args);
    expect(full.code).toBe(1);
    for (const r of [cold, warm]) {
      expect(r.stdout).toBe(full.stdout);
      expect(r.stderr).toBe(full.stderr);
      expect(r.code).toBe(full.code);
    }
  });

  test('--no-index leaves the store alone; a plain gate only ever refreshes the index, never a claims file', () => {
    const dir = newsroom({ 'articles/calm.md': CALM_TEXT });
    rmSync(join(dir, 'claims', INDEX), { force: true });
    const claimsBefore = readdirSync(join(dir, 'claims')).map((f) => [f, readFileSync(join(dir, 'claims', f), 'utf8')]);
    expect(cli(dir, 'gate', 'articles/calm.md', '--against', 'claims', '--no-index', '-q').code).toBe(0);
    expect(readdirSync(join(dir, 'claims')).sort()).toEqual(claimsBefore.map(([f]) => f).sort());
    expect(cli(dir, 'gate', 'articles/calm.md', '--against', 'claims', '-q').code).toBe(0);
    expect(readdirSync(join(dir, 'claims')).filter((f) => f !== INDEX).map((f) => [f, readFileSync(join(dir, 'claims', f), 'utf8')])).toEqual(claimsBefore);
    expect(existsSync(join(dir, 'claims', INDEX))).toBe(true);
  });

  test('a gate --update killed between two claims files leaves the old index whole; the next gate still reports as a full load', async () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020'), 'articles/new-a.md': coastText('1,200'), 'articles/new-b.md': coastText('1,300') });
    const child = spawn(process.execPath, [bin, 'gate', 'articles/new-a.md', 'articles/new-b.md', '--against', 'claims', '--update', '--fail-on', 'never', '-q'], {
      cwd: dir,
      env: cliEnv({ CORROBORATE_TEST_SLOW_WRITE_MS: '5000' }),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    const deadline = Date.now() + 20_000;
    while (readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml')).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The claims file of new-a.md is there, new-b.md's not; the index is whole (its body authenticates as its
    // header's MAC says, under this user's key) and still the one from before the writes: it does not know new-a.md yet.
    expect(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml')).sort()).toEqual(['calm-old.md.yaml', 'new-a.md.yaml', 'port.md.yaml']);
    const bytes = readFileSync(join(dir, 'claims', INDEX));
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as { format: string; fingerprint: string; bodyBytes: number; mac: string };
    const body = bytes.subarray(nl + 1, nl + 1 + header.bodyBytes);
    expect(authenticate(`${header.format}\n${header.fingerprint}\n`, body)).toBe(header.mac);
    expect(body.toString('utf8')).not.toContain('new-a.md');
    expect(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const args = ['gate', 'articles/coast.md', '--against', 'claims', '--format', 'json'];
    const full = cli(dir, ...args, '--no-index');
    expect(cli(dir, ...args).stdout).toBe(full.stdout);
    expect(JSON.parse(full.stdout).summary.conflict).toBeGreaterThan(0);
  }, 30_000);

  test('gate --update adds the new articles to the index; a file edited by hand afterwards is read again', () => {
    const dir = newsroom({ 'articles/coast.md': coastText('1,020'), 'articles/new-a.md': coastText('1,200') });
    expect(cli(dir, 'gate', 'articles/new-a.md', '--against', 'claims', '--update', '-q').code).toBe(0);
    const index = readFileSync(join(dir, 'claims', INDEX), 'utf8');
    expect(index).toContain('"new-a.md.yaml"');
    // A hand edit after the update: port's figure becomes 1,020, so coast now agrees with it.
    writeFileSync(join(dir, 'claims', 'port.md.yaml'), plantedPort('port.md', 1020));
    const args = ['gate', 'articles/coast.md', '--against', 'claims', '--format', 'json'];
    const full = cli(dir, ...args, '--no-index');
    const indexed = cli(dir, ...args);
    expect(indexed.stdout).toBe(full.stdout);
    expect(indexed.stderr).toBe(full.stderr);
  });
});
