import { existsSync, statSync } from 'node:fs';
import { Failure } from '../util/problem';
import { removeStaleTemps } from '../util/fs-atomic';
import { unmatchedDecisions, type Decisions } from '../review/decisions';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Article, Claim, ExtractionError, Finding, Problem, RuleSet } from '../types';
import { loadCorpus } from '../ingest/corpus';
import { articleFromClaims, articleRootFor, claimsPathFor, inferRoot, loadClaimsFolder, readListedClaimsFile, type ClaimsFile, type StoreReadOptions } from '../claims/io';
import { extractArticle, checkClaims } from '../pipeline';
import { buildReport } from '../report/json';
import { byCodeUnit } from '../util/stable';
import { fingerprintOf } from '../report/fingerprint';
import { fails, isWarning, type FailOn } from '../report/severity';
import { claimsOf, relativePath } from '../report/locate';
import { closeStore, openStore, recordOf, saveIndex, type StoreView } from './store-index';
import { applyDirectives } from './directives';
import { isExpired, placeOf, type Baseline, type BaselineEntry } from './baseline';
import type { GateNotice, GateReport, SuppressedFinding } from '../report/gate-section';


export interface PoolOptions {
  /**
   * Keep parsed claims files in the store's `.corroborate-cache.json` (opt-in: `--cache`). Only a load
   * without a usable index uses it (no index yet, a changed rule set, `index: false`): the index's own
   * records already spare parsing the files.
   */
  cache?: boolean;
  /**
   * Use the store's index (`.corroborate-index.json`, src/gate/store-index.ts) to take each claims file
   * from its JSON record instead of parsing its YAML, and keep it current (default true). False parses
   * every claims file and writes nothing (`--no-index`). The findings are the same either way.
   */
  index?: boolean;
  /** Articles to check (files or folders), as given on the command line. */
  inputs: readonly string[];
  /** The claims store folder. */
  against: string;
  /**
   * Folder article ids are relative to, and the only folder stored articles' files are read in. Absent:
   * ids are relative to the folder the store's articles are in (as their claims files name it), and
   * files are read only inside the folder holding the store.
   */
  root?: string;
  rules: RuleSet;
  cwd: string;
  /** A missing store is an empty one (the first `gate --update` creates it). */
  allowMissingStore?: boolean;
  /** Leave out claims files and articles that cannot be read, parsed or validated (listed in `warnings`) instead of failing. */
  skipUnreadable?: boolean;
  /** Follow symlinks out of the store and the article folders (default: skipped, listed in `notices`). */
  followSymlinks?: boolean;
  /** `--max-article-bytes`. */
  maxArticleBytes?: number;
  /** Called as the store's claims files are looked at: done of total. */
  onStoreProgress?: (done: number, total: number) => void;
  /** Called as the stored articles are read back from their claims and text (done of total). */
  onStoredArticles?: (done: number, total: number) => void;
  /** Called as the new articles are extracted (done of total). */
  onExtractProgress?: (done: number, total: number) => void;
  /**
   * Called when a step without a count starts ("writing the store index"); the function it returns is
   * called when the step ends.
   */
  onStep?: (step: string) => () => void;
  /** Called when the comparison starts, with its size; the function it returns is called when it ends. */
  onCompare?: (claims: number, articles: number) => () => void;
}

/** Everything one gate run compares: the store's claims, the new articles' fresh claims, all findings. */
export interface Pool {
  storeDir: string;
  /** Folder article ids are relative to. */
  root: string;
  /** The only folder stored articles' files are read in (`--root`, else the folder holding the store). */
  articleRoot: string;
  newArticles: Article[];
  newIds: Set<string>;
  /** Stored articles replaced by a new version given on the command line. */
  replaced: string[];
  /**
   * Every article compared (stored and new), sorted by id.
   */
  articles: Article[];
  claims: Map<string, Claim[]>;
  /** Stored articles the new ones were checked against (the store less the replaced ones), loaded or not. */
  stored: number;
  /** Claims files read from the store this run (all of them in a full load). */
  loadedFiles: number;
  /** The store as indexed, when the index was used (absent with `index: false` or without a store). */
  view?: StoreView;
  /** Article id -> path relative to the working folder. */
  paths: Record<string, string>;
  /**
   * New articles that cannot be read (unreadable, binary, bad front matter), and, with `skipUnreadable`,
   * claims files left out: the command fails on these unless told to skip them.
   */
  warnings: Problem[];
  /**
   * Left out with a notice: symlinks not followed (out of the store or the article folder, loops),
   * special files in an article folder, stored articles' files outside the article root.
   */
  notices: Problem[];
  /** Extractors that threw on a new article: that article is compared without their claims. */
  errors: ExtractionError[];
  /** Every finding among all the articles, old-vs-old included. */
  all: Finding[];
  /** Findings with a claim of a new article (all of them when no new article is given). */
  relevant: Finding[];
}

