/**
 * The claims store's index (`.corroborate-index.json`): the engine's blocking buckets, materialized.
 *
 * For every comparator rule it maps each block key to the stored files holding a claim with that key (and
 * how many such claims each holds), and records which stored files take part in the rule at all and which
 * names (`context.entities`) each one's claims carry: the counts the engine's pool-wide statistics need
 * (link.ts topic weights). With it, a gate reads only the claims files its new claims can pair with,
 * and reads them from the index's own JSON copy of each file (parsing YAML costs about 4 ms a file; the
 * copy is checked against the schema and the article as the YAML would be).
 *
 * Layout: a header line (format, fingerprint, length of the body and its MAC), the body line (the file
 * table and the rules' tables, JSON), then one JSON record per claims file, addressed from the file table
 * by byte offset and length and checked by its own hash when read.
 *
 * Staying exact:
 * - Each file is listed with its size and modification time (taken before it was read) and a hash of
 *   its text (128 bits of SHA-256). A gate lists the store (readdir + stat, cheap): a file whose size or time changed is read
 *   and hashed, and parsed again only if its text changed; a file that went away is dropped; a new one is
 *   parsed. A file modified less than RACY_MS before it was indexed is checked by its hash on every run
 *   until a later index write finds it old enough: file times are coarse (a few ms on Linux, 2 s on FAT),
 *   so two writes in one tick could leave the same size and time.
 * - A fingerprint of the rules in force (params and vocabulary), the claims and index formats, MAX_BUCKET
 *   and the code itself (every module beside this one) is kept in the index: any change rebuilds it.
 * - The body is authenticated: the header holds an HMAC-SHA256 of it under this user's key
 *   (src/util/local-key.ts), and the body holds each record's hash. An index anyone else wrote, or one
 *   truncated, damaged or edited (a record saying 1020 where its YAML says 1200, with every hash
 *   recomputed), is rebuilt from the YAML, never trusted; a record that fails its own hash is left aside
 *   and the claims file's YAML read instead.
 * - Block keys and `accepts` must depend only on the claim, the rule and the vocabulary (never on the
 *   pool or the articles). The pool-wide statistics comparators use are the topic weights of link.ts
 *   and the article names of `differentStories`, which the gate seeds from the index's counts (see
 *   `planLoad`, `topicWeightSeeds`, `nameCountsFor`), and title-match's peers of a bare title (titles
 *   of the same surname), which share the new title's `tp:` bucket and so are loaded with it unless that
 *   bucket is over the cap (more than 64 titles of one surname: then a peer may be missing in a gate
 *   and the bare title keeps no body, where a full load might give it one).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, Claim, Comparator, CompareContext, Problem, Result, RuleSet } from '../types';
import { CLAIMS_FORMAT } from '../claims/schema';
import {
  ClaimsCache,
  articleRootFor,
  claimsFileHolds,
  listClaimsFilesWithStats,
  parseListedClaimsFile,
  readListedText,
  sha256,
  type ClaimsFile,
  type ListedClaimsFile,
  type ReadClaimsFile,
  type StoreReadOptions,
} from '../claims/io';
import { comparatorById } from '../compare/comparators';
import { MAX_BUCKET } from '../compare/engine';
import { TOPIC_WEIGHTS, topicWeights, type NameCounts } from '../compare/link';
import { claimsUnder } from '../compare/under-vocabulary';
import { writeFileAtomic } from '../util/fs-atomic';
import { authenticate } from '../util/local-key';
import { byCodeUnit } from '../util/stable';

/** The index file in the claims store. */
export const INDEX_FILE = '.corroborate-index.json';
export const INDEX_FORMAT = 'corroborate/store-index@2';
/** A file modified less than this long before it was indexed is checked by its hash until indexed again. */
export const RACY_MS = 2000;

/** One stored claims file as the index knows it. */
export interface IndexedFile {
  /** Path relative to the store, `/`-separated. */
  path: string;
  /** The article id inside the file. */
  id: string;
  /** The file's `article.file` (where the article lives, relative to the claims file), when given. */
  file?: string;
  size: number;
  mtimeMs: number;
  /** First 32 hex digits of the SHA-256 of the file's text. */
  hash: string;
  /** Modified too shortly before it was indexed for its size and time to prove it unchanged. */
  racy?: true;
  /** Its parsed content in the records part: byte offset, byte length, first 32 hex digits of the record's SHA-256. */
  rec?: { at: number; length: number; hash: string };
}

