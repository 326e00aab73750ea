import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Ajv from 'ajv';
import { Option, type Command } from 'commander';
import { parseDocument } from 'yaml';
import type { Problem } from '../types';
import { checkClaims } from '../pipeline';
import { emit, EXIT, loadInputs, rulesFor, type Io } from '../pipeline/inputs';
import type { Report } from '../report/json';
import { placeStatements, renderEvalJson, renderEvalMarkdown, scoreReport, type EvalResult, type Gold } from '../report/eval';
import { locateInYaml } from '../text/yaml-locate';
import { readNeededText } from '../util/safe-read';
import { byCodeUnit } from '../util/stable';
import { Failure } from '../util/problem';

/** The gold file a story folder holds. */
export const GOLD_FILE = 'gold.json';

const LABEL = { enum: ['agree', 'variant', 'conflict', 'compatible'] };
const READING = { type: 'string', minLength: 1 };
/** docs/eval.md describes each field. */
const GOLD_SCHEMA = {
  type: 'object',
  required: ['facts'],
  properties: {
    corpus: { type: 'string' },
    about: { type: 'string' },
    facts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'statements'],
        properties: {
          id: { type: 'string', minLength: 1 },
          kind: { type: 'string', minLength: 1 },
          about: { type: 'string' },
          readings: { type: 'object', additionalProperties: { type: 'string' } },
          relations: { type: 'object', additionalProperties: LABEL, propertyNames: { pattern: '^[^|]+\\|[^|]+$' } },
          stretch: { type: 'boolean' },
          statements: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['source', 'anchor', 'reading'],
              properties: {
                source: { type: 'string', minLength: 1 },
                anchor: { type: 'string', minLength: 1 },
                reading: { oneOf: [READING, { type: 'array', minItems: 1, items: READING }] },
                note: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
};
const validateGold = new Ajv({ allErrors: true, strict: false }).compile(GOLD_SCHEMA);

/** A gold file read and checked; every problem (bad JSON, a wrong field, an anchor not in its article) at file:line:column. */
function loadGold(abs: string, shown: string, textOf: (source: string) => string | undefined): { gold: Gold; placed: ReturnType<typeof placeStatements>['placed'] } {
  const read = readNeededText(abs, shown);
  if (!read.ok) throw new Failure(read.error);
  const doc = parseDocument(read.value);
  const at = (pointer: string, key?: string) => locateInYaml(doc, read.value, pointer, { key });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new Failure([{ file: shown, line: pos?.line ?? 1, column: pos?.col ?? 1, message: `broken JSON: ${e.message.split('\n')[0]}` }]);
  }
  const data = doc.toJS() as unknown;
  if (!validateGold(data)) {
    throw new Failure(
      (validateGold.errors ?? []).slice(0, 20).map((err): Problem => {
        const key = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
        const name = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'gold';
        return { file: shown, ...at(err.instancePath, key), message: key ? `unknown key "${key}" in ${name}` : `${name} ${err.message}` };
      }),
    );
  }
  const gold = data as unknown as Gold;
  for (const f of gold.facts) f.relations ??= {};
  const { placed, notFound } = placeStatements(gold, textOf);
  if (notFound.length) throw new Failure(notFound.map((n) => ({ file: shown, ...at(`/facts/${n.fact}/statements/${n.statement}/anchor`), message: n.message })));
  return { gold, placed };
}

/** Article texts of a folder, read once each, only as regular files inside it. */
function textsIn(dir: string): (source: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (source) => {
    if (!cache.has(source)) {
      const abs = resolve(dir, source);
      const inside = !relative(dir, abs).startsWith('..');
      const read = inside && existsSync(abs) ? readNeededText(abs, source) : undefined;
      cache.set(source, read?.ok ? read.value : undefined);
    }
    return cache.get(source);
  };
}

interface EvalOpts {
  gold?: string;
  articles?: string;
  format: 'markdown' | 'json';
  out?: string;
  rules?: string;
  config?: string;
}

/**
 * `corroborate eval TARGET --gold GOLD.json`: TARGET is a JSON report (from `check --format json`), a story
 * folder (checked here, then scored), or a folder of story folders each holding a gold.json.
 */
export function registerEval(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('score findings against hand-labelled stories (gold.json, docs/eval.md): facts found, precision, per kind and per source, missed and wrong pairs')
    .argument('<report-or-dir>', 'a JSON report, a folder of articles with its gold.json, or a folder of such story folders')
    .option('--gold <file>', `the labels (default: ${GOLD_FILE} in the folder)`)
    .option('--articles <dir>', "for a JSON report: the folder its article ids are relative to (default: the gold file's folder)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('-o, --out <file>', 'write the scores to a file (atomically) instead of stdout')
    .option('--rules <dir>', 'your rules folder (for a folder checked here)')
    .option('--config <file>', 'configuration file (for a folder checked here)')
    .action((target: string, opts: EvalOpts) => {
      const abs = resolve(io.cwd, target);
      if (!existsSync(abs)) throw new Failure([{ file: target, line: 1, column: 1, message: 'no such report or folder' }]);
      const stories: { name: string; result: EvalResult }[] = [];
      if (statSync(abs).isFile()) {
        if (!opts.gold) throw new Failure('eval: a JSON report needs --gold GOLD.json');
        const goldAbs = resolve(io.cwd, opts.gold);
        const articles = opts.articles ? resolve(io.cwd, opts.articles) : dirname(goldAbs);
        stories.push({ name: basename(target), result: scoreOne(readReport(abs, target), goldAbs, opts.gold, articles) });
      } else {
        const own = opts.gold ? resolve(io.cwd, opts.gold) : join(abs, GOLD_FILE);
        const dirs = existsSync(own) ? [abs] : storyFolders(abs);
        if (!dirs.length) throw new Failure([{ file: target, line: 1, column: 1, message: `no ${GOLD_FILE} in this folder or its subfolders (or give --gold)` }]);
        const rules = rulesFor(opts.rules, io, opts.config);
        for (const dir of dirs) {
          const goldAbs = dir === abs ? own : join(dir, GOLD_FILE);
          const { articles, claims, errors } = loadInputs([dir], rules, io, { quiet: true });
          const report = checkClaims(articles, claims, rules, {}, errors);
          stories.push({ name: relative(io.cwd, dir) || '.', result: scoreOne(report, goldAbs, relative(io.cwd, goldAbs), dir) });
        }
      }
      emit(opts.format === 'json' ? renderEvalJson(stories) : renderEvalMarkdown(stories), opts.out, io);
      setExit(EXIT.ok);
    });
}

function scoreOne(report: Report, goldAbs: string, goldShown: string, articlesDir: string): EvalResult {
  if (!existsSync(goldAbs)) throw new Failure([{ file: goldShown, line: 1, column: 1, message: 'no such gold file' }]);
  const textOf = textsIn(articlesDir);
  const { gold, placed } = loadGold(goldAbs, goldShown, textOf);
  return scoreReport(report, gold, placed, textOf);
}

function storyFolders(dir: string): string[] {
  return readdirSync(dir)
    .sort(byCodeUnit)
    .map((d) => join(dir, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, GOLD_FILE)));
}

function readReport(abs: string, shown: string): Report {
  const read = readNeededText(abs, shown);
  if (!read.ok) throw new Failure(read.error);
  let data: unknown;
  try {
    data = JSON.parse(read.value);
  } catch (err) {
    const doc = parseDocument(read.value);
    const pos = doc.errors[0]?.linePos?.[0];
    throw new Failure([{ file: shown, line: pos?.line ?? 1, column: pos?.col ?? 1, message: `not a JSON report: ${(err as Error).message}` }]);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw new Failure([{ file: shown, line: 1, column: 1, message: 'not a corroborate JSON report: no "findings" list' }]);
  return data as Report;
}
