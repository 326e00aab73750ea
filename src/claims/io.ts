import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import type { Article, ArticleMeta, Claim, Problem, ReferenceDate, Result, Sentence } from '../types';
import { EXTRACTOR_VERSION } from '../version';
import { CLAIMS_FORMAT, CLAIMS_SCHEMA } from './schema';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit } from '../util/stable';
import { writeFileAtomic } from '../util/fs-atomic';
import { authenticate } from '../util/local-key';
import { oneLine } from '../util/control';
import { MAX_YAML_BYTES, placeWithin, readRegularFile, readRegularText, resolvesWithin } from '../util/safe-read';
import { computeLineStarts } from '../text/span';
import { parseYamlInput } from '../text/yaml-input';
import { splitSentences } from '../lang/sentences';
import { readerFor } from '../text/reader';
import { languageFingerprint } from '../lang/load';

/** One article's claims as stored: enough to compare without the article text. */
export interface ClaimsFile {
  /** The extractor that made the claims (EXTRACTOR_VERSION). */
  extractor: string;
  /** Fingerprint of the language data the extractors read (lang/load.ts languageFingerprint); a hand-written file may leave it out. */
  language?: string;
  article: {
    id: string;
    /** Path of the article file relative to the claims file's folder, when known. */
    file?: string;
    sha256: string;
    length: number;
    /** Where the body starts (after front matter); 0 when not given. */
    bodyStart?: number;
    /**
     * The article's sentences, "start-end" each, space-separated: "0-54 55-120". A hand-written file may
     * leave them out: they are then found in the article text when it is at hand.
     */
    sentences?: string;
    referenceDate: ReferenceDate | null;
    meta: ArticleMeta;
  };
  claims: Claim[];
}

/** `[{start: 0, end: 54}, {start: 55, end: 120}]` -> "0-54 55-120". */
export function encodeSentences(sentences: readonly Sentence[]): string {
  return sentences.map((s) => `${s.start}-${s.end}`).join(' ');
}

