import { existsSync, statSync } from 'node:fs';
import { formatProblems } from '../util/problem';
import type { Decisions } from '../review/decisions';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Article, Claim, Finding, Problem, RuleSet, Verdict } from '../types';
import { InputError, loadCorpus } from '../ingest/corpus';
import { articleFromClaims, claimsPathFor, loadClaimsFolder, type ClaimsFile } from '../claims/io';
import { extractArticle, checkClaims } from '../pipeline';
import { buildReport } from '../report/json';
import { byCodeUnit } from '../util/stable';
import { fingerprintOf } from './fingerprint';
import { claimsOf, relativePath } from './locate';
import { parseDirectives, directiveCovers, type Directive } from './directives';
import { isExpired, type Baseline, type BaselineEntry } from './baseline';
import type { GateNotice, GateReport, SuppressedFinding } from './types';

/** A mistake in the input, already explained: the command prints the problems and exits 2. */
export class GateFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
  }
}

export interface PoolOptions {
  /** Keep parsed claims files in the store's `.corroborate-cache.json` (opt-in: `--cache`). */
  cache?: boolean;
  /** Articles to check (files or folders), as given on the command line. */
  inputs: readonly string[];
  /** The claims store folder. */
  against: string;
  /** Folder the article ids are relative to; inferred from the store when absent. */
  root?: string;
  rules: RuleSet;
  cwd: string;
  /** A missing store is an empty one (the first `gate --update` creates it). */
  allowMissingStore?: boolean;
}

/** Everything one gate run compares: the store's claims, the new articles' fresh claims, all findings. */
export interface Pool {
  storeDir: string;
  /** Folder article ids are relative to. */
  root: string;
  newArticles: Article[];
  newIds: Set<string>;
  /** Stored articles replaced by a new version given on the command line. */
  replaced: string[];
  /** Every article compared (stored and new), sorted by id. */
  articles: Article[];
  claims: Map<string, Claim[]>;
  /** Article id -> path relative to the working folder. */
  paths: Record<string, string>;
  /** Input files skipped (unreadable, binary). */
  warnings: Problem[];
  /** Every finding among all the articles, old-vs-old included. */
  all: Finding[];
  /** Findings with a claim of a new article (all of them when no new article is given). */
  relevant: Finding[];
}

/**
 * Loads the store (no re-extraction), extracts only the new articles, lets a new version of a stored
 * article replace it, and compares everything. The new articles get ids relative to the folder the store's
 * articles live in, so `gate articles/b.md --against claims/` gives `b.md`, the id `extract articles/` gave.
 */
