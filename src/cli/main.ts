import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { checkClaims } from '../pipeline';
import { MAX_ARTICLE_BYTES_HELP, ROOT_HELP, parseByteCount, parseJobs, parseShow } from '../pipeline/cli';
import { countText, createPhase, createProgress } from '../pipeline/progress';
import { runAllExamples } from '../pipeline/rule-examples';
import { rulesTurnedOff } from '../rules/loader';
import { articleRootFor, loadClaimsFolder, outsideArticleRoot, type StoreReadOptions } from '../claims/io';
import { writeClaimsToStore } from '../gate/store';
import { unpairedMessage, type Report } from '../report/json';
import { RENDERERS } from '../report';
import { DECISIONS_FILE, applyDecisions, isSettled, loadDecisions, unmatchedDecisions, type ReviewedFinding } from '../review/decisions';
import { applyDirectives } from '../gate/directives';
import { relativePath } from '../report/locate';
import { fails, isWarning } from '../report/severity';
import type { Article, Claim, ExtractionError, RuleSet, Verdict } from '../types';
import { CONFIG_OPTION, configFor, failOnOption, formatFor, formatOption, ioFor, nonNegativeInt, rememberRaw, useColor, type LintOptions } from '../pipeline/lint-options';
import { appendStepSummary } from '../gate/summary';
import { VERSION } from '../version';
import { escapeControls } from '../util/control';
import { Failure, formatProblem } from '../util/problem';
import { EXIT, emit, failOrSkip, loadInputs, noteSkipped, rulesFor, type InputOptions, type Io } from '../pipeline/inputs';
import { registerGate } from '../gate/command';
import { registerReview } from '../review/command';
import { registerEval } from './eval';

export { formatProblem };
export { EXIT, emit, loadInputs, rulesFor, type Io, type Loaded } from '../pipeline/inputs';

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** `--skip-unreadable`, as every command that reads inputs has it. */
export const SKIP_UNREADABLE = [
  '--skip-unreadable',
  'leave out (and list) articles and claims files that cannot be read, parsed or validated, instead of failing with exit 2',
] as const;
/** `--follow-symlinks`, likewise. */
export const FOLLOW_SYMLINKS = ['--follow-symlinks', 'follow symlinks that lead out of the folders given (default: skipped with a warning)'] as const;
/** Failing on an unreadable input is the default now; `--strict` is still accepted. */
const STRICT = new Option('--strict', 'the default: fail (exit 2) when an input cannot be read').hideHelp();

/** `--stdin-filename`, for the input `-` (as ESLint has it). */
export const STDIN_FILENAME = ['--stdin-filename <name>', 'the file name the article read from standard input (-) goes by: its id, and .md/.html/.txt tell its format (default: stdin.txt)'] as const;
/** `--ignore-pattern`, repeatable. */
export const IGNORE_PATTERN = ['--ignore-pattern <pattern>', 'leave out files matching this pattern (gitignore syntax, relative to the working folder; repeatable), on top of .corroborateignore'] as const;
const collect = (value: string, previous: string[] = []) => [...previous, value];
/** What `<inputs...>` takes. */
const INPUTS_HELP = "a folder of .txt/.md/.html articles (searched recursively), files, quoted glob patterns ('articles/**/*.md'), or - for one article on standard input";

interface InputFlags {
  quiet?: boolean;
  skipUnreadable?: boolean;
  followSymlinks?: boolean;
  jobs?: number;
  cache?: boolean;
  stdinFilename?: string;
  ignorePattern?: string[];
  maxArticleBytes?: number;
  root?: string;
}

