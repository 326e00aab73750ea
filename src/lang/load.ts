import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse, parseDocument } from 'yaml';
import { locateInYaml } from '../text/yaml-locate';
import { LANG_SCHEMAS, REPORT_ONLY_FILES, type LangData, type LangFile } from './schema';

/** The English data shipped with corroborate: `<package>/lang/en` (from `src/lang` and `dist/lang` alike). */
export const LANG_DIR = resolve(__dirname, '..', '..', 'lang', 'en');

/** A data file that does not parse or does not fit its schema: the message is `file:line:column: what`. */
export class LangDataError extends Error {
  override name = 'LangDataError';
}

/**
 * Reads and checks every file of a language folder: one YAML document each, validated against its schema
 * in `schema.ts`. All mistakes of all files are gathered into one error, each with file, line and column:
 * "lang/en/numbers.yaml:30:23: /number-nouns/dozen must be integer".
 */
// Start-up cost: every command and every worker reads these files, so the common case (the shipped data,
// which is valid) takes the quick road, a plain parse and one validator that stops at the first error; a
// file that fails is read again as a located document and checked for all its errors.
export function loadLangData(dir: string = LANG_DIR): LangData {
  const problems: string[] = [];
  const out: Partial<Record<LangFile, unknown>> = {};
  for (const name of Object.keys(LANG_SCHEMAS) as LangFile[]) {
    const file = join(dir, `${name}.yaml`);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`${file}: cannot read (${(e as Error).message})`);
      continue;
    }
    let value: unknown;
    try {
      value = parse(source, { uniqueKeys: true });
    } catch {
      value = undefined;
    }
    if (value !== undefined && quickValidator(name)(value)) {
      out[name] = value;
      continue;
    }
    problems.push(...locatedProblems(file, source, name));
  }
  if (problems.length > 0) throw new LangDataError(problems.join('\n'));
  return out as LangData;
}

let quickAjv: Ajv | undefined;
const quickValidators = new Map<LangFile, ValidateFunction>();

function quickValidator(name: LangFile): ValidateFunction {
  let v = quickValidators.get(name);
  if (v === undefined) {
    quickAjv ??= new Ajv({ strict: false });
    v = quickAjv.compile(LANG_SCHEMAS[name]);
    quickValidators.set(name, v);
  }
  return v;
}

/** Every problem of one file, with its line and column. */
function locatedProblems(file: string, source: string, name: LangFile): string[] {
  const problems: string[] = [];
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
      problems.push(`${file}:${line}:${col}: ${err.message.split('\n')[0]}`);
    }
    return problems;
  }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(LANG_SCHEMAS[name]);
  if (!validate(doc.toJS())) {
    for (const err of validate.errors ?? []) {
      const key = err.keyword === 'additionalProperties' ? String((err.params as { additionalProperty: string }).additionalProperty) : undefined;
      const at = locateInYaml(doc, source, err.instancePath, { key });
      problems.push(`${file}:${at.line}:${at.column}: ${describe(err)}`);
    }
  }
  return problems;
}

function describe(err: ErrorObject): string {
  const where = err.instancePath === '' ? 'file' : err.instancePath;
  if (err.keyword === 'additionalProperties') return `${where}: unknown key "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  if (err.keyword === 'uniqueItems') return `${where}: an entry is listed twice`;
  return `${where} ${err.message ?? 'is not valid'}`;
}

let loaded: LangData | undefined;
let fingerprint: string | undefined;

/**
 * A short hash of the English data extraction reads (16 hex digits): claims files record it, so claims made
 * with other language data are extracted again, never compared as they are.
 */
export function languageFingerprint(): string {
  if (fingerprint === undefined) {
    const read: Partial<LangData> = { ...lang() };
    for (const name of REPORT_ONLY_FILES) delete read[name];
    fingerprint = createHash('sha256').update(JSON.stringify(read)).digest('hex').slice(0, 16);
  }
  return fingerprint;
}

/** The shipped English data, read and checked once, on first use. */
export function lang(): LangData {
  if (loaded === undefined) loaded = checkedCopy() ?? loadLangData();
  return loaded;
}

/**
 * `npm run build` checks the data and keeps it as JSON beside this module (`en.json`), with a hash of
 * each YAML file it was read from. Reading that copy costs a few milliseconds where parsing the YAML and
 * compiling the schemas costs a few hundred, in every command and every worker; it is used only while
 * every file still has the hash it was checked with, so an edited file is read and checked again.
 */
export const CHECKED_COPY = join(__dirname, 'en.json');

interface CheckedCopy {
  hashes: Record<string, string>;
  data: LangData;
}

function hashOf(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

function checkedCopy(): LangData | undefined {
  let copy: CheckedCopy;
  try {
    copy = JSON.parse(readFileSync(CHECKED_COPY, 'utf8')) as CheckedCopy;
  } catch {
    return undefined;
  }
  for (const name of Object.keys(LANG_SCHEMAS)) {
    let source: string;
    try {
      source = readFileSync(join(LANG_DIR, `${name}.yaml`), 'utf8');
    } catch {
      return undefined;
    }
    if (copy.hashes?.[name] !== hashOf(source)) return undefined;
  }
  return copy.data;
}

/** Checks the shipped data and writes the checked copy (temp file, then rename). Run by `npm run build`. */
export function writeCheckedCopy(): void {
  const data = loadLangData();
  const hashes = Object.fromEntries(Object.keys(LANG_SCHEMAS).map((name) => [name, hashOf(readFileSync(join(LANG_DIR, `${name}.yaml`), 'utf8'))]));
  const tmp = `${CHECKED_COPY}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ hashes, data }));
  renameSync(tmp, CHECKED_COPY);
}

if (require.main === module) {
  try {
    writeCheckedCopy();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
