import { existsSync } from 'node:fs';
import { readNeededText } from '../util/safe-read';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import type { Finding, Problem, Result } from '../types';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit } from '../util/stable';
import { parseYamlInput } from '../text/yaml-input';
import { fingerprintOf } from '../report/fingerprint';

export const BASELINE_FORMAT = 'corroborate/baseline@1';
/** The baseline the gate reads when `--baseline` is not given and this file exists in the working folder. */
export const DEFAULT_BASELINE = '.corroborate-baseline.yaml';

/** One accepted finding. Keyed by fingerprint, never by line: moving the text around keeps it accepted. */
export interface BaselineEntry {
  fingerprint: string;
  kind: string;
  rule: string;
  verdict: string;
  /** For people reading the file: what the finding said when it was accepted. */
  subject: string;
  message: string;
  sources: string[];
  /** Who accepted it, why, on which day (YYYY-MM-DD), and until when (optional, YYYY-MM-DD). */
  by: string;
  reason: string;
  accepted: string;
  expires?: string;
}

export interface Baseline {
  entries: BaselineEntry[];
}

/** Where each entry read from a file stands in it (its fingerprint), for notices that name file and line. */
const PLACES = new WeakMap<BaselineEntry, { file: string; line: number; column: number }>();

/** The file, line and column of an entry read from a baseline file; nothing for one made in memory. */
export function placeOf(e: BaselineEntry): { file?: string; line?: number; column?: number } {
  return PLACES.get(e) ?? {};
}

const isoDay = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const str = { type: 'string' };
const BASELINE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'entries'],
  properties: {
    format: { const: BASELINE_FORMAT },
    entries: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fingerprint', 'by', 'reason', 'accepted'],
        properties: {
          fingerprint: { type: 'string', minLength: 1 },
          kind: str,
          rule: str,
          verdict: str,
          subject: str,
          message: str,
          sources: { type: 'array', items: str },
          by: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 1 },
          accepted: isoDay,
          expires: isoDay,
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(BASELINE_SCHEMA);

/** Reads and checks a baseline file; every problem names the file, line and column. */
export function parseBaseline(displayName: string, source: string): Result<Baseline> {
  // YAML 1.1 would turn `2026-01-31` into a Date: the core schema keeps it a string, as written.
  const parsed = parseYamlInput(source, displayName, { version: '1.2', schema: 'core' });
  if (!parsed.ok) return parsed;
  const { doc, data, lineStarts } = parsed.value;
  if (!validate(data)) {
    const problems: Problem[] = (validate.errors ?? []).map((err) => {
      const key = err.keyword === 'additionalProperties' ? String(err.params.additionalProperty) : undefined;
      const where = locateInYaml(doc, source, err.instancePath, { key, lineStarts });
      const path = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'file';
      return { file: displayName, ...where, message: key ? `${path}: unknown key "${key}"` : `${path}: ${err.message}` };
    });
    return { ok: false, error: problems };
  }
  const blank = { kind: '', rule: '', verdict: '', subject: '', message: '', sources: [] as string[] };
  const entries: BaselineEntry[] = ((data as { entries: Partial<BaselineEntry>[] | null }).entries ?? []).map((e) => ({ ...blank, ...e }) as BaselineEntry);
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  entries.forEach((e, i) => {
    if (seen.has(e.fingerprint)) {
      problems.push({ file: displayName, ...locateInYaml(doc, source, `/entries/${i}/fingerprint`, { lineStarts }), message: `entries.${i}: fingerprint also in entries.${seen.get(e.fingerprint)}` });
    } else seen.set(e.fingerprint, i);
    PLACES.set(e, { file: displayName, ...locateInYaml(doc, source, `/entries/${i}/fingerprint`, { lineStarts }) });
  });
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: { entries } };
}

/** Reads the baseline at `abs`; a missing file is an empty baseline. */
export function readBaseline(abs: string, displayName: string): Result<Baseline> {
  if (!existsSync(abs)) return { ok: true, value: { entries: [] } };
  const text = readNeededText(abs, displayName);
  return text.ok ? parseBaseline(displayName, text.value) : text;
}

/** The YAML text of a baseline: entries sorted by fingerprint, so the file diffs well under review. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort((a, b) => byCodeUnit(a.fingerprint, b.fingerprint)).map((e) => {
    const out: Record<string, unknown> = {
      fingerprint: e.fingerprint, kind: e.kind, rule: e.rule, verdict: e.verdict, subject: e.subject, message: e.message,
      sources: e.sources, by: e.by, reason: e.reason, accepted: e.accepted,
    };
    if (e.expires) out.expires = e.expires;
    return out;
  });
  const header =
    '# corroborate baseline: findings accepted as they are. The gate does not fail on these.\n' +
    '# Keyed by a fingerprint of the fact and its readings (not by line). Remove stale entries with: corroborate gate ... --prune\n';
  return header + stringify({ format: BASELINE_FORMAT, entries }, { lineWidth: 0 });
}

/** A baseline entry for a finding accepted today. */
export function entryFor(f: Finding, by: string, reason: string, today: string, expires?: string): BaselineEntry {
  const sources = [...new Set(f.readings.flatMap((r) => r.claims.map((c) => c.source)))].sort(byCodeUnit);
  const e: BaselineEntry = {
    fingerprint: fingerprintOf(f), kind: f.kind, rule: f.rule, verdict: f.verdict, subject: f.subject, message: f.message,
    sources, by, reason, accepted: today,
  };
  if (expires) e.expires = expires;
  return e;
}

/** An entry past its expiry day no longer suppresses anything. */
export function isExpired(e: BaselineEntry, today: string): boolean {
  return e.expires !== undefined && e.expires < today;
}

/** Today as YYYY-MM-DD (UTC, so a CI runner in any zone agrees). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
