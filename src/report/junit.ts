import type { Finding } from '../types';
import type { Report } from './json';
import type { RenderOptions } from './index';
import { articlePathResolver, primaryClaim } from './locate';
import { gateOf } from './gate-section';
import { byCodeUnit } from '../util/stable';
import { fails } from './severity';

/**
 * Text for XML 1.0 attributes and character data: the five special characters escaped, and characters
 * XML cannot carry at all (control characters other than tab and line breaks, lone surrogates) replaced
 * with U+FFFD, so "a\u0007b" still gives a file every JUnit reader accepts.
 */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Character data keeps its line breaks readable; only markup characters are escaped. */
function xmlText(s: string): string {
  return xmlEscape(s).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

interface Case {
  finding: Finding;
  skipped?: string;
}

/**
 * JUnit XML: one testsuite per finding kind (quantity, date, ...), one testcase per finding. A finding
 * that fails the run under `--fail-on` (default: error severity) is a `<failure>`, with `--fail-on variant`
 * warnings too; any other finding passes with its message in `<system-out>`, and a finding
 * held back by the baseline or a directive is `<skipped>` with the reason. Each testcase names the file
 * and line a reader should open.
 */
export function renderJunit(report: Report, options: RenderOptions): string {
  const gate = gateOf(report);
  const failOn = options.failOn ?? 'conflict';
  const failed = (c: Case) => !c.skipped && fails(c.finding, failOn);
  const pathOf = articlePathResolver(report, options);
  const newSet = new Set(gate?.newArticles ?? []);
  const cases: Case[] = [
    ...report.findings.map((finding) => ({ finding })),
    ...(gate?.suppressed ?? []).map((s) => ({ finding: s.finding, skipped: `${s.by === 'baseline' ? 'accepted in baseline' : s.by === 'decision' ? 'decided in review' : 'ignored inline'}: ${s.justification}` })),
  ];
  const kinds = [...new Set(cases.map((c) => c.finding.kind))].sort(byCodeUnit);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = cases.filter(failed).length;
  const skippedAll = cases.filter((c) => c.skipped).length;
  out.push(`<testsuites name="corroborate" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skippedAll}">`);
  for (const kind of kinds) {
    const mine = cases.filter((c) => c.finding.kind === kind);
    const failing = mine.filter(failed).length;
    const skipped = mine.filter((c) => c.skipped).length;
    out.push(`  <testsuite name="${xmlEscape(kind)}" tests="${mine.length}" failures="${failing}" errors="0" skipped="${skipped}">`);
    for (const { finding: f, skipped: why } of mine) {
      const c = primaryClaim(f, newSet);
      const file = c ? pathOf(c.source) : '';
      const name = `${f.verdict}: ${f.subject || f.id}`;
      const attrs = [`name="${xmlEscape(name)}"`, `classname="${xmlEscape(`corroborate.${f.kind}.${f.rule}`)}"`];
      if (c) attrs.push(`file="${xmlEscape(file)}"`, `line="${c.line}"`);
      out.push(`    <testcase ${attrs.join(' ')}>`);
      const details = detailsOf(f, pathOf);
      if (why) out.push(`      <skipped message="${xmlEscape(why)}"/>`);
      else if (fails(f, failOn)) {
        out.push(`      <failure message="${xmlEscape(f.message)}" type="${xmlEscape(`${f.kind} ${f.verdict} (${f.rule})`)}">${xmlText(details)}</failure>`);
      } else out.push(`      <system-out>${xmlText(details)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

function detailsOf(f: Finding, pathOf: (id: string) => string): string {
  const lines = [f.message, `finding ${f.id}, rule ${f.rule}, severity ${f.severity}`];
  f.readings.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.display}`);
    for (const c of r.claims) lines.push(`   ${pathOf(c.source)}:${c.line}:${c.column}: "${c.text}"`);
  });
  return lines.join('\n');
}
