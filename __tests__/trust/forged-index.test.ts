import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FILE } from '../../src/gate/store-index';
import { KEY_FILE_NAME, authenticate } from '../../src/util/local-key';
import { removeTempDirs } from '../gate/helpers';
import { corroborate, modeOf, newsroom, privateKeyFolder } from './helpers';

/*
 * The store index is derived from the YAML claims files and sits in a folder others can write to. A
 * forger who changes a figure in an index record and recomputes every plain hash in the file must not
 * change what the gate finds: only an index authenticated with this user's key is used.
 */

let keyDir: string;
beforeAll(() => {
  keyDir = privateKeyFolder();
});
afterAll(removeTempDirs);

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

interface Forgery {
  /** What goes in the header's `mac` once the body is rewritten. */
  mac: (fingerprint: string, format: string, body: Buffer) => string;
  /** The header's format (a forger may also claim the old, unauthenticated format). */
  format?: string;
}

/**
 * Rewrites the index as a forger would: every `1200` in the records becomes `1020`, each record's
 * hash in the file table is recomputed, the body's length and check too.
 */
function forge(dir: string, f: Forgery): void {
  const path = join(dir, 'claims', INDEX_FILE);
  const text = readFileSync(path);
  const nl1 = text.indexOf(10);
  const nl2 = text.indexOf(10, nl1 + 1);
  const header = JSON.parse(text.subarray(0, nl1).toString('utf8'));
  const body = JSON.parse(text.subarray(nl1 + 1, nl2).toString('utf8'));
  const records = text.subarray(nl2 + 1).toString('utf8').replace(/1200/g, '1020');
  const buf = Buffer.from(records, 'utf8');
  body.files.rec = body.files.rec.map((r: string | 0) => {
    if (r === 0) return 0;
    const [at, length, hash] = r.split(',');
    return `${at},${length},${sha(buf.subarray(Number(at), Number(at) + Number(length))).slice(0, hash.length)}`;
  });
  const bodyBytes = Buffer.from(JSON.stringify(body), 'utf8');
  const format = f.format ?? header.format;
  const forged = { format, fingerprint: header.fingerprint, bodyBytes: bodyBytes.length, mac: f.mac(header.fingerprint, format, bodyBytes), body: sha(bodyBytes) };
  writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify(forged) + '\n'), bodyBytes, Buffer.from('\n'), buf]));
}

const FORGERIES: [string, Forgery][] = [
  ['its MAC replaced by a plain SHA-256 of the body', { mac: (_fp, _fmt, body) => sha(body) }],
  ['its MAC left as it was (the body changed under it)', { mac: () => '' }],
  ['claiming the old format, checked by a plain SHA-256', { format: 'corroborate/store-index@1', mac: (_fp, _fmt, body) => sha(body) }],
  ['its MAC made with another user\'s key', { mac: (fp, fmt, body) => createHash('sha256').update('someone else').update(`${fmt}\n${fp}\n`).update(body).digest('hex') }],
];

async function indexedStore(): Promise<string> {
  const dir = newsroom();
  // The first gate builds the index (and fails: the new article says 1,020 where the store says 1,200).
  const first = await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--format', 'json');
  expect(first.code).toBe(1);
  expect(existsSync(join(dir, 'claims', INDEX_FILE))).toBe(true);
  expect(readFileSync(join(dir, 'claims', INDEX_FILE), 'utf8')).toContain('"low":1200');
  return dir;
}

describe('a forged store index', () => {
  test.each(FORGERIES)('%s: the gate still reads 1,200 and fails', async (_name, forgery) => {
    const dir = await indexedStore();
    forge(dir, forgery);
    expect(readFileSync(join(dir, 'claims', INDEX_FILE), 'utf8')).not.toContain('"low":1200');
    const r = await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary.conflict).toBe(1);
    // The same as a full load of the YAML, and as validate says.
    const full = await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--format', 'json', '--no-index');
    expect(full.code).toBe(1);
    expect(r.stdout).toBe(full.stdout);
    // The gate rebuilt the index from the YAML: it is authentic again and says 1,200.
    expect(readFileSync(join(dir, 'claims', INDEX_FILE), 'utf8')).toContain('"low":1200');
  });

  test('control: the same edit authenticated with this user\'s key is what the gate reads (so the key is what stops a forger)', async () => {
    const dir = await indexedStore();
    forge(dir, { mac: (fp, fmt, body) => authenticate(`${fmt}\n${fp}\n`, body) });
    const r = await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--format', 'json');
    expect(r.code).toBe(0);
  });

  test('the key is a file of this user alone (0600 in a 0700 folder)', async () => {
    await indexedStore();
    const key = join(keyDir, 'corroborate', KEY_FILE_NAME);
    expect(readFileSync(key).length).toBe(32);
    expect(modeOf(key)).toBe(0o600);
    expect(modeOf(join(keyDir, 'corroborate'))).toBe(0o700);
  });
});