/**
 * One comparator rule's table. File numbers are positions in `IndexData.files`. Lists are kept encoded
 * (ascending numbers as base-36 gaps, "0,1,1,3"; a key's list gives each file's claim count after a
 * `*` when above one, "3,e*2" = file 3 once, file 17 twice): a gate decodes only the few it needs, and
 * strings parse far faster than arrays of numbers.
 */
export interface RuleTable {
  /** Files with at least one claim this rule compares. */
  sources: string;
  /** Entity -> the files whose compared claims carry it. */
  entities: Record<string, string>;
  /** Block key -> the files holding claims with that key, with counts. */
  keys: Record<string, string>;
}

export interface IndexData {
  files: IndexedFile[];
  /** By rule id, for every comparator rule in force. */
  rules: Record<string, RuleTable>;
}

/** The file table as stored: one array per field, which parses faster than one object per file. */
interface FileColumns {
  path: string[];
  /** 0 when the id is the path without `.yaml`/`.yml`. */
  id: (string | 0)[];
  /** 0: no `article.file`; `+P`: P followed by the id; `=F`: F as it is. */
  file: (string | 0)[];
  size: number[];
  mtimeMs: number[];
  hash: string[];
  /** Numbers of racy files, encoded. */
  racy: string;
  /** `at,length,hash` of each record, or 0. */
  rec: (string | 0)[];
}

interface Header {
  format: string;
  fingerprint: string;
  /** Byte length of the body line. */
  bodyBytes: number;
  /** HMAC-SHA256 under this user's key (src/util/local-key.ts) of the format, fingerprint and body. */
  mac: string;
}

/** What the header's MAC covers: the body holds each record's hash, so the records are covered too. */
function macOf(fingerprint: string, body: Buffer): string {
  return authenticate(`${INDEX_FORMAT}\n${fingerprint}\n`, body);
}

/** The store as indexed right now: every listed file is in `data`, and `read` holds those parsed this run. */
export interface StoreView {
  dir: string;
  /** Article files named by claims are read only inside this folder (`articleRootFor`). */
  articleRoot: string;
  fingerprint: string;
  data: IndexData;
  /** Files read and parsed during this run, by store path. */
  read: Map<string, ClaimsFile>;
  /** The records part kept entries' `rec` point into: of the index read (open until `closeStore`), or of the one written. */
  records: Records;
  /** `data` differs from the index on disk. */
  dirty: boolean;
  /** No usable index was found: every file was read. */
  rebuilt: boolean;
  /** Two files hold the same article id: only a full load says what that means. */
  duplicateIds: boolean;
  /** What the run had to do, for the benchmark and the tests. */
  stats: { listed: number; hashed: number; parsed: number; removed: number };
}

/** Byte ranges of a records part: read from the index file as opened (a rename over it changes nothing), or held in memory. */
export class Records {
  private constructor(
    private fd: number | undefined,
    private readonly start: number,
    private readonly size: number,
    private readonly buffer?: Buffer,
  ) {}

  static none(): Records {
    return new Records(undefined, 0, 0, Buffer.alloc(0));
  }

  static inMemory(buffer: Buffer): Records {
    return new Records(undefined, 0, buffer.length, buffer);
  }

  static inFile(fd: number, start: number, size: number): Records {
    return new Records(fd, start, size);
  }

  /** The bytes of a record when they are all there and hash as the file table says. */
  read(rec: { at: number; length: number; hash: string }): Buffer | undefined {
    const { at, length, hash } = rec;
    if (!Number.isInteger(at) || !Number.isInteger(length) || at < 0 || length < 0 || at + length > this.size) return undefined;
    let bytes: Buffer;
    if (this.buffer) bytes = this.buffer.subarray(at, at + length);
    else if (this.fd !== undefined) {
      bytes = Buffer.alloc(length);
      try {
        if (readSync(this.fd, bytes, 0, length, this.start + at) !== length) return undefined;
      } catch {
        return undefined;
      }
    } else return undefined;
    return shortHash(bytes, RECORD_HASH_DIGITS) === hash ? bytes : undefined;
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = undefined;
  }
}

/** 128 bits: a record that hashes as the authenticated body says is the record that was written. */
const RECORD_HASH_DIGITS = 32;

function shortHash(bytes: Buffer | string, digits: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, digits);
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** "0,1,1,3" -> [0, 1, 2, 5]. */
export function decodeList(s: string | undefined): number[] {
  if (!s) return [];
  let at = 0;
  return s.split(',').map((d) => (at += parseInt(d, 36)));
}

