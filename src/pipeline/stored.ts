import { resolve } from 'node:path';
import { parseYamlInput } from '../text/yaml-input';
import type { ExtractionError, Problem, Result } from '../types';
import { buildArticle } from '../ingest/article';
import { articleRootFor, claimsFileOf, claimsPathFor, listClaimsFilesWithStats, parseClaimsFile, readListedText, readStoredArticle, sha256, type ClaimsFile, type StoreReadOptions } from '../claims/io';
import { extractArticle } from '../pipeline';
import { byCodeUnit } from '../util/stable';
import { relativePath } from '../report/locate';

/**
 * Stored claims are compared only as this run would extract them: a claims file made by another claims
 * format, another extractor or other language data is extracted again from its article when the article
 * is at hand and unchanged (same SHA-256), and refused with its file, line and column otherwise. Stored
 * and fresh claims are never mixed. The rules are no part of it: their vocabulary is applied when claims
 * are compared, so a changed rule needs no new extraction.
 */

/** The stored article a claims file names, as far as it can be read without the schema. */
interface StoredArticle {
  id?: unknown;
  file?: unknown;
  sha256?: unknown;
  meta?: unknown;
}

/** The claims file at `abs` made again from its article, or undefined when the article is not at hand as it was. */
export function extractAgain(abs: string, stored: StoredArticle, storeDir: string, errors: ExtractionError[], articleRoot: string): ClaimsFile | undefined {
  if (typeof stored.id !== 'string' || typeof stored.file !== 'string' || typeof stored.sha256 !== 'string') return undefined;
  const path = resolve(abs, '..', stored.file);
  const text = readStoredArticle(abs, stored.file, articleRoot);
  if (text === undefined || sha256(text) !== stored.sha256) return undefined;
  const id = stored.id;
  try {
    if (claimsPathFor(storeDir, id) !== abs) return undefined;
  } catch {
    return undefined;
  }
  const meta = stored.meta && typeof stored.meta === 'object' ? (stored.meta as Record<string, string>) : {};
  const built = buildArticle(id, path, text, meta);
  if (!built.ok) return undefined;
  const claims = extractArticle(built.value, {}, { errors });
  return claimsFileOf(built.value, claims, storeDir);
}

/**
 * Every claims file of `dir`, sorted by article id, each as this run would extract it (see above).
 * Problems of all files come together; `errors` collects extractors that threw while extracting again.
 */
export function loadCurrentClaims(dir: string, cwd: string, errors: ExtractionError[], options: StoreReadOptions = {}): Result<ClaimsFile[]> {
  const problems: Problem[] = [];
  const files: ClaimsFile[] = [];
  const articleRoot = options.articleRoot ?? articleRootFor(dir);
  for (const listed of listClaimsFilesWithStats(dir, options)) {
    const read = readListedText(listed, cwd);
    if (!read.ok) {
      (options.skipped ?? problems).push(...read.error);
      continue;
    }
    const source = read.value;
    const shown = relativePath(cwd, listed.abs);
    const parsed = parseClaimsFile(shown, source, listed.abs, articleRoot);
    if (parsed.ok) {
      files.push(parsed.value);
      continue;
    }
    const yaml = parseYamlInput(source, shown);
    const data = yaml.ok ? (yaml.value.data as { article?: StoredArticle } | null) : undefined;
    // Only files made elsewhere are extracted again; a broken file is reported as it is.
    const stale = parsed.error.length === 1 && /^claims (written as|made by) /.test(parsed.error[0].message);
    const again = stale && data?.article ? extractAgain(listed.abs, data.article, dir, errors, articleRoot) : undefined;
    if (again) files.push(again);
    else (options.skipped ?? problems).push(...parsed.error);
  }
  if (problems.length) return { ok: false, error: problems };
  files.sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  return { ok: true, value: files };
}
