import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';

// The hand-labelled seeds live beside the project (../shared). They measure; they are never tuned to.
const SHARED = resolve(__dirname, '..', '..', '..', 'shared');
const SEEDS = join(SHARED, 'seeds');
const haveSeeds = existsSync(join(SHARED, 'eval', 'score.mjs'));
const maybe = haveSeeds ? describe : describe.skip;

async function checkJson(args: string[], cwd: string): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', 'check', ...args, '--format', 'json', '--fail-on', 'never'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return stdout;
}

interface Score {
  conflictFacts: { found: number; facts: number };
  variantFacts: { found: number; facts: number };
  agreeFacts: { found: number; facts: number };
  conflictPrecision: { precision: number | null };
  variantPrecision: { precision: number | null };
  statementsCovered: { covered: number; total: number };
  problems: string[];
}

maybe('seeds (../shared)', () => {
  let score: Score;
  let reportText: string;

  beforeAll(async () => {
    reportText = await checkJson([SEEDS], process.cwd());
    const out = join(mkdtempSync(join(tmpdir(), 'corroborate-seeds-')), 'seeds.json');
    writeFileSync(out, reportText);
    const json = execFileSync(process.execPath, [join(SHARED, 'eval', 'score.mjs'), out, join(SHARED, 'eval', 'seeds.gold.json'), SEEDS, '--json'], { encoding: 'utf8' });
    score = JSON.parse(json) as Score;
  });

  test('every span is exact', () => {
    expect(score.problems).toEqual([]);
  });

  test('covers at least 50 of the labelled statements', () => {
    expect(score.statementsCovered.covered).toBeGreaterThanOrEqual(50);
  });

  test('finds at least 2 labelled conflicts with conflict precision of at least 50%', () => {
    expect(score.conflictFacts.found).toBeGreaterThanOrEqual(2);
    expect(score.conflictPrecision.precision ?? 0).toBeGreaterThanOrEqual(0.5);
  });

  test('the same files in shuffled order give byte-identical JSON', async () => {
    const names = readdirSync(SEEDS).sort();
    // Copy into a fresh folder in reverse order (directory order differs), and pass files in a shuffled list.
    const copy = mkdtempSync(join(tmpdir(), 'corroborate-shuffle-'));
    for (const n of [...names].reverse()) copyFileSync(join(SEEDS, n), join(copy, n));
    expect(await checkJson([copy], process.cwd())).toBe(reportText);
    const shuffled = [names[2], names[0], names[4], names[1], names[3]].filter(Boolean);
    expect(await checkJson(shuffled, SEEDS)).toBe(reportText);
  });
});