export function buildPool(opts: PoolOptions): Pool {
  const storeDir = resolve(opts.cwd, opts.against);
  let stored: ClaimsFile[] = [];
  if (!existsSync(storeDir)) {
    if (!opts.allowMissingStore) {
      throw new GateFailure([{ file: opts.against, line: 1, column: 1, message: 'no such claims folder (give --update to start a new store)' }]);
    }
  } else if (!statSync(storeDir).isDirectory()) {
    throw new GateFailure([{ file: opts.against, line: 1, column: 1, message: 'not a folder' }]);
  } else {
    const loaded = loadClaimsFolder(storeDir, opts.cwd, { cache: Boolean(opts.cache) });
    if (!loaded.ok) throw new GateFailure(loaded.error);
    stored = loaded.value;
  }

  let newArticles: Article[] = [];
  let warnings: Problem[] = [];
  let corpusRoot = opts.cwd;
  if (opts.inputs.length) {
    try {
      const corpus = loadCorpus(opts.inputs, opts.cwd);
      newArticles = corpus.articles;
      warnings = corpus.warnings;
      corpusRoot = corpus.root;
    } catch (err) {
      if (err instanceof InputError) throw new GateFailure(err.problems);
      throw err;
    }
  }
  const root = opts.root ? resolve(opts.cwd, opts.root) : (inferRoot(stored, storeDir) ?? corpusRoot);
  for (const a of newArticles) {
    const rel = relativePath(root, a.path);
    if (rel && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel)) a.id = rel;
  }
  newArticles.sort((a, b) => byCodeUnit(a.id, b.id));
  const newIds = new Set(newArticles.map((a) => a.id));
  if (newIds.size !== newArticles.length) {
    throw new GateFailure([{ file: opts.inputs[0] ?? '.', line: 1, column: 1, message: 'two inputs name the same article id' }]);
  }

  const claims = new Map<string, Claim[]>();
  const paths: Record<string, string> = {};
  const articles: Article[] = [];
  const replaced: string[] = [];
  for (const f of stored) {
    if (newIds.has(f.article.id)) {
      replaced.push(f.article.id);
      continue;
    }
    articles.push(articleFromClaims(f, storeDir));
    claims.set(f.article.id, f.claims);
    paths[f.article.id] = f.article.file
      ? relativePath(opts.cwd, resolve(dirname(claimsPathFor(storeDir, f.article.id)), f.article.file))
      : f.article.id;
  }
  for (const a of newArticles) {
    const found = extractArticle(a, { rules: opts.rules });
    for (const c of found) c.source = a.id;
    claims.set(a.id, found);
    paths[a.id] = relativePath(opts.cwd, a.path);
    articles.push(a);
  }
  articles.sort((a, b) => byCodeUnit(a.id, b.id));
  // Only pairs that involve a new article are compared: old against old was settled when they were published.
  const all = checkClaims(articles, claims, opts.rules, newIds.size ? { focus: newIds } : {}).findings;
  const relevant = newIds.size ? all.filter((f) => claimsOf(f).some((c) => newIds.has(c.source))) : all;
  return { storeDir, root, newArticles, newIds, replaced, articles, claims, paths, warnings, all, relevant };
}

/**
 * The folder the stored articles' ids are relative to: a claims file for id `world/a.md` whose article
 * file is `/news/articles/world/a.md` says `/news/articles`. The most common answer wins; none without paths.
 */
