import type { Article, ClaimRef, Finding, Verdict } from '../types';
import type { Report } from './json';
import type { ReviewedFinding } from './decisions';
import { claimInSentence, quoteWords } from './html';
import { oddOnesOut, quoteDiff, reasonOf, sourcesOfReading, summaryLine, tallyBySource, titleOf, TYPOGRAPHY_NOTE, valueOf, wordsDiffer, type SourceTally } from './present';

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
 * A quote diff in Markdown (typography aside: `’` and `'` are one character here): removed words struck
 * through, added words in bold, spaces kept outside the marks (`~~ not~~` would not render): "is not acceptable" -> "is unacceptable" gives
 * "is ~~not acceptable~~ **unacceptable**".
 */
export function markdownDiff(from: string, to: string): string {
  const parts = quoteDiff(from, to);
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

/** What the Markdown report may use besides the report: the articles (each claim in its sentence). */
export interface MarkdownOptions {
  articles?: ReadonlyMap<string, Article>;
  /** Agreements in full, as conflicts are (`--show agreements`); otherwise one table row each. */
  showAgreements?: boolean;
}

/**
 * A report for people: counts and a table of contents first, then conflicts and variants, grouped by kind
 * (an overview table per kind, then each finding with every reading and the sources' own sentences at
 * file:line:column), then the agreements as one table (in full with `showAgreements`), and the sources.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const s = report.summary;
  const outlet = new Map(report.articles.map((a) => [a.id, a.outlet || a.id]));
  const name = (id: string) => outlet.get(id) ?? id;
  const byVerdict = new Map(VERDICTS.map((v) => [v, report.findings.filter((f) => f.verdict === v)]));
  const full = (v: Verdict) => v !== 'agree' || Boolean(options.showAgreements);
  const kindsOf = (v: Verdict) => [...new Set((byVerdict.get(v) ?? []).map((f) => f.kind))].sort();
  const ctx: FindingContext = { name, articles: options.articles, typographyNoted: false };

  out.push('# corroborate report', '');
  out.push(`${s.articles} articles, ${s.claims} claims, ${s.findings} findings: **${s.conflict} conflicts**, ${s.variant} variants, ${s.agree} agreements.`, '');

  out.push('## Contents', '', '- [Summary](#summary)');
  for (const v of VERDICTS) {
    out.push(`- [${HEADINGS[v]}](#${anchor(HEADINGS[v])}) (${s[v]})`);
    if (!full(v)) continue;
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
  // Per source, first the conflicts it stands apart in: siding with the majority is no mark against it.
  const tally = tallyBySource(report);
  out.push('| Source | Odd one out | In conflicts | Variants | Agreements |', '| --- | ---: | ---: | ---: | ---: |');
  for (const a of report.articles) {
    const t = tally.get(a.id) as SourceTally;
    out.push(`| ${mdEscape(name(a.id))} | ${t.odd} | ${t.conflict} | ${t.variant} | ${t.agree} |`);
  }
  out.push('', '“Odd one out” counts the conflicts in which a source stands apart from the majority of the sources that state the fact.', '');

  for (const v of VERDICTS) {
    out.push(`## ${HEADINGS[v]}`, '');
    const list = byVerdict.get(v) ?? [];
    if (!list.length) out.push('None.', '');
    if (!full(v)) {
      if (list.length) out.push(...agreementTable(list, name), '');
      continue;
    }
    for (const k of kindsOf(v)) {
      const group = list.filter((f) => f.kind === k);
      const third = v === 'conflict' ? 'Odd one out' : 'Rule';
      out.push(`### ${kindHeading(k, v)}`, '', `| Fact | Readings | ${third} |`, '| --- | --- | --- |');
      for (const f of group) {
        const readings = f.readings.map((r) => `${mdEscape(valueOf(r))} (${sourcesOfReading(r).map((id) => mdEscape(name(id))).join(', ')})`);
        const odd = oddOnesOut(f).odd;
        const last = v === 'conflict' ? (odd.length ? odd.map((id) => mdEscape(name(id))).join(', ') : 'none (no majority)') : code(f.rule);
        out.push(`| ${mdEscape(titleOf(f))} | ${readings.join('; ')} | ${last} |`);
      }
      out.push('');
      for (const f of group) out.push(...findingMarkdown(f, ctx), '');
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

/** Agreements, one row each: what, the value, how many sources. */
function agreementTable(list: readonly Finding[], name: (id: string) => string): string[] {
  const out = ['| Fact | Kind | Value | Sources |', '| --- | --- | --- | --- |'];
  const sorted = [...list].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  for (const f of sorted) {
    const sources = [...new Set(f.readings.flatMap(sourcesOfReading))];
    const value = f.readings.length ? mdEscape(valueOf(f.readings[0])) : '';
    const also = f.readings.length > 1 ? ` (also ${f.readings.slice(1).map((r) => mdEscape(valueOf(r))).join('; ')})` : '';
    out.push(`| ${mdEscape(titleOf(f))} | ${mdEscape(f.kind)} | ${value}${also} | ${sources.length}: ${sources.map((id) => mdEscape(name(id))).join(', ')} |`);
  }
  out.push('', 'Each agreement in full: `--show agreements`.');
  return out;
}

/** An inline code span: only a pipe (table cells) and backticks need care inside one. */
function code(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ') + '`';
}

function quoted(text: string): string {
  return /^["“‘'«]/.test(text) ? mdEscape(text) : `“${mdEscape(text)}”`;
}

interface FindingContext {
  name: (id: string) => string;
  articles?: ReadonlyMap<string, Article>;
  /** The typography note is printed once, before the first quote diff. */
  typographyNoted: boolean;
}

/** A claim's words in its sentence, the words in bold: "…said **640 workers** walked out." */
function sentenceOf(ref: ClaimRef, articles: ReadonlyMap<string, Article> | undefined): string {
  const s = claimInSentence(articles?.get(ref.source), ref, 120);
  if (!s) return quoted(ref.text);
  return `${mdEscape(s.before)}**${mdEscape(s.text)}**${mdEscape(s.after)}`;
}

function findingMarkdown(f: Finding, ctx: FindingContext): string[] {
  const { name } = ctx;
  const lines = [`#### ${mdEscape(titleOf(f))}`, '', mdEscape(summaryLine(f, name)), ''];
  if (f.verdict === 'conflict') {
    const { odd, majority } = oddOnesOut(f);
    lines.push(
      odd.length
        ? `Odd one out: **${odd.map((id) => mdEscape(name(id))).join(', ')}**, against ${majority.length} source${majority.length === 1 ? '' : 's'}.`
        : 'No majority: the sources are evenly split.',
      '',
    );
  }
  lines.push(`Rule ${code(f.rule)}, severity ${f.severity}, id ${code(f.id)}.`, '');
  const review = (f as ReviewedFinding).review;
  if (review) lines.push(`Review: **${DECISION_LABEL[review.status] ?? mdEscape(review.status)}**${review.comment ? `: ${mdEscape(review.comment)}` : ''}`, '');
  lines.push('| # | Reading | Source | Where | In its sentence |', '| ---: | --- | --- | --- | --- |');
  f.readings.forEach((r, i) => {
    r.claims.forEach((c, j) => {
      const reading = j === 0 ? `**${mdEscape(valueOf(r))}**` : '';
      lines.push(`| ${j === 0 ? i + 1 : ''} | ${reading} | ${mdEscape(name(c.source))} | ${mdEscape(c.source)}:${c.line}:${c.column} | ${sentenceOf(c, ctx.articles)} |`);
      // "…," he said: the sentence before that names him.
      if (c.speaker) {
        const named = { ...c.speaker, claim: c.claim, source: c.source };
        lines.push(`|  | (speaker named) |  | ${mdEscape(c.source)}:${c.speaker.line}:${c.speaker.column} | ${sentenceOf(named, ctx.articles)} |`);
      }
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
      if (!ctx.typographyNoted) {
        lines.push(`*${TYPOGRAPHY_NOTE}*`, '');
        ctx.typographyNoted = true;
      }
      for (const [n, words] of diffs) {
        lines.push(wordsDiffer(base, words) ? `> 1 → ${n}: ${markdownDiff(base, words)}` : `> 1 → ${n}: the same words (typography aside)`, '>');
      }
      lines.pop();
    }
  }
  const notable = f.relations.filter((r) => r.relation !== 'agree' || f.readings.length > 1);
  if (notable.length) {
    lines.push('');
    for (const r of notable) {
      lines.push(`- ${r.between[0] + 1} ↔ ${r.between[1] + 1}: ${r.relation}: ${mdEscape(reasonOf(f, r.reason))}${r.rule ? ` (rule ${code(r.rule)})` : ''}`);
    }
  }
  return lines;
}