/**
 * Loads the store (no re-extraction), extracts only the new articles, lets a new version of a stored
 * article replace it, and compares everything. The new articles get ids relative to the folder the store's
 * articles live in, so `gate articles/b.md --against claims/` gives `b.md`, the id `extract articles/` gave.
 *
 * The whole store is compared as `check` compares a corpus, so each finding has the claims and the id
 * `check`, `review` and a claims folder give it; the store's index spares parsing the files' YAML.
 */
export function buildPool(opts: PoolOptions): Pool {
  const storeDir = resolve(opts.cwd, opts.against);
  const how = readOptions(opts);
  if (!existsSync(storeDir)) {
    if (!opts.allowMissingStore) {
      throw new Failure([{ file: opts.against, line: 1, column: 1, message: 'no such claims folder (give --update to start a new store)' }]);
    }
    return poolOf(opts, how, storeDir, undefined, []);
  }
  if (!statSync(storeDir).isDirectory()) {
    throw new Failure([{ file: opts.against, line: 1, column: 1, message: 'not a folder' }]);
  }
  // Temporary files of a run killed mid-write go now (none is ever read: their names start with a dot).
  removeStaleTemps(storeDir);
  if (opts.index === false) return poolOf(opts, how, storeDir, undefined, loadAll(storeDir, opts, how));
  const opened = openStore(storeDir, opts.rules, opts.cwd, { cache: Boolean(opts.cache), ...how, onStep: opts.onStep });
  if (!opened.ok) throw new Failure(opened.error);
  const view = opened.value!;
  try {
    // A gate that had to read files refreshes the index; a read-only store is only slower next time.
    const saving = opts.onStep?.('writing the store index');
    try {
      saveIndex(view);
    } finally {
      saving?.();
    }
    return poolOf(opts, how, storeDir, view, undefined);
  } finally {
    closeStore(view);
  }
}

/** How the store is read: symlinks, unreadable files, and the folder article files must be in. */
function readOptions(opts: PoolOptions): Required<Pick<StoreReadOptions, 'notices' | 'articleRoot'>> & StoreReadOptions {
  return {
    followSymlinks: Boolean(opts.followSymlinks),
    notices: [],
    skipped: opts.skipUnreadable ? [] : undefined,
    articleRoot: articleRootFor(resolve(opts.cwd, opts.against), opts.root, opts.cwd),
    onProgress: opts.onStoreProgress,
  };
}

