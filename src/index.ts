/**
 * corroborate as a library: what `corroborate check` does, for text already in memory.
 *
 *   const { extractClaims, compareClaims, renderReport } = require('corroborate');
 *   const a = extractClaims('The ferry carried 1,200 passengers.', { id: 'port.md', meta: { outlet: 'Tidewater Ledger' } });
 *   const b = extractClaims('The ferry carried 1,020 passengers.', { id: 'coast.md' });
 *   const report = compareClaims([a, b]);
 *   report.summary.conflict;              // 1
 *   renderReport(report, 'markdown');     // the report `check --format markdown` prints
 *
 * The same articles give the same claims, findings and report as the command line. A mistake in the
 * input (front matter that is no YAML, a `published:` that is no day, a rules folder that does not load,
 * two articles with one id) throws a `Failure` whose `problems` say where, `file:line:column`.
 */
import type { Article, ArticleMeta, Claim, ExtractionError, RuleSet } from './types';
import { buildArticle } from './ingest/article';
import { extractArticle, checkClaims } from './pipeline';
import { loadRules as loadRuleFolders } from './rules/loader';
import { RENDERERS } from './report';
import type { Report } from './report/json';
import { Failure } from './util/problem';
import { byCodeUnit } from './util/stable';

export type { Article, ArticleMeta, Claim, ClaimKind, ClaimValue, ExtractionError, Finding, Problem, RuleSet, Span, Verdict } from './types';
export type { Report } from './report/json';
export { Failure } from './util/problem';
export { VERSION } from './version';

/** One article read and its claims: what `compareClaims` compares. */
export interface Extracted {
  article: Article;
  claims: Claim[];
  /** Extractors that threw on this article (its other claims are kept); empty as a rule. */
  errors: ExtractionError[];
}

export interface ExtractOptions {
  /**
   * The article's id in claims and reports, and its format by the extension: "port.md" is Markdown,
   * "wire.html" a web page, anything else plain text. Default "article.txt".
   */
  id?: string;
  /** What front matter would say (outlet, title, url, published as YYYY-MM-DD); front matter in the text wins. */
  meta?: ArticleMeta;
}

/**
 * Reads `text` as one article and extracts its claims (dates, quantities, quotes and their speakers,
 * people, titles, entities), each with its exact `[start, end)` span in `text`.
 * `extractClaims('---\npublished: 2026-03-02\n---\nThe ferry left on Sunday.\n').claims[0].value` is the
 * date 2026-03-01.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): Extracted {
  const id = options.id ?? 'article.txt';
  const built = buildArticle(id, id, text, options.meta ?? {});
  if (!built.ok) throw new Failure(built.error);
  const errors: ExtractionError[] = [];
  const claims = extractArticle(built.value, {}, { errors });
  return { article: built.value, claims, errors };
}

/**
 * The shipped rules, with those of `folders` (your rules, as `--rules DIR` gives them) added or
 * overriding; relative folders are read from the working folder.
 */
export function loadRules(folders: readonly string[] = []): RuleSet {
  const loaded = loadRuleFolders(folders);
  if (!loaded.ok) throw new Failure(loaded.error);
  return loaded.value;
}

export interface CompareOptions {
  /** The rules in force (`loadRules`); default the shipped ones. */
  rules?: RuleSet;
}

let shipped: RuleSet | undefined;

/**
 * Compares the claims of several articles: every agreement, variant and conflict among them, with the
 * claims on each side, as `corroborate check` reports them (articles in id order).
 */
export function compareClaims(articles: readonly Extracted[], options: CompareOptions = {}): Report {
  const sorted = [...articles].sort((a, b) => byCodeUnit(a.article.id, b.article.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].article.id === sorted[i - 1].article.id) throw new Failure([{ file: sorted[i].article.id, line: 1, column: 1, message: 'two articles have this id' }]);
  }
  const rules = options.rules ?? (shipped ??= loadRules());
  const claims = new Map(sorted.map((e) => [e.article.id, e.claims]));
  return checkClaims(
    sorted.map((e) => e.article),
    claims,
    rules,
    {},
    sorted.flatMap((e) => e.errors),
  );
}

/** The formats a report renders to, as `--format` names them. */
export type ReportFormat = 'markdown' | 'html' | 'json' | 'sarif' | 'junit' | 'github' | 'stylish' | 'unix';

export interface RenderOptions {
  /** The articles compared: the HTML report shows each claim in its sentence (without them, claims alone). */
  articles?: readonly Extracted[];
  /** The rules in force: SARIF describes each rule from its file (default the shipped ones). */
  rules?: RuleSet;
}

/** The report as text in `format`: what `corroborate check --format FORMAT` prints for the same articles. */
export function renderReport(report: Report, format: ReportFormat = 'markdown', options: RenderOptions = {}): string {
  const render = RENDERERS[format];
  if (!render) throw new Failure(`unknown report format ${JSON.stringify(format)} (one of ${Object.keys(RENDERERS).join(', ')})`);
  const cwd = process.cwd();
  return render(report, {
    cwd,
    root: cwd,
    articles: new Map((options.articles ?? []).map((e) => [e.article.id, e.article])),
    rules: options.rules ?? (shipped ??= loadRules()),
    color: false,
  });
}
