import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Article, Claim, RuleSet } from '../types';
import { articleRootFor, claimsFileHolds, claimsFileOf, claimsPathFor, serializeClaims, sha256, type ClaimsFile } from '../claims/io';
import { writeFileAtomic } from '../util/fs-atomic';
import { lockPathFor, withLock } from '../util/lock';
import { byCodeUnit } from '../util/stable';
import { Failure } from '../util/problem';
import { MAX_YAML_BYTES, sizeName } from '../util/safe-read';
import { INDEX_FILE, closeStore, openStore, saveIndex } from './store-index';

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

/** Keeping the store's index current after a write (`extract --out`, `gate --update`). */
export interface IndexUpdate {
  /** The rules the index is keyed for: those of the run that wrote. */
  rules: RuleSet;
  cwd: string;
  /** The folder article files are read in (`--root`; default: the folder holding the store). */
  articleRoot?: string;
  /** Called as files are rendered and written (done of total: each file counts twice, once for each). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes one claims file per article into the store, each atomically (temporary file, then rename), so a
 * run killed halfway or two runs at once leave every file either as it was or wholly new. All texts are
 * rendered before the first write: a bad id stops the run with nothing written. Returns the paths written.
 *
 * With `index`, a store index (src/gate/store-index.ts) usable with these rules then records the files
 * written, from what was written (nothing is read back); without one, the next gate builds it. The index
 * is written last, atomically: a run killed before leaves the old index, whose entries for the new files
 * no longer match their size and time, so they are read again.
 */
export function writeClaimsToStore(
  storeDir: string,
  articles: readonly Article[],
  claims: ReadonlyMap<string, Claim[]>,
  index?: IndexUpdate,
): string[] {
  const total = articles.length * 2;
  const progress = index?.onProgress;
  const files = [...articles]
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((a, i) => {
      progress?.(i, total);
      return { article: a, path: claimsPathFor(storeDir, a.id), text: serializeClaims(a, claims.get(a.id) ?? [], storeDir) };
    });
  // A claims file no reader would open is not written: the claims of a long, figure-dense article can
  // pass the YAML limit (about 15 MB of claims for 1 MB of such text).
  const tooBig = files.filter((f) => Buffer.byteLength(f.text) > MAX_YAML_BYTES);
  if (tooBig.length) {
    throw new Failure(
      tooBig.map((f) => ({
        file: f.article.id,
        line: 1,
        column: 1,
        message: `its claims take ${Buffer.byteLength(f.text)} bytes of YAML, past the YAML file limit of ${sizeName(MAX_YAML_BYTES)}: split the article, or leave it out with a lower --max-article-bytes`,
      })),
    );
  }
  return withLock(lockPathFor(storeDir, true), () => {
    writeFiles(files, (i) => progress?.(files.length + i, total));
    if (index) keepIndex(storeDir, files, claims, index);
    return files.map((f) => f.path);
  });
}

function writeFiles(files: readonly { path: string; text: string }[], onFile: (i: number) => void): void {
  const pause = pauseMs();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    onFile(i);
    writeFileAtomic(f.path, f.text);
    if (pause) sleepSync(pause);
  }
}

function keepIndex(
  storeDir: string,
  files: readonly { article: Article; path: string; text: string }[],
  claims: ReadonlyMap<string, Claim[]>,
  index: IndexUpdate,
): void {
  // Without an index to keep current there is nothing to prepare (a new store gets one from its first gate).
  if (existsSync(join(storeDir, INDEX_FILE))) {
    const known = new Map<string, { sha256: string; file: ClaimsFile }>();
    for (const f of files) {
      const file = claimsFileOf(f.article, claims.get(f.article.id) ?? [], storeDir);
      // A file that would not load is left for the next reader to parse, and to report.
      if (claimsFileHolds(file, f.path, index.articleRoot ?? articleRootFor(storeDir))) known.set(relative(storeDir, f.path).split(sep).join('/'), { sha256: sha256(f.text), file });
    }
    updateIndex(storeDir, known, index);
  }
}

/**
 * Runs `fn` holding the store's lock (`.corroborate-store.lock` in it): `gate --update` decides and
 * writes inside one, so of two gates at once with articles that conflict with each other, the second
 * compares against the first's stored claims and fails. The store folder is made if need be.
 */
export function withStoreLock<T>(storeDir: string, fn: () => T): T {
  return withLock(lockPathFor(storeDir, true), fn);
}

function updateIndex(storeDir: string, known: ReadonlyMap<string, { sha256: string; file: ClaimsFile }>, index: IndexUpdate): void {
  try {
    const opened = openStore(storeDir, index.rules, index.cwd, { known, onlyIfIndexed: true, articleRoot: index.articleRoot });
    if (opened.ok && opened.value) {
      saveIndex(opened.value);
      closeStore(opened.value);
    }
  } catch {
    /* The claims are written; an index that could not follow is stale, and stale entries are re-read. */
  }
}
