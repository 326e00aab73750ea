import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * A temporary file's name: `.claims.yaml.4242.1767225600000.0.tmp` (dot first, so no listing of articles
 * or claims ever reads it; then the writer's pid, the time, a counter).
 */
export const TEMP_FILE = /^\..+\.(\d+)\.(\d+)\.\d+\.tmp$/;
/** A temporary file this old is left over whoever made it. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

const swept = new Set<string>();

/** Whether process `pid` runs on this machine (EPERM: it runs, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run left in `dir`: those of a process that is gone, or older than
 * STALE_TEMP_MS. This process's own, and a live writer's recent ones, are kept. Once per folder per
 * process; a folder that cannot be read or written is left as it is. Returns the names removed.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  if (swept.has(dir)) return [];
  swept.add(dir);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile() && !st.isSymbolicLink()) continue;
      if (alive(pid) && now - st.mtimeMs < STALE_TEMP_MS) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

/**
 * Writes `content` to `path` so that a reader sees either the old file or the whole new one: the bytes go
 * to a temporary file in the same folder, are flushed, and the file is renamed over `path`.
 */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  removeStaleTemps(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw err;
  }
}
