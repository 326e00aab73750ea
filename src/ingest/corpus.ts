import { existsSync, lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import ignore from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { DEFAULT_MAX_ARTICLE_BYTES, isWithin, readNeededText, readRegularFile, realPath, resolvesWithin } from '../util/safe-read';
import { Failure } from '../util/problem';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseYamlInput } from '../text/yaml-input';
import Ajv from 'ajv';
import type { Article, ArticleMeta, Problem } from '../types';
import { buildArticle } from './article';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit } from '../util/stable';

/** File names corroborate reads as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;
/** In the working folder: files left out (gitignore syntax), as `--ignore-pattern` leaves them out. */
export const IGNORE_FILE = '.corroborateignore';
/** The input that means "one article from standard input". */
export const STDIN_INPUT = '-';
/** Optional per-corpus metadata file beside the articles. */
export const CORPUS_FILE = 'corpus.yaml';

export interface Corpus {
  /** Folder ids are relative to (the folder given, or the working folder for a list of files). */
  root: string;
  /** Sorted by id. */
  articles: Article[];
  /**
   * Files that cannot be read as articles (unreadable, a dangling symlink, not a regular file, binary, not
   * UTF-8, bad front matter): left out here; the commands fail on them unless told to skip them.
   */
  warnings: Problem[];
  /**
   * Left out with a notice, never failing the run: symlinks not followed (out of the folder given, or a
   * loop), and special files (a FIFO, socket or device) found in a folder or by a pattern: not articles.
   */
  notices: Problem[];
}

export interface CorpusOptions {
  /** Follow symlinks that lead out of the folder given (or, for files named one by one, the working folder). */
  followSymlinks?: boolean;
  /** Articles larger than this many bytes are left out with a warning naming the limit (`--max-article-bytes`). */
  maxArticleBytes?: number;
  /** Called as articles are read: done of total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The article given as `-`: its text, read from standard input by the caller, and the file name it goes
   * by (`--stdin-filename`: its id, and its extension tells the format; `stdin.txt` without one).
   */
  stdin?: { text: string; filename?: string };
  /** Patterns in gitignore syntax, relative to the working folder, on top of its `.corroborateignore`. */
  ignorePatterns?: readonly string[];
}

/** The id of the article read from standard input when no `--stdin-filename` names it. */
export const STDIN_ID = 'stdin.txt';

/**
 * Whether a file or folder is left out: `.corroborateignore` of the working folder and `--ignore-pattern`,
 * matched against the path relative to the working folder ("drafts/" leaves out drafts/a.md). A path
 * outside the working folder is never left out.
 */
