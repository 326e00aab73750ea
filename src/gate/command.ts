import { existsSync } from 'node:fs';
import { CLAIMS_CACHE_FILE } from '../claims/io';
import { DECISIONS_FILE, loadDecisions, type Decisions } from '../review/decisions';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { RuleSet } from '../types';
import { EXIT, failOrSkip, noteSkipped, type Io } from '../pipeline/inputs';
import { MAX_FILE_BYTES, readNeededText } from '../util/safe-read';
import { loadRulesFor } from '../rules/loader';
import { RENDERERS } from '../report';
import { writeFileAtomic } from '../util/fs-atomic';
import { buildPool, judge } from './run';
import { CONFIG_OPTION, configFor, failOnOption, formatFor, formatOption, ioFor, nonNegativeInt, useColor, type LintOptions } from '../pipeline/lint-options';
import { formatExtractionError } from '../pipeline';
import { GATE_ROOT_HELP, MAX_ARTICLE_BYTES_HELP, parseByteCount } from '../pipeline/cli';
import { countText, createPhase, createProgress, type Progress } from '../pipeline/progress';
import { Failure } from '../util/problem';
import { DEFAULT_BASELINE, entryFor, isIsoDay, readBaseline, serializeBaseline, todayIso, type Baseline } from './baseline';
import { fingerprintOf } from '../report/fingerprint';
import { withStoreLock, writeClaimsToStore } from './store';
import { lockPathFor, withLock } from '../util/lock';
import { INDEX_FILE } from './store-index';
import { appendStepSummary } from './summary';
import { relativePath } from '../report/locate';

const OK = EXIT.ok;
const FAILURE = EXIT.failure;

function rulesFor(option: string | undefined, cwd: string, configFile?: string): RuleSet {
  const loaded = loadRulesFor(option, cwd, configFile);
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}

function isoDayArg(value: string): string {
  if (!isIsoDay(value)) throw new InvalidArgumentError('a day written YYYY-MM-DD');
  return value;
}

/** Runs an action; a Failure is printed and becomes exit 2. */
function guarded<A extends unknown[]>(io: Io, setExit: (code: number) => void, action: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      action(...args);
    } catch (err) {
      if (err instanceof Failure) {
        io.stderr(err.message + '\n');
        setExit(FAILURE);
        return;
      }
      throw err;
    }
  };
}

/** The baseline to apply: `--baseline FILE` (must exist), none with `--no-baseline`, else the default file if present. */
function baselineFile(option: string | false | undefined, cwd: string): { abs: string; shown: string } | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') {
    const abs = resolve(cwd, option);
    if (!existsSync(abs)) throw new Failure([{ file: option, line: 1, column: 1, message: 'no such baseline file' }]);
    return { abs, shown: option };
  }
  const abs = resolve(cwd, DEFAULT_BASELINE);
  return existsSync(abs) ? { abs, shown: DEFAULT_BASELINE } : undefined;
}

function loadBaselineAt(file: { abs: string; shown: string } | undefined): Baseline | undefined {
  if (!file) return undefined;
  const b = readBaseline(file.abs, file.shown);
  if (!b.ok) throw new Failure(b.error);
  return b.value;
}

interface GateOpts extends LintOptions {
  against: string;
  baseline?: string | false;
  prune?: boolean;
  cache?: boolean;
  index?: boolean;
  decisions?: string;
  update?: boolean;
  root?: string;
  rules?: string;
  quiet?: boolean;
  skipUnreadable?: boolean;
  followSymlinks?: boolean;
  filesFrom?: string;
  maxArticleBytes?: number;
}

interface BaselineCreateOpts {
  against: string;
  out: string;
  by: string;
  reason: string;
  expires?: string;
  root?: string;
  rules?: string;
  quiet?: boolean;
}

