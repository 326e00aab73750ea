import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MAX_YAML_BYTES, parseYamlInput } from '../text/yaml-input';
import { readRegularText } from '../util/safe-read';
import type { ClaimRef, Finding } from '../types';
import type { Report } from './json';
import { claimsPathFor } from '../claims/io';
import { gateOf } from './gate-section';

/** Where a claim sits, 1-based; `endColumn` is the column just after the last character (SARIF and GitHub agree). */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * The region of a claim from its start line/column and its text: "1,200\npassengers" starting at 4:19
 * ends at 5:11. Columns count UTF-16 code units, as the offsets do.
 */
export function regionOf(c: Pick<ClaimRef, 'line' | 'column' | 'text'>): Region {
  let endLine = c.line;
  let lastBreak = -1;
  for (let i = 0; i < c.text.length; i++) {
    const ch = c.text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (ch === 13 && c.text.charCodeAt(i + 1) === 10) i++;
      endLine++;
      lastBreak = i;
    }
  }
  const endColumn = lastBreak < 0 ? c.column + c.text.length : c.text.length - lastBreak;
  return { startLine: c.line, startColumn: c.column, endLine, endColumn };
}

/** Every claim of a finding, reading by reading. */
export function claimsOf(f: Finding): ClaimRef[] {
  return f.readings.flatMap((r) => (r.repeats ? [...r.claims, ...r.repeats] : r.claims));
}

/**
 * The claim a CI annotation points at. A claim of an article being checked comes first (that is the file
 * the pull request touches); otherwise the first claim of the last reading, the one fewest sources give
 * ("1,020" against three sources saying "1,200").
 */
export function primaryClaim(f: Finding, newArticles: ReadonlySet<string> = new Set()): ClaimRef | undefined {
  const all = claimsOf(f);
  if (newArticles.size) {
    for (let r = f.readings.length - 1; r >= 0; r--) {
      const hit = f.readings[r].claims.find((c) => newArticles.has(c.source));
      if (hit) return hit;
    }
  }
  return f.readings[f.readings.length - 1]?.claims[0] ?? all[0];
}

/** `/`-separated path of `abs` relative to `cwd`. */
export function relativePath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/');
}

/**
 * Maps an article id of the report to the article file's path relative to the working folder. The gate
 * records the paths it knows; for `check` the article lies at `root/id`, unless `root` is a claims folder,
 * where the claims file's `article.file` says where the article is.
 */
export function articlePathResolver(report: Report, options: { cwd: string; root: string }): (id: string) => string {
  const known = gateOf(report)?.paths ?? {};
  const cache = new Map<string, string>();
  return (id: string) => {
    if (Object.prototype.hasOwnProperty.call(known, id)) return known[id];
    let hit = cache.get(id);
    if (hit === undefined) {
      hit = relativePath(options.cwd, findArticleFile(options.root, id));
      cache.set(id, hit);
    }
    return hit;
  };
}

function findArticleFile(root: string, id: string): string {
  const direct = resolve(root, id);
  if (existsSync(direct)) return direct;
  try {
    const claimsFile = claimsPathFor(root, id);
    if (existsSync(claimsFile)) {
      const text = readRegularText(claimsFile, MAX_YAML_BYTES);
      const parsed = text === undefined ? undefined : parseYamlInput(text, claimsFile);
      const data = parsed?.ok ? (parsed.value.data as { article?: { file?: unknown } } | null) : undefined;
      const file = data?.article?.file;
      if (typeof file === 'string' && file) return isAbsolute(file) ? file : resolve(dirname(claimsFile), file);
    }
  } catch {
    /* an id that cannot name a claims file, or a file that does not parse: fall back to root/id */
  }
  return direct;
}