/** The pool from a store opened with its index (`view`) or loaded whole (`everything`). */
function poolOf(opts: PoolOptions, how: ReturnType<typeof readOptions>, storeDir: string, view: StoreView | undefined, everything: ClaimsFile[] | undefined): Pool {
  let newArticles: Article[] = [];
  const warnings: Problem[] = [];
  const notices: Problem[] = how.notices;
  let corpusRoot = opts.cwd;
  if (opts.inputs.length) {
    const corpus = loadCorpus(opts.inputs, opts.cwd, { followSymlinks: opts.followSymlinks, maxArticleBytes: opts.maxArticleBytes });
    newArticles = corpus.articles;
    warnings.push(...corpus.warnings);
    notices.push(...corpus.notices);
    corpusRoot = corpus.root;
  }
  const storedFiles = everything ?? view!.data.files.map((f) => ({ article: { id: f.id, file: f.file } }));
  // Ids are relative to --root, else to the folder the stored articles are in as their claims files say
  // (a name only: files are read in the article root, which the claims files do not choose).
  const root = opts.root ? how.articleRoot : (inferRoot(storedFiles, storeDir) ?? corpusRoot);
  for (const a of newArticles) {
    const rel = relativePath(root, a.path);
    if (rel && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel)) a.id = rel;
  }
  newArticles.sort((a, b) => byCodeUnit(a.id, b.id));
  const newIds = new Set(newArticles.map((a) => a.id));
  if (newIds.size !== newArticles.length) {
    throw new Failure([{ file: opts.inputs[0] ?? '.', line: 1, column: 1, message: 'two inputs name the same article id' }]);
  }

  const fresh = new Map<string, Claim[]>();
  const errors: ExtractionError[] = [];
  newArticles.forEach((a, i) => {
    opts.onExtractProgress?.(i, newArticles.length);
    const found = extractArticle(a, {}, { errors });
    for (const c of found) c.source = a.id;
    fresh.set(a.id, found);
  });
  opts.onExtractProgress?.(newArticles.length, newArticles.length);

  // Every stored article is compared with every other, as `check` compares them: a finding is one fact
  // over the whole corpus, with the id `check` and `review` give it, whichever article is new. The index
  // spares parsing YAML (its records hold each file as JSON), not comparing.
  // Stored articles' text is read only inside the root: a claims file naming ../../../etc/x is not followed.
  const reading = opts.onStep?.(`reading ${view ? view.data.files.length : everything?.length ?? 0} stored claims from the index`);
  let stored: ClaimsFile[];
  try {
    stored = everything ?? (view!.duplicateIds ? allFiles(view!, storeDir, opts, how) : indexedFiles(view!, storeDir, opts, how));
  } finally {
    reading?.();
  }
  warnings.push(...(how.skipped ?? []));
  const replaced = stored.filter((f) => newIds.has(f.article.id)).map((f) => f.article.id);
  const storedTotal = stored.length;

  const claims = new Map<string, Claim[]>();
  const paths: Record<string, string> = {};
  const articles: Article[] = [];
  for (let i = 0; i < stored.length; i++) {
    const f = stored[i];
    opts.onStoredArticles?.(i, stored.length);
    if (newIds.has(f.article.id)) continue;
    articles.push(articleFromClaims(f, storeDir, how.articleRoot, { cwd: opts.cwd, notices }));
    claims.set(f.article.id, f.claims);
    paths[f.article.id] = f.article.file
      ? relativePath(opts.cwd, resolve(dirname(claimsPathFor(storeDir, f.article.id)), f.article.file))
      : f.article.id;
  }
  opts.onStoredArticles?.(stored.length, stored.length);
  for (const a of newArticles) {
    claims.set(a.id, fresh.get(a.id)!);
    paths[a.id] = relativePath(opts.cwd, a.path);
    articles.push(a);
  }
  articles.sort((a, b) => byCodeUnit(a.id, b.id));
  // Findings without a new article's claim were settled when those articles were published: not reported.
  let claimCount = 0;
  for (const list of claims.values()) claimCount += list.length;
  const compared = opts.onCompare?.(claimCount, articles.length);
  let all: Finding[];
  try {
    all = checkClaims(articles, claims, opts.rules).findings;
  } finally {
    compared?.();
  }
  const relevant = newIds.size ? all.filter((f) => claimsOf(f).some((c) => newIds.has(c.source))) : all;
  return {
    storeDir,
    root,
    articleRoot: how.articleRoot,
    newArticles,
    newIds,
    replaced,
    articles,
    claims,
    stored: storedTotal - replaced.length,
    loadedFiles: stored.length,
    view,
    paths,
    warnings,
    notices,
    errors,
    all,
    relevant,
  };
}

/** Every claims file of the store, parsed (a full load, as without an index). */
function loadAll(storeDir: string, opts: PoolOptions, how: StoreReadOptions): ClaimsFile[] {
  // A second full load (after the index could not serve) starts its lists afresh.
  if (how.skipped) how.skipped.length = 0;
  if (how.notices) how.notices.length = 0;
  const loaded = loadClaimsFolder(storeDir, opts.cwd, { cache: Boolean(opts.cache), ...how });
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}