function ignoreFilter(cwd: string, patterns: readonly string[]): (abs: string, isDir: boolean) => boolean {
  const ig = ignore();
  const file = join(cwd, IGNORE_FILE);
  if (existsSync(file)) {
    // Read as every input is: a FIFO or /dev/zero named .corroborateignore is refused, never waited on.
    const text = readNeededText(file, IGNORE_FILE, DEFAULT_MAX_ARTICLE_BYTES, 'ignore file');
    if (!text.ok) throw new Failure(text.error);
    ig.add(text.value);
  }
  ig.add([...patterns]);
  return (abs, isDir) => {
    const rel = relative(cwd, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    return ig.ignores(toId(rel) + (isDir ? '/' : ''));
  };
}

function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/**
 * The glob walker (fdir, under tinyglobby) lists only regular files, folders and symlinks it can resolve:
 * a FIFO `articles/pipe.md` or a dangling symlink `articles/gone.md` matching 'articles/*.md' would
 * vanish without a word. Shown to it as files, they are matched like any other name (hidden files and
 * ignores still apply), and `loadCorpus` then says what they are: a special file is left out with a
 * notice, a dangling symlink fails the run as one named would.
 */
const SHOW_EVERY_ENTRY = {
  readdirSync: ((path: string, options: { withFileTypes: true }) =>
    readdirSync(path, options).map((e: Dirent) => (e.isFile() || e.isDirectory() || (e.isSymbolicLink() && existsSync(join(path, e.name))) ? e : asFile(e)))) as unknown as typeof readdirSync,
};

function asFile(e: Dirent): Dirent {
  return Object.assign(Object.create(Object.getPrototypeOf(e) as object) as Dirent, e, {
    isFile: () => true,
    isDirectory: () => false,
    isSymbolicLink: () => false,
  });
}

/**
 * A pattern given in quotes ('articles/**\/*.md'), expanded here: its article files, sorted, hidden files,
 * node_modules and ignored files left out. A name that exists is never a pattern ("notes[1].md"). `found`
 * tells a file a pattern found from one named on the command line.
 */
function expandInputs(inputs: readonly string[], cwd: string, ignored: (abs: string, isDir: boolean) => boolean, problems: Problem[]): { input: string; found: boolean }[] {
  const out: { input: string; found: boolean }[] = [];
  for (const input of inputs) {
    if (input === STDIN_INPUT || existsSync(resolve(cwd, input)) || !isDynamicPattern(input)) {
      out.push({ input, found: false });
      continue;
    }
    const found = globSync(input.split(sep).join('/'), { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false, fs: SHOW_EVERY_ENTRY })
      .filter((f) => isArticleName(f) && !ignored(resolve(cwd, f), false))
      .sort(byCodeUnit);
    if (!found.length) problems.push({ file: input, line: 1, column: 1, message: 'no article file matches this pattern' });
    out.push(...found.map((f) => ({ input: f, found: true })));
  }
  return out;
}


/**
 * Reads articles from a folder (recursively; hidden entries, node_modules and symlink loops skipped) or
 * from a list of files. Article id = path relative to the folder given, `/`-separated.
 */
export function loadCorpus(inputs: readonly string[], cwd = process.cwd(), options: CorpusOptions = {}): Corpus {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const notices: Problem[] = [];
  const files: { abs: string; id: string }[] = [];
  const follow = Boolean(options.followSymlinks);
  const ignored = ignoreFilter(cwd, options.ignorePatterns ?? []);
  const fromStdin: { id: string; path: string; text: string }[] = [];
  let root = cwd;
  if (inputs.length === 1 && inputs[0] !== STDIN_INPUT && isDirectory(resolve(cwd, inputs[0]))) {
    root = resolve(cwd, inputs[0]);
    walk(root, root, { out: files, warnings, notices, follow, top: realPath(root) ?? root, ignored });
  } else {
    for (const { input, found } of expandInputs(inputs, cwd, ignored, problems)) {
      if (input === STDIN_INPUT) {
        if (!options.stdin) {
          problems.push({ file: STDIN_INPUT, line: 1, column: 1, message: 'standard input is not available here' });
          continue;
        }
        const name = options.stdin.filename;
        const path = name !== undefined ? resolve(cwd, name) : STDIN_ID;
        fromStdin.push({ id: name !== undefined ? toId(relative(cwd, path)) : STDIN_ID, path, text: options.stdin.text });
        continue;
      }
      const abs = resolve(cwd, input);
      let lst;
      try {
        lst = lstatSync(abs);
      } catch {
        problems.push({ file: input, line: 1, column: 1, message: 'no such file or folder' });
        continue;
      }
      // A file named on the command line may be a symlink a pull request added (articles/p.md -> /etc/passwd):
      // it must lead to a file inside the working folder (or, given from elsewhere, inside its own folder).
      const id = toId(relative(cwd, abs));
      const base = isWithin(cwd, abs) ? cwd : dirname(abs);
      if (!existsSync(abs)) {
        warnings.push({ file: id, line: 1, column: 1, message: 'cannot be read (a dangling symlink); skipped' });
      } else if (isDirectory(abs)) {
        walk(abs, cwd, { out: files, warnings, notices, follow, top: realPath(abs) ?? abs, ignored });
      } else if (lst.isSymbolicLink() && !follow && !resolvesWithin(base, abs)) {
        notices.push({ file: id, line: 1, column: 1, message: `symlink to outside ${base === cwd ? 'the working folder' : 'its folder'}; skipped (--follow-symlinks follows it)` });
      } else if (found && !isRegularFile(abs)) {
        // 'articles/*.md' matching a FIFO articles/pipe.md: not an article, and nobody named it. Named on
        // the command line, the same FIFO is read and refused (exit 2).
        notices.push({ file: id, line: 1, column: 1, message: `${NOT_AN_ARTICLE}; skipped` });
      } else {
        files.push({ abs, id });
      }
    }
  }
  if (problems.length) throw new Failure(problems);
  const corpusMeta = readCorpusFiles(files, root);
  const articles: Article[] = [];
  const seen = new Set<string>();
  const all: { abs: string; id: string; text?: string }[] = [...files, ...fromStdin.map((f) => ({ abs: f.path, id: f.id, text: f.text }))];
  all.sort((a, b) => byCodeUnit(a.id, b.id));
  for (let i = 0; i < all.length; i++) {
    const { abs, id, text: given } = all[i];
    options.onProgress?.(i, all.length);
    if (seen.has(id)) continue;
    seen.add(id);
    const text = given ?? readText(abs, id, warnings, options.maxArticleBytes);
    if (text === null) continue;
    const result = buildArticle(id, abs, text, corpusMeta.get(abs) ?? {});
    if (result.ok) articles.push(result.value);
    else warnings.push(...result.error.map((p) => ({ ...p, message: `${p.message}; skipped` })));
  }
  if (problems.length) throw new Failure(problems);
  return { root, articles, warnings, notices };
}

function toId(rel: string): string {
  return rel.split(sep).join('/');
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Why a special file found in a folder or by a pattern is left out. */
const NOT_AN_ARTICLE = 'not a regular file (a device, FIFO or socket), so not an article';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

interface Walk {
  out: { abs: string; id: string }[];
  warnings: Problem[];
  /** Symlinks not followed and special files: left out with a notice. */
  notices: Problem[];
  follow: boolean;
  /** Left out by `.corroborateignore` or `--ignore-pattern`. */
  ignored: (abs: string, isDir: boolean) => boolean;
  /** The folder given, symlinks resolved: what a symlink must stay inside. */
  top: string;
}

/** A folder being read: its entries, the next one to look at, and its device:inode while it is open. */
interface Frame {
  dir: string;
  key: string;
  entries: string[];
  next: number;
}

/**
 * Every article under `start`, depth first in name order, with an explicit stack: a folder 2,000 levels
 * deep is neither a stack overflow nor a `realpath` of every level. A folder is a symlink loop when its
 * device:inode is already open further up (articles/a/up -> articles).
 */
function walk(start: string, root: string, w: Walk): void {
  const open = new Set<string>();
  const stack: Frame[] = [];
  const enter = (dir: string, st: { dev: number; ino: number } | undefined): void => {
    const shown = toId(relative(root, dir)) || '.';
    let entries: string[];
    try {
      st ??= statSync(dir);
      entries = readdirSync(dir);
    } catch {
      w.warnings.push({ file: shown, line: 1, column: 1, message: 'folder cannot be read; skipped' });
      return;
    }
    const key = `${st.dev}:${st.ino}`;
    if (open.has(key)) {
      w.notices.push({ file: shown, line: 1, column: 1, message: 'symlink loop; skipped' });
      return;
    }
    open.add(key);
    stack.push({ dir, key, entries: entries.sort(byCodeUnit), next: 0 });
  };
  enter(start, undefined);
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.entries.length) {
      open.delete(frame.key);
      stack.pop();
      continue;
    }
    const name = frame.entries[frame.next++];
    if (name.startsWith('.') || name === 'node_modules') continue;
    const abs = join(frame.dir, name);
    const id = toId(relative(root, abs));
    const isArticle = isArticleName(name);
    let st;
    try {
      st = lstatSync(abs);
      if (st.isSymbolicLink()) {
        // articles/p.txt -> /etc/passwd would put a file of the machine into the report.
        const target = statSync(abs);
        if (!w.follow && !resolvesWithin(w.top, abs)) {
          if (target.isDirectory() || isArticle) w.notices.push({ file: id, line: 1, column: 1, message: 'symlink to outside the folder; skipped (--follow-symlinks follows it)' });
          continue;
        }
        st = target;
      }
    } catch {
      if (isArticle) w.warnings.push({ file: id, line: 1, column: 1, message: 'cannot be read (a dangling symlink?); skipped' });
      continue;
    }
    if (w.ignored(abs, st.isDirectory())) continue;
    if (st.isDirectory()) enter(abs, st);
    else if (isArticle) {
      // articles/pipe.md a FIFO (or a socket, or a device node): nothing to read, and no article.
      if (st.isFile()) w.out.push({ abs, id });
      else w.notices.push({ file: id, line: 1, column: 1, message: `${NOT_AN_ARTICLE}; skipped` });
    }
  }
}

