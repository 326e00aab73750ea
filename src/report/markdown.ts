import type { Finding, Verdict } from '../types';
import type { Report } from './json';

const HEADINGS: Record<Verdict, string> = { conflict: 'Conflicts', variant: 'Variants', agree: 'Agreements' };

/** Escapes text for a Markdown table cell or inline text: pipes, backticks, brackets and line breaks. */
export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|`*_[\]<>#~])/g, '\\$1').replace(/\r\n|\r|\n/g, ' ');
}

function anchor(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * A report for people: counts first, then conflicts, variants and agreements, each finding with every
 * reading and the sources' own words (file:line:column).
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const s = report.summary;
  out.push('# corroborate report', '');
  out.push(`${s.articles} articles, ${s.claims} claims, ${s.findings} findings: **${s.conflict} conflicts**, ${s.variant} variants, ${s.agree} agreements.`, '');
  out.push('## Contents', '');
  for (const v of ['conflict', 'variant', 'agree'] as Verdict[]) out.push(`- [${HEADINGS[v]}](#${anchor(HEADINGS[v])}) (${s[v]})`);
  out.push('- [Sources](#sources)', '');
  for (const v of ['conflict', 'variant', 'agree'] as Verdict[]) {
    out.push(`## ${HEADINGS[v]}`, '');
    const list = report.findings.filter((f) => f.verdict === v);
    if (!list.length) out.push('None.', '');
    for (const f of list) out.push(...findingMarkdown(f), '');
  }
  out.push('## Sources', '', '| Source | Outlet | Reference date | Claims |', '| --- | --- | --- | --- |');
  for (const a of report.articles) {
    const ref = a.referenceDate ? `${a.referenceDate} (${a.referenceDateSource})` : 'none';
    out.push(`| ${mdEscape(a.id)} | ${mdEscape(a.outlet ?? '')} | ${ref} | ${a.claims} |`);
  }
  out.push('');
  return out.join('\n');
}

function findingMarkdown(f: Finding): string[] {
  const lines = [`### ${mdEscape(f.kind)}: ${mdEscape(f.subject || f.id)}`, '', `${mdEscape(f.message)}`, '', `Rule \`${f.rule}\`, severity ${f.severity}, id \`${f.id}\`.`, ''];
  f.readings.forEach((r, i) => {
    lines.push(`${i + 1}. **${mdEscape(r.display)}**`);
    for (const c of r.claims) lines.push(`   - ${mdEscape(c.source)}:${c.line}:${c.column}: “${mdEscape(c.text)}”`);
  });
  const notable = f.relations.filter((r) => r.relation !== 'agree' || f.readings.length > 1);
  if (notable.length) {
    lines.push('');
    for (const r of notable) {
      lines.push(`- ${r.between[0] + 1} ↔ ${r.between[1] + 1}: ${r.relation}: ${mdEscape(r.reason)}${r.rule ? ` (rule \`${r.rule}\`)` : ''}`);
    }
  }
  return lines;
}
