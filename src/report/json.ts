import type { Article, Claim, ExtractionError, Finding, Verdict } from '../types';
import { VERSION } from '../version';
import { labelFindings } from './labels';
import { MAX_BUCKET } from '../compare/engine';

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
  /**
   * Per rule, claims that a cap on comparison left unpaired (absent when none): they share a block key
   * with other claims, but that key held too many claims to pair, even once twins were set aside and
   * stories told apart, so they were compared with no other claim.
   */
  unpaired?: { rule: string; claims: number; reason: string }[];
}

export function buildReport(
  articles: readonly Article[],
  claimsByArticle: ReadonlyMap<string, Claim[]>,
  findings: Finding[],
  errors: readonly ExtractionError[] = [],
  unpaired: Readonly<Record<string, number>> = {},
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
  const capped = Object.keys(unpaired).sort();
  if (capped.length) report.unpaired = capped.map((rule) => ({ rule, claims: unpaired[rule], reason: UNPAIRED_REASON }));
  return report;
}

export const UNPAIRED_REASON = `a block key they share held more than ${MAX_BUCKET} claims, too many to pair, even with twins set aside and stories told apart`;

/** "1204 claims of rule name-spelling were compared with no other claim: a block key they share held ...". */
export function unpairedMessage(u: { rule: string; claims: number; reason: string }): string {
  return `${u.claims} claim${u.claims === 1 ? '' : 's'} of rule ${u.rule} ${u.claims === 1 ? 'was' : 'were'} compared with no other claim: ${u.reason}`;
}

/** The report as JSON text: two-space indented, one trailing newline, the same bytes for the same input. */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
