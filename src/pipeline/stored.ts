import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { ExtractionError, Problem, Result, RuleSet } from '../types';
import { buildArticle } from '../ingest/article';
import { claimsFileOf, claimsPathFor, listClaimsFilesWithStats, parseClaimsFile, readListedText, readStoredArticle, sha256, type ClaimsFile, type StoreReadOptions } from '../claims/io';
import { vocabularyFingerprint } from '../text/vocabulary';
import { extractArticle } from '../pipeline';
import { byCodeUnit } from '../util/stable';
import { relativePath } from '../report/locate';

/**
 * Stored claims are compared only as this run would extract them: a claims file made by another claims
 * format, another extractor or with another vocabulary is extracted again from its article when the
 * article is at hand and unchanged (same SHA-256), and refused with its file, line and column otherwise.
 * Stored and fresh claims are never mixed.
 */

/** The stored article a claims file names, as far as it can be read without the schema. */
interface StoredArticle {
  id?: unknown;
  file?: unknown;
  sha256?: unknown;
  meta?: unknown;
}

/** The claims file at `abs` made again from its article, or undefined when the article is not at hand as it was. */
export function extractAgain(
  abs: string,
  stored: StoredArticle,
  storeDir: string,
  rules: RuleSet,
  errors: ExtractionError[],
  articleRoot?: string,
): ClaimsFile | undefined {
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
  const claims = extractArticle(built.value, { rules }, { errors });
  return claimsFileOf(built.value, claims, storeDir, vocabularyFingerprint(rules.vocabulary));
}

/** True when `file` was made with another vocabulary than `rules` have (a file that names none is taken as it is). */
export function otherVocabulary(file: ClaimsFile, rules: RuleSet): boolean {
  return file.vocabulary !== undefined && file.vocabulary !== vocabularyFingerprint(rules.vocabulary);
}

/**
 * Every claims file of `dir`, sorted by article id, each as this run would extract it (see above).
 * Problems of all files come together; `errors` collects extractors that threw while extracting again.
 */
export function loadCurrentClaims(dir: string, cwd: string, rules: RuleSet, errors: ExtractionError[], options: StoreReadOptions = {}): Result<ClaimsFile[]> {
  const problems: Problem[] = [];
  const files: ClaimsFile[] = [];
  const articleRoot = options.articleRoot;
  for (const listed of listClaimsFilesWithStats(dir, options)) {
    const read = readListedText(listed, cwd);
    if (!read.ok) {
      (options.skipped ?? problems).push(...read.error);
      continue;
    }
    const source = read.value;
    const shown = relativePath(cwd, listed.abs);
    const parsed = parseClaimsFile(shown, source, listed.abs, articleRoot);
    if (parsed.ok && !otherVocabulary(parsed.value, rules)) {
      files.push(parsed.value);
      continue;
    }
    const doc = parseDocument(source, { prettyErrors: false });
    const data = doc.errors.length ? undefined : (doc.toJS() as { article?: StoredArticle } | null);
    // Only files made elsewhere are extracted again; a broken file is reported as it is.
    const stale = parsed.ok || (parsed.error.length === 1 && /^claims (written as|made by) /.test(parsed.error[0].message));
    const again = stale && data?.article ? extractAgain(listed.abs, data.article, dir, rules, errors, articleRoot) : undefined;
    if (again) files.push(again);
    else if (!parsed.ok) (options.skipped ?? problems).push(...parsed.error);
    else {
      (options.skipped ?? problems).push({
        file: shown,
        line: 1,
        column: 1,
        message: `claims made with another vocabulary (rules changed) and the article ${parsed.value.article.file ?? parsed.value.article.id} is not at hand as it was: extract it again`,
      });
    }
  }
  if (problems.length) return { ok: false, error: problems };
  files.sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  return { ok: true, value: files };
}
