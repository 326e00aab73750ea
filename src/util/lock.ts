import { closeSync, openSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { readRegularText } from './safe-read';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Failure } from './problem';
import { alive } from './fs-atomic';

/**
 * Advisory lock files around read-modify-write. Two review servers on one decisions file, two
 * `baseline create` at once, two `gate --update` at once: each reads the file (or the store), changes
 * it and writes it back, and without a lock the second write drops what the first added. The lock is
 * `.NAME.lock` beside the file (a dot-file, so no listing reads it), made with O_EXCL: whoever makes it
 * holds it; the others wait. It records the holder's pid and host, so a lock left by a process that is
 * gone (killed) is taken over, and one older than STALE_LOCK_MS is taken over whoever left it.
 */
export const STALE_LOCK_MS = 10 * 60 * 1000;
/** How long a writer waits for the lock before giving up (exit 2). */
export const LOCK_WAIT_MS = 60_000;

/** The lock file guarding `path` (a file, or a folder such as the claims store). */
export function lockPathFor(path: string, folder = false): string {
  return folder ? join(path, '.corroborate-store.lock') : join(dirname(path), `.${basename(path)}.lock`);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when the lock at `lock` was left by a process that is gone, or is too old to be anyone's. */
function abandoned(lock: string, now: number): boolean {
  try {
    const st = statSync(lock);
    if (now - st.mtimeMs > STALE_LOCK_MS) return true;
    const [pid, host] = (readRegularText(lock, 4096) ?? '').split('\n');
    return host === hostname() && /^\d+$/.test(pid) && Number(pid) !== process.pid && !alive(Number(pid));
  } catch {
    // Gone already (released): not abandoned, just try again.
    return false;
  }
}

/** Locks held by this process, with how many times each is held (a holder may take it again). */
const held = new Map<string, number>();

/**
 * Takes the lock file `lock` (waiting up to `waitMs`), runs `fn`, and lets go, whatever `fn` does. The
 * same process taking a lock it holds goes straight in.
 */
export function withLock<T>(lock: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  if (held.has(lock)) {
    held.set(lock, held.get(lock)! + 1);
    try {
      return fn();
    } finally {
      held.set(lock, held.get(lock)! - 1);
    }
  }
  acquire(lock, waitMs);
  held.set(lock, 1);
  try {
    return fn();
  } finally {
    held.delete(lock);
    try {
      unlinkSync(lock);
    } catch {
      /* taken over as stale: nothing of ours to remove */
    }
  }
}

function acquire(lock: string, waitMs: number): void {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  let pause = 2;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (abandoned(lock, Date.now())) {
      try {
        unlinkSync(lock);
      } catch {
        /* another waiter took it over first */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Failure([{ file: lock, line: 1, column: 1, message: `locked by another corroborate run for over ${Math.round(waitMs / 1000)} s (remove the file if no run is going)` }]);
    }
    sleepSync(pause);
    pause = Math.min(pause * 2, 50);
  }
}
