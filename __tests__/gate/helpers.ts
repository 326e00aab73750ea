import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '../../src/version';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');

/**
 * Builds the CLI with tsc into a private folder laid out like the package (dist/, bin/, rules/,
 * package.json, node_modules), so the tests run `node bin/corroborate.js` exactly as installed, without
 * racing other test files or engineers that rebuild the shared dist/. A type error elsewhere in the tree
 * does not stop tsc from emitting; only a missing dist/cli/main.js fails the build.
 */
export function buildCli(): string {
  // One build for the whole run when the e2e project's global setup made it (__tests__/gate/global-setup.ts).
  const shared = process.env[SHARED_CLI];
  if (shared && existsSync(shared)) return shared;
  return buildCliIn(tempDir('corroborate-gate-build-'));
}

/** The variable the global setup passes the shared build's `bin/corroborate.js` in. */
export const SHARED_CLI = 'CORROBORATE_TEST_SHARED_CLI';

/** Builds into `dir` (see buildCli); returns its `bin/corroborate.js`. */
export function buildCliIn(dir: string): string {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(REPO, 'tsconfig.json'), '--outDir', join(dir, 'dist')], { encoding: 'utf8' });
  if (!existsSync(join(dir, 'dist', 'cli', 'main.js'))) throw new Error(`tsc produced no dist/cli/main.js:\n${r.stdout}\n${r.stderr}`);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(REPO, 'bin', 'corroborate.js'), join(dir, 'bin', 'corroborate.js'));
  symlinkSync(join(REPO, 'rules'), join(dir, 'rules'));
  symlinkSync(join(REPO, 'lang'), join(dir, 'lang'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  return join(dir, 'bin', 'corroborate.js');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a CLI run gets: ours, minus GitHub's step summary (a test must not write to a real one). */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('GITHUB_STEP_SUMMARY' in extra)) delete env.GITHUB_STEP_SUMMARY;
  return env;
}

export function runCli(bin: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: cliEnv(extraEnv), timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files (path -> text) under `dir`, creating folders. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(prefix = 'corroborate-gate-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 1-based line and column of `offset` in `text` (lines end at \n). */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * A claims file written by hand (as an editor would), with one count claim: `phrase` must occur in the
 * article text. Used to plant a fact in the store without relying on the extractors.
 */
export function handWrittenCountClaims(opts: {
  id: string;
  file: string;
  text: string;
  phrase: string;
  value: number;
  counted: string;
  predicates: string[];
  words: string[];
  /** What the figure states ("aboard"): without one, a stored figure may agree but never conflict. */
  attribute?: string;
}): string {
  const start = opts.text.indexOf(opts.phrase);
  if (start < 0) throw new Error(`${opts.phrase} not in text`);
  const end = start + opts.phrase.length;
  const { line, column } = lineCol(opts.text, start);
  const list = (xs: string[]) => (xs.length ? '\n' + xs.map((x) => `        - ${x}`).join('\n') : ' []');
  return [
    'format: corroborate/claims@2',
    `extractor: ${EXTRACTOR_VERSION}`,
    'article:',
    `  id: ${opts.id}`,
    `  file: ${opts.file}`,
    `  sha256: ${sha256(opts.text)}`,
    `  length: ${opts.text.length}`,
    '  referenceDate: null',
    '  meta: {}',
    'claims:',
    `  - id: quantity@${start}-${end}`,
    '    kind: quantity',
    '    extractor: by-hand',
    '    span:',
    `      start: ${start}`,
    `      end: ${end}`,
    `      text: "${opts.phrase}"`,
    `      line: ${line}`,
    `      column: ${column}`,
    '    value:',
    '      type: quantity',
    '      dimension: count',
    '      unit: count',
    `      low: ${opts.value}`,
    `      high: ${opts.value}`,
    '      stated:',
    `        - { value: ${opts.value}, unit: count, text: "${opts.phrase}" }`,
    `      counted: ${opts.counted}`,
    '    context:',
    `      predicates:${list(opts.predicates)}`,
    '      entities: []',
    `      words:${list(opts.words)}`,
    '      inQuote: false',
    ...(opts.attribute ? [`    attribute: ${opts.attribute}`] : []),
    '',
  ].join('\n');
}
