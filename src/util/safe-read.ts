import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/**
 * Reading files named by people the run does not trust (a claims file's `article.file`, an article
 * added in a pull request): only regular files, of a bounded size, are opened. `/dev/zero` would be read
 * until memory runs out, a FIFO or `/dev/stdin` would block for ever; both are refused instead.
 */

/** The largest file read as an article or a claims file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The largest article read unless `--max-article-bytes` says otherwise: 10 MiB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
/**
 * The largest YAML file read (claims, rules, decisions, baseline, corpus.yaml, .corroboraterc.yaml). The
 * claims of a 10 MiB article take about a third of it.
 */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

/** "10 MiB", "1500 bytes": a limit as a message names it. */
export function sizeName(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

export type ReadOutcome = { ok: true; bytes: Buffer } | { ok: false; code: string; message: string };

const NOT_REGULAR: ReadOutcome = { ok: false, code: 'ENOTREG', message: 'not a regular file (a device, FIFO or socket)' };

/** True when `path` (symlinks followed) is there and is neither a regular file nor a folder. */
function isSpecial(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/**
 * The bytes of the regular file at `path`. Opened non-blocking (a FIFO then opens at once and is
 * refused by its type), checked to be a regular file no larger than `maxBytes`, and read to the size it
 * had when opened.
 */
export function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES, limitName = ''): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    // A socket cannot be opened at all (ENXIO): it is still a special file, and says so.
    if (isSpecial(path)) return NOT_REGULAR;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, code, message: `cannot be read (${code})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return NOT_REGULAR;
    if (st.size > maxBytes) return { ok: false, code: 'EFBIG', message: `${st.size} bytes, larger than the ${limitName ? `${limitName} limit of ` : 'limit of '}${sizeName(maxBytes)}` };
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, bytes, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, bytes: bytes.subarray(0, got) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, code, message: `cannot be read (${code})` };
  } finally {
    closeSync(fd);
  }
}

/** The file's text as UTF-8 when it is a regular file that can be read; undefined otherwise. */
export function readRegularText(path: string, maxBytes = MAX_FILE_BYTES): string | undefined {
  const r = readRegularFile(path, maxBytes);
  return r.ok ? r.bytes.toString('utf8') : undefined;
}

/** The real path (symlinks resolved), or undefined when it cannot be resolved (dangling, unreadable). */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** True when `path` is `root` or below it, both as given (resolve symlinks first when that matters). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) || (rel.startsWith('..') && !/^\.\.(?:[\\/]|$)/.test(rel));
}

/** True when `path`, symlinks resolved, lies inside `root` (symlinks resolved); false when either cannot be resolved. */
export function resolvesWithin(root: string, path: string): boolean {
  const r = realPath(root);
  const p = realPath(path);
  return r !== undefined && p !== undefined && isWithin(r, p);
}

/**
 * Where `path` lies against `root`: 'outside' when it leaves it as written ("../../etc/passwd") or once
 * symlinks are resolved (a link in the root to /etc/passwd); 'missing' when it cannot be resolved (no such
 * file: nothing to read, nothing to warn of); else 'inside'.
 */
export function placeWithin(root: string, path: string): 'inside' | 'outside' | 'missing' {
  const p = realPath(path);
  if (p === undefined) return isWithin(root, path) ? 'missing' : 'outside';
  return isWithin(realPath(root) ?? root, p) ? 'inside' : 'outside';
}

/**
 * The text of a file the run needs (a baseline, a decisions file, corpus.yaml, a rules file): a problem
 * at `displayName:1:1` when it is not a regular file or cannot be read, instead of a hang or a throw.
 */
export function readNeededText(path: string, displayName: string, maxBytes = MAX_YAML_BYTES, limitName = 'YAML file'): { ok: true; value: string } | { ok: false; error: { file: string; line: number; column: number; message: string }[] } {
  const r = readRegularFile(path, maxBytes, limitName);
  if (!r.ok) return { ok: false, error: [{ file: displayName, line: 1, column: 1, message: r.message }] };
  return { ok: true, value: r.bytes.toString('utf8') };
}
