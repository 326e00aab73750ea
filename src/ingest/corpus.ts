import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { Failure } from '../util/problem';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import Ajv from 'ajv';
import type { Article, ArticleMeta, Problem } from '../types';
import { buildArticle } from './article';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit } from '../util/stable';

/** File names corroborate reads as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;
/** Optional per-corpus metadata file beside the articles. */
export const CORPUS_FILE = 'corpus.yaml';

export interface Corpus {
  /** Folder ids are relative to (the folder given, or the working folder for a list of files). */
  root: string;
  /** Sorted by id. */
  articles: Article[];
  /** Files skipped (unreadable, binary, not UTF-8): the run goes on. */
  warnings: Problem[];
}


/**
 * Reads articles from a folder (recursively; hidden entries, node_modules and symlink loops skipped) or
 * from a list of files. Article id = path relative to the folder given, `/`-separated.
 */
export function loadCorpus(inputs: readonly string[], cwd = process.cwd()): Corpus {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files: { abs: string; id: string }[] = [];
  let root = cwd;
  if (inputs.length === 1 && isDirectory(resolve(cwd, inputs[0]))) {
    root = resolve(cwd, inputs[0]);
    walk(root, root, files, warnings, new Set());
  } else {
    for (const input of inputs) {
      const abs = resolve(cwd, input);
      if (!existsSync(abs)) {
        problems.push({ file: input, line: 1, column: 1, message: 'no such file or folder' });
      } else if (isDirectory(abs)) {
        walk(abs, cwd, files, warnings, new Set());
      } else {
        files.push({ abs, id: toId(relative(cwd, abs)) });
      }
    }
  }
  if (problems.length) throw new Failure(problems);
  const corpusMeta = readCorpusFiles(files, root);
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const { abs, id } of files.sort((a, b) => byCodeUnit(a.id, b.id))) {
    if (seen.has(id)) continue;
    seen.add(id);
    const text = readText(abs, id, warnings);
    if (text === null) continue;
    const result = buildArticle(id, abs, text, corpusMeta.get(abs) ?? {});
    if (result.ok) articles.push(result.value);
    else warnings.push(...result.error.map((p) => ({ ...p, message: `${p.message}; skipped` })));
  }
  if (problems.length) throw new Failure(problems);
  return { root, articles, warnings };
}

function toId(rel: string): string {
  return rel.split(sep).join('/');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, root: string, out: { abs: string; id: string }[], warnings: Problem[], visiting: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    warnings.push({ file: toId(relative(root, dir)) || '.', line: 1, column: 1, message: 'folder cannot be read; skipped' });
    return;
  }
  if (visiting.has(real)) {
    warnings.push({ file: toId(relative(root, dir)), line: 1, column: 1, message: 'symlink loop; skipped' });
    return;
  }
  visiting.add(real);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort(byCodeUnit);
  } catch {
    warnings.push({ file: toId(relative(root, dir)) || '.', line: 1, column: 1, message: 'folder cannot be read; skipped' });
    visiting.delete(real);
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const abs = join(dir, name);
    let st;
    try {
      st = statSync(abs);
    } catch {
      warnings.push({ file: toId(relative(root, abs)), line: 1, column: 1, message: 'cannot be read (broken link?); skipped' });
      continue;
    }
    if (st.isDirectory()) walk(abs, root, out, warnings, visiting);
    else if (st.isFile() && ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      out.push({ abs, id: toId(relative(root, abs)) });
    }
  }
  visiting.delete(real);
}

/**
 * The file's text as UTF-8, or null with a warning for a file that is gone, binary (NUL bytes),
 * or not valid UTF-8. A UTF-16 file with a byte-order mark is decoded as UTF-16.
 */
export function readText(abs: string, id: string, warnings: Problem[]): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    warnings.push({ file: id, line: 1, column: 1, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); skipped` });
    return null;
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      warnings.push({ file: id, line: 1, column: 1, message: 'not valid UTF-16; skipped' });
      return null;
    }
  }
  if (bytes.includes(0)) {
    warnings.push({ file: id, line: 1, column: 1, message: 'binary file (NUL bytes); skipped' });
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    warnings.push({ file: id, line: 1, column: 1, message: 'not valid UTF-8; skipped' });
    return null;
  }
}

const CORPUS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['articles'],
  properties: {
    articles: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          title: { type: 'string' },
          outlet: { type: 'string' },
          url: { type: 'string' },
          published: { type: 'string' },
        },
      },
    },
  },
};
const validateCorpus = new Ajv({ allErrors: true }).compile(CORPUS_SCHEMA);

/** Metadata by absolute article path, from every corpus.yaml that sits beside the articles. */
function readCorpusFiles(files: { abs: string }[], root: string): Map<string, ArticleMeta> {
  const byPath = new Map<string, ArticleMeta>();
  const dirs = [...new Set(files.map((f) => dirname(f.abs)))].sort(byCodeUnit);
  const problems: Problem[] = [];
  for (const dir of dirs) {
    const file = join(dir, CORPUS_FILE);
    if (!existsSync(file)) continue;
    const id = toId(relative(root, file)) || CORPUS_FILE;
    const source = readFileSync(file, 'utf8');
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core' });
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ file: id, ...locateOffset(source, e.pos[0]), message: e.message.split('\n')[0] });
      continue;
    }
    // Dates stay strings: `published: 2025-09-21` is not turned into a Date by the core schema.
    const data = doc.toJS({ mapAsMap: false }) as unknown;
    if (!validateCorpus(data)) {
      for (const err of validateCorpus.errors ?? []) {
        const key = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
        const where = locateInYaml(doc, source, err.instancePath, { key });
        const what = key ? `unknown key "${key}"` : `${err.instancePath || 'file'} ${err.message}`;
        problems.push({ file: id, ...where, message: `corpus.yaml: ${what}` });
      }
      continue;
    }
    const articles = (data as { articles: Record<string, ArticleMeta> }).articles;
    for (const name of Object.keys(articles)) {
      byPath.set(join(dir, name), { ...articles[name] });
    }
  }
  if (problems.length) throw new Failure(problems);
  return byPath;
}

function locateOffset(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
