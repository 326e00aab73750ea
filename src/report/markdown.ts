import type { Finding, Verdict } from '../types';
import type { Report } from './json';
import type { ReviewedFinding } from './decisions';
import { quoteWords, wordDiff } from './html';

const VERDICTS: Verdict[] = ['conflict', 'variant', 'agree'];
const HEADINGS: Record<Verdict, string> = { conflict: 'Conflicts', variant: 'Variants', agree: 'Agreements' };
const DECISION_LABEL: Record<string, string> = { accepted: 'accepted', rejected: 'rejected (false alarm)', 'needs-correction': 'needs correction' };

/** Escapes text for a Markdown table cell or inline text: pipes, backticks, brackets and line breaks. */
export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|`*_[\]<>#~])/g, '\\$1').replace(/\r\n|\r|\n/g, ' ');
}

/** GitHub's heading anchor for our own (ASCII) headings: "Date conflicts" -> "date-conflicts". */
function anchor(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function kindHeading(kind: string, v: Verdict): string {
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${HEADINGS[v].toLowerCase()}`;
}

/**
 * A quote diff in Markdown: removed words struck through, added words in bold, spaces kept outside the
 * marks (`~~ not~~` would not render): "is not acceptable" -> "is unacceptable" gives
 * "is ~~not acceptable~~ **unacceptable**".
 */
export function markdownDiff(from: string, to: string): string {
  const parts = wordDiff(from, to);
  return parts
    .map((p, i) => {
      if (p.op === 'same') return mdEscape(p.text);
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text) as RegExpExecArray;
      if (!m[2]) return p.text;
      const mark = p.op === 'del' ? '~~' : '**';
      // "not acceptable" replaced by "unacceptable": the two runs touch; a space keeps them apart.
      const gap = p.op === 'ins' && parts[i - 1]?.op === 'del' && !/\s$/.test(parts[i - 1].text) && !m[1] ? ' ' : '';
      return `${gap}${m[1]}${mark}${mdEscape(m[2])}${mark}${m[3]}`;
    })
    .join('')
    .replace(/\r\n|\r|\n/g, ' ');
}