function inputOptions(opts: InputFlags): InputOptions {
  return {
    quiet: Boolean(opts.quiet),
    skipUnreadable: Boolean(opts.skipUnreadable),
    followSymlinks: Boolean(opts.followSymlinks),
    jobs: opts.jobs,
    cache: Boolean(opts.cache),
    stdinFilename: opts.stdinFilename,
    ignorePatterns: opts.ignorePattern ?? [],
    maxArticleBytes: opts.maxArticleBytes,
    root: opts.root,
  };
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('corroborate')
    .description('Check news articles against each other: agreements, variants and conflicts, with exact spans.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run corroborate --help for usage)');

  program
    .command('extract')
    .description('extract claims from articles and write one YAML file per article')
    .argument('<inputs...>', INPUTS_HELP)
    .option('-o, --out <dir>', 'folder for the claims files', 'claims')
    .option(...STDIN_FILENAME)
    .option(...IGNORE_PATTERN, collect)
    .option('--rules <dir>', 'your rules folder (adds to or overrides the shipped rules)')
    .option(...SKIP_UNREADABLE)
    .option(...FOLLOW_SYMLINKS)
    .addOption(STRICT)
    .option('-q, --quiet', 'no warnings or summary on stderr')
    .option('-j, --jobs <n>', 'threads for extraction (default: number of CPUs; 1 = single-threaded)', parseJobs)
    .option('--max-article-bytes <n>', MAX_ARTICLE_BYTES_HELP, parseByteCount)
    .action((inputs: string[], opts: InputFlags & { out: string; rules?: string }) => {
      const rules = rulesFor(opts.rules, io);
      const { articles, claims } = loadInputs(inputs, rules, io, inputOptions(opts));
      // Every file is rendered before any is written (a bad id stops the run with nothing written), then
      // each is written to a temporary file and renamed: a reader sees the old file or the new, never a mix.
      const writing = createProgress({ quiet: opts.quiet, label: 'claims files (rendered, then written)' });
      let files: string[];
      try {
        files = writeClaimsToStore(resolve(io.cwd, opts.out), articles, claims, { rules, cwd: io.cwd, onProgress: (done, total) => writing.update(done, total) });
      } finally {
        writing.done();
      }
      if (!opts.quiet) io.stderr(`wrote ${files.length} claims file${files.length === 1 ? '' : 's'} to ${opts.out}\n`);
      setExit(EXIT.ok);
    });

  program
    .command('validate')
    .description('check claims files (for example after editing them by hand)')
    .argument('<dir>', 'claims folder')
    .option(...SKIP_UNREADABLE)
    .option(...FOLLOW_SYMLINKS)
    .option('--root <dir>', ROOT_HELP)
    .option('-q, --quiet', 'no warnings on stderr')
    .action((dir: string, opts: { skipUnreadable?: boolean; followSymlinks?: boolean; quiet?: boolean; root?: string }) => {
      const abs = resolve(io.cwd, dir);
      if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new Failure([{ file: dir, line: 1, column: 1, message: 'no such folder' }]);
      const articleRoot = articleRootFor(abs, opts.root, io.cwd);
      const how: StoreReadOptions = { followSymlinks: Boolean(opts.followSymlinks), notices: [], skipped: opts.skipUnreadable ? [] : undefined, articleRoot };
      const loaded = loadClaimsFolder(abs, io.cwd, how);
      // The store's decisions.yaml is read by gate and review: validate refuses what they would.
      const decisionsPath = resolve(abs, DECISIONS_FILE);
      const decisions = loadDecisions(decisionsPath, relative(io.cwd, decisionsPath) || DECISIONS_FILE);
      const problems = [...(loaded.ok ? [] : loaded.error), ...(decisions.ok ? [] : decisions.error)];
      if (problems.length || !loaded.ok) throw new Failure(problems);
      noteSkipped(io, [...(how.notices ?? []), ...outsideArticleRoot(loaded.value, abs, articleRoot, io.cwd)], Boolean(opts.quiet));
      failOrSkip(io, how.skipped ?? [], Boolean(opts.skipUnreadable));
      io.stdout(`${loaded.value.length} claims file${loaded.value.length === 1 ? '' : 's'} valid\n`);
      setExit(EXIT.ok);
    });

  program
    .command('check')
    .description('compare articles (or a claims folder) and report agreements, variants and conflicts; exit 1 on errors')
    .argument('<inputs...>', `${INPUTS_HELP}; or a claims folder`)
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(failOnOption('(not settled in review, not ignored inline)'))
    .option('--max-warnings <n>', 'exit 1 when more than this many warning-severity findings are reported', nonNegativeInt)
    .option('--color', 'colour the terminal format even when not on a terminal')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option(...CONFIG_OPTION)
    .option('--rules <dir>', 'your rules folder (adds to or overrides the shipped rules)')
    .option('--decisions <file>', 'editor decisions from corroborate review: accepted and rejected findings no longer fail the run')
    .option('--show <what>', 'agreements: every agreement in full in the markdown and html reports (one line each otherwise)', parseShow)
    .option(...SKIP_UNREADABLE)
    .option(...FOLLOW_SYMLINKS)
    .option('--root <dir>', ROOT_HELP)
    .addOption(STRICT)
    .option('-q, --quiet', 'no warnings or summary on stderr')
    .option('-j, --jobs <n>', 'threads for extraction (default: number of CPUs; 1 = single-threaded)', parseJobs)
    .option('--cache', 'for a claims folder: keep parsed claims files in its .corroborate-cache.json (faster next time)')
    .option('--max-article-bytes <n>', MAX_ARTICLE_BYTES_HELP, parseByteCount)
    .option(...STDIN_FILENAME)
    .option(...IGNORE_PATTERN, collect)
    .action((inputs: string[], opts: LintOptions & InputFlags & { rules?: string; decisions?: string; show?: 'agreements' }) => {
      const config = configFor(opts, io);
      const rules = rulesFor(opts.rules, io, opts.config);
      const { articles, claims, root, errors } = loadInputs(inputs, rules, io, inputOptions(opts));
      let report: Report = compareWithPhase(articles, claims, rules, errors, Boolean(opts.quiet));
      if (!opts.quiet) for (const u of report.unpaired ?? []) io.stderr(`warning: ${unpairedMessage(u)}\n`);
      report = withDirectives(report, articles, rules, root, io, Boolean(opts.quiet));
      if (opts.decisions) {
        const file = resolve(io.cwd, opts.decisions);
        if (!existsSync(file)) throw new Failure([{ file: opts.decisions, line: 1, column: 1, message: 'no such decisions file' }]);
        const decisions = loadDecisions(file, opts.decisions);
        if (!decisions.ok) throw new Failure(decisions.error);
        for (const p of unmatchedDecisions(decisions.value, new Set(report.findings.map((f) => f.id)))) io.stderr(`warning: ${formatProblem(p)}\n`);
        report = { ...report, findings: applyDecisions(report.findings, decisions.value) };
      }
      const failOn = opts.failOn ?? config['fail-on'] ?? 'conflict';
      const maxWarnings = opts.maxWarnings ?? config['max-warnings'];
      const format = formatFor(opts, config, io);
      const color = format === 'stylish' && useColor(opts.color, config, io, opts.out);
      const renderOptions = { cwd: io.cwd, root, articles: new Map(articles.map((a) => [a.id, a])), failOn, rules, color, showAgreements: opts.show === 'agreements' };
      emit(RENDERERS[format](report, renderOptions), opts.out, ioFor(io, color));
      appendStepSummary(report, renderOptions);
      const open = (report.findings as ReviewedFinding[]).filter((f) => !isSettled(f));
      const failing = open.filter((f) => fails(f, failOn)).length;
      const warnings = open.filter(isWarning).length;
      const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
      const s = report.summary;
      if (!opts.quiet && opts.out) {
        io.stderr(`${s.articles} articles, ${s.findings} findings: ${s.conflict} conflicts, ${s.variant} variants, ${s.agree} agreements -> ${opts.out}\n`);
      }
      if (!opts.quiet && tooManyWarnings) io.stderr(`corroborate: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
      setExit(failing > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok);
    });

  const rulesCmd = program.command('rules').description('inspect the rules in force');
  rulesCmd
    .command('list')
    .description('print id, comparator, severity and source file of every rule, those turned off (severity: off) too')
    .option('--rules <dir>', 'your rules folder')
    .option(...CONFIG_OPTION)
    .action((opts: { rules?: string; config?: string }) => {
      const rules = rulesFor(opts.rules, io, opts.config);
      const all = [...rules.rules, ...rules.data, ...rulesTurnedOff(rules)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const rows = all.map((r) => [r.id, r.extends, rules.data.includes(r) ? 'data' : r.severity, relative(io.cwd, r.file) || r.file]);
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), 8));
      io.stdout(['id', 'extends', 'severity', 'file'].map((h, i) => (i < 3 ? h.padEnd(widths[i]) : h)).join('  ') + '\n');
      for (const row of rows) io.stdout(row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ') + '\n');
      setExit(EXIT.ok);
    });

  rulesCmd
    .command('test')
    .description("run the examples: in every rule file; print file:line: expected X, got Y for each that fails")
    .option('--rules <dir>', 'your rules folder')
    .action((opts: { rules?: string }) => {
      const rules = rulesFor(opts.rules, io);
      const outcomes = runAllExamples(rules);
      let failed = 0;
      let skipped = 0;
      for (const o of outcomes) {
        const where = `${relative(io.cwd, o.example.file) || o.example.file}:${o.example.line}`;
        if (o.skipped) {
          skipped++;
          io.stdout(`${where}: skipped: ${o.detail}\n`);
        } else if (!o.passed) {
          failed++;
          io.stdout(`${where}: expected ${o.example.expect}, got ${o.got ?? 'an error'}\n  ${o.detail}\n`);
        }
      }
      const ran = outcomes.length - skipped;
      io.stdout(`${ran} examples, ${ran - failed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
      setExit(failed ? EXIT.findings : EXIT.ok);
    });

  for (const register of EXTRA_COMMANDS) register(program, io, setExit);
  return program;
}

/** `checkClaims`, with a line on a terminal while it runs: "comparing 120,000 claims of 8,000 articles…". */
function compareWithPhase(articles: readonly Article[], claims: ReadonlyMap<string, Claim[]>, rules: RuleSet, errors: readonly ExtractionError[], quiet: boolean): Report {
  let n = 0;
  for (const list of claims.values()) n += list.length;
  const phase = createPhase(`comparing ${countText(n)} claims of ${countText(articles.length)} articles`, { quiet });
  try {
    return checkClaims(articles, claims, rules, {}, errors);
  } finally {
    phase.done();
  }
}

/**
 * Inline directives in the articles (src/gate/directives.ts), as the gate applies them: covered findings
 * leave the report (its counts follow), and malformed or unused directives are warnings on stderr.
 */
function withDirectives(report: Report, articles: readonly Article[], rules: RuleSet, root: string, io: Io, quiet: boolean): Report {
  const outcome = applyDirectives(articles, report.findings, {
    ruleIds: new Set(rules.rules.map((r) => r.id)),
    reportsOn: () => true,
    pathOf: (id) => relativePath(io.cwd, resolve(root, id)),
  });
  if (!quiet) for (const n of outcome.notices) io.stderr(`warning: ${n.file}:${n.line}:${n.column}: ${n.message}\n`);
  if (!outcome.ignored.length) return report;
  const count = (v: Verdict) => outcome.kept.filter((f) => f.verdict === v).length;
  const summary = { ...report.summary, findings: outcome.kept.length, conflict: count('conflict'), variant: count('variant'), agree: count('agree') };
  if (!quiet) io.stderr(`corroborate: ${outcome.ignored.length} finding${outcome.ignored.length === 1 ? '' : 's'} ignored by inline directives\n`);
  return { ...report, summary, findings: outcome.kept };
}

/** Commands that live in their own modules (gate, review, ...): one line each. */
const EXTRA_COMMANDS: ((program: Command, io: Io, setExit: (code: number) => void) => void)[] = [
  (program, io, setExit) => registerReview(program, io, setExit),
  (program, io, setExit) => registerGate(program, io, setExit),
  (program, io, setExit) => registerEval(program, io, setExit),
];

/** The Io every command writes through: control characters from article text and file names shown as escapes. */
function escapingIo(io: Io): Io {
  return rememberRaw({ ...io, stdout: (s) => io.stdout(escapeControls(s)), stderr: (s) => io.stderr(escapeControls(s)) }, io);
}

/** Runs the CLI; resolves to the exit code. Never throws for a user's mistake. */
export async function main(argv: string[], given: Io = defaultIo): Promise<number> {
  const io = escapingIo(given);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.failure;
    }
    if (err instanceof Failure) {
      io.stderr(err.message + '\n');
      return EXIT.failure;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && e.path) {
      io.stderr(`corroborate: ${e.path}: ${e.message}\n`);
      return EXIT.failure;
    }
    throw err;
  }
}