/**
 * The file's text as UTF-8, or null with a warning for a file that is gone, binary (NUL bytes),
 * or not valid UTF-8. A UTF-16 file with a byte-order mark is decoded as UTF-16.
 */
export function readText(abs: string, id: string, warnings: Problem[], maxBytes = DEFAULT_MAX_ARTICLE_BYTES): string | null {
  const read = readRegularFile(abs, maxBytes, '--max-article-bytes');
  if (!read.ok) {
    warnings.push({ file: id, line: 1, column: 1, message: `${read.message}; skipped` });
    return null;
  }
  const bytes = read.bytes;
  // UTF-32 before UTF-16: the UTF-32 LE mark FF FE 00 00 starts with the UTF-16 LE one.
  const utf32 = utf32Order(bytes);
  if (utf32) {
    const text = decodeUtf32(bytes, utf32 === 'le');
    if (text === undefined) warnings.push({ file: id, line: 1, column: 1, message: 'not valid UTF-32; skipped' });
    return text ?? null;
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

/** 'le' or 'be' when `bytes` start with a UTF-32 byte-order mark. */
function utf32Order(bytes: Buffer): 'le' | 'be' | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'le';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'be';
  return undefined;
}

/**
 * UTF-32 text after its byte-order mark (which is dropped, as TextDecoder drops the others), or undefined
 * when the length is not a multiple of 4 or a code point is out of range or a surrogate.
 */
function decodeUtf32(bytes: Buffer, le: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 4; i < bytes.length; i += 4) {
    const cp = le ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0) return undefined;
    chunk.push(cp);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
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
    const read = readNeededText(file, id);
    if (!read.ok) {
      problems.push(...read.error);
      continue;
    }
    const source = read.value;
    // Dates stay strings: `published: 2025-09-21` is not turned into a Date by the core schema.
    const parsed = parseYamlInput(source, id, { version: '1.2', schema: 'core' });
    if (!parsed.ok) {
      problems.push(...parsed.error);
      continue;
    }
    const { doc, data } = parsed.value;
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
