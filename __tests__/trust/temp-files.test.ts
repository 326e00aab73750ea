import { spawn } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STALE_TEMP_MS, TEMP_FILE, removeStaleTemps, writeFileAtomic } from '../../src/util/fs-atomic';
import { removeTempDirs, tempDir } from '../gate/helpers';
import { COAST_TEXT, corroborate, newsroom, portClaims } from './helpers';

/*
 * A run killed mid-write leaves `.NAME.PID.TIME.N.tmp` beside the file it was writing. The next run that
 * writes to (or gates against) that folder removes those of processes that are gone, or over an hour old;
 * none is ever read as an article or a claims file.
 */

afterAll(removeTempDirs);

/** A pid no process has: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((res) => child.on('exit', res));
  return child.pid!;
}

describe('leftover temporary files', () => {
  test('writeFileAtomic names its temporary file so the sweep would know it', () => {
    const dir = tempDir('corroborate-temp-');
    const seen: string[] = [];
    const real = require('node:fs') as typeof import('node:fs');
    const rename = real.renameSync;
    const spy = jest.spyOn(real, 'renameSync').mockImplementation((from, to) => {
      seen.push(String(from));
      return rename(from, to);
    });
    try {
      writeFileAtomic(join(dir, 'report.json'), '{}\n');
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(1);
    expect(TEMP_FILE.exec(seen[0].slice(dir.length + 1))?.[1]).toBe(String(process.pid));
  });

  test.each([
    ['of a process that is gone', async () => (await deadPid()).toString(), 0, true],
    ['of a live process, recent', async () => String(process.ppid), 0, false],
    ['of a live process, over an hour old', async () => String(process.ppid), STALE_TEMP_MS + 60_000, true],
    ['of this very process', async () => String(process.pid), STALE_TEMP_MS + 60_000, false],
  ])('a temporary file %s', async (_name, pid, age, removed) => {
    const dir = tempDir('corroborate-temp-');
    const name = `.port.md.yaml.${await pid()}.${Date.now() - age}.0.tmp`;
    writeFileSync(join(dir, name), 'half a file');
    const when = (Date.now() - age) / 1000;
    utimesSync(join(dir, name), when, when);
    expect(removeStaleTemps(dir)).toEqual(removed ? [name] : []);
    expect(existsSync(join(dir, name))).toBe(!removed);
  });

  test('the next gate removes a dead run\'s temporary files from the store, and never reads them', async () => {
    const dir = newsroom();
    const pid = await deadPid();
    // Half-written copies a killed `gate --update` left: a claims file saying 1,020, an index.
    const leftovers = [`.port.md.yaml.${pid}.1767225600000.0.tmp`, `.corroborate-index.json.${pid}.1767225600000.1.tmp`];
    writeFileSync(join(dir, 'claims', leftovers[0]), portClaims().replace(/1200/g, '1020'));
    writeFileSync(join(dir, 'claims', leftovers[1]), 'garbage');
    writeFileSync(join(dir, 'new', `.coast.md.${pid}.1767225600000.0.tmp`), COAST_TEXT.replace('1,020', '1,200'));
    const v = await corroborate(dir, 'validate', 'claims');
    expect(v.stdout).toBe('1 claims file valid\n');
    const r = await corroborate(dir, 'gate', 'new', '--against', 'claims', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).gate.newArticles).toEqual(['coast.md']);
    const left = readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.tmp'));
    expect(left).toEqual([]);
  });
});