/** Every file of an indexed store: those parsed while indexing, the others read now. */
function allFiles(view: StoreView, storeDir: string, opts: PoolOptions, how: StoreReadOptions): ClaimsFile[] {
  if (view.read.size === view.data.files.length) return [...view.read.values()].sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  return loadAll(storeDir, opts, how);
}

/** Every file of an indexed store, from the index's records where they hold, else read; sorted by id. */
function indexedFiles(view: StoreView, storeDir: string, opts: PoolOptions, how: StoreReadOptions): ClaimsFile[] {
  const files: ClaimsFile[] = [];
  for (const e of view.data.files) {
    const known = view.read.get(e.path) ?? recordOf(view, e);
    if (known) {
      files.push(known);
      continue;
    }
    const r = readListedClaimsFile({ abs: join(view.dir, ...e.path.split('/')), rel: e.path, size: e.size, mtimeMs: e.mtimeMs }, opts.cwd, undefined, how.articleRoot);
    if (!r.ok) return loadAll(storeDir, opts, how);
    files.push(r.value.file);
  }
  return files.sort((a, b) => byCodeUnit(a.article.id, b.article.id));
}

export { inferRoot };

/** Which verdicts make the gate fail. */
export type { FailOn } from '../report/severity';

export interface JudgeOptions {
  failOn: FailOn;
  /** More warning-severity findings than this fail the gate; negative = no limit. */
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


/**
 * Applies inline directives, then the baseline, to the findings that involve new articles, and decides
 * the exit code: 1 when a counted finding is at or above `failOn`, or there are more variants than allowed.
 */
export function judge(pool: Pool, opts: JudgeOptions): Judgement {
  const isNew = (id: string) => pool.newIds.has(id) || pool.newIds.size === 0;
  const inline = applyDirectives(pool.articles, pool.relevant, { ruleIds: opts.ruleIds, reportsOn: isNew, pathOf: (id) => pool.paths[id] ?? id });
  const notices: GateNotice[] = [...inline.notices];

  const entries = new Map((opts.baseline?.entries ?? []).map((e) => [e.fingerprint, e]));
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const ignored = new Map(inline.ignored.map((x) => [x.finding, x.justification]));
  for (const f of pool.relevant) {
    const fingerprint = fingerprintOf(f);
    const justification = ignored.get(f);
    if (justification !== undefined) {
      suppressed.push({ finding: f, by: 'inline', justification, fingerprint });
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

  const seen = new Set(pool.all.map(fingerprintOf));
  const stale: BaselineEntry[] = [];
  for (const e of opts.baseline?.entries ?? []) {
    const expired = isExpired(e, opts.today);
    if (!expired && seen.has(e.fingerprint)) continue;
    // An entry about published articles only was not compared this run (old against old): not stale.
    if (!expired && pool.newIds.size && !e.sources.some((s) => pool.newIds.has(s))) continue;
    stale.push(e);
    const why = expired ? `expired on ${e.expires}` : 'not seen in this run (fixed, or the articles changed)';
    notices.push({ level: 'warning', code: 'stale-baseline-entry', message: `stale baseline entry ${e.fingerprint} (${e.subject || e.kind}): ${why}; remove it with --prune`, ...placeOf(e) });
  }

  // A decision for no finding of this run was made for other text, or for an id made another way.
  if (opts.decisions) {
    for (const p of unmatchedDecisions(opts.decisions, new Set(pool.all.map((f) => f.id)))) {
      notices.push({ level: 'warning', code: 'unmatched-decision', message: p.message, file: p.file, line: p.line, column: p.column });
    }
  }

  // Notices in file order, then those with no place (baseline entries).
  notices.sort((a, b) => byCodeUnit(a.file ?? '\uffff', b.file ?? '\uffff') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

  const failing = reported.filter((f) => fails(f, opts.failOn)).length;
  const variants = reported.filter(isWarning).length;
  const exitCode: 0 | 1 = failing > 0 || (opts.maxWarnings >= 0 && variants > opts.maxWarnings) ? 1 : 0;

  const involved = new Set<string>(pool.newIds);
  for (const f of reported) for (const c of claimsOf(f)) involved.add(c.source);
  const reportArticles = pool.newIds.size ? pool.articles.filter((a) => involved.has(a.id)) : pool.articles;
  const report: GateReport = buildReport(reportArticles, pool.claims, reported, pool.errors);
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
