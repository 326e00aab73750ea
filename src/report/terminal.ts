import { createColors } from 'picocolors';
import type { Finding } from '../types';
import type { Report } from './json';
import type { RenderOptions } from './index';
import { articlePathResolver, primaryClaim } from './locate';
import { gateOf, type GateNotice } from './gate-section';
import { byCodeUnit } from '../util/stable';
import { escapeControls } from '../util/control';
import { reasonOf } from './present';

/** One line of a terminal report: a finding or a notice at its place. */
interface Line {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
}

/**
 * The findings worth a line (conflicts and variants; agreements are no problems) and the gate's or the
 * directives' notices, sorted by file, line and column.
 */
function linesOf(report: Report, options: RenderOptions): Line[] {
  const gate = gateOf(report);
  const pathOf = articlePathResolver(report, options);
  const newSet = new Set(gate?.newArticles ?? []);
  const out: Line[] = [];
  for (const f of report.findings) {
    if (f.verdict === 'agree') continue;
    const c = primaryClaim(f, newSet);
    out.push({ file: c ? pathOf(c.source) : '', line: c?.line ?? 1, column: c?.column ?? 1, severity: f.severity, message: oneLine(f), rule: f.rule });
  }
  for (const n of gate?.notices ?? []) out.push(noticeLine(n));
  // Article text and file names may hold control characters; escaped here, so that a coloured report
  // (written past the CLI's own escaping) carries no codes but its colours.
  for (const l of out) Object.assign(l, { file: escapeControls(l.file), message: escapeControls(l.message), rule: escapeControls(l.rule) });
  return out.sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnit(a.rule, b.rule));
}

function noticeLine(n: GateNotice): Line {
  return { file: n.file ?? '', line: n.line ?? 1, column: n.column ?? 1, severity: n.level === 'warning' ? 'warning' : 'info', message: n.message, rule: n.code };
}

/**
 * A finding's message on one line, after its label, values as people write them: "workers on strike: 2
 * sources disagree: 640 workers (a.md) vs 460 workers (b.md): ..."
 */
function oneLine(f: Finding): string {
  const message = reasonOf(f, f.message).replace(/\s*\n\s*/g, ' ');
  const title = f.label || f.subject;
  return title ? `${title}: ${message}` : message;
}

function counts(lines: readonly Line[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const l of lines) c[l.severity]++;
  return c;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ESLint's "stylish" layout: a file name, then one indented `line:col  severity  message  rule` row per
 * problem, columns aligned, and a count line. Colour (picocolors) only when `options.color` is true.
 */
export function renderStylish(report: Report, options: RenderOptions): string {
  const pc = createColors(Boolean(options.color));
  const lines = linesOf(report, options);
  const s = report.summary;
  const tally = `${plural(s.articles, 'article')}, ${plural(s.conflict, 'conflict')}, ${plural(s.variant, 'variant')}, ${plural(s.agree, 'agreement')}`;
  if (!lines.length) return `${pc.green('\u2714')} no problems (${tally})\n`;
  const out: string[] = [];
  const files = [...new Set(lines.map((l) => l.file))];
  for (const file of files) {
    const mine = lines.filter((l) => l.file === file);
    const place = mine.map((l) => `${l.line}:${l.column}`);
    const wPlace = Math.max(...place.map((p) => p.length));
    const wSeverity = Math.max(...mine.map((l) => l.severity.length));
    out.push(pc.underline(file || '(no file)'));
    mine.forEach((l, i) => {
      const sev = l.severity.padEnd(wSeverity);
      const coloured = l.severity === 'error' ? pc.red(sev) : l.severity === 'warning' ? pc.yellow(sev) : pc.blue(sev);
      out.push(`  ${pc.dim(place[i].padEnd(wPlace))}  ${coloured}  ${l.message}  ${pc.dim(l.rule)}`);
    });
    out.push('');
  }
  const c = counts(lines);
  const problems = `\u2716 ${plural(lines.length, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)`;
  out.push(c.error ? pc.bold(pc.red(problems)) : c.warning ? pc.bold(pc.yellow(problems)) : pc.bold(problems), tally, '');
  return out.join('\n');
}

/**
 * One problem per line, `file:line:column: message [severity/rule]`, as ESLint's and textlint's "unix"
 * formats (and Vale's "line"): for grep, editors' quickfix lists and `wc -l`. Never coloured.
 */
export function renderUnix(report: Report, options: RenderOptions): string {
  const lines = linesOf(report, options);
  const out = lines.map((l) => `${l.file}:${l.line}:${l.column}: ${l.message} [${l.severity}/${l.rule}]`);
  if (lines.length) out.push('', plural(lines.length, 'problem'));
  return out.length ? out.join('\n') + '\n' : '';
}
