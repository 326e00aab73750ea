import type { Article, Claim } from '../types';
import { claimsPathFor, serializeClaims } from '../claims/io';
import { writeFileAtomic } from '../util/fs-atomic';
import { byCodeUnit } from '../util/stable';

/**
 * Test hook, not a setting: `CORROBORATE_TEST_SLOW_WRITE_MS=2000` makes the store writer sleep that many
 * milliseconds after each claims file, so a test can kill a `gate --update` run between two files and
 * check that every file in the store is still a complete old or new version.
 */
export const SLOW_WRITE_ENV = 'CORROBORATE_TEST_SLOW_WRITE_MS';

function pauseMs(): number {
  const n = Number(process.env[SLOW_WRITE_ENV]);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 60_000) : 0;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes one claims file per article into the store, each atomically (temporary file, then rename), so a
 * run killed halfway or two runs at once leave every file either as it was or wholly new. All texts are
 * rendered before the first write: a bad id stops the run with nothing written. Returns the paths written.
 */
export function writeClaimsToStore(storeDir: string, articles: readonly Article[], claims: ReadonlyMap<string, Claim[]>): string[] {
  const files = [...articles]
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((a) => ({ path: claimsPathFor(storeDir, a.id), text: serializeClaims(a, claims.get(a.id) ?? [], storeDir) }));
  const pause = pauseMs();
  for (const f of files) {
    writeFileAtomic(f.path, f.text);
    if (pause) sleepSync(pause);
  }
  return files.map((f) => f.path);
}