/**
 * A report for people: counts and a table of contents first, then conflicts, variants and agreements,
 * grouped by kind (an overview table per kind, then each finding with every reading and the sources'
 * own words at file:line:column), and the sources last.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const s = report.summary;
  const outlet = new Map(report.articles.map((a) => [a.id, a.outlet || a.id]));
  const name = (id: string) => outlet.get(id) ?? id;
  const byVerdict = new Map(VERDICTS.map((v) => [v, report.findings.filter((f) => f.verdict === v)]));
  const kindsOf = (v: Verdict) => [...new Set((byVerdict.get(v) ?? []).map((f) => f.kind))].sort();

  out.push('# corroborate report', '');
  out.push(`${s.articles} articles, ${s.claims} claims, ${s.findings} findings: **${s.conflict} conflicts**, ${s.variant} variants, ${s.agree} agreements.`, '');

  out.push('## Contents', '', '- [Summary](#summary)');
  for (const v of VERDICTS) {
    out.push(`- [${HEADINGS[v]}](#${anchor(HEADINGS[v])}) (${s[v]})`);
    for (const k of kindsOf(v)) {
      const n = (byVerdict.get(v) ?? []).filter((f) => f.kind === k).length;
      out.push(`  - [${kindHeading(k, v)}](#${anchor(kindHeading(k, v))}) (${n})`);
    }
  }
  out.push('- [Sources](#sources)', '');

  out.push('## Summary', '');
  const kinds = [...new Set(report.findings.map((f) => f.kind))].sort();
  if (kinds.length) {
    out.push('| Kind | Conflicts | Variants | Agreements |', '| --- | ---: | ---: | ---: |');
    for (const k of kinds) {
      const n = (v: Verdict) => report.findings.filter((f) => f.kind === k && f.verdict === v).length;
      out.push(`| ${mdEscape(k)} | ${n('conflict')} | ${n('variant')} | ${n('agree')} |`);
    }
    out.push('');
  }
  out.push('| Source | Conflicts | Variants | Agreements |', '| --- | ---: | ---: | ---: |');
  for (const a of report.articles) {
    const n = (v: Verdict) => (byVerdict.get(v) ?? []).filter((f) => f.readings.some((r) => r.claims.some((c) => c.source === a.id))).length;
    out.push(`| ${mdEscape(name(a.id))} | ${n('conflict')} | ${n('variant')} | ${n('agree')} |`);
  }
  out.push('');

  for (const v of VERDICTS) {
    out.push(`## ${HEADINGS[v]}`, '');
    const list = byVerdict.get(v) ?? [];
    if (!list.length) out.push('None.', '');
    for (const k of kindsOf(v)) {
      const group = list.filter((f) => f.kind === k);
      out.push(`### ${kindHeading(k, v)}`, '', '| Fact | Readings | Rule |', '| --- | --- | --- |');
      for (const f of group) {
        const readings = f.readings.map((r) => `${mdEscape(r.display)} (${[...new Set(r.claims.map((c) => mdEscape(name(c.source))))].join(', ')})`);
        out.push(`| ${mdEscape(f.subject || f.id)} | ${readings.join('; ')} | ${code(f.rule)} |`);
      }
      out.push('');
      for (const f of group) out.push(...findingMarkdown(f, name), '');
    }
  }

  out.push('## Sources', '', '| Source | Outlet | Reference date | Claims |', '| --- | --- | --- | --- |');
  for (const a of report.articles) {
    const ref = a.referenceDate ? `${a.referenceDate} (${a.referenceDateSource})` : 'none';
    out.push(`| ${mdEscape(a.id)} | ${mdEscape(a.outlet ?? '')} | ${ref} | ${a.claims} |`);
  }
  out.push('');
  return out.join('\n');
}

/** An inline code span: only a pipe (table cells) and backticks need care inside one. */
function code(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ') + '`';
}

function quoted(text: string): string {
  return /^["“‘'«]/.test(text) ? mdEscape(text) : `“${mdEscape(text)}”`;
}

function findingMarkdown(f: Finding, name: (id: string) => string): string[] {
  const lines = [`#### ${mdEscape(f.subject || f.id)}`, '', mdEscape(f.message), '', `Rule ${code(f.rule)}, severity ${f.severity}, id ${code(f.id)}.`, ''];
  const review = (f as ReviewedFinding).review;
  if (review) lines.push(`Review: **${DECISION_LABEL[review.status] ?? mdEscape(review.status)}**${review.comment ? `: ${mdEscape(review.comment)}` : ''}`, '');
  lines.push('| # | Reading | Source | Where | Words |', '| ---: | --- | --- | --- | --- |');
  f.readings.forEach((r, i) => {
    r.claims.forEach((c, j) => {
      const reading = j === 0 ? `**${mdEscape(r.display)}**` : '';
      lines.push(`| ${j === 0 ? i + 1 : ''} | ${reading} | ${mdEscape(name(c.source))} | ${mdEscape(c.source)}:${c.line}:${c.column} | ${quoted(c.text)} |`);
    });
    // The same reading stated again by a source listed above: where, in one row.
    if (r.repeats?.length) {
      const where = r.repeats.map((c) => `${mdEscape(c.source)}:${c.line}:${c.column}`).join(', ');
      lines.push(`|  | (again) |  | ${where} |  |`);
    }
  });
  if (f.kind === 'quote' && f.readings.length > 1) {
    const base = quoteWords(f.readings[0]);
    const diffs = f.readings.slice(1).map((r, i) => [i + 2, quoteWords(r)] as const).filter(([, w]) => w !== base);
    if (diffs.length) {
      lines.push('');
      for (const [n, words] of diffs) lines.push(`> 1 → ${n}: ${markdownDiff(base, words)}`, '>');
      lines.pop();
    }
  }
  const notable = f.relations.filter((r) => r.relation !== 'agree' || f.readings.length > 1);
  if (notable.length) {
    lines.push('');
    for (const r of notable) {
      lines.push(`- ${r.between[0] + 1} ↔ ${r.between[1] + 1}: ${r.relation}: ${mdEscape(r.reason)}${r.rule ? ` (rule ${code(r.rule)})` : ''}`);
    }
  }
  return lines;
}
