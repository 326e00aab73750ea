import { appendFileSync } from 'node:fs';
import type { Report } from '../report/json';
import { mdEscape } from '../report/markdown';
import { articlePathResolver, primaryClaim } from '../report/locate';
import { gateOf } from '../report/gate-section';

/**
 * A short Markdown summary for a CI job page: counts, then one table row per conflict and variant with a
 * link-free location (path:line), then what the baseline and directives held back and any notices.
 */
export function renderStepSummary(report: Report, options: { cwd: string; root: string; title?: string }): string {
  const gate = gateOf(report);
  const s = report.summary;
  const pathOf = articlePathResolver(report, options);
  const newSet = new Set(gate?.newArticles ?? []);
  const out: string[] = [];
  const verdictIcon = gate ? (gate.exitCode === 0 ? 'passed' : 'failed') : s.conflict ? 'conflicts found' : 'no conflicts';
  out.push(`## ${options.title ?? 'corroborate'}: ${verdictIcon}`, '');
  out.push(`${s.articles} articles, ${s.findings} findings: **${s.conflict} conflicts**, ${s.variant} variants, ${s.agree} agreements.`, '');
  const shown = report.findings.filter((f) => f.verdict !== 'agree');
  if (shown.length) {
    out.push('| Verdict | Rule | Where | Message |', '| --- | --- | --- | --- |');
    for (const f of shown) {
      const c = primaryClaim(f, newSet);
      const where = c ? `${pathOf(c.source)}:${c.line}:${c.column}` : '';
      out.push(`| ${f.verdict} | ${mdEscape(f.rule)} | ${mdEscape(where)} | ${mdEscape(f.message)} |`);
    }
    out.push('');
  }
  if (gate) {
    const baselined = gate.suppressed.filter((x) => x.by === 'baseline').length;
    const inline = gate.suppressed.length - baselined;
    if (gate.suppressed.length) out.push(`Not counted: ${baselined} accepted in the baseline, ${inline} ignored by a directive in the article.`, '');
    if (gate.notices.length) {
      out.push('Notices:', '');
      for (const n of gate.notices) out.push(`- ${n.file ? `${mdEscape(n.file)}:${n.line ?? 1}: ` : ''}${mdEscape(n.message)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** Appends the summary to the file named by `$GITHUB_STEP_SUMMARY`, when that variable is set. Returns whether it did. */
export function appendStepSummary(report: Report, options: { cwd: string; root: string; title?: string }, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, renderStepSummary(report, options) + '\n');
  return true;
}
