import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Ajv from 'ajv';
import levenshtein from 'fast-levenshtein';
import { lilconfigSync, type LoaderSync } from 'lilconfig';
import { parseDocument, type Document } from 'yaml';
import type { Problem } from '../types';
import { FAIL_ON_CHOICES, type FailOn } from '../compare/severity';
import { locateInYaml } from '../text/yaml-locate';
import { readNeededText } from '../util/safe-read';
import { parseYamlInput } from '../text/yaml-input';
import { Failure } from '../util/problem';

/** Where a configuration is looked for, in each folder from the working folder up, first hit wins. */
export const CONFIG_FILES = ['package.json', '.corroboraterc.yaml', '.corroboraterc.yml', '.corroboraterc.json'] as const;
/** The key of package.json that holds the configuration. */
export const PACKAGE_KEY = 'corroborate';
/** Report formats a configuration may name (the CLI's `--format` choices; a test keeps the two equal). */
export const CONFIG_FORMATS = ['github', 'html', 'json', 'junit', 'markdown', 'sarif', 'stylish', 'unix'] as const;

/** A configuration as read: every key optional; a command-line option wins over it. */
export interface Config {
  /** Your rules folder, absolute (written relative to the configuration file). */
  rules?: string;
  'fail-on'?: FailOn;
  'max-warnings'?: number;
  format?: (typeof CONFIG_FORMATS)[number];
  color?: boolean;
}

export interface LoadedConfig {
  /** The file it came from (absolute); absent when none was found. */
  file?: string;
  config: Config;
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'string', minLength: 1 },
    'fail-on': { enum: [...FAIL_ON_CHOICES] },
    'max-warnings': { type: 'integer', minimum: 0 },
    format: { enum: [...CONFIG_FORMATS] },
    color: { type: 'boolean' },
  },
};
const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

/** A path as messages show it: relative to the working folder. */
function shown(cwd: string, abs: string): string {
  return relative(cwd, abs) || abs;
}

// Through the reader every user YAML file goes through: alias bombs, deep nesting, duplicate and
// `__proto__` keys are refused at their line and column (JSON is YAML, so .json files go the same way).
function parsed(text: string, display: string): { doc: Document } {
  const result = parseYamlInput(text, display);
  if (!result.ok) throw new Failure(result.error);
  return { doc: result.value.doc };
}

/**
 * The configuration of a run: `file` when given (`--config FILE`, any of the names above or another
 * .yaml/.yml/.json name), else the first of CONFIG_FILES in the working folder or a parent. Broken YAML,
 * an unknown key (with a did-you-mean) or a wrong value throws a Failure naming file, line and column.
 */
export function loadConfig(options: { file?: string; cwd: string }): LoadedConfig {
  const cwd = resolve(options.cwd);
  const shownPath = (abs: string) => shown(cwd, abs);
  // YAML and JSON alike go through the YAML parser (JSON is YAML), so a syntax error has a line and column.
  const parseLoader: LoaderSync = (filepath, content) => parsed(content, shownPath(filepath)).doc.toJS();
  const explorer = lilconfigSync('corroborate', {
    searchPlaces: [...CONFIG_FILES],
    packageProp: PACKAGE_KEY,
    cache: false,
    loaders: { '.yaml': parseLoader, '.yml': parseLoader, '.json': parseLoader, noExt: parseLoader },
  });
  let found: { filepath: string; config: unknown } | null;
  if (options.file !== undefined) {
    const abs = resolve(cwd, options.file);
    if (!existsSync(abs)) throw new Failure([{ file: options.file, line: 1, column: 1, message: 'no such configuration file' }]);
    refuseIrregular(abs, cwd);
    found = explorer.load(abs);
  } else {
    for (let dir = cwd; ; dir = dirname(dir)) {
      for (const name of CONFIG_FILES) refuseIrregular(join(dir, name), cwd);
      if (dirname(dir) === dir) break;
    }
    found = explorer.search(cwd);
  }
  if (!found || found.config === null || found.config === undefined) return { file: found?.filepath, config: {} };
  const file = found.filepath;
  const problems = check(found.config, file, shownPath(file), basename(file) === 'package.json' ? `/${PACKAGE_KEY}` : '');
  if (problems.length) throw new Failure(problems);
  const config = { ...(found.config as Config) };
  if (config.rules !== undefined) {
    const named = config.rules;
    config.rules = resolve(dirname(file), named);
    // 'rules: my-rules' naming no folder is a mistake at that line, not a run without the user's rules.
    if (!isDirectory(config.rules)) {
      const text = readNeededText(file, shownPath(file));
      const doc = text.ok ? parseDocument(text.value) : undefined;
      const prefix = basename(file) === 'package.json' ? `/${PACKAGE_KEY}` : '';
      const at = doc && text.ok ? locateInYaml(doc, text.value, `${prefix}/rules`) : { line: 1, column: 1 };
      throw new Failure([{ file: shownPath(file), ...at, message: `rules folder ${JSON.stringify(named)} not found` }]);
    }
  }
  return { file, config };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A configuration file that is there but is no regular file (a symlink to /dev/zero in a pull request, a
 * folder) is refused before anything reads it.
 */
function refuseIrregular(abs: string, cwd: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    return; // not there (or a dangling link): nothing to read
  }
  if (!isFile) throw new Failure([{ file: shown(cwd, abs), line: 1, column: 1, message: 'not a regular file; a configuration must be one' }]);
}

/** Schema problems, each at its key or value in the file (read again, through the safe reader, to locate). */
function check(data: unknown, file: string, display: string, prefix: string): Problem[] {
  if (validate(data)) return [];
  const text = readNeededText(file, display);
  const doc = text.ok ? parseDocument(text.value) : undefined;
  const at = (pointer: string, key?: string) => (doc && text.ok ? locateInYaml(doc, text.value, prefix + pointer, { key }) : { line: 1, column: 1 });
  return (validate.errors ?? []).map((err) => {
    const name = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'configuration';
    if (err.keyword === 'additionalProperties') {
      const key = String(err.params.additionalProperty);
      const guess = closest(key, Object.keys(SCHEMA.properties));
      return { file: display, ...at(err.instancePath, key), message: `unknown key "${key}"${guess ? ` (did you mean ${guess}?)` : ` (known: ${Object.keys(SCHEMA.properties).join(', ')})`}` };
    }
    if (err.keyword === 'enum') return { file: display, ...at(err.instancePath), message: `${name} must be one of: ${(err.params.allowedValues as unknown[]).join(', ')}` };
    return { file: display, ...at(err.instancePath), message: `${name} ${err.message}` };
  });
}

/** The known key within a few edits of `word` ("severty" -> "severity"), for did-you-mean hints. */
function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein.get(word, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}
