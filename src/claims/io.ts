import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import Ajv from 'ajv';
import { parseDocument, stringify } from 'yaml';
import type { Article, ArticleMeta, Claim, Problem, ReferenceDate, Result } from '../types';
import { CLAIMS_FORMAT, CLAIMS_SCHEMA } from './schema';
import { locateInYaml } from '../util/yaml-locate';
import { byCodeUnit } from '../util/stable';
import { writeFileAtomic } from '../util/fs-atomic';
import { computeLineStarts, lineColumn } from '../text/span';

/** One article's claims as stored: enough to compare without the article text. */
export interface ClaimsFile {
  article: {
    id: string;
    /** Path of the article file relative to the claims file's folder, when known. */
    file?: string;
    sha256: string;
    length: number;
    referenceDate: ReferenceDate | null;
    meta: ArticleMeta;
  };
  claims: Claim[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Claims file path for an article id: "world/a.md" -> "<dir>/world/a.md.yaml". Refuses ids that climb out. */
export function claimsPathFor(dir: string, articleId: string): string {
  const parts = articleId.split('/');
  if (articleId === '' || parts.some((p) => p === '..' || p === '' || p === '.') || /^[a-zA-Z]:|^[\\/]/.test(articleId)) {
    throw new Error(`article id ${JSON.stringify(articleId)} cannot name a claims file inside ${dir}`);
  }
  return join(dir, ...parts) + '.yaml';
}

/** The YAML text of a claims file: a header comment, then format, article and claims. */
export function serializeClaims(article: Article, claims: readonly Claim[], claimsDir: string): string {
  const body = {
    format: CLAIMS_FORMAT,
    article: {
      id: article.id,
      file: relative(resolve(claimsPathFor(claimsDir, article.id), '..'), article.path).split(sep).join('/'),
      sha256: sha256(article.text),
      length: article.text.length,
      referenceDate: article.referenceDate,
      meta: article.meta,
    },
    // `source` is the file's own article: not repeated on every claim.
    claims: claims.map(({ source: _source, ...rest }) => stripUndefined(rest)),
  };
  const header =
    `# corroborate claims for ${article.id}\n` +
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
 * article file the claims point at is at hand and unchanged, each span's text is checked against it.
 */
export function parseClaimsFile(displayName: string, source: string, absPath?: string): Result<ClaimsFile> {
  const lineStarts = computeLineStarts(source);
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      error: doc.errors.map((e) => ({ file: displayName, ...lineColumn(lineStarts, e.pos[0]), message: e.message.split('\n')[0] })),
    };
  }
  const data = doc.toJS() as unknown;
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
  const problems: Problem[] = [];
  let text: string | undefined;
  if (absPath && file.article.file) {
    const articlePath = resolve(absPath, '..', file.article.file);
    if (existsSync(articlePath)) {
      const t = readFileSync(articlePath, 'utf8');
      if (sha256(t) === file.article.sha256) text = t;
    }
  }
  const ids = new Set<string>();
  file.claims.forEach((c, i) => {
    const at = (sub: string) => locateInYaml(doc, source, `/claims/${i}${sub}`, { lineStarts });
    const fail = (sub: string, message: string) => problems.push({ file: displayName, ...at(sub), message: `claims.${i}: ${message}` });
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
  if (problems.length) return { ok: false, error: problems };
  for (const c of file.claims) c.source = file.article.id;
  return { ok: true, value: file };
}

/** An `if` failure only says which branch applied; the branch's own errors say what is wrong. */
function bestErrors(errors: NonNullable<typeof validateSchema.errors>) {
  return errors.filter((e) => e.keyword !== 'if');
}

function allowed(params: Record<string, unknown>): string {
  if (Array.isArray(params.allowedValues)) return ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return '';
}

/** Every `*.yaml` under `dir` (recursively), sorted. */
export function listClaimsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort(byCodeUnit)) {
      if (name.startsWith('.')) continue;
      const abs = join(d, name);
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      // decisions.yaml beside the claims holds editors' decisions (corroborate review), not claims.
      else if ((name.endsWith('.yaml') || name.endsWith('.yml')) && !(d === dir && name === 'decisions.yaml')) out.push(abs);
    }
  };
  walk(dir);
  return out;
}

