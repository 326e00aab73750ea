import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import levenshtein from 'fast-levenshtein';
import type { ClaimKind, Comparator, Problem, Result, Rule, RuleSet, Severity } from '../types';
import { COMPARATORS } from '../compare/comparators';
import { emptyVocabulary, VOCABULARY_KINDS, type VocabularyKind } from '../text/vocabulary';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit } from '../util/stable';
import { readNeededText } from '../util/safe-read';
import { parseYamlInput } from '../text/yaml-input';
import { EXAMPLE_EXPECTATIONS, type RuleExample } from './example-types';
import { loadConfig } from './config';

/** The rules shipped with corroborate: `<package>/rules`. */
export const SHIPPED_RULES_DIR = resolve(__dirname, '..', '..', 'rules');

const CLAIM_KINDS: ClaimKind[] = ['date', 'quantity', 'quote', 'person', 'title', 'entity', 'relation'];

/** One test case of a rule file: two one-line articles and the verdict the rule must reach on them. */
const EXAMPLE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['a', 'b', 'expect'],
  properties: {
    a: { type: 'string', minLength: 1 },
    b: { type: 'string', minLength: 1 },
    expect: { enum: [...EXAMPLE_EXPECTATIONS] },
    with: { type: 'string', minLength: 1 },
    published: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    note: { type: 'string' },
  },
};

/** The shape every rule file shares; `params` is checked against the comparator's own schema after. */
const RULE_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['extends'],
  properties: {
    extends: { type: 'string', minLength: 1 },
    'applies-to': { type: 'array', minItems: 1, uniqueItems: true, items: { enum: CLAIM_KINDS } },
    severity: { enum: ['off', 'info', 'warning', 'error'] },
    description: { type: 'string' },
    params: { type: 'object' },
    examples: { type: 'array', minItems: 1, items: EXAMPLE_SCHEMA },
  },
};

/** Parameters the engine reads from every comparator rule. */
const LINK_PARAMS = {
  'link-agree': { type: 'number', minimum: 0, maximum: 1, default: 0.25 },
  'link-conflict': { type: 'number', minimum: 0, maximum: 1, default: 0.75 },
};

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
const validateRuleFile = ajv.compile(RULE_FILE_SCHEMA);
const paramValidators = new Map<string, ValidateFunction>();

function paramsValidator(kind: Comparator | VocabularyKind, isComparator: boolean): ValidateFunction {
  const key = `${isComparator ? 'c' : 'v'}:${kind.id}`;
  let v = paramValidators.get(key);
  if (!v) {
    const schema = kind.paramsSchema as { properties?: Record<string, unknown> };
    const full = isComparator ? { ...schema, properties: { ...LINK_PARAMS, ...(schema.properties ?? {}) } } : schema;
    v = ajv.compile(full);
    paramValidators.set(key, v);
  }
  return v;
}

/** A rule file as read, before rules from several folders are merged by id. */
interface LoadedRule {
  rule: Rule;
  vocabulary?: VocabularyKind;
}

/**
 * Loads the shipped rules, then each extra folder in order; a later rule with the same id replaces an
 * earlier one, and `severity: off` removes it. Every mistake in every file is reported, with file, line
 * and column, before any work starts.
 */
export function loadRules(extraDirs: readonly string[] = [], options: { shippedDir?: string; cwd?: string } = {}): Result<RuleSet> {
  const cwd = options.cwd ?? process.cwd();
  const dirs = [options.shippedDir ?? SHIPPED_RULES_DIR, ...extraDirs.map((d) => resolve(cwd, d))];
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedRule>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ file: relative(cwd, dir) || dir, line: 1, column: 1, message: 'rules folder not found' });
      continue;
    }
    const seenHere = new Map<string, string>();
    for (const name of readdirSync(dir).sort(byCodeUnit)) {
      if (!/\.ya?ml$/.test(name) || name.startsWith('.')) continue;
      const abs = join(dir, name);
      const shown = displayPath(abs, cwd);
      const id = basename(name).replace(/\.ya?ml$/, '');
      if (seenHere.has(id)) {
        problems.push({ file: shown, line: 1, column: 1, message: `duplicate rule id "${id}" (also ${seenHere.get(id)})` });
        continue;
      }
      seenHere.set(id, shown);
      // A rules folder in a pull request may hold a symlink to /dev/zero: only regular files are read.
      const text = readNeededText(abs, shown);
      const loaded = text.ok ? parseRuleFile(id, abs, shown, text.value) : text;
      if (!loaded.ok) problems.push(...loaded.error);
      else byId.set(id, loaded.value);
    }
  }
  if (!problems.length) problems.push(...unknownWith(byId, cwd));
  if (problems.length) return { ok: false, error: problems };
  const vocabulary = emptyVocabulary();
  const rules: Rule[] = [];
  const data: Rule[] = [];
  const off: Rule[] = [];
  for (const id of [...byId.keys()].sort(byCodeUnit)) {
    const { rule, vocabulary: kind } = byId.get(id)!;
    if (rule.severity === 'off') {
      off.push(rule);
      continue;
    }
    if (kind) {
      kind.merge(vocabulary, rule.params, rule.id);
      data.push(rule);
    } else rules.push(rule);
  }
  const set: RuleSet = { rules, data, vocabulary };
  OFF.set(set, off);
  return { ok: true, value: set };
}

