import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readSync, unlinkSync, writeSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A secret of this user on this machine, which authenticates the files corroborate derives from a claims
 * store and keeps inside it (the store index, the parsed-claims cache). Those files sit in a folder other
 * people can write to (a pull request can add `claims/.corroborate-index.json` with a JSON copy that says
 * 1020 where the YAML says 1200, and recompute every plain hash in it); only a file authenticated with
 * this key is used, anything else is rebuilt from the YAML.
 *
 * The key lives in `$XDG_CACHE_HOME/corroborate/store-key` (`~/.cache/...`; `%LOCALAPPDATA%` on
 * Windows), 32 random bytes, mode 0600 in a 0700 folder. A key file that is not a regular file of this
 * user, readable by no one else, is not used. When none can be read or made, the process gets a key of
 * its own: what it writes is then never trusted by a later run, which is only slower.
 */
export const KEY_FILE_NAME = 'store-key';
const KEY_BYTES = 32;

/** The folder the key is kept in. */
export function keyFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'corroborate');
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'corroborate');
}

const keys = new Map<string, Buffer>();

/** This user's key (made on first use), or a key for this process alone when none can be kept. */
export function localKey(): Buffer {
  const path = join(keyFolder(), KEY_FILE_NAME);
  let key = keys.get(path);
  if (!key) {
    key = readKey(path) ?? makeKey(path) ?? readKey(path) ?? randomBytes(KEY_BYTES);
    keys.set(path, key);
  }
  return key;
}

/** HMAC-SHA256 of the parts under this user's key, hex. */
export function authenticate(...parts: (string | Buffer)[]): string {
  const mac = createHmac('sha256', localKey());
  for (const p of parts) mac.update(p);
  return mac.digest('hex');
}

/** The key at `path` when it is a regular file of this user, 32 bytes, readable and writable by no one else. */
function readKey(path: string): Buffer | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink put there by someone else is not a key.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== KEY_BYTES) return undefined;
    if (process.platform !== 'win32') {
      if ((st.mode & 0o077) !== 0) return undefined;
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    }
    const buf = Buffer.alloc(KEY_BYTES);
    return readSync(fd, buf, 0, KEY_BYTES, 0) === KEY_BYTES ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes the key file: written whole under a temporary name, then linked to its name, which fails when
 * another process made one first (that one is then read). Undefined when the folder cannot be written.
 */
function makeKey(path: string): Buffer | undefined {
  const dir = join(path, '..');
  const tmp = join(dir, `.${KEY_FILE_NAME}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || (process.platform !== 'win32' && (st.mode & 0o022) !== 0)) return undefined;
    const key = randomBytes(KEY_BYTES);
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, key);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch {
      return undefined;
    }
    return key;
  } catch {
    return undefined;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* never made, or already gone */
    }
  }
}
