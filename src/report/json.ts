import type { Article, Claim, ExtractionError, Finding, Verdict } from '../types';
import { VERSION } from '../version';
import { labelFindings } from './labels';

export interface ReportArticle {
  id: string;
  referenceDate: string | null;
  referenceDateSource: string | null;
  outlet?: string;
  title?: string;
  url?: string;
  claims: number;
}

/** The JSON report (eval/REPORT-CONTRACT.md): tool, articles, summary, findings. */
export interface Report {
  tool: { name: 'corroborate'; version: string };
  articles: ReportArticle[];
  summary: { articles: number; claims: number; findings: number } & Record<Verdict, number>;
  findings: Finding[];
  /** Extractors that threw, by article (absent when none did): their claims are missing from the findings. */
  errors?: ExtractionError[];
}

export function buildReport(
  articles: readonly Article[],
  claimsByArticle: ReadonlyMap<string, Claim[]>,
  findings: Finding[],
  errors: readonly ExtractionError[] = [],
): Report {
  const count = (v: Verdict) => findings.filter((f) => f.verdict === v).length;
  const byId = new Map<string, Map<string, Claim>>();
  const find = (source: string, id: string): Claim | undefined => {
    let mine = byId.get(source);
    if (!mine) {
      mine = new Map((claimsByArticle.get(source) ?? []).map((c) => [c.id, c]));
      byId.set(source, mine);
    }
    return mine.get(id);
  };
  const report: Report = {
    tool: { name: 'corroborate', version: VERSION },
    articles: articles.map((a) => {
      const entry: ReportArticle = {
        id: a.id,
        referenceDate: a.referenceDate?.date ?? null,
        referenceDateSource: a.referenceDate?.source ?? null,
        claims: claimsByArticle.get(a.id)?.length ?? 0,
      };
      if (a.meta.outlet) entry.outlet = a.meta.outlet;
      if (a.meta.title) entry.title = a.meta.title;
      if (a.meta.url) entry.url = a.meta.url;
      return entry;
    }),
    summary: {
      articles: articles.length,
      claims: articles.reduce((n, a) => n + (claimsByArticle.get(a.id)?.length ?? 0), 0),
      findings: findings.length,
      conflict: count('conflict'),
      variant: count('variant'),
      agree: count('agree'),
    },
    findings: labelFindings(findings, find, new Map(articles.map((a) => [a.id, a]))),
  };
  if (errors.length) report.errors = [...errors];
  return report;
}

/** The report as JSON text: two-space indented, one trailing newline, the same bytes for the same input. */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