/** Rules turned off (`severity: off`) in a set `loadRules` returned: `rules list` shows them. */
const OFF = new WeakMap<RuleSet, readonly Rule[]>();

export function rulesTurnedOff(set: RuleSet): readonly Rule[] {
  return OFF.get(set) ?? [];
}

/**
 * `with:` of a data rule's example must name a comparator rule of some folder (in force or `severity: off`:
 * turning a rule off must not break the data rules that mention it). Located by the example's own line.
 */
function unknownWith(byId: ReadonlyMap<string, LoadedRule>, cwd: string): Problem[] {
  const comparatorIds = [...byId.values()].filter((l) => !l.vocabulary).map((l) => l.rule.id).sort(byCodeUnit);
  const problems: Problem[] = [];
  for (const { rule, vocabulary } of byId.values()) {
    if (!vocabulary) continue;
    ruleExamples(rule).forEach((ex, i) => {
      if (ex.with === undefined || comparatorIds.includes(ex.with)) return;
      const guess = didYouMean(ex.with, comparatorIds);
      const what = byId.has(ex.with) ? `"${ex.with}" is a data rule, not a comparator rule` : `unknown rule "${ex.with}"`;
      problems.push({
        file: displayPath(ex.file, cwd),
        line: ex.line,
        column: ex.column,
        message: `examples.${i}.with: ${what}${guess ? ` (did you mean ${guess}?)` : ` (comparator rules: ${comparatorIds.join(', ')})`}`,
      });
    });
  }
  return problems;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

/** Parses one rule file: YAML, the shared shape, the comparator (with a did-you-mean), its params. */
export function parseRuleFile(id: string, abs: string, shown: string, source: string): Result<LoadedRule> {
  const parsed = parseYamlInput(source, shown, { readerRefusesProto: true });
  if (!parsed.ok) return parsed;
  const { doc, lineStarts } = parsed.value;
  const data = parsed.value.data as Record<string, unknown>;
  const at = (pointer: string, key?: string) => locateInYaml(doc, source, pointer, { key, lineStarts });
  const problems: Problem[] = [];
  if (!validateRuleFile(data)) {
    for (const err of validateRuleFile.errors ?? []) {
      problems.push(schemaProblem(shown, err, at));
    }
    return { ok: false, error: problems };
  }
  const extendsId = data.extends as string;
  const comparator = COMPARATORS.find((c) => c.id === extendsId);
  const vocabularyKind = VOCABULARY_KINDS.find((k) => k.id === extendsId);
  if (!comparator && !vocabularyKind) {
    const known = [...COMPARATORS.map((c) => c.id), ...VOCABULARY_KINDS.map((k) => k.id)];
    const guess = didYouMean(extendsId, known);
    return {
      ok: false,
      error: [{ file: shown, ...at('/extends'), message: `unknown comparator "${extendsId}"${guess ? ` (did you mean ${guess}?)` : ` (known: ${known.join(', ')})`}` }],
    };
  }
  const params = (data.params ?? {}) as Record<string, unknown>;
  const kind = comparator ?? vocabularyKind!;
  const validate = paramsValidator(kind, Boolean(comparator));
  if (!validate(params)) {
    for (const err of validate.errors ?? []) problems.push(schemaProblem(shown, err, at, '/params'));
    return { ok: false, error: problems };
  }
  const appliesTo = (data['applies-to'] as ClaimKind[] | undefined) ?? comparator?.kinds ?? [];
  if (comparator) {
    const foreign = appliesTo.filter((k) => !comparator.kinds.includes(k));
    if (foreign.length) {
      return {
        ok: false,
        error: [{ file: shown, ...at('/applies-to'), message: `comparator ${comparator.id} compares ${comparator.kinds.join(', ')}, not ${foreign.join(', ')}` }],
      };
    }
  } else if (data['applies-to'] !== undefined || data.severity !== undefined && data.severity !== 'off') {
    const key = data['applies-to'] !== undefined ? 'applies-to' : 'severity';
    return { ok: false, error: [{ file: shown, ...at('', key), message: `"${key}" has no meaning for a data rule (${extendsId})` }] };
  }
  if (vocabularyKind) problems.push(...duplicatePhrases(vocabularyKind, params, shown, at));
  const rawExamples = (data.examples ?? []) as Record<string, unknown>[];
  const examples: RuleExample[] = [];
  rawExamples.forEach((ex, i) => {
    if (vocabularyKind && ex.with === undefined) {
      problems.push({ file: shown, ...at(`/examples/${i}`), message: `examples.${i} needs "with": the comparator rule a ${extendsId} example runs (for example quote-wording)` });
    } else if (comparator && ex.with !== undefined) {
      problems.push({ file: shown, ...at(`/examples/${i}`, 'with'), message: `examples.${i}.with has no meaning for a comparator rule: its examples run ${id} itself` });
    }
    const where = at(`/examples/${i}`);
    const example: RuleExample = { a: ex.a as string, b: ex.b as string, expect: ex.expect as RuleExample['expect'], file: abs, ...where };
    for (const key of ['with', 'published', 'note'] as const) if (typeof ex[key] === 'string') example[key] = ex[key] as string;
    examples.push(example);
  });
  if (problems.length) return { ok: false, error: problems };
  const rule: Rule = {
    id,
    extends: extendsId,
    appliesTo,
    severity: (data.severity as Severity | undefined) ?? (comparator ? 'error' : 'info'),
    description: data.description as string | undefined,
    params,
    file: abs,
  };
  EXAMPLES.set(rule, examples);
  return { ok: true, value: { rule, vocabulary: vocabularyKind } };
}

/** Examples of each loaded rule, kept beside the shared `Rule` shape (which has no field for them). */
const EXAMPLES = new WeakMap<Rule, readonly RuleExample[]>();

/** The `examples:` entries of a rule returned by `loadRules` (empty when it has none). */
export function ruleExamples(rule: Rule): readonly RuleExample[] {
  return EXAMPLES.get(rule) ?? [];
}

/**
 * Data kinds whose sets map each word to one canonical form: a word in two sets of one file would
 * silently take the meaning of the later set ("us" in [united states, us] and in [us dollar, us]).
 * Paraphrase sets may share a word with two senses ("initiated" in a past-tense and a participle set).
 */
const ONE_MEANING_KINDS = new Set(['spelling', 'alias', 'predicate-synonyms']);

function duplicatePhrases(
  kind: VocabularyKind,
  params: Record<string, unknown>,
  file: string,
  at: (pointer: string, key?: string) => { line: number; column: number },
): Problem[] {
  if (!ONE_MEANING_KINDS.has(kind.id) || !Array.isArray(params.sets)) return [];
  const problems: Problem[] = [];
  const firstSet = new Map<string, number>();
  (params.sets as string[][]).forEach((set, i) => {
    set.forEach((phrase, j) => {
      const key = phraseKey(kind.id, phrase);
      const earlier = firstSet.get(key);
      if (earlier === undefined) firstSet.set(key, i);
      else if (earlier !== i) {
        problems.push({ file, ...at(`/params/sets/${i}/${j}`), message: `params.sets.${i}: "${phrase}" is already in params.sets.${earlier}; a ${kind.id} word may belong to one set only` });
      }
    });
  });
  return problems;
}

/** The form the vocabulary stores a phrase under: "U.S." and "us" are one alias key. */
function phraseKey(kind: string, phrase: string): string {
  const k = phrase.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
  return kind === 'alias' ? k.replace(/\./g, '') : k;
}

function schemaProblem(
  file: string,
  err: NonNullable<ValidateFunction['errors']>[number],
  at: (pointer: string, key?: string) => { line: number; column: number },
  prefix = '',
): Problem {
  const pointer = prefix + err.instancePath;
  const name = pointer.replace(/^\//, '').replace(/\//g, '.') || 'rule';
  if (err.keyword === 'additionalProperties') {
    const key = String(err.params.additionalProperty);
    const known = Object.keys(((err.parentSchema as { properties?: object })?.properties ?? {}) as object);
    const guess = didYouMean(key, known);
    return { file, ...at(pointer, key), message: `unknown key "${key}" in ${name}${guess ? ` (did you mean ${guess}?)` : ''}` };
  }
  if (err.keyword === 'enum') {
    return { file, ...at(pointer), message: `${name} ${err.message}: ${(err.params.allowedValues as unknown[]).join(', ')}` };
  }
  if (err.keyword === 'minItems' && err.params.limit === 1) return { file, ...at(pointer), message: `${name} must not be empty` };
  return { file, ...at(pointer), message: `${name} ${err.message}` };
}

/** The closest known name within two edits, for "did you mean" hints. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein.get(word, k);
    if (d < bestDistance || (d === bestDistance && best !== undefined && k < best)) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/**
 * The rules in force for a run: the shipped ones plus the user's folder (`--rules DIR`, else the one the
 * configuration names: `configFile`, else the nearest one found, src/rules/config.ts). Every command loads
 * its rules through this.
 */
export function loadRulesFor(option: string | undefined, cwd: string, configFile?: string): Result<RuleSet> {
  const dir = option ? resolve(cwd, option) : findUserRulesDir(cwd, configFile);
  return loadRules(dir ? [dir] : [], { cwd });
}

/**
 * The user's rules folder named by `rules:` in the configuration (`.corroboraterc.yaml`, `.yml`, `.json`
 * or package.json's `corroborate` key, in the working folder or a parent; relative to that file).
 */
export function findUserRulesDir(cwd = process.cwd(), configFile?: string): string | undefined {
  return loadConfig({ file: configFile, cwd }).config.rules;
}