/** "0-54 55-120" -> `[{start: 0, end: 54}, {start: 55, end: 120}]`. */
export function decodeSentences(s: string): Sentence[] {
  if (!s) return [];
  return s.split(' ').map((pair) => {
    const dash = pair.indexOf('-');
    return { start: Number(pair.slice(0, dash)), end: Number(pair.slice(dash + 1)) };
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Claims file path for an article id: "world/a.md" -> "<dir>/world/a.md.yaml". Refuses ids that climb out. */
export function claimsPathFor(dir: string, articleId: string): string {
  const parts = articleId.split('/');
  if (!isStoreId(articleId)) {
    throw new Error(`article id ${JSON.stringify(articleId)} cannot name a claims file inside ${dir}`);
  }
  return join(dir, ...parts) + '.yaml';
}

/** True when `articleId` names a file inside a folder: "world/a.md", not "../a.md", "/etc/passwd" or "c:x". */
export function isStoreId(articleId: string): boolean {
  return articleId !== '' && !articleId.split('/').some((p) => p === '..' || p === '' || p === '.') && !/^[a-zA-Z]:|^[\\/]/.test(articleId);
}

function claimsBody(article: Article, claims: readonly Claim[], claimsDir: string) {
  return {
    format: CLAIMS_FORMAT,
    extractor: EXTRACTOR_VERSION,
    language: languageFingerprint(),
    article: {
      id: article.id,
      file: relative(resolve(claimsPathFor(claimsDir, article.id), '..'), article.path).split(sep).join('/'),
      sha256: sha256(article.text),
      length: article.text.length,
      bodyStart: article.bodyStart,
      sentences: encodeSentences(article.sentences),
      referenceDate: article.referenceDate,
      meta: article.meta,
    },
    // `source` is the file's own article: not repeated on every claim.
    claims: claims.map(({ source: _source, ...rest }) => stripUndefined(rest)),
  };
}

/**
 * The ClaimsFile that reading back `serializeClaims(article, claims, claimsDir)` gives, without writing
 * and parsing YAML: what a store writer knows of the files it has just written. Strings are made
 * well-formed as UTF-8 makes them on disk (a lone surrogate becomes U+FFFD).
 */
export function claimsFileOf(article: Article, claims: readonly Claim[], claimsDir: string): ClaimsFile {
  const file = JSON.parse(JSON.stringify(claimsBody(article, claims, claimsDir)), (_k, v: unknown) =>
    typeof v === 'string' && /[\ud800-\udfff]/.test(v) ? Buffer.from(v, 'utf8').toString('utf8') : v,
  ) as ClaimsFile;
  for (const c of file.claims) c.source = file.article.id;
  return file;
}

/** The YAML text of a claims file: a header comment, then format, article and claims. */
export function serializeClaims(article: Article, claims: readonly Claim[], claimsDir: string): string {
  const body = claimsBody(article, claims, claimsDir);
  const header =
    `# corroborate claims for ${oneLine(article.id)}\n` +
    `# Offsets are [start, end) into the article text as read; line and column are 1-based.\n` +
    `# Edit by hand if you like, then run: corroborate validate <this folder>\n`;
  return header + stringify(body, { lineWidth: 0, aliasDuplicateObjects: false });
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile(CLAIMS_SCHEMA);

/**
 * Parses and validates one claims file. Every problem names the file, line and column. When the
 * article file the claims point at is at hand, inside `articleRoot` and unchanged, each span's text is
 * checked against it; without `articleRoot` no article file is read.
 */
export function parseClaimsFile(displayName: string, source: string, absPath?: string, articleRoot?: string): Result<ClaimsFile> {
  const parsed = parseYamlInput(source, displayName);
  if (!parsed.ok) return parsed;
  const { doc, data, lineStarts } = parsed.value;
  const made = madeElsewhere(data);
  if (made) return { ok: false, error: [{ file: displayName, ...locateInYaml(doc, source, made.pointer, { lineStarts }), message: made.message }] };
  if (!validateSchema(data)) {
    const problems = new Map<string, Problem>();
    for (const err of bestErrors(validateSchema.errors ?? [])) {
      const key = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
      const where = locateInYaml(doc, source, err.instancePath, { key, lineStarts });
      const path = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'file';
      const message = key ? `${path}: unknown key "${key}"` : `${path}: ${err.message}${allowed(err.params)}`;
      problems.set(`${where.line}:${where.column}:${message}`, { file: displayName, ...where, message });
    }
    return { ok: false, error: [...problems.values()] };
  }
  const file = data as unknown as ClaimsFile;
  const found = contentProblems(file, articleTextFor(file, absPath, articleRoot));
  if (found.length) {
    return {
      ok: false,
      error: found.map((p) => ({ file: displayName, ...locateInYaml(doc, source, p.pointer, { lineStarts }), message: p.message })),
    };
  }
  for (const c of file.claims) c.source = file.article.id;
  return { ok: true, value: file };
}

/**
 * Why claims written as `data` cannot be read with this corroborate's claims: another claims format,
 * another extractor or other language data made them. Undefined when they can (or when `data` is no claims file at all: the
 * schema says what is wrong then).
 */
function madeElsewhere(data: unknown): { pointer: string; message: string } | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as { format?: unknown; extractor?: unknown; language?: unknown };
  const again = 'extract the articles again (corroborate extract ARTICLES --out THIS-FOLDER)';
  if (typeof d.format === 'string' && d.format.startsWith('corroborate/claims@') && d.format !== CLAIMS_FORMAT) {
    return { pointer: '/format', message: `claims written as ${d.format}; this corroborate reads ${CLAIMS_FORMAT}: ${again}` };
  }
  if (d.format === CLAIMS_FORMAT && typeof d.extractor === 'string' && d.extractor !== EXTRACTOR_VERSION) {
    return { pointer: '/extractor', message: `claims made by extractor ${d.extractor}; this corroborate extracts with ${EXTRACTOR_VERSION}: ${again}` };
  }
  if (d.format === CLAIMS_FORMAT && typeof d.language === 'string' && d.language !== languageFingerprint()) {
    return { pointer: '/language', message: `claims made by language data ${d.language}; this corroborate reads ${languageFingerprint()} (lang/en changed): ${again}` };
  }
  return undefined;
}

/** The article's text when the claims file at `absPath` names it, it is at hand, and it is the text the claims were made from. */
function articleTextFor(file: ClaimsFile, absPath: string | undefined, articleRoot: string | undefined): string | undefined {
  if (!absPath || !file.article.file || articleRoot === undefined) return undefined;
  const t = readStoredArticle(absPath, file.article.file, articleRoot);
  return t !== undefined && sha256(t) === file.article.sha256 ? t : undefined;
}

/**
 * The text of the article a claims file at `claimsAbs` names (`file`, relative to the claims file's
 * folder), read only when it resolves inside `articleRoot` (symlinks resolved) and is a regular file of
 * bounded size: a claims file saying `file: ../../../dev/zero` or naming a FIFO is not followed, nor
 * one naming `/etc/passwd` through `../`. `outside` says whether it was refused for its place.
 */
export function readStoredArticle(claimsAbs: string, file: string, articleRoot: string): string | undefined {
  return storedArticle(claimsAbs, file, articleRoot).text;
}

function storedArticle(claimsAbs: string, file: string, articleRoot: string): { text?: string; outside: boolean } {
  const path = resolve(claimsAbs, '..', file);
  const place = placeWithin(articleRoot, path);
  if (place === 'outside') return { outside: true };
  return { text: place === 'inside' ? readRegularText(path) : undefined, outside: false };
}

/**
 * The folder a store's claims files may name article files in: `given` (`--root`) when there is one,
 * else the folder holding the store, so claims in `news/claims/` read articles under `news/` (where
 * `extract news/articles --out news/claims` put them). Never taken from what the claims files say: whoever
 * writes most of a store cannot move it.
 */
export function articleRootFor(storeDir: string, given?: string, cwd = process.cwd()): string {
  return given !== undefined ? resolve(cwd, given) : dirname(resolve(cwd, storeDir));
}

/** A notice for each claims file of the store at `storeDir` whose `article.file` lies outside `articleRoot`. */
export function outsideArticleRoot(files: readonly ClaimsFile[], storeDir: string, articleRoot: string, cwd: string): Problem[] {
  const out: Problem[] = [];
  for (const f of files) {
    if (!f.article.file) continue;
    const claimsAbs = claimsPathFor(storeDir, f.article.id);
    if (placeWithin(articleRoot, resolve(claimsAbs, '..', f.article.file)) === 'outside') {
      out.push(outsideRootNotice(relative(cwd, claimsAbs).split(sep).join('/'), f.article.file, articleRoot, cwd));
    }
  }
  return out;
}

/** The notice for a claims file whose `article.file` lies outside the article root (its text is not read). */
export function outsideRootNotice(shownClaimsFile: string, file: string, articleRoot: string, cwd: string): Problem {
  const root = relative(cwd, articleRoot).split(sep).join('/') || '.';
  return {
    file: shownClaimsFile,
    line: 1,
    column: 1,
    message: `article.file ${JSON.stringify(file)} lies outside the article root ${JSON.stringify(root)}; not read (--root names the folder the articles are in)`,
  };
}

/** What the schema cannot say: kinds, duplicate ids, span lengths and, with the article text, span texts. */
function contentProblems(file: ClaimsFile, text: string | undefined): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  // "id: ../../etc/passwd" would make check, gate and review write or read outside the store.
  if (!isStoreId(file.article.id)) {
    problems.push({ pointer: '/article/id', message: `article.id ${JSON.stringify(file.article.id)} must be a relative path inside the folder (no "..", ".", empty or absolute parts)` });
  }
  const ids = new Set<string>();
  file.claims.forEach((c, i) => {
    const fail = (sub: string, message: string) => problems.push({ pointer: `/claims/${i}${sub}`, message: `claims.${i}: ${message}` });
    if (c.kind !== c.value.type) fail('/kind', `kind "${c.kind}" does not match value type "${c.value.type}"`);
    if (ids.has(c.id)) fail('/id', `duplicate claim id "${c.id}"`);
    ids.add(c.id);
    if (c.span.end < c.span.start) fail('/span', `span end ${c.span.end} is before start ${c.span.start}`);
    else if (c.span.end - c.span.start !== c.span.text.length) {
      fail('/span/text', `span [${c.span.start}, ${c.span.end}) is ${c.span.end - c.span.start} characters but its text has ${c.span.text.length}`);
    } else if (c.span.end > file.article.length) {
      fail('/span/end', `span end ${c.span.end} is past the article's end (${file.article.length})`);
    } else if (text !== undefined && text.slice(c.span.start, c.span.end) !== c.span.text) {
      fail('/span/text', `span text ${JSON.stringify(c.span.text)} is not what the article has there (${JSON.stringify(text.slice(c.span.start, c.span.end))})`);
    }
  });
  return problems;
}

/**
 * True when a claims file held in another form than its YAML (the store index's JSON copy, a writer's
 * own data) passes every check `parseClaimsFile` makes after parsing: the schema, and the claims against
 * each other and against the article at hand. `absPath` is the claims file's path. Sets each claim's `source`.
 */
export function claimsFileHolds(file: ClaimsFile, absPath: string, articleRoot?: string): boolean {
  if (!validateSchema(stripSources(file))) return false;
  if (contentProblems(file, articleTextFor(file, absPath, articleRoot)).length) return false;
  for (const c of file.claims) c.source = file.article.id;
  return true;
}

/** An `if` failure only says which branch applied; the branch's own errors say what is wrong. */
function bestErrors(errors: NonNullable<typeof validateSchema.errors>) {
  return errors.filter((e) => e.keyword !== 'if');
}

function allowed(params: Record<string, unknown>): string {
  if (Array.isArray(params.allowedValues)) return ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return '';
}

/** A claims file found in a store folder, with what `stat` said before it was read. */
export interface ListedClaimsFile {
  abs: string;
  /** Path relative to the store folder, `/`-separated. */
  rel: string;
  size: number;
  mtimeMs: number;
  /** Why it cannot be read (a dangling symlink, a FIFO): reading it reports this, naming the file. */
  unreadable?: string;
}

/** How a claims store is read: what to do with symlinks and with files that cannot be read. */
export interface StoreReadOptions {
  /** Follow symlinks that lead out of the store (default: skipped with a notice). */
  followSymlinks?: boolean;
  /** Receives a notice for each symlink skipped. */
  notices?: Problem[];
  /**
   * Leave out claims files that cannot be read, parsed or validated, their problems pushed here
   * (`--skip-unreadable`); without it, such a file fails the load.
   */
  skipped?: Problem[];
  /**
   * Article files named by claims files are read only inside this folder (`--root`; by default the
   * folder holding the store, see `articleRootFor`), and their text is used only when its SHA-256 is the
   * one the claims file states.
   */
  articleRoot?: string;
  /** Called as claims files are read: done of total (a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

/** Every `*.yaml` under `dir` (recursively), sorted. */
export function listClaimsFiles(dir: string, options: StoreReadOptions = {}): string[] {
  return listClaimsFilesWithStats(dir, options).map((f) => f.abs);
}

/** A claims file's name: `*.yaml` or `*.yml`; `decisions.yaml` at the top holds editors' decisions, not claims. */
function isClaimsFileName(name: string, top: boolean): boolean {
  return (name.endsWith('.yaml') || name.endsWith('.yml')) && !(top && name === 'decisions.yaml');
}

/**
 * Every `*.yaml` under `dir` (recursively), sorted, with size and modification time: one `lstat` per
 * entry, which the walk needs anyway to tell folders from files. Dot-files and dot-folders are skipped
 * (the store's own `.corroborate-*` files and temporary files among them). A symlink is followed only
 * when it stays inside the store (or with `followSymlinks`); one out of it is skipped with a notice. A
 * claims file that cannot be looked at (a dangling symlink, a FIFO) is listed as unreadable, so
 * the reader fails on it by name instead of the store looking smaller than it is.
 */
export function listClaimsFilesWithStats(dir: string, options: StoreReadOptions = {}): ListedClaimsFile[] {
  const out: ListedClaimsFile[] = [];
  const storeReal = realOr(dir);
  // Depth first in name order with an explicit stack: a store 2,000 folders deep is neither a stack
  // overflow nor a realpath of every level. A folder already open further up (by device:inode) is a loop.
  const open = new Set<string>();
  const stack: { d: string; prefix: string; key: string; names: string[]; next: number }[] = [];
  const enter = (d: string, prefix: string, st: { dev: number; ino: number }) => {
    const key = `${st.dev}:${st.ino}`;
    if (open.has(key)) return;
    open.add(key);
    stack.push({ d, prefix, key, names: readdirSync(d).sort(byCodeUnit), next: 0 });
  };
  enter(dir, '', statSync(dir));
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.names.length) {
      open.delete(frame.key);
      stack.pop();
      continue;
    }
    const { d, prefix } = frame;
    const name = frame.names[frame.next++];
    if (name.startsWith('.')) continue;
    const abs = join(d, name);
    const rel = prefix + name;
    let st = lstatSync(abs);
    if (st.isSymbolicLink()) {
      let target;
      try {
        target = statSync(abs);
      } catch (err) {
        if (isClaimsFileName(name, d === dir)) out.push({ abs, rel, size: -1, mtimeMs: 0, unreadable: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}: a dangling symlink?)` });
        continue;
      }
      if (!options.followSymlinks && !resolvesWithin(storeReal, abs)) {
        options.notices?.push({ file: rel, line: 1, column: 1, message: 'symlink to outside the claims folder; skipped (--follow-symlinks follows it)' });
        continue;
      }
      st = target;
    }
    if (st.isDirectory()) enter(abs, `${rel}/`, st);
    else if (isClaimsFileName(name, d === dir)) {
      if (st.isFile()) out.push({ abs, rel, size: st.size, mtimeMs: st.mtimeMs });
      else out.push({ abs, rel, size: -1, mtimeMs: 0, unreadable: 'not a regular file (a device, FIFO or socket)' });
    }
  }
  return out;
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * True when `dir` is a claims folder, told by the names of what it holds (no file is opened): it holds
 * a file named as a claims file names an article (`world/a.md.yaml`, `b.txt.yml`), or it holds `.yaml`
 * files and no article (`.md`, `.txt`). A claims file that cannot be read still makes its folder a
 * claims folder, so reading it fails by name instead of the folder passing for one with no articles.
 */
export function isClaimsFolder(dir: string): boolean {
  let yaml = false;
  let articles = false;
  let named = false;
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const lower = e.name.toLowerCase();
      if (e.isDirectory()) {
        if (depth < 32) walk(join(d, e.name), depth + 1);
      } else if (/\.(md|txt)\.ya?ml$/.test(lower)) named = true;
      else if (lower.endsWith('.md') || lower.endsWith('.txt')) articles = true;
      else if (isClaimsFileName(lower, d === dir) && lower !== 'corpus.yaml') yaml = true;
    }
  };
  walk(dir, 0);
  return named || (yaml && !articles);
}

/** Parsed claims files kept beside the store, keyed by the SHA-256 of each file's YAML text. */
export const CLAIMS_CACHE_FILE = '.corroborate-cache.json';
const CACHE_FORMAT = 'corroborate/claims-cache@2';

interface ClaimsCacheData {
  format: typeof CACHE_FORMAT;
  /** HMAC-SHA256 of `entries` (as written) under this user's key: a cache someone else wrote or edited is not used. */
  mac: string;
  entries: Record<string, { sha256: string; file: ClaimsFile }>;
}

/** The cache file's text: the MAC line, then the entries as JSON (the bytes the MAC covers). */
function cacheText(entries: ClaimsCacheData['entries']): string {
  const body = JSON.stringify(entries);
  return `{"format":${JSON.stringify(CACHE_FORMAT)},"mac":"${authenticate(CACHE_FORMAT, '\n', body)}",\n"entries":${body}}`;
}

function readCache(dir: string): Map<string, { sha256: string; file: ClaimsFile }> {
  try {
    const text = readRegularText(join(dir, CLAIMS_CACHE_FILE));
    if (text === undefined) return new Map();
    const nl = text.indexOf('\n"entries":');
    const head = /^\{"format":"([^"]*)","mac":"([0-9a-f]{64})",$/.exec(text.slice(0, nl));
    if (nl < 0 || !head || head[1] !== CACHE_FORMAT || !text.endsWith('}')) return new Map();
    const body = text.slice(nl + '\n"entries":'.length, -1);
    if (authenticate(CACHE_FORMAT, '\n', body) !== head[2]) return new Map();
    const entries = JSON.parse(body) as ClaimsCacheData['entries'];
    if (typeof entries !== 'object' || entries === null) return new Map();
    return new Map(Object.entries(entries));
  } catch {
    return new Map();
  }
}

/** A claims file read from a store: the listing's stat, the SHA-256 of its text, and the parsed file. */
export interface ReadClaimsFile extends ListedClaimsFile {
  sha256: string;
  file: ClaimsFile;
}

/** The parsed-store cache of `dir`, ready to serve `readListedClaimsFile`; `save` rewrites it when anything changed. */
export class ClaimsCache {
  private readonly old: Map<string, { sha256: string; file: ClaimsFile }>;
  private readonly next: { entries: ClaimsCacheData['entries'] } = { entries: Object.create(null) as ClaimsCacheData['entries'] };
  private changed = false;

  constructor(private readonly dir: string) {
    this.old = readCache(dir);
  }

  /** The cached parse of the file at `rel` when its text still has this SHA-256 and passes the schema. */
  get(rel: string, hash: string): ClaimsFile | undefined {
    const hit = this.old.get(rel);
    if (!hit || hit.sha256 !== hash || !validateSchema(stripSources(hit.file))) return undefined;
    for (const c of hit.file.claims) c.source = hit.file.article.id;
    this.next.entries[rel] = hit;
    return hit.file;
  }

  put(rel: string, hash: string, file: ClaimsFile): void {
    this.next.entries[rel] = { sha256: hash, file };
    this.changed = true;
  }

  /** Writes the cache (atomically) when a file was parsed or one went away; a read-only store is left alone. */
  save(): void {
    if (!this.changed && this.old.size === Object.keys(this.next.entries).length) return;
    try {
      writeFileAtomic(join(this.dir, CLAIMS_CACHE_FILE), cacheText(this.next.entries));
    } catch {
      /* a read-only store still loads; it is only slower next time */
    }
  }
}

/**
 * Reads one listed claims file, hashes its text and parses it (or takes it from `cache`). The stat in
 * `listed` was taken before the read, so a file replaced in between is at worst seen as changed next time.
 */
export function readListedClaimsFile(listed: ListedClaimsFile, cwd: string, cache?: ClaimsCache, articleRoot?: string): Result<ReadClaimsFile> {
  const source = readListedText(listed, cwd);
  if (!source.ok) return source;
  return parseListedClaimsFile(listed, source.value, sha256(source.value), cwd, cache, articleRoot);
}

/** The text of a listed claims file, or the problem (file:1:1) that it cannot be read. */
export function readListedText(listed: ListedClaimsFile, cwd: string): Result<string> {
  const shown = relative(cwd, listed.abs).split(sep).join('/');
  if (listed.unreadable) return { ok: false, error: [{ file: shown, line: 1, column: 1, message: listed.unreadable }] };
  const r = readRegularFile(listed.abs, MAX_YAML_BYTES, 'YAML file');
  if (!r.ok) return { ok: false, error: [{ file: shown, line: 1, column: 1, message: r.message }] };
  return { ok: true, value: r.bytes.toString('utf8') };
}

/** `readListedClaimsFile` for a caller that has already read the file's text and hashed it. */
export function parseListedClaimsFile(listed: ListedClaimsFile, source: string, hash: string, cwd: string, cache?: ClaimsCache, articleRoot?: string): Result<ReadClaimsFile> {
  const hit = cache?.get(listed.rel, hash);
  if (hit) return { ok: true, value: { ...listed, sha256: hash, file: hit } };
  const parsed = parseClaimsFile(relative(cwd, listed.abs).split(sep).join('/'), source, listed.abs, articleRoot);
  if (!parsed.ok) return parsed;
  cache?.put(listed.rel, hash, parsed.value);
  return { ok: true, value: { ...listed, sha256: hash, file: parsed.value } };
}

/**
 * Reads and validates every claims file in `dir`; all problems of all files are returned together.
 * With `cache`, a file whose YAML text is unchanged since the last run (same SHA-256) is taken from
 * `.corroborate-cache.json` in the store instead of being parsed again; the cache is still checked
 * against the schema, and rewritten (atomically) when anything changed. Files come in listing order
 * (sorted by path).
 */
export function readClaimsFolder(dir: string, cwd = process.cwd(), options: { cache?: boolean } & StoreReadOptions = {}): Result<ReadClaimsFile[]> {
  const problems: Problem[] = [];
  const files: ReadClaimsFile[] = [];
  const cache = options.cache ? new ClaimsCache(dir) : undefined;
  const all = listClaimsFilesWithStats(dir, options);
  const articleRoot = options.articleRoot ?? articleRootFor(dir);
  for (let i = 0; i < all.length; i++) {
    const listed = all[i];
    options.onProgress?.(i, all.length);
    const r = readListedClaimsFile(listed, cwd, cache, articleRoot);
    if (r.ok) files.push(r.value);
    else if (options.skipped) options.skipped.push(...r.error);
    else problems.push(...r.error);
  }
  if (problems.length) return { ok: false, error: problems };
  cache?.save();
  return { ok: true, value: files };
}

/**
 * Reads and validates every claims file in `dir` (see `readClaimsFolder`), sorted by article id.
 * Parsing YAML is most of the cost of loading a large store.
 */
export function loadClaimsFolder(dir: string, cwd = process.cwd(), options: { cache?: boolean } & StoreReadOptions = {}): Result<ClaimsFile[]> {
  const read = readClaimsFolder(dir, cwd, options);
  if (!read.ok) return read;
  const files = read.value.map((f) => f.file);
  files.sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  return { ok: true, value: files };
}

/** The claims file as the schema sees it: claims carry no `source` on disk. */
function stripSources(file: ClaimsFile): unknown {
  const { source: _file, claims, ...rest } = file as ClaimsFile & { source?: unknown };
  return { format: CLAIMS_FORMAT, ...rest, claims: claims.map(({ source: _s, ...c }) => c) };
}

/**
 * The folder the stored articles' ids are relative to: a claims file for id `world/a.md` whose article
 * file is `/news/articles/world/a.md` says `/news/articles`. The most common answer wins; none without paths.
 */
export function inferRoot(stored: readonly { article: { id: string; file?: string } }[], storeDir: string): string | undefined {
  const votes = new Map<string, number>();
  // "../articles/world/a.md" for id "world/a.md": the root is "../articles/" from the claims file's folder.
  // Ids have no "." or ".." parts, so that prefix says it all; one path resolution per distinct prefix.
  const prefixes = new Map<string, string>();
  for (const f of stored) {
    const file = f.article.file;
    if (!file) continue;
    const id = f.article.id;
    if (plainId(id) && file.endsWith(id) && (file.length === id.length || file[file.length - id.length - 1] === '/')) {
      const key = `${id.slice(0, id.lastIndexOf('/') + 1)}\0${file.slice(0, file.length - id.length)}`;
      let root = prefixes.get(key);
      if (root === undefined) {
        root = resolve(dirname(claimsPathFor(storeDir, id)), file.slice(0, file.length - id.length) || '.');
        prefixes.set(key, root);
      }
      votes.set(root, (votes.get(root) ?? 0) + 1);
      continue;
    }
    const abs = resolve(dirname(claimsPathFor(storeDir, f.article.id)), file);
    const rel = f.article.id.split('/');
    const parts = abs.split(/[\\/]/);
    const tail = parts.slice(parts.length - rel.length);
    if (tail.join('/') !== rel.join('/')) continue;
    const root = resolve(abs, ...rel.map(() => '..'));
    votes.set(root, (votes.get(root) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [root, n] of [...votes.entries()].sort((a, b) => byCodeUnit(a[0], b[0]))) {
    if (best === undefined || n > votes.get(best)!) best = root;
  }
  return best;
}

/** An id `claimsPathFor` takes as it is: `/`-separated plain names, no drive, no backslash, no "." or "..". */
function plainId(id: string): boolean {
  return !/^[a-zA-Z]:/.test(id) && !id.includes('\\') && id.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

/**
 * An Article without text, standing in for one whose claims were read from a claims file (its text when
 * at hand inside `articleRoot`). An `article.file` outside the root adds a notice to `outside.notices`.
 */
export function articleFromClaims(file: ClaimsFile, claimsDir: string, articleRoot: string, outside?: { cwd: string; notices: Problem[] }): Article {
  let text = '';
  if (file.article.file) {
    const claimsAbs = claimsPathFor(claimsDir, file.article.id);
    const found = storedArticle(claimsAbs, file.article.file, articleRoot);
    if (found.outside && outside) outside.notices.push(outsideRootNotice(relative(outside.cwd, claimsAbs).split(sep).join('/'), file.article.file, articleRoot, outside.cwd));
    const t = found.text;
    if (t !== undefined && sha256(t) === file.article.sha256) text = t;
  }
  const reader = readerFor(file.article.id, text, file.article.bodyStart ?? 0);
  return {
    id: file.article.id,
    path: file.article.file ?? file.article.id,
    text,
    reader,
    bodyStart: file.article.bodyStart ?? 0,
    meta: file.article.meta ?? {},
    referenceDate: file.article.referenceDate ?? null,
    // Stored, so that claims in one sentence are told apart as when the articles are read.
    sentences:
      file.article.sentences !== undefined ? decodeSentences(file.article.sentences) : text ? splitSentences(reader, file.article.bodyStart ?? 0) : [],
    lineStarts: computeLineStarts(text),
  };
}
