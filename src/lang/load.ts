import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { locateInYaml } from '../util/yaml-locate';
import { LANG_SCHEMAS, type LangData, type LangFile } from './schema';

/** The English data shipped with corroborate: `<package>/lang/en` (from `src/lang` and `dist/lang` alike). */
export const LANG_DIR = resolve(__dirname, '..', '..', 'lang', 'en');

/** A data file that does not parse or does not fit its schema: the message is `file:line:column: what`. */
export class LangDataError extends Error {
  override name = 'LangDataError';
}

/**
 * Reads and checks every file of a language folder: one YAML document each, validated against its schema
 * in `schema.ts`. All mistakes of all files are gathered into one error, each with file, line and column:
 * "lang/en/calendar.yaml:4:12: /months/sept must be integer".
 */
export function loadLangData(dir: string = LANG_DIR): LangData {
  const ajv = new Ajv({ allErrors: true, strict: false });
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
    const doc = parseDocument(source, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
        problems.push(`${file}:${line}:${col}: ${err.message.split('\n')[0]}`);
      }
      continue;
    }
    const value = doc.toJS() as unknown;
    const validate = ajv.compile(LANG_SCHEMAS[name]);
    if (!validate(value)) {
      for (const err of validate.errors ?? []) {
        const key = err.keyword === 'additionalProperties' ? String((err.params as { additionalProperty: string }).additionalProperty) : undefined;
        const at = locateInYaml(doc, source, err.instancePath, { key });
        problems.push(`${file}:${at.line}:${at.column}: ${describe(err)}`);
      }
      continue;
    }
    out[name] = value;
  }
  if (problems.length > 0) throw new LangDataError(problems.join('\n'));
  return out as LangData;
}

function describe(err: ErrorObject): string {
  const where = err.instancePath === '' ? 'file' : err.instancePath;
  if (err.keyword === 'additionalProperties') return `${where}: unknown key "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  if (err.keyword === 'uniqueItems') return `${where}: an entry is listed twice`;
  return `${where} ${err.message ?? 'is not valid'}`;
}

let loaded: LangData | undefined;

/** The shipped English data, read and checked once, on first use. */
export function lang(): LangData {
  if (loaded === undefined) loaded = loadLangData();
  return loaded;
}