/** True when `dir` holds claims files and no articles: `check` then compares the stored claims. */
export function isClaimsFolder(dir: string): boolean {
  try {
    const files = listClaimsFiles(dir);
    return files.some((f) => /^format:\s*corroborate\/claims@/m.test(readFileSync(f, 'utf8').slice(0, 4096)));
  } catch {
    return false;
  }
}

/** Parsed claims files kept beside the store, keyed by the SHA-256 of each file's YAML text. */
export const CLAIMS_CACHE_FILE = '.corroborate-cache.json';
const CACHE_FORMAT = 'corroborate/claims-cache@1';

interface ClaimsCache {
  format: typeof CACHE_FORMAT;
  entries: Record<string, { sha256: string; file: ClaimsFile }>;
}

function readCache(dir: string): Map<string, { sha256: string; file: ClaimsFile }> {
  try {
    const data = JSON.parse(readFileSync(join(dir, CLAIMS_CACHE_FILE), 'utf8')) as ClaimsCache;
    if (data?.format !== CACHE_FORMAT || typeof data.entries !== 'object' || data.entries === null) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map();
  }
}

/**
 * Reads and validates every claims file in `dir`; all problems of all files are returned together.
 * With `cache`, a file whose YAML text is unchanged since the last run (same SHA-256) is taken from
 * `.corroborate-cache.json` in the store instead of being parsed again; the cache is still checked
 * against the schema, and rewritten (atomically) when anything changed. Parsing YAML is most of the cost
 * of a gate run against a large store.
 */
export function loadClaimsFolder(dir: string, cwd = process.cwd(), options: { cache?: boolean } = {}): Result<ClaimsFile[]> {
  const problems: Problem[] = [];
  const files: ClaimsFile[] = [];
  const cache = options.cache ? readCache(dir) : new Map<string, { sha256: string; file: ClaimsFile }>();
  const next: ClaimsCache = { format: CACHE_FORMAT, entries: Object.create(null) as ClaimsCache['entries'] };
  let changed = false;
  for (const abs of listClaimsFiles(dir)) {
    const shown = relative(cwd, abs).split(sep).join('/');
    const key = relative(dir, abs).split(sep).join('/');
    const source = readFileSync(abs, 'utf8');
    const hash = options.cache ? sha256(source) : '';
    const hit = cache.get(key);
    if (hit && hit.sha256 === hash && validateSchema(stripSources(hit.file))) {
      for (const c of hit.file.claims) c.source = hit.file.article.id;
      files.push(hit.file);
      next.entries[key] = hit;
      continue;
    }
    const parsed = parseClaimsFile(shown, source, abs);
    if (parsed.ok) {
      files.push(parsed.value);
      next.entries[key] = { sha256: hash, file: parsed.value };
      changed = true;
    } else problems.push(...parsed.error);
  }
  if (problems.length) return { ok: false, error: problems };
  if (options.cache && (changed || cache.size !== Object.keys(next.entries).length)) {
    try {
      writeFileAtomic(join(dir, CLAIMS_CACHE_FILE), JSON.stringify(next));
    } catch {
      /* a read-only store still loads; it is only slower next time */
    }
  }
  files.sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  return { ok: true, value: files };
}

/** The claims file as the schema sees it: claims carry no `source` on disk. */
function stripSources(file: ClaimsFile): unknown {
  return { format: CLAIMS_FORMAT, article: file.article, claims: file.claims.map(({ source: _s, ...rest }) => rest) };
}

/** An Article without text, standing in for one whose claims were read from a claims file. */
export function articleFromClaims(file: ClaimsFile, claimsDir: string): Article {
  let text = '';
  if (file.article.file) {
    const p = resolve(claimsPathFor(claimsDir, file.article.id), '..', file.article.file);
    try {
      const t = readFileSync(p, 'utf8');
      if (sha256(t) === file.article.sha256) text = t;
    } catch {
      /* the article is not at hand: compare from claims alone */
    }
  }
  return {
    id: file.article.id,
    path: file.article.file ?? file.article.id,
    text,
    bodyStart: 0,
    meta: file.article.meta ?? {},
    referenceDate: file.article.referenceDate ?? null,
    sentences: [],
    lineStarts: computeLineStarts(text),
  };
}
