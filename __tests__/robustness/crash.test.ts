import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaimsFile } from '../../src/claims/io';
import { buildCli, cliEnv, removeTempDirs, runCli, tempDir, writeTree } from '../gate/helpers';

// `extract --out` killed with SIGKILL between two files: every claims file in the store is a whole old
// version or a whole new one, and parses. CORROBORATE_TEST_SLOW_WRITE_MS makes the writer pause between
// files so the kill lands mid-run (a test hook, documented in src/gate/store.ts).
const NAMES = ['amber', 'birch', 'cedar', 'delta'];
const body = (name: string, v: number) => `---\npublished: 2026-05-0${v}\n---\nThe ${name} ferry carried ${v === 1 ? '120' : '340'} passengers on Monday, Captain Ines Varga said.\n`;

let bin: string;
beforeAll(() => {
  bin = buildCli();
}, 120_000);
afterAll(() => removeTempDirs());

function store(dir: string, folder: string): Map<string, string> {
  return new Map(readdirSync(join(dir, folder)).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, readFileSync(join(dir, folder, f), 'utf8')]));
}

test('extract --out killed between files leaves each claims file old or new, whole, and parsing', async () => {
  const dir = tempDir('corroborate-crash-');
  writeTree(dir, Object.fromEntries(NAMES.map((n) => [`articles/${n}.md`, body(n, 1)])));
  expect(runCli(bin, ['extract', 'articles', '--out', 'claims', '-q'], dir).code).toBe(0);
  const old = store(dir, 'claims');
  writeTree(dir, Object.fromEntries(NAMES.map((n) => [`articles/${n}.md`, body(n, 2)])));
  expect(runCli(bin, ['extract', 'articles', '--out', 'expected', '-q'], dir).code).toBe(0);
  const fresh = store(dir, 'expected');
  for (const [f, t] of fresh) expect(t).not.toBe(old.get(f));

  const child = spawn(process.execPath, [bin, 'extract', 'articles', '--out', 'claims', '-q'], {
    cwd: dir,
    env: cliEnv({ CORROBORATE_TEST_SLOW_WRITE_MS: '5000' }),
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
  const changed = () => [...store(dir, 'claims').entries()].filter(([f, t]) => t !== old.get(f)).length;
  const deadline = Date.now() + 20_000;
  while (changed() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const after = store(dir, 'claims');
  expect([...after.keys()]).toEqual([...old.keys()]);
  let updated = 0;
  for (const [name, text] of after) {
    expect([old.get(name), fresh.get(name)]).toContain(text);
    if (text === fresh.get(name)) updated++;
    expect(parseClaimsFile(name, text, join(dir, 'claims', name), dir).ok).toBe(true);
  }
  // Killed mid-run: some files are new, some still old.
  expect(updated).toBeGreaterThan(0);
  expect(updated).toBeLessThan(NAMES.length);
  // Besides claims files: the killed run's temporary files, and its store lock (taken over by the next writer).
  expect(readdirSync(join(dir, 'claims')).filter((f) => !f.endsWith('.yaml'))).toEqual(
    readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.tmp') || f === '.corroborate-store.lock'),
  );
  expect(runCli(bin, ['extract', 'articles', '--out', 'claims', '-q'], dir).code).toBe(0);
  expect(readdirSync(join(dir, 'claims')).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
}, 60_000);
