import type { Finding } from '../types';
import type { Report } from './json';
import type { RenderOptions } from './index';
import { articlePathResolver, primaryClaim, regionOf } from './locate';
import { gateOf, type GateNotice } from './gate-section';

/** A workflow command's message: "%" first, then CR and LF, as GitHub's runner unescapes them. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, plus ":" and "," which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=a.md,line=3,col=5::message`, properties in the given order, values escaped. */
export function workflowCommand(command: string, props: [string, string | number | undefined][], message: string): string {
  const p = props.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${command}${p.length ? ' ' + p.join(',') : ''}::${escapeData(message)}`;
}

/** The annotation level is the finding's severity: a conflict under a `severity: warning` rule is `::warning`. */
function commandFor(f: Finding): 'error' | 'warning' | 'notice' {
  return f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
}

/**
 * GitHub Actions annotations on stdout: `::error`, `::warning` or `::notice` by severity (agreements
 * are left out), each at the claim in the article being checked, with start and end line and column and
 * the other readings in the message; then the gate's notices as `::warning`, and one plain count line.
 */
export function renderGithub(report: Report, options: RenderOptions): string {
  const gate = gateOf(report);
  const pathOf = articlePathResolver(report, options);
  const newSet = new Set(gate?.newArticles ?? []);
  const lines: string[] = [];
  for (const f of report.findings) {
    if (f.verdict === 'agree') continue;
    const c = primaryClaim(f, newSet);
    const region = c ? regionOf(c) : undefined;
    const others = f.readings.flatMap((r, i) =>
      r.claims.filter((x) => x !== c).map((x) => `reading ${i + 1} (${r.display}): ${pathOf(x.source)}:${x.line}:${x.column} "${x.text}"`),
    );
    const message = [f.message, ...others, `rule ${f.rule}, finding ${f.id}`].join('\n');
    lines.push(
      workflowCommand(
        commandFor(f),
        [
          ['file', c ? pathOf(c.source) : undefined],
          ['line', region?.startLine],
          ['col', region?.startColumn],
          ['endLine', region?.endLine],
          ['endColumn', region?.endColumn],
          ['title', `corroborate ${f.verdict} (${f.rule}): ${f.subject || f.kind}`],
        ],
        message,
      ),
    );
  }
  for (const n of gate?.notices ?? []) lines.push(noticeCommand(n));
  const s = report.summary;
  lines.push(`corroborate: ${s.articles} articles, ${s.conflict} conflicts, ${s.variant} variants, ${s.agree} agreements`);
  return lines.join('\n') + '\n';
}

function noticeCommand(n: GateNotice): string {
  return workflowCommand(
    n.level === 'warning' ? 'warning' : 'notice',
    [
      ['file', n.file],
      ['line', n.file ? n.line : undefined],
      ['col', n.file ? n.column : undefined],
      ['title', `corroborate ${n.code}`],
    ],
    n.message,
  );
}