function encodeList(ns: readonly number[]): string {
  let at = 0;
  return ns
    .map((n) => {
      const gap = n - at;
      at = n;
      return gap.toString(36);
    })
    .join(',');
}

/** "3,e*2" -> [3, 1, 17, 2]: file, claims, file, claims. */
export function decodePostings(s: string | undefined): number[] {
  if (!s) return [];
  const out: number[] = [];
  let at = 0;
  for (const part of s.split(',')) {
    const star = part.indexOf('*');
    at += parseInt(star < 0 ? part : part.slice(0, star), 36);
    out.push(at, star < 0 ? 1 : parseInt(part.slice(star + 1), 10));
  }
  return out;
}

function encodePostings(pairs: readonly number[]): string {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const gap = (pairs[i] - at).toString(36);
    at = pairs[i];
    out.push(pairs[i + 1] > 1 ? `${gap}*${pairs[i + 1]}` : gap);
  }
  return out.join(',');
}

let codeHash: string | undefined;

/**
 * SHA-256 of every module of corroborate (the `.js` or `.ts` files beside this folder), once per process:
 * new code may key claims differently, so an index written by other code is rebuilt.
 */
function codeFingerprint(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort(byCodeUnit)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`);
      else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) hash.update(`${prefix}${name}\0`).update(readFileSync(abs)).update('\0');
    }
  };
  try {
    walk(resolve(__dirname, '..'), '');
  } catch {
    hash.update(`unreadable:${Date.now()}:${Math.random()}`);
  }
  return (codeHash = hash.digest('hex'));
}

/** Everything block keys and pool statistics depend on, hashed: rules, vocabulary, formats, code. */
export function indexFingerprint(rules: RuleSet): string {
  const v = rules.vocabulary;
  const sorted = <T>(xs: Iterable<[string, T]>) => [...xs].sort((a, b) => byCodeUnit(a[0], b[0]));
  const state = {
    index: INDEX_FORMAT,
    claims: CLAIMS_FORMAT,
    maxBucket: MAX_BUCKET,
    code: codeFingerprint(),
    rules: rules.rules.map((r) => ({ id: r.id, extends: r.extends, appliesTo: r.appliesTo, params: r.params })),
    data: rules.data.map((r) => ({ id: r.id, extends: r.extends, params: r.params })),
    vocabulary: {
      paraphrases: v.paraphrases,
      spellings: sorted(v.spellings),
      aliases: sorted(v.aliases),
      predicates: sorted(v.predicates),
      reportingVerbs: [...v.reportingVerbs].sort(byCodeUnit),
    },
  };
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

/** Compares two hex strings in time independent of where they differ. */
function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The index on disk when it is whole and was written for this fingerprint; undefined otherwise. */
export function readIndex(dir: string, fingerprint: string): IndexData | undefined {
  const found = readOnDisk(dir, fingerprint);
  found?.records.close();
  return found?.data;
}

/** Reads up to `length` bytes at `position`; fewer at the end of the file. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Header and body of the index file, and its records part left on disk (read on demand). */
function readOnDisk(dir: string, fingerprint: string): { data: IndexData; records: Records } | undefined {
  let fd: number;
  try {
    // Non-blocking: an index file someone replaced with a FIFO opens at once and fails the isFile test.
    fd = openSync(join(dir, INDEX_FILE), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  let keep = false;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const size = st.size;
    const head = readAt(fd, 0, Math.min(size, 4096));
    const nl = head.indexOf(10);
    if (nl < 0) return undefined;
    const header = JSON.parse(head.subarray(0, nl).toString('utf8')) as Header;
    if (header?.format !== INDEX_FORMAT || header.fingerprint !== fingerprint || !Number.isInteger(header.bodyBytes) || header.bodyBytes < 0) return undefined;
    const bodyAt = nl + 1;
    const recordsAt = bodyAt + header.bodyBytes + 1;
    if (recordsAt > size) return undefined;
    const body = readAt(fd, bodyAt, header.bodyBytes + 1);
    if (body.length !== header.bodyBytes + 1 || body[header.bodyBytes] !== 10) return undefined;
    const bodyBytes = body.subarray(0, header.bodyBytes);
    if (typeof header.mac !== 'string' || !sameHex(macOf(fingerprint, bodyBytes), header.mac)) return undefined;
    const data = fromColumns(JSON.parse(bodyBytes.toString('utf8')) as { files: FileColumns; rules: Record<string, RuleTable> });
    if (!data) return undefined;
    keep = true;
    return { data, records: Records.inFile(fd, recordsAt, size - recordsAt) };
  } catch {
    return undefined;
  } finally {
    if (!keep) closeSync(fd);
  }
}

/** The body as stored -> IndexData; undefined when its shape is wrong (a writer's bug: the hash rules out damage). */
function fromColumns(body: { files: FileColumns; rules: Record<string, RuleTable> }): IndexData | undefined {
  const c = body?.files;
  if (!c || typeof body.rules !== 'object' || body.rules === null) return undefined;
  const n = Array.isArray(c.path) ? c.path.length : -1;
  const cols = [c.id, c.file, c.size, c.mtimeMs, c.hash, c.rec];
  if (n < 0 || cols.some((col) => !Array.isArray(col) || col.length !== n) || typeof c.racy !== 'string') return undefined;
  const racy = new Set(decodeList(c.racy));
  const files: IndexedFile[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const path = c.path[i];
    const id = c.id[i] === 0 ? path.replace(/\.ya?ml$/, '') : c.id[i];
    const file = c.file[i];
    if (typeof path !== 'string' || typeof id !== 'string' || typeof c.size[i] !== 'number' || typeof c.mtimeMs[i] !== 'number' || typeof c.hash[i] !== 'string') return undefined;
    const e: IndexedFile = { path, id, size: c.size[i], mtimeMs: c.mtimeMs[i], hash: c.hash[i] };
    if (typeof file === 'string') e.file = file[0] === '+' ? file.slice(1) + id : file.slice(1);
    if (racy.has(i)) e.racy = true;
    const rec = c.rec[i];
    if (typeof rec === 'string') {
      const [at, length, hash] = rec.split(',');
      e.rec = { at: Number(at), length: Number(length), hash: hash ?? '' };
    }
    files[i] = e;
  }
  for (const t of Object.values(body.rules)) {
    if (!t || typeof t.sources !== 'string' || typeof t.entities !== 'object' || typeof t.keys !== 'object' || !t.entities || !t.keys) return undefined;
  }
  return { files, rules: body.rules };
}

function toColumns(files: readonly IndexedFile[]): FileColumns {
  const c: FileColumns = { path: [], id: [], file: [], size: [], mtimeMs: [], hash: [], racy: '', rec: [] };
  const racy: number[] = [];
  files.forEach((e, i) => {
    c.path.push(e.path);
    c.id.push(e.path.replace(/\.ya?ml$/, '') === e.id ? 0 : e.id);
    c.file.push(e.file === undefined ? 0 : e.file.endsWith(`/${e.id}`) ? `+${e.file.slice(0, e.file.length - e.id.length)}` : `=${e.file}`);
    c.size.push(e.size);
    c.mtimeMs.push(e.mtimeMs);
    c.hash.push(e.hash);
    if (e.racy) racy.push(i);
    c.rec.push(e.rec ? `${e.rec.at},${e.rec.length},${e.rec.hash}` : 0);
  });
  c.racy = encodeList(racy);
  return c;
}

/** The claims file of entry `e` from the records part, when its record is there, whole, and still holds. */
export function recordOf(view: StoreView, e: IndexedFile): ClaimsFile | undefined {
  const bytes = e.rec ? view.records.read(e.rec) : undefined;
  if (!bytes) return undefined;
  try {
    const file = JSON.parse(bytes.toString('utf8')) as ClaimsFile;
    return claimsFileHolds(file, join(view.dir, ...e.path.split('/')), view.articleRoot) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Lets go of the index file the view reads its records from. */
export function closeStore(view: StoreView): void {
  view.records.close();
}

/**
 * Writes the view's index atomically when it changed: the records of kept files are copied from the
 * index read, those of files read this run are made from their parsed content. A store that cannot be
 * written is left as it is.
 */
export function saveIndex(view: StoreView): boolean {
  if (!view.dirty) return true;
  const parts: Buffer[] = [];
  let at = 0;
  const files = view.data.files.map((e) => {
    const parsed = view.read.get(e.path);
    // A kept record is copied only when whole: a damaged one would not survive the text round trip of the write.
    const bytes = parsed ? Buffer.from(JSON.stringify(withoutSources(parsed)), 'utf8') : e.rec ? view.records.read(e.rec) : undefined;
    const { rec: _rec, ...rest } = e;
    if (!bytes) return rest;
    const entry: IndexedFile = { ...rest, rec: { at, length: bytes.length, hash: parsed ? shortHash(bytes, RECORD_HASH_DIGITS) : e.rec!.hash } };
    parts.push(bytes, NEWLINE);
    at += bytes.length + 1;
    return entry;
  });
  const data: IndexData = { files, rules: view.data.rules };
  const body = Buffer.from(JSON.stringify({ files: toColumns(files), rules: data.rules }), 'utf8');
  const header: Header = { format: INDEX_FORMAT, fingerprint: view.fingerprint, bodyBytes: body.length, mac: macOf(view.fingerprint, body) };
  const records = Buffer.concat(parts);
  try {
    // Every part is UTF-8 made by JSON.stringify (lone surrogates escaped), so the text round trip keeps the bytes.
    writeFileAtomic(join(view.dir, INDEX_FILE), Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body, NEWLINE, records]).toString('utf8'));
  } catch {
    return false;
  }
  view.records.close();
  view.records = Records.inMemory(records);
  view.data = data;
  view.dirty = false;
  return true;
}

const NEWLINE = Buffer.from('\n', 'utf8');

/** A claims file as its record holds it: claims without `source` (the file's own article). */
function withoutSources(file: ClaimsFile): unknown {
  const { claims, ...rest } = file;
  return { ...rest, claims: claims.map(({ source: _s, ...c }) => c) };
}

/** What one file adds to one rule's table. */
interface Contribution {
  keys: Map<string, number>;
  entities: Set<string>;
}

const contexts = new WeakMap<RuleSet, Map<string, { comparator: Comparator; ctx: CompareContext }>>();

/** The comparator and a context (no articles, no pool: keys must not need them) for each comparator rule, by id. */
function ruleContexts(rules: RuleSet): Map<string, { comparator: Comparator; ctx: CompareContext }> {
  let m = contexts.get(rules);
  if (!m) {
    m = new Map();
    for (const rule of rules.rules) {
      const comparator = comparatorById(rule.extends);
      if (comparator) m.set(rule.id, { comparator, ctx: { rule, vocabulary: rules.vocabulary, articles: new Map(), memo: new Map() } });
    }
    contexts.set(rules, m);
  }
  return m;
}

/** The claims a rule compares, as the engine's pool filter picks them (read with the vocabulary, as the engine reads them). */
function compared(claims: readonly Claim[], comparator: Comparator, ctx: CompareContext): Claim[] {
  return claimsUnder(claims, ctx.vocabulary).filter((c) => ctx.rule.appliesTo.includes(c.kind) && (comparator.accepts?.(c, ctx) ?? true));
}

/** Per rule id: the keys (with claim counts) and entities of a file's compared claims; rules it has none for are left out. */
function contributionsOf(claims: readonly Claim[], rules: RuleSet): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  for (const [id, { comparator, ctx }] of ruleContexts(rules)) {
    const pool = compared(claims, comparator, ctx);
    if (!pool.length) continue;
    const keys = new Map<string, number>();
    const entities = new Set<string>();
    for (const c of pool) {
      for (const k of new Set(comparator.blockKeys(c, ctx))) keys.set(k, (keys.get(k) ?? 0) + 1);
      for (const e of c.context.entities) entities.add(e);
    }
    out.set(id, { keys, entities });
  }
  return out;
}

export interface OpenOptions extends StoreReadOptions {
  /** Parsed-store cache (`--cache`) for the files that must be parsed. */
  cache?: boolean;
  /** Files this process has just written, by store path: their text's SHA-256 and content, not read back. */
  known?: ReadonlyMap<string, { sha256: string; file: ClaimsFile }>;
  /** Only keep a usable index current: without one, give up (undefined) and leave the building to a gate. */
  onlyIfIndexed?: boolean;
  /** Clock for the racy check (tests). */
  now?: number;
  /** Called when a step without a count starts (building the index); its answer is called when it ends. */
  onStep?: (step: string) => () => void;
}

/** The index's hash of a file's text: the first 32 hex digits of its SHA-256. */
function fileHash(sha: string): string {
  return sha.slice(0, 32);
}

/**
 * Lists the store, checks the index against it, reads what changed behind its back, and returns the
 * store as indexed now. Without a usable index every file is parsed (the cost of a full load). Problems
 * in files that had to be parsed are returned as a full load would return them. The view holds the index
 * file open for its records: `closeStore` when done.
 */
export function openStore(dir: string, rules: RuleSet, cwd: string, options: OpenOptions = {}): Result<StoreView | undefined> {
  const fingerprint = indexFingerprint(rules);
  const disk = readOnDisk(dir, fingerprint);
  try {
    const opened = openWith(dir, rules, cwd, options, fingerprint, disk);
    if (!opened.ok || !opened.value) disk?.records.close();
    return opened;
  } catch (err) {
    disk?.records.close();
    throw err;
  }
}

function openWith(
  dir: string,
  rules: RuleSet,
  cwd: string,
  options: OpenOptions,
  fingerprint: string,
  disk: { data: IndexData; records: Records } | undefined,
): Result<StoreView | undefined> {
  const old = disk?.data;
  if (!old && options.onlyIfIndexed) return { ok: true, value: undefined };
  const listed = listClaimsFilesWithStats(dir, options);
  const articleRoot = options.articleRoot ?? articleRootFor(dir);
  const now = options.now ?? Date.now();
  const racy = (l: ListedClaimsFile) => now - l.mtimeMs < RACY_MS;
  const oldAt = new Map((old?.files ?? []).map((f, i) => [f.path, i]));
  const cache = options.cache ? new ClaimsCache(dir) : undefined;
  const problems: Problem[] = [];
  /** Kept entries (maybe with a fresh stat) and the old position of each. */
  const kept: { entry: IndexedFile; was: number }[] = [];
  const fresh: ReadClaimsFile[] = [];
  const stats = { listed: listed.length, hashed: 0, parsed: 0, removed: 0 };
  let touched = false;

  for (let i = 0; i < listed.length; i++) {
    const l = listed[i];
    options.onProgress?.(i, listed.length);
    const known = options.known?.get(l.rel);
    if (known) {
      fresh.push({ ...l, sha256: known.sha256, file: known.file });
      continue;
    }
    const was = oldAt.get(l.rel);
    const e = was === undefined ? undefined : old!.files[was];
    if (e && !e.racy && e.size === l.size && e.mtimeMs === l.mtimeMs) {
      kept.push({ entry: e, was: was! });
      continue;
    }
    const text = readListedText(l, cwd);
    if (!text.ok) {
      (options.skipped ?? problems).push(...text.error);
      continue;
    }
    const source = text.value;
    const hash = sha256(source);
    stats.hashed++;
    if (e && e.hash === fileHash(hash)) {
      const entry: IndexedFile = { ...e, size: l.size, mtimeMs: l.mtimeMs };
      if (racy(l)) entry.racy = true;
      else delete entry.racy;
      if (entry.size !== e.size || entry.mtimeMs !== e.mtimeMs || entry.racy !== e.racy) touched = true;
      kept.push({ entry, was: was! });
      continue;
    }
    const r = parseListedClaimsFile(l, source, hash, cwd, cache, articleRoot);
    stats.parsed++;
    if (r.ok) fresh.push(r.value);
    else (options.skipped ?? problems).push(...r.error);
  }
  if (problems.length) return { ok: false, error: problems };
  cache?.save();
  stats.removed = old ? old.files.length - kept.length - fresh.filter((f) => oldAt.has(f.rel)).length : 0;

  const read = new Map(fresh.map((f) => [f.rel, f.file]));
  let data: IndexData;
  if (old && !fresh.length && !stats.removed && kept.length === old.files.length) {
    // Same files, some with a fresh stat: each keeps its number (the walk's order need not be the index's).
    if (touched) {
      const files = [...old.files];
      for (const k of kept) files[k.was] = k.entry;
      data = { files, rules: old.rules };
    } else data = old;
  } else {
    options.onProgress?.(listed.length, listed.length);
    const building = options.onStep?.(`indexing the claims of ${kept.length + fresh.length} files`);
    try {
      data = rebuild(old, kept, fresh, rules, racy);
    } finally {
      building?.();
    }
    touched = true;
  }
  const ids = new Set<string>();
  let duplicateIds = false;
  for (const f of data.files) {
    if (ids.has(f.id)) duplicateIds = true;
    ids.add(f.id);
  }
  return {
    ok: true,
    value: { dir, articleRoot, fingerprint, data, read, records: disk?.records ?? Records.none(), dirty: touched || !old, rebuilt: !old, duplicateIds, stats },
  };
}

/** A new index from the kept entries of the old one (renumbered) and the files read this run. */
function rebuild(
  old: IndexData | undefined,
  kept: readonly { entry: IndexedFile; was: number }[],
  fresh: readonly ReadClaimsFile[],
  rules: RuleSet,
  racy: (l: ListedClaimsFile) => boolean,
): IndexData {
  type Row = { entry: IndexedFile; was?: number; claims?: Claim[] };
  const rows: Row[] = [
    ...kept.map((k) => ({ entry: k.entry, was: k.was })),
    ...fresh.map((f) => {
      const entry: IndexedFile = { path: f.rel, id: f.file.article.id, size: f.size, mtimeMs: f.mtimeMs, hash: fileHash(f.sha256) };
      if (f.file.article.file !== undefined) entry.file = f.file.article.file;
      if (racy(f)) entry.racy = true;
      return { entry, claims: f.file.claims };
    }),
  ].sort((a, b) => byCodeUnit(a.entry.path, b.entry.path));
  const renumber = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.was !== undefined) renumber.set(r.was, i);
  });
  const contributions = rows.map((r) => (r.claims ? contributionsOf(r.claims, rules) : undefined));

  // Null-prototype records: a key or name such as "__proto__" must be an entry like any other.
  const tables = Object.create(null) as Record<string, RuleTable>;
  for (const id of ruleContexts(rules).keys()) {
    const keys = new Map<string, number[]>();
    const entities = new Map<string, number[]>();
    const sources: number[] = [];
    const oldTable = old ? own(old.rules, id) : undefined;
    if (oldTable) {
      for (const f of decodeList(oldTable.sources)) if (renumber.has(f)) sources.push(renumber.get(f)!);
      for (const [e, list] of Object.entries(oldTable.entities)) {
        const files = decodeList(list)
          .filter((f) => renumber.has(f))
          .map((f) => renumber.get(f)!);
        if (files.length) entities.set(e, files);
      }
      for (const [k, list] of Object.entries(oldTable.keys)) {
        const pairs = decodePostings(list);
        const out: number[] = [];
        for (let i = 0; i + 1 < pairs.length; i += 2) if (renumber.has(pairs[i])) out.push(renumber.get(pairs[i])!, pairs[i + 1]);
        if (out.length) keys.set(k, out);
      }
    }
    contributions.forEach((all, i) => {
      const c = all?.get(id);
      if (!c) return;
      sources.push(i);
      for (const e of c.entities) {
        let l = entities.get(e);
        if (!l) entities.set(e, (l = []));
        l.push(i);
      }
      for (const [k, n] of c.keys) {
        let l = keys.get(k);
        if (!l) keys.set(k, (l = []));
        l.push(i, n);
      }
    });
    // Old and fresh numbers interleave: sort each list, so the index is the same however it was built.
    const table: RuleTable = { sources: encodeList(sources.sort((a, b) => a - b)), entities: Object.create(null), keys: Object.create(null) };
    for (const e of [...entities.keys()].sort(byCodeUnit)) table.entities[e] = encodeList(entities.get(e)!.sort((a, b) => a - b));
    for (const k of [...keys.keys()].sort(byCodeUnit)) table.keys[k] = encodePostings(sortPairs(keys.get(k)!));
    tables[id] = table;
  }
  return { files: rows.map((r) => r.entry), rules: tables };
}

function sortPairs(list: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}

function tableOf(data: IndexData, id: string): RuleTable {
  const table = own(data.rules, id);
  // The fingerprint covers the rule set, so a table is missing only from an index written by a bug.
  if (!table) throw new Error(`store index has no table for rule ${id}`);
  return table;
}

/** What a gate must load to compare its new claims exactly as against the whole store. */
export interface LoadPlan {
  /** Stored files (positions in `IndexData.files`) whose claims share a usable bucket with a new claim. */
  files: number[];
  /** Per rule id: keys of new claims whose bucket over the whole store is over MAX_BUCKET. */
  overfull: Map<string, Set<string>>;
}

/**
 * The stored files a gate must load: for each new claim's block key, the bucket the full store would
 * make (stored claims with that key, less those of replaced files, plus the new claims with it). A
 * bucket of two to MAX_BUCKET claims is loaded whole; a larger one is skipped by the engine in a full
 * load, so it is named in `overfull` to be skipped in the partial load too.
 */
export function planLoad(data: IndexData, rules: RuleSet, newClaims: readonly Claim[], replaced: ReadonlySet<number>): LoadPlan {
  const files = new Set<number>();
  const overfull = new Map<string, Set<string>>();
  for (const [id, { comparator, ctx }] of ruleContexts(rules)) {
    const table = tableOf(data, id);
    const counts = new Map<string, number>();
    for (const c of compared(newClaims, comparator, ctx)) for (const k of new Set(comparator.blockKeys(c, ctx))) counts.set(k, (counts.get(k) ?? 0) + 1);
    const over = new Set<string>();
    for (const [key, fresh] of counts) {
      const list = decodePostings(own(table.keys, key));
      let total = fresh;
      for (let i = 0; i + 1 < list.length; i += 2) if (!replaced.has(list[i])) total += list[i + 1];
      if (total > MAX_BUCKET) over.add(key);
      else if (total >= 2) for (let i = 0; i + 1 < list.length; i += 2) if (!replaced.has(list[i])) files.add(list[i]);
    }
    if (over.size) overfull.set(id, over);
  }
  return { files: [...files].sort((a, b) => a - b), overfull };
}

/**
 * Per rule id, the memo entry holding link.ts's topic weights as the whole store would give them: a name
 * counts less when the claims of every article in the rule's pool carry it. The counts (articles in the
 * pool, articles per name) come from the index, less the replaced files, plus the new articles; they are
 * handed to link.ts's own `topicWeights` as a stand-in pool of that many articles, so its rule is not
 * restated here. Only names on the loaded claims are ever asked about.
 */
export function topicWeightSeeds(
  data: IndexData,
  rules: RuleSet,
  loaded: readonly Claim[],
  newClaims: readonly Claim[],
  replaced: ReadonlySet<number>,
): Map<string, Map<string, unknown>> {
  const seeds = new Map<string, Map<string, unknown>>();
  for (const [id, { comparator, ctx }] of ruleContexts(rules)) {
    const table = tableOf(data, id);
    const fresh = compared(newClaims, comparator, ctx);
    const n = decodeList(table.sources).filter((f) => !replaced.has(f)).length + new Set(fresh.map((c) => c.source)).size;
    const names = new Set<string>();
    for (const c of compared(loaded, comparator, ctx)) for (const e of c.context.entities) names.add(e);
    for (const c of fresh) for (const e of c.context.entities) names.add(e);
    const stand: { source: string; context: { entities: string[] } }[] = [];
    for (let i = 0; i < n; i++) stand.push({ source: String(i), context: { entities: [] } });
    for (const e of [...names].sort(byCodeUnit)) {
      const storedWith = decodeList(own(table.entities, e)).filter((f) => !replaced.has(f)).length;
      const freshWith = new Set(fresh.filter((c) => c.context.entities.includes(e)).map((c) => c.source)).size;
      for (let i = 0; i < Math.min(n, storedWith + freshWith); i++) stand[i].context.entities.push(e);
    }
    const weights = topicWeights({ ...ctx, pool: stand as unknown as Claim[], memo: new Map() });
    seeds.set(id, new Map([[TOPIC_WEIGHTS, weights]]));
  }
  return seeds;
}

/**
 * Whole-store counts of the names around compared claims (link.ts articleNames): how many articles have a
 * compared claim, and how many carry each name, from every rule's table less the replaced files, plus
 * the new articles. A name common across the store is then left out of the loaded articles' names as a
 * full load would leave it out.
 */
export function nameCountsFor(data: IndexData, rules: RuleSet, newClaims: readonly Claim[], replaced: ReadonlySet<number>): NameCounts {
  const tables = [...ruleContexts(rules).keys()].map((id) => tableOf(data, id));
  const fresh = [...ruleContexts(rules).values()].flatMap(({ comparator, ctx }) => compared(newClaims, comparator, ctx));
  const union = (lists: (string | undefined)[]) => {
    const files = new Set<number>();
    for (const l of lists) for (const f of decodeList(l)) if (!replaced.has(f)) files.add(f);
    return files.size;
  };
  const freshWith = (e?: string) => new Set(fresh.filter((c) => e === undefined || c.context.entities.includes(e)).map((c) => c.source)).size;
  const cache = new Map<string, number>();
  return {
    articles: union(tables.map((t) => t.sources)) + freshWith(),
    articlesWith(entity: string): number {
      let n = cache.get(entity);
      if (n === undefined) cache.set(entity, (n = union(tables.map((t) => own(t.entities, entity))) + freshWith(entity)));
      return n;
    },
  };
}

/** The new articles' claims, flat, for planning. */
export function claimsOfArticles(articles: readonly Article[], claims: ReadonlyMap<string, Claim[]>): Claim[] {
  return articles.flatMap((a) => claims.get(a.id) ?? []);
}