export function inferRoot(stored: readonly ClaimsFile[], storeDir: string): string | undefined {
  const votes = new Map<string, number>();
  for (const f of stored) {
    if (!f.article.file) continue;
    const abs = resolve(dirname(claimsPathFor(storeDir, f.article.id)), f.article.file);
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

/** Which verdicts make the gate fail. */
export type FailOn = 'conflict' | 'variant' | 'never';

export interface JudgeOptions {
  failOn: FailOn;
  /** More variants than this fail the gate; negative = no limit. */
  maxWarnings: number;
  baseline?: Baseline;
  today: string;
  /** Comparator rule ids in force: a directive naming another id is reported. */
  ruleIds: ReadonlySet<string>;
  /** Editors' decisions by finding id (src/review/decisions.ts): accepted and rejected findings do not fail. */
  decisions?: Decisions;
}

export interface Judgement {
  report: GateReport;
  /** Reported findings (not suppressed). */
  reported: Finding[];
  suppressed: SuppressedFinding[];
  notices: GateNotice[];
  /** Baseline entries expired or not seen among all of this run's findings. */
  stale: BaselineEntry[];
  failing: number;
  variants: number;
  exitCode: 0 | 1;
}

const FAILING: Record<FailOn, Verdict[]> = { conflict: ['conflict'], variant: ['conflict', 'variant'], never: [] };

/**
 * Applies inline directives, then the baseline, to the findings that involve new articles, and decides
 * the exit code: 1 when a counted finding is at or above `failOn`, or there are more variants than allowed.
 */
export function judge(pool: Pool, opts: JudgeOptions): Judgement {
  const notices: GateNotice[] = [];
  const directives: Directive[] = [];
  const used = new Set<Directive>();
  for (const a of pool.articles) {
    if (!a.text) continue;
    for (const d of parseDirectives(a)) {
      const isNew = pool.newIds.has(a.id) || pool.newIds.size === 0;
      const where = { file: pool.paths[a.id] ?? a.id, line: d.line, column: d.column };
      if (d.problem) {
        if (isNew) notices.push({ level: 'warning', code: 'bad-directive', message: `corroborate-ignore-next-line ${d.problem}`, ...where });
        continue;
      }
      const unknown = d.rules.filter((r) => !opts.ruleIds.has(r));
      if (unknown.length && isNew) {
        notices.push({ level: 'warning', code: 'bad-directive', message: `corroborate-ignore-next-line names no rule in force: ${unknown.join(', ')}`, ...where });
      }
      directives.push(d);
    }
  }

  const entries = new Map((opts.baseline?.entries ?? []).map((e) => [e.fingerprint, e]));
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of pool.relevant) {
    const fingerprint = fingerprintOf(f);
    const d = directives.find((x) => directiveCovers(x, f));
    if (d) {
      used.add(d);
      suppressed.push({ finding: f, by: 'inline', justification: d.reason || `corroborate-ignore-next-line in ${d.article}:${d.line}`, fingerprint });
      continue;
    }
    const decision = opts.decisions?.get(f.id);
    if (decision && decision.status !== 'needs-correction' && f.verdict !== 'agree') {
      const note = decision.comment ? `: ${decision.comment}` : '';
      suppressed.push({ finding: f, by: 'decision', justification: `${decision.status} in review${note}`, fingerprint });
      continue;
    }
    const e = entries.get(fingerprint);
    if (e && !isExpired(e, opts.today) && f.verdict !== 'agree') {
      suppressed.push({ finding: f, by: 'baseline', justification: `${e.reason} (accepted by ${e.by} on ${e.accepted})`, fingerprint });
      continue;
    }
    reported.push(f);
  }

  for (const d of directives) {
    if (used.has(d) || !(pool.newIds.has(d.article) || pool.newIds.size === 0)) continue;
    notices.push({
      level: 'warning',
      code: 'unused-directive',
      message: `unused corroborate-ignore-next-line ${d.rules.join(', ')}: no finding of that rule has a claim on line ${d.target}`,
      file: pool.paths[d.article] ?? d.article,
      line: d.line,
      column: d.column,
    });
  }

  const seen = new Set(pool.all.map(fingerprintOf));
  const stale: BaselineEntry[] = [];
  for (const e of opts.baseline?.entries ?? []) {
    const expired = isExpired(e, opts.today);
    if (!expired && seen.has(e.fingerprint)) continue;
    // An entry about published articles only was not compared this run (old against old): not stale.
    if (!expired && pool.newIds.size && !e.sources.some((s) => pool.newIds.has(s))) continue;
    stale.push(e);
    const why = expired ? `expired on ${e.expires}` : 'not seen in this run (fixed, or the articles changed)';
    notices.push({ level: 'warning', code: 'stale-baseline-entry', message: `stale baseline entry ${e.fingerprint} (${e.subject || e.kind}): ${why}; remove it with --prune` });
  }

  // Notices in file order, then those with no place (baseline entries).
  notices.sort((a, b) => byCodeUnit(a.file ?? '\uffff', b.file ?? '\uffff') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

  const failing = reported.filter((f) => FAILING[opts.failOn].includes(f.verdict)).length;
  const variants = reported.filter((f) => f.verdict === 'variant').length;
  const exitCode: 0 | 1 = failing > 0 || (opts.maxWarnings >= 0 && variants > opts.maxWarnings) ? 1 : 0;

  const involved = new Set<string>(pool.newIds);
  for (const f of reported) for (const c of claimsOf(f)) involved.add(c.source);
  const reportArticles = pool.newIds.size ? pool.articles.filter((a) => involved.has(a.id)) : pool.articles;
  const report: GateReport = buildReport(reportArticles, pool.claims, reported);
  const paths: Record<string, string> = {};
  for (const id of [...involved, ...suppressed.flatMap((s) => claimsOf(s.finding).map((c) => c.source))]) {
    if (pool.paths[id] !== undefined) paths[id] = pool.paths[id];
  }
  report.gate = {
    newArticles: [...pool.newIds],
    paths,
    fingerprints: Object.fromEntries(reported.map((f) => [f.id, fingerprintOf(f)])),
    suppressed,
    notices,
    failing,
    exitCode,
  };
  return { report, reported, suppressed, notices, stale, failing, variants, exitCode };
}
