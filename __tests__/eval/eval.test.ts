import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';

// `corroborate eval` against hand-written labels of an invented story, and against the shared scorer on
// one real dev story (the same numbers, from an implementation of our own).

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

const A = '---\noutlet: Alpha Daily\npublished: 2026-03-16\n---\nThe Orlen ferry carried 212 passengers on Monday, harbour master Tova Brightwell said.\n"We will reopen the pier before the storm," Brightwell said.\n"The crews will begin repairs right away," Brightwell added.\n';
const B = '---\noutlet: Beta Post\npublished: 2026-03-16\n---\nThe Orlen ferry carried 240 passengers on Monday, harbour master Tova Brightwell said.\n"We will not reopen the pier before the storm," Brightwell said.\n"The crews will begin repairs immediately," Brightwell added.\n';

const GOLD = {
  corpus: 'Orlen ferry, two outlets',
  facts: [
    {
      id: 'passengers', kind: 'quantity', readings: { A: '212', B: '240' }, relations: { 'A|B': 'conflict' },
      statements: [{ source: 'a.md', anchor: '212 passengers', reading: 'A' }, { source: 'b.md', anchor: '240 passengers', reading: 'B' }],
    },
    {
      id: 'pier', kind: 'quote', readings: { A: 'will reopen', B: 'will not reopen' }, relations: { 'A|B': 'conflict' },
      statements: [{ source: 'a.md', anchor: 'We will reopen the pier', reading: 'A' }, { source: 'b.md', anchor: 'We will not reopen the pier', reading: 'B' }],
    },
    {
      id: 'repairs', kind: 'quote', readings: { A: 'right away', B: 'immediately' }, relations: { 'A|B': 'variant' },
      statements: [{ source: 'a.md', anchor: 'begin repairs right away', reading: 'A' }, { source: 'b.md', anchor: 'begin repairs immediately', reading: 'B' }],
    },
    {
      id: 'day', kind: 'date', readings: { A: 'Monday', B: 'Tuesday' }, relations: { 'A|B': 'conflict' },
      statements: [{ source: 'a.md', anchor: 'on Monday', reading: 'A' }, { source: 'b.md', anchor: 'Brightwell added', reading: 'B' }],
    },
  ],
};

function story(gold: unknown = GOLD): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-eval-'));
  mkdirSync(join(dir, 'orlen'));
  writeFileSync(join(dir, 'orlen', 'a.md'), A);
  writeFileSync(join(dir, 'orlen', 'b.md'), B);
  writeFileSync(join(dir, 'orlen', 'gold.json'), typeof gold === 'string' ? gold : JSON.stringify(gold, null, 2) + '\n');
  return dir;
}

