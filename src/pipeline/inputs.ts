import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article, Claim, ExtractionError, Problem, RuleSet } from '../types';
import { STDIN_INPUT, loadCorpus } from '../ingest/corpus';
import { loadRulesFor } from '../rules/loader';
import { formatExtractionError } from '../pipeline';
import { extractWithProgress } from './cli';
import { createProgress } from './progress';
import { loadCurrentClaims } from './stored';
import { isClaimsFolder, articleRootFor, loadClaimsFolder, articleFromClaims, type StoreReadOptions } from '../claims/io';
import { writeFileAtomic } from '../util/fs-atomic';
import { Failure, formatProblem } from '../util/problem';

/**
 * What every command starts from (check, extract, review, gate): where its output goes, its rules, and
 * its inputs read into articles and claims. Below the commands, so that none imports another's module.
 */

/** Exit codes, as CI expects them. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;



export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Standard output is a terminal (colour and the stylish format by default); absent = not one. */
  isTTY?: boolean;
  /** Environment for NO_COLOR and FORCE_COLOR (default: none set). */
  env?: Readonly<Record<string, string | undefined>>;
  /** All of standard input, for an input `-` (the process's own when not given). */
  stdin?: () => string;
}


export function rulesFor(option: string | undefined, io: Io, configFile?: string): RuleSet {
  const loaded = loadRulesFor(option, io.cwd, configFile);
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}

/**
 * Inputs that cannot be read, parsed or validated (articles or claims files) fail the run, exit 2, each
 * named; with `skip` (`--skip-unreadable`) they are left out, and each is still printed, with the count.
 */
export function failOrSkip(io: Io, problems: readonly Problem[], skip: boolean): void {
  if (!problems.length) return;
  if (!skip) throw new Failure(problems.map((p) => ({ ...p, message: p.message.replace(/; skipped$/, '') })));
  for (const p of problems) io.stderr(`warning: ${formatProblem({ ...p, message: p.message.replace(/(; skipped)?$/, '; skipped') })}\n`);
  const files = new Set(problems.map((p) => p.file)).size;
  io.stderr(`warning: ${files} unreadable file${files === 1 ? '' : 's'} skipped (--skip-unreadable)\n`);
}

/**
 * Inputs left out with a notice (symlinks not followed, special files found in a folder, stored
 * articles' files outside the article root): a warning each, unless quiet. They never fail the run.
 */
export function noteSkipped(io: Io, notices: readonly Problem[], quiet: boolean): void {
  if (quiet) return;
  for (const p of notices) io.stderr(`warning: ${formatProblem(p)}\n`);
}

/** How a command reads its inputs. */
export interface InputOptions {
  quiet?: boolean;
  /** Leave out (and print) inputs that cannot be read, parsed or validated, instead of failing (exit 2). */
  skipUnreadable?: boolean;
  /** Follow symlinks out of the folders given. */
  followSymlinks?: boolean;
  jobs?: number;
  /** For a claims folder: the parsed-claims cache. */
  cache?: boolean;
  /** `--max-article-bytes`. */
  maxArticleBytes?: number;
  /** The file name the article read from standard input (`-`) goes by: its id and format. */
  stdinFilename?: string;
  /** Files left out, gitignore syntax (`--ignore-pattern`), on top of `.corroborateignore`. */
  ignorePatterns?: string[];
  /** For a claims folder: the only folder its article files are read in (`--root`; default: the folder holding it). */
  root?: string;
}

export interface Loaded {
  articles: Article[];
  claims: Map<string, Claim[]>;
  /** Folder article ids are relative to. */
  root: string;
  /** Extractors that threw (already written to stderr). */
  errors: ExtractionError[];
}

/** Articles from a folder or files, or stored claims from a claims folder. */
export function loadInputs(inputs: string[], rules: RuleSet, io: Io, options: InputOptions = {}): Loaded {
  const { quiet = false, skipUnreadable = false, followSymlinks = false, jobs, cache = false } = options;
  if (inputs.length === 1) {
    const dir = resolve(io.cwd, inputs[0]);
    if (existsSync(dir) && statSync(dir).isDirectory() && isClaimsFolder(dir)) {
      const errors: ExtractionError[] = [];
      const progress = createProgress({ quiet, label: 'claims files read' });
      const articleRoot = articleRootFor(dir, options.root, io.cwd);
      const read = (): StoreReadOptions => ({ followSymlinks, notices: [], skipped: skipUnreadable ? [] : undefined, articleRoot, onProgress: (done, total) => progress.update(done, total) });
      let how = read();
      let loaded = loadClaimsFolder(dir, io.cwd, { cache, ...how });
      progress.done();
      // Claims made by another format, extractor or language data are extracted again (or refused).
      if (!loaded.ok) loaded = loadCurrentClaims(dir, io.cwd, errors, (how = read()));
      if (!loaded.ok) throw new Failure(loaded.error);
      // Article text is read only inside the article root, never in a place the claims files choose.
      const notices = how.notices ?? [];
      const articles = loaded.value.map((f) => articleFromClaims(f, dir, articleRoot, { cwd: io.cwd, notices }));
      noteSkipped(io, notices, quiet);
      failOrSkip(io, how.skipped ?? [], skipUnreadable);
      for (const e of errors) io.stderr(`${formatExtractionError(e)}\n`);
      return { articles, claims: new Map(loaded.value.map((f) => [f.article.id, f.claims])), root: dir, errors };
    }
  }
  const stdin = inputs.includes(STDIN_INPUT) ? { text: readStdin(io), filename: options.stdinFilename } : undefined;
  const reading = createProgress({ quiet, label: 'articles read' });
  let corpus;
  try {
    corpus = loadCorpus(inputs, io.cwd, {
      followSymlinks,
      stdin,
      ignorePatterns: options.ignorePatterns,
      maxArticleBytes: options.maxArticleBytes,
      onProgress: (done, total) => reading.update(done, total),
    });
  } finally {
    reading.done();
  }
  noteSkipped(io, corpus.notices, quiet);
  failOrSkip(io, corpus.warnings, skipUnreadable);
  const errors: ExtractionError[] = [];
  const claims = extractWithProgress(corpus.articles, { jobs, quiet, errors });
  // Not silenced by --quiet: the report is missing these claims.
  for (const e of errors) io.stderr(`${formatExtractionError(e)}\n`);
  return { articles: corpus.articles, claims, root: corpus.root, errors };
}

/** Standard input as UTF-8 text, a byte-order mark dropped. */
function readStdin(io: Io): string {
  const text = io.stdin ? io.stdin() : readFileSync(0, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function emit(content: string, out: string | undefined, io: Io): void {
  if (out) writeFileAtomic(resolve(io.cwd, out), content);
  else io.stdout(content);
}