/** Registers `corroborate gate` and `corroborate baseline create` (one line in EXTRA_COMMANDS). */
export function registerGate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('gate')
    .description('CI gate: check new or changed articles against the stored claims of published ones; exit 1 on new conflicts')
    .argument('[new...]', 'the new or changed article files (or a folder of them)')
    .option('--files-from <file>', 'read the new or changed article files from FILE, one per line, or NUL-separated (git diff -z): names are never parsed by a shell')
    .option('--against <dir>', 'claims store: one claims file per published article (from corroborate extract)', 'claims')
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(failOnOption('involving a new article'))
    .option('--max-warnings <n>', 'exit 1 when more than this many warning-severity findings involve a new article', nonNegativeInt)
    .option('--color', 'colour the terminal format even when not on a terminal')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option(...CONFIG_OPTION)
    .option('--baseline <file>', `accepted findings (default: ${DEFAULT_BASELINE} when present)`)
    .option('--no-baseline', 'apply no baseline')
    .option('--cache', `when the whole store must be read (no index yet, rules changed, --no-index): keep parsed claims files in its ${CLAIMS_CACHE_FILE}`)
    .option('--no-index', `read every claims file and leave the store's ${INDEX_FILE} alone (same findings, slower)`)
    .option('--decisions <file>', 'editor decisions from corroborate review (default: decisions.yaml in the store when present)')
    .option('--prune', 'remove stale entries (expired, or not seen in this run) from the baseline file')
    .option('--update', 'when the gate passes, add the new articles\' claims to the store (one atomic write per file)')
    .option('--root <dir>', GATE_ROOT_HELP)
    .option('--rules <dir>', 'your rules folder (adds to or overrides the shipped rules)')
    .option(
      '--skip-unreadable',
      'leave out (and list) new articles and claims files that cannot be read, parsed or validated, instead of failing with exit 2',
    )
    .option('--follow-symlinks', 'follow symlinks that lead out of the store or the article folders (default: skipped with a warning)')
    .option('-q, --quiet', 'no notices or summary on stderr')
    .option('--max-article-bytes <n>', MAX_ARTICLE_BYTES_HELP, parseByteCount)
    .action(
      guarded(io, setExit, (given: string[], opts: GateOpts) => {
        const cwd = io.cwd;
        const inputs = [...given, ...(opts.filesFrom === undefined ? [] : namesFrom(opts.filesFrom, cwd))];
        if (!inputs.length) {
          // An empty list from --files-from: nothing new to check (never the whole store, as no argument at all would be).
          if (opts.filesFrom === undefined) throw new Failure('gate: name the new or changed articles, or give --files-from FILE');
          if (!opts.quiet) io.stderr(`gate: no articles listed in ${opts.filesFrom}; nothing to check\n`);
          setExit(OK);
          return;
        }
        // --update decides and writes under the store's lock: a second gate at once waits, then compares
        // against what the first stored.
        const config = configFor(opts, io);
        const failOn = opts.failOn ?? config['fail-on'] ?? 'conflict';
        const maxWarnings = opts.maxWarnings ?? config['max-warnings'];
        const run = () => {
          const rules = rulesFor(opts.rules, cwd, opts.config);
          const bFile = baselineFile(opts.baseline, cwd);
          const baseline = loadBaselineAt(bFile);
          const index = opts.index !== false;
          const storeProgress = createProgress({ quiet: Boolean(opts.quiet), label: 'stored claims files' });
          let extractProgress: Progress | undefined;
          let storedProgress: Progress | undefined;
          const pool = buildPool({
            inputs,
            against: opts.against,
            root: opts.root,
            rules,
            cwd,
            allowMissingStore: Boolean(opts.update),
            cache: Boolean(opts.cache),
            index,
            skipUnreadable: Boolean(opts.skipUnreadable),
            followSymlinks: Boolean(opts.followSymlinks),
            maxArticleBytes: opts.maxArticleBytes,
            onStoreProgress: (done, total) => storeProgress.update(done, total),
            onExtractProgress: (done, total) => {
              storeProgress.done();
              if (done === 0) extractProgress = createProgress({ quiet: Boolean(opts.quiet), label: 'new articles extracted' });
              extractProgress?.update(done, total);
              if (done === total) extractProgress?.done();
            },
            onStoredArticles: (done, total) => {
              storeProgress.done();
              if (done === 0) storedProgress = createProgress({ quiet: Boolean(opts.quiet), label: 'stored articles read' });
              storedProgress?.update(done, total);
              if (done === total) storedProgress?.done();
            },
            onStep: (step) => {
              storeProgress.done();
              const phase = createPhase(step, { quiet: Boolean(opts.quiet) });
              return () => phase.done();
            },
            onCompare: (claims, articles) => {
              storeProgress.done();
              const phase = createPhase(`comparing ${countText(claims)} claims of ${countText(articles)} articles`, { quiet: Boolean(opts.quiet) });
              return () => phase.done();
            },
          });
          storeProgress.done();
          const quiet = Boolean(opts.quiet);
          noteSkipped(io, pool.notices, quiet);
          failOrSkip(io, pool.warnings, Boolean(opts.skipUnreadable));
          for (const e of pool.errors) io.stderr(`${formatExtractionError(e)}\n`);
          const today = todayIso();
          const j = judge(pool, {
            failOn,
            maxWarnings: maxWarnings ?? -1,
            baseline,
            today,
            ruleIds: new Set(rules.rules.map((r) => r.id)),
            decisions: decisionsFor(opts.decisions, pool.storeDir, cwd),
          });
          const format = formatFor(opts, config, io);
          const color = format === 'stylish' && useColor(opts.color, config, io, opts.out);
          const renderOptions = { cwd, root: pool.root, articles: new Map(pool.articles.map((a) => [a.id, a])), failOn, rules, color };
          const text = RENDERERS[format](j.report, renderOptions);
          if (opts.out) writeFileAtomic(resolve(cwd, opts.out), text);
          else ioFor(io, color).stdout(text);
          try {
            appendStepSummary(j.report, { ...renderOptions, title: 'corroborate gate' });
          } catch (err) {
            io.stderr(`warning: cannot append to $GITHUB_STEP_SUMMARY: ${(err as Error).message}\n`);
          }
          if (!quiet) {
            for (const n of j.notices) io.stderr(`warning: ${n.file ? `${n.file}:${n.line ?? 1}:${n.column ?? 1}: ` : ''}${n.message}\n`);
          }

          if (opts.prune && bFile && baseline && j.stale.length) {
            const stale = new Set(j.stale.map((e) => e.fingerprint));
            // Read again under the lock: entries another run added since are kept.
            withLock(lockPathFor(bFile.abs), () => {
              const now = loadBaselineAt(bFile) ?? baseline;
              writeFileAtomic(bFile.abs, serializeBaseline({ entries: now.entries.filter((e) => !stale.has(e.fingerprint)) }));
            });
            if (!quiet) io.stderr(`gate: pruned ${j.stale.length} stale baseline entr${j.stale.length === 1 ? 'y' : 'ies'} from ${bFile.shown}\n`);
          }

          const s = j.report.summary;
          if (!quiet) {
            const baselined = j.suppressed.filter((x) => x.by === 'baseline').length;
            const inline = j.suppressed.length - baselined;
            const changed = pool.replaced.length ? ` (${pool.replaced.length} changed)` : '';
            io.stderr(
              `gate: ${pool.newArticles.length} new article${pool.newArticles.length === 1 ? '' : 's'}${changed} against ${pool.stored} stored: ` +
                `${s.conflict} conflicts, ${s.variant} variants, ${s.agree} agreements; ${baselined} baselined, ${inline} ignored inline` +
                `${opts.out ? ` -> ${opts.out}` : ''}; ${j.exitCode === 0 ? 'passed' : `failed (${j.failing} at or above --fail-on ${failOn}${j.failing === 0 ? `, ${j.variants} warnings > --max-warnings ${maxWarnings}` : ''})`}\n`,
            );
          }
          if (opts.update) {
            if (j.exitCode === 0) {
              const written = writeClaimsToStore(pool.storeDir, pool.newArticles, pool.claims, index ? { rules, cwd, articleRoot: pool.articleRoot } : undefined);
              if (!quiet) io.stderr(`gate: stored the claims of ${written.length} article${written.length === 1 ? '' : 's'} in ${relativePath(cwd, pool.storeDir) || '.'}\n`);
            } else if (!quiet) io.stderr('gate: store not updated (the gate failed)\n');
          }
          setExit(j.exitCode);
        };
        if (opts.update) withStoreLock(resolve(cwd, opts.against), run);
        else run();
      }),
    );

  const baselineCmd = program.command('baseline').description('accept findings as they are, so the gate fails only on new ones');
  baselineCmd
    .command('create')
    .description('record the conflicts and variants found today (among NEW, or the whole store) in a baseline file')
    .argument('[new...]', 'new or changed articles whose findings to accept (default: every finding in the store)')
    .option('--against <dir>', 'claims store', 'claims')
    .option('-o, --out <file>', 'baseline file (entries already there are kept)', DEFAULT_BASELINE)
    .requiredOption('--by <name>', 'who accepts these findings')
    .requiredOption('--reason <text>', 'why they are accepted')
    .option('--expires <day>', 'YYYY-MM-DD after which the entries no longer hold', isoDayArg)
    .option('--root <dir>', GATE_ROOT_HELP)
    .option('--rules <dir>', 'your rules folder (adds to or overrides the shipped rules)')
    .option('-q, --quiet', 'no summary on stderr')
    .action(
      guarded(io, setExit, (inputs: string[], opts: BaselineCreateOpts) => {
        const cwd = io.cwd;
        if (!opts.by.trim() || !opts.reason.trim()) throw new Failure([{ file: opts.out, line: 1, column: 1, message: '--by and --reason must not be empty' }]);
        const rules = rulesFor(opts.rules, cwd);
        const abs = resolve(cwd, opts.out);
        const before = readBaseline(abs, opts.out);
        if (!before.ok) throw new Failure(before.error);
        const pool = buildPool({ inputs, against: opts.against, root: opts.root, rules, cwd });
        noteSkipped(io, pool.notices, Boolean(opts.quiet));
        failOrSkip(io, pool.warnings, false);
        const today = todayIso();
        // Findings a directive in the article already ignores need no baseline entry.
        const j = judge(pool, { failOn: 'never', maxWarnings: -1, today, ruleIds: new Set(rules.rules.map((r) => r.id)) });
        // Read, add and write under the file's lock: another `baseline create` at once adds its entries too.
        const { existing, unique } = withLock(lockPathFor(abs), () => {
          const now = readBaseline(abs, opts.out);
          if (!now.ok) throw new Failure(now.error);
          const have = new Set(now.value.entries.map((e) => e.fingerprint));
          const added = j.reported
            .filter((f) => f.verdict !== 'agree' && !have.has(fingerprintOf(f)))
            .map((f) => entryFor(f, opts.by.trim(), opts.reason.trim(), today, opts.expires));
          const fresh = [...new Map(added.map((e) => [e.fingerprint, e])).values()];
          writeFileAtomic(abs, serializeBaseline({ entries: [...now.value.entries, ...fresh] }));
          return { existing: now, unique: fresh };
        });
        if (!opts.quiet) {
          io.stderr(`baseline: ${unique.length} finding${unique.length === 1 ? '' : 's'} accepted, ${existing.value.entries.length} already there -> ${opts.out}\n`);
        }
        setExit(OK);
      }),
    );
}

/**
 * File names listed in `file`: NUL-separated when the list holds a NUL (`git diff --name-only -z`), else
 * one per line (a trailing CR dropped). Empty entries are skipped. A name such as
 * "articles/x$(touch PWNED).md" is only ever a name: no shell reads the list.
 */
export function namesFrom(file: string, cwd: string): string[] {
  const read = readNeededText(resolve(cwd, file), file, MAX_FILE_BYTES, 'file list');
  if (!read.ok) throw new Failure(read.error);
  const text = read.value;
  const names = text.includes('\0') ? text.split('\0') : text.split('\n').map((l) => l.replace(/\r$/, ''));
  return names.filter((n) => n !== '');
}

/** Editors' decisions: `--decisions FILE`, else `decisions.yaml` in the claims store when it exists. */
function decisionsFor(option: string | undefined, storeDir: string, cwd: string): Decisions | undefined {
  const abs = option ? resolve(cwd, option) : resolve(storeDir, DECISIONS_FILE);
  if (!existsSync(abs)) {
    if (option) throw new Failure([{ file: option, line: 1, column: 1, message: 'no such decisions file' }]);
    return undefined;
  }
  const loaded = loadDecisions(abs, option ?? relativePath(cwd, abs));
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}
