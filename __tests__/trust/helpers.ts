import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { handWrittenCountClaims, tempDir, writeTree } from '../gate/helpers';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process (fast): what it printed and its exit code. */
export async function corroborate(cwd: string, ...args: string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const saved = process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_STEP_SUMMARY;
  try {
    const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
    return { code, stdout, stderr };
  } finally {
    if (saved !== undefined) process.env.GITHUB_STEP_SUMMARY = saved;
  }
}

/** A key folder of the test's own, so its key file is made fresh (and the user's is never touched). */
export function privateKeyFolder(): string {
  const dir = tempDir('corroborate-key-');
  mkdirSync(dir, { recursive: true });
  process.env.XDG_CACHE_HOME = dir;
  return dir;
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

export const PORT_TEXT = '---\noutlet: Tidewater Ledger\npublished: 2026-03-02\n---\nThe ferry Marisol carried 1,200 passengers when it ran aground near Quillan harbor on Sunday.\n';
export const COAST_TEXT =
  '---\noutlet: Brenna Coast Weekly\npublished: 2026-03-03\n---\nThe ferry Marisol carried 1,020 passengers when it ran aground near Quillan harbor, the coast guard said.\n';

/** The stored claims of port.md, written by hand: 1,200 passengers aboard. */
export function portClaims(): string {
  return handWrittenCountClaims({
    id: 'port.md',
    file: '../articles/port.md',
    text: PORT_TEXT,
    phrase: '1,200 passengers',
    value: 1200,
    counted: 'passenger',
    predicates: ['carry'],
    words: ['aground', 'ferry', 'harbor', 'near', 'run'],
    attribute: 'aboard',
  });
}

/** A newsroom: articles/port.md published (its claims planted by hand in claims/), new/coast.md saying 1,020. */
export function newsroom(): string {
  const dir = tempDir('corroborate-trust-');
  writeTree(dir, {
    'articles/port.md': PORT_TEXT,
    'new/coast.md': COAST_TEXT,
    'claims/port.md.yaml': portClaims(),
  });
  return dir;
}

export { join };