describe('corroborate eval', () => {
  test('a story folder: facts found, precision, per kind and per source, the missed pair with its spans', async () => {
    const r = await run(['eval', 'orlen', '--format', 'json'], story());
    expect(r.code).toBe(0);
    const [s] = JSON.parse(r.stdout).stories;
    expect(s).toMatchObject({
      name: 'orlen',
      facts: 4,
      pairs: 4,
      conflicts: { found: 2, labelled: 3 },
      variants: { found: 1, labelled: 1 },
      agreements: { found: 0, labelled: 0 },
      conflictPrecision: { right: 2, predicted: 2 },
      variantPrecision: { right: 1, predicted: 1 },
      byKind: { date: { conflict: { found: 0, labelled: 1 } }, quantity: { conflict: { found: 1, labelled: 1 } }, quote: { conflict: { found: 1, labelled: 1 }, variant: { found: 1, labelled: 1 } } },
      bySource: { 'a.md': { pairs: { found: 3, labelled: 4 } }, 'b.md': { conflictPrecision: { right: 2, predicted: 2 } } },
      wrong: [],
      spanProblems: [],
    });
    expect(s.missed).toEqual([
      { fact: 'day', expected: 'conflict', got: [], a: { source: 'a.md', start: 89, end: 98, text: 'on Monday' }, b: { source: 'b.md', start: 244, end: 260, text: 'Brightwell added' } },
    ]);
    expect([A.slice(89, 98), B.slice(244, 260)]).toEqual(['on Monday', 'Brightwell added']);
  });

  test('markdown, and a JSON report scored with --gold and --articles', async () => {
    const dir = story();
    const md = await run(['eval', 'orlen'], dir);
    expect(md.stdout).toMatch(/^# corroborate eval\n\n\| story \| conflicts found \|/);
    expect(md.stdout).toContain('| orlen | 2/3 (67%) | 2/2 (100%) | 1/1 (100%) | 1/1 (100%) | 0/0 (n/a) |');
    expect(md.stdout).toContain('### Missed\n\n- day (conflict): a.md [89,98) "on Monday" ~ b.md [244,260) "Brightwell added"');
    await run(['check', 'orlen', '--format', 'json', '--out', 'report.json', '--fail-on', 'never'], dir);
    const fromReport = await run(['eval', 'report.json', '--gold', 'orlen/gold.json', '--format', 'json'], dir);
    const fromFolder = await run(['eval', 'orlen', '--format', 'json'], dir);
    const strip = (s: string) => JSON.parse(s).stories.map(({ name, ...rest }: { name: string }) => rest);
    expect(strip(fromReport.stdout)).toEqual(strip(fromFolder.stdout));
  });

  test.each([
    ['an anchor not in its article', JSON.stringify({ facts: [{ ...GOLD.facts[0], statements: [GOLD.facts[0].statements[0], { source: 'b.md', anchor: '250 passengers', reading: 'B' }] }] }, null, 2), /^orlen\/gold\.json:21:21: anchor not found in b\.md: "250 passengers"/],
    ['an unknown key', '{\n  "facts": [\n    { "id": "x", "kind": "date", "statments": [] }\n  ]\n}\n', /^orlen\/gold\.json:3:34: unknown key "statments" in facts\.0$/m],
    ['broken JSON', '{\n  "facts": [\n', /^orlen\/gold\.json:\d+:\d+: broken JSON/],
  ])('%s: gold.json:line:column, exit 2', async (_what, gold, message) => {
    const r = await run(['eval', 'orlen'], story(gold));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  const SHARED = resolve(__dirname, '..', '..', '..', 'shared', 'eval');
  const STORY = join(SHARED, 'dev', 'hurricane-milton-landfall-2024');
  (existsSync(join(STORY, 'gold.json')) ? test : test.skip)('a dev story: the same numbers as ../shared/eval/score.mjs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-eval-dev-'));
    const check = await run(['check', STORY, '--format', 'json', '--out', join(dir, 'r.json'), '--fail-on', 'never', '-q'], dir);
    expect(check.code).toBe(0);
    const ours = JSON.parse((await run(['eval', join(dir, 'r.json'), '--gold', join(STORY, 'gold.json'), '--articles', STORY, '--format', 'json'], dir)).stdout).stories[0];
    const theirs = JSON.parse(execFileSync('node', [join(SHARED, 'score.mjs'), join(dir, 'r.json'), join(STORY, 'gold.json'), STORY, '--json'], { encoding: 'utf8' }));
    expect([ours.conflicts.found, ours.conflicts.labelled, ours.variants.found, ours.variants.labelled, ours.agreements.found, ours.agreements.labelled]).toEqual([
      theirs.conflictFacts.found, theirs.conflictFacts.facts, theirs.variantFacts.found, theirs.variantFacts.facts, theirs.agreeFacts.found, theirs.agreeFacts.facts,
    ]);
    expect([ours.conflictPrecision.right, ours.conflictPrecision.predicted, ours.variantPrecision.right, ours.variantPrecision.predicted]).toEqual([
      theirs.conflictPrecision.tp, theirs.conflictPrecision.predicted, theirs.variantPrecision.tp, theirs.variantPrecision.predicted,
    ]);
    expect([ours.covered.found, ours.covered.labelled]).toEqual([theirs.statementsCovered.covered, theirs.statementsCovered.total]);
    expect(ours.unjudged.length).toBe(theirs.conflictPrecision.unjudged.length + theirs.variantPrecision.unjudged.length);
  });
});
