import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article, Claim, ExtractionError, Problem, RuleSet } from '../types';
import { loadCorpus } from '../ingest/corpus';
import { loadRulesFor } from '../rules/loader';
import { formatExtractionError } from '../pipeline';
import { extractWithProgress } from './cli';
import { loadCurrentClaims } from './stored';
import { isClaimsFolder, loadClaimsFolder, articleFromClaims } from '../claims/io';
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
}


export function rulesFor(option: string | undefined, io: Io): RuleSet {
  const loaded = loadRulesFor(option, io.cwd);
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}

/** Prints skipped files; with `strict`, a skipped file fails the run (exit 2) instead. */
function warn(io: Io, problems: Problem[], quiet: boolean, strict = false): void {
  if (!problems.length) return;
  const files = new Set(problems.map((p) => p.file)).size;
  if (strict) throw new Failure(problems.map((p) => ({ ...p, message: p.message.replace(/; skipped$/, '') })));
  if (quiet) return;
  for (const p of problems) io.stderr(`warning: ${formatProblem(p)}\n`);
  io.stderr(`warning: ${files} file${files === 1 ? '' : 's'} skipped\n`);
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
export function loadInputs(inputs: string[], rules: RuleSet, io: Io, quiet: boolean, strict = false, jobs?: number, cache = false): Loaded {
  if (inputs.length === 1) {
    const dir = resolve(io.cwd, inputs[0]);
    if (existsSync(dir) && statSync(dir).isDirectory() && isClaimsFolder(dir)) {
      const errors: ExtractionError[] = [];
      let loaded = loadClaimsFolder(dir, io.cwd, { cache });
      // Claims made by another format, extractor or language data are extracted again (or refused).
      if (!loaded.ok) loaded = loadCurrentClaims(dir, io.cwd, errors);
      if (!loaded.ok) throw new Failure(loaded.error);
      for (const e of errors) io.stderr(`${formatExtractionError(e)}\n`);
      const articles = loaded.value.map((f) => articleFromClaims(f, dir));
      return { articles, claims: new Map(loaded.value.map((f) => [f.article.id, f.claims])), root: dir, errors };
    }
  }
  const corpus = loadCorpus(inputs, io.cwd);
  warn(io, corpus.warnings, quiet, strict);
  const errors: ExtractionError[] = [];
  const claims = extractWithProgress(corpus.articles, { jobs, quiet, errors });
  // Not silenced by --quiet: the report is missing these claims.
  for (const e of errors) io.stderr(`${formatExtractionError(e)}\n`);
  return { articles: corpus.articles, claims, root: corpus.root, errors };
}

export function emit(content: string, out: string | undefined, io: Io): void {
  if (out) writeFileAtomic(resolve(io.cwd, out), content);
  else io.stdout(content);
}
