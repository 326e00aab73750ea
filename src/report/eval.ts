import type { Finding, Verdict } from '../types';
import type { Report } from './json';
import { byCodeUnit } from '../util/stable';

/**
 * Scoring a report against a newsroom's hand-labelled stories (docs/eval.md has the gold format).
 *
 * A gold fact lists statements: an exact substring (`anchor`) of one article and the reading it gives
 * ("A", or ["A", "B"] for a fragment that fits both). Two statements with a shared reading should agree;
 * otherwise `relations["A|B"]` says what they are (conflict, variant, agree or compatible = agree or
 * variant). A claim of the report covers a statement when both are in the same article and their ranges
 * overlap; a finding predicts, for each two of its claims, agree (same reading) or the relation listed
 * between their readings (else its verdict).
 */
export type GoldLabel = 'agree' | 'variant' | 'conflict' | 'compatible';

export interface GoldStatement {
  source: string;
  anchor: string;
  reading: string | string[];
}

export interface GoldFact {
  id: string;
  /** A finding kind ("quantity", "date", ...) or "*" for any. */
  kind: string;
  about?: string;
  readings?: Record<string, string>;
  relations: Record<string, GoldLabel>;
  statements: GoldStatement[];
  /** Hard cases counted apart: not in the found / labelled totals. */
  stretch?: boolean;
}

export interface Gold {
  corpus?: string;
  about?: string;
  facts: GoldFact[];
}

/** A statement placed in its article: [start, end) offsets of its anchor's first occurrence. */
export interface PlacedStatement {
  fact: string;
  source: string;
  start: number;
  end: number;
  text: string;
  readings: string[];
}

/** A claim as the report gives it, with the reading it belongs to. */
interface PlacedClaim {
  source: string;
  start: number;
  end: number;
  text: string;
  reading: number;
}

interface GoldPair {
  fact: GoldFact;
  a: PlacedStatement;
  b: PlacedStatement;
  expected: GoldLabel;
}

interface PredictedPair {
  kind: string;
  finding: string;
  x: PlacedClaim;
  y: PlacedClaim;
  label: Verdict;
}

/** One side of a pair as shown in the output: article, span, text. */
export interface Span {
  source: string;
  start: number;
  end: number;
  text: string;
}

export interface PairOutcome {
  fact: string;
  expected: GoldLabel;
  /** Labels the report gave the pair (none: missed). */
  got: Verdict[];
  a: Span;
  b: Span;
}

export interface WrongPrediction {
  finding: string;
  label: Verdict;
  a: Span;
  b: Span;
  /** What the gold says of the pair ("fact-id:agree"), empty when the gold has no such pair. */
  gold: string[];
}

export interface Tally {
  found: number;
  labelled: number;
}

export interface Precision {
  right: number;
  predicted: number;
}

export interface EvalResult {
  facts: number;
  pairs: number;
  findings: number;
  /** Labelled facts with a conflict (variant, agreement) pair the report got right. */
  conflicts: Tally;
  variants: Tally;
  agreements: Tally;
  conflictPrecision: Precision;
  variantPrecision: Precision;
  /** Statements some claim of the report covers. */
  covered: Tally;
  /** Per gold fact kind ("*" included): facts found / labelled for each label. */
  byKind: Record<string, { conflict: Tally; variant: Tally; agree: Tally }>;
  /** Per article: its gold pairs the report got right / all, and its predicted conflicts and variants that are right / all. */
  bySource: Record<string, { pairs: Tally; conflictPrecision: Precision; variantPrecision: Precision }>;
  /** Labelled pairs (not stretch) the report missed or labelled otherwise. */
  missed: PairOutcome[];
  wrong: PairOutcome[];
  /** Predicted conflicts and variants the gold contradicts, or does not label. */
  wrongPredictions: WrongPrediction[];
  unjudged: WrongPrediction[];
  /** Claims whose text is not the article's text at their offsets, or whose article is unknown. */
  spanProblems: string[];
  stretch: { fact: string; found: boolean }[];
}

/** The gold's statements placed in their articles; an anchor not found is returned as a problem (fact id, index). */
export function placeStatements(gold: Gold, textOf: (source: string) => string | undefined): { placed: PlacedStatement[][]; notFound: { fact: number; statement: number; message: string }[] } {
  const notFound: { fact: number; statement: number; message: string }[] = [];
  const placed = gold.facts.map((fact, fi) =>
    fact.statements.flatMap((s, si) => {
      const text = textOf(s.source);
      const start = text === undefined ? -1 : text.indexOf(s.anchor);
      if (start < 0) {
        notFound.push({ fact: fi, statement: si, message: text === undefined ? `no article ${s.source}` : `anchor not found in ${s.source}: ${JSON.stringify(s.anchor)}` });
        return [];
      }
      return [{ fact: fact.id, source: s.source, start, end: start + s.anchor.length, text: s.anchor, readings: ([] as string[]).concat(s.reading) }];
    }),
  );
  return { placed, notFound };
}

/** What the gold expects of two statements: a shared reading agrees (compatible when either fits several). */
function expectedOf(fact: GoldFact, a: PlacedStatement, b: PlacedStatement): GoldLabel | undefined {
  if (a.readings.some((r) => b.readings.includes(r))) return a.readings.length > 1 || b.readings.length > 1 ? 'compatible' : 'agree';
  for (const ra of a.readings) {
    for (const rb of b.readings) {
      const label = fact.relations[`${ra}|${rb}`] ?? fact.relations[`${rb}|${ra}`];
      if (label) return label;
    }
  }
  return undefined;
}

/** The relation a finding states between two of its readings: the listed one, else its verdict. */
function labelBetween(f: Finding, i: number, j: number): Verdict {
  if (i === j) return 'agree';
  const rel = f.relations.find((r) => (r.between[0] === i && r.between[1] === j) || (r.between[0] === j && r.between[1] === i));
  return rel?.relation ?? f.verdict;
}

const overlaps = (c: Span, s: Span) => c.source === s.source && c.start < s.end && s.start < c.end;
const fits = (expected: GoldLabel, label: Verdict) => expected === label || (expected === 'compatible' && label !== 'conflict');
const span = (x: Span): Span => ({ source: x.source, start: x.start, end: x.end, text: x.text });

/**
 * Scores `report` against `gold`. `placed` comes from placeStatements (the caller reports anchors not
 * found); `textOf` gives an article's text as read, to check each claim's span.
 */
export function scoreReport(report: Report, gold: Gold, placed: PlacedStatement[][], textOf: (source: string) => string | undefined): EvalResult {
  const goldPairs: GoldPair[] = [];
  const missingRelation: string[] = [];
  gold.facts.forEach((fact, fi) => {
    const st = placed[fi];
    for (let i = 0; i < st.length; i++) {
      for (let j = i + 1; j < st.length; j++) {
        const expected = expectedOf(fact, st[i], st[j]);
        if (expected) goldPairs.push({ fact, a: st[i], b: st[j], expected });
        else missingRelation.push(`${fact.id}: no relation for ${st[i].readings.join('/')} and ${st[j].readings.join('/')}`);
      }
    }
  });

  const spanProblems: string[] = [...missingRelation];
  const predicted: PredictedPair[] = [];
  for (const f of report.findings) {
    const claims: PlacedClaim[] = f.readings.flatMap((r, reading) => r.claims.map((c) => ({ source: c.source, start: c.start, end: c.end, text: c.text, reading })));
    for (const c of claims) {
      const text = textOf(c.source);
      if (text === undefined) spanProblems.push(`${f.id}: unknown article ${c.source}`);
      else if (text.slice(c.start, c.end) !== c.text) spanProblems.push(`${f.id}: ${c.source}[${c.start},${c.end}) is ${JSON.stringify(text.slice(c.start, c.end))}, the claim says ${JSON.stringify(c.text)}`);
    }
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) predicted.push({ kind: f.kind, finding: f.id, x: claims[i], y: claims[j], label: labelBetween(f, claims[i].reading, claims[j].reading) });
    }
  }

  const pairCovers = (p: PredictedPair, g: GoldPair) => (overlaps(p.x, g.a) && overlaps(p.y, g.b)) || (overlaps(p.x, g.b) && overlaps(p.y, g.a));
  const outcomes = goldPairs.map((g) => {
    const got = [...new Set(predicted.filter((p) => (g.fact.kind === '*' || g.fact.kind === p.kind) && pairCovers(p, g)).map((p) => p.label))].sort(byCodeUnit);
    const outcome: 'right' | 'wrong' | 'missed' = !got.length ? 'missed' : got.some((l) => fits(g.expected, l)) ? 'right' : 'wrong';
    return { g, got, outcome };
  });

  // Precision: each predicted pair of spans once; right when a gold pair it covers accepts its label.
  const judged = new Map<string, { p: PredictedPair; right: boolean; gold: string[] }>();
  for (const p of predicted) {
    if (p.label === 'agree') continue;
    const key = `${p.label}|${[p.x, p.y].map((c) => `${c.source}:${c.start}-${c.end}`).sort(byCodeUnit).join('|')}`;
    if (judged.has(key)) continue;
    const golds = goldPairs.filter((g) => pairCovers(p, g));
    judged.set(key, { p, right: golds.some((g) => fits(g.expected, p.label)), gold: [...new Set(golds.map((g) => `${g.fact.id}:${g.expected}`))].sort(byCodeUnit) });
  }
  const precision = (label: Verdict, source?: string): Precision => {
    const mine = [...judged.values()].filter((j) => j.p.label === label && (source === undefined || j.p.x.source === source || j.p.y.source === source));
    return { right: mine.filter((j) => j.right).length, predicted: mine.length };
  };

  const headline = gold.facts.filter((f) => !f.stretch);
  const factFound = (fact: GoldFact, label: 'conflict' | 'variant' | 'agree') => outcomes.some((o) => o.g.fact === fact && o.g.expected === label && o.outcome === 'right');
  const factHas = (fact: GoldFact, label: 'conflict' | 'variant' | 'agree') => outcomes.some((o) => o.g.fact === fact && o.g.expected === label);
  const tally = (facts: readonly GoldFact[], label: 'conflict' | 'variant' | 'agree'): Tally => {
    const labelled = facts.filter((f) => factHas(f, label));
    return { found: labelled.filter((f) => factFound(f, label)).length, labelled: labelled.length };
  };

  const byKind: EvalResult['byKind'] = {};
  for (const kind of [...new Set(headline.map((f) => f.kind))].sort(byCodeUnit)) {
    const mine = headline.filter((f) => f.kind === kind);
    byKind[kind] = { conflict: tally(mine, 'conflict'), variant: tally(mine, 'variant'), agree: tally(mine, 'agree') };
  }

  const sources = [...new Set([...placed.flat().map((s) => s.source), ...predicted.flatMap((p) => [p.x.source, p.y.source])])].sort(byCodeUnit);
  const bySource: EvalResult['bySource'] = {};
  for (const source of sources) {
    const mine = outcomes.filter((o) => !o.g.fact.stretch && (o.g.a.source === source || o.g.b.source === source));
    bySource[source] = {
      pairs: { found: mine.filter((o) => o.outcome === 'right').length, labelled: mine.length },
      conflictPrecision: precision('conflict', source),
      variantPrecision: precision('variant', source),
    };
  }

  const statements = placed.flat();
  const claimSpans: Span[] = report.findings.flatMap((f) => f.readings.flatMap((r) => r.claims));
  const covered = statements.filter((s) => claimSpans.some((c) => overlaps(c, s))).length;

  const shown = (o: (typeof outcomes)[number]): PairOutcome => ({ fact: o.g.fact.id, expected: o.g.expected, got: o.got, a: span(o.g.a), b: span(o.g.b) });
  const prediction = (j: { p: PredictedPair; gold: string[] }): WrongPrediction => ({ finding: j.p.finding, label: j.p.label, a: span(j.p.x), b: span(j.p.y), gold: j.gold });
  const counted = outcomes.filter((o) => !o.g.fact.stretch);
  return {
    facts: gold.facts.length,
    pairs: goldPairs.length,
    findings: report.findings.length,
    conflicts: tally(headline, 'conflict'),
    variants: tally(headline, 'variant'),
    agreements: tally(headline, 'agree'),
    conflictPrecision: precision('conflict'),
    variantPrecision: precision('variant'),
    covered: { found: covered, labelled: statements.length },
    byKind,
    bySource,
    missed: counted.filter((o) => o.outcome === 'missed').map(shown),
    wrong: counted.filter((o) => o.outcome === 'wrong').map(shown),
    wrongPredictions: [...judged.values()].filter((j) => !j.right && j.gold.length).map(prediction),
    unjudged: [...judged.values()].filter((j) => !j.right && !j.gold.length).map(prediction),
    spanProblems,
    stretch: gold.facts.filter((f) => f.stretch).map((f) => ({ fact: f.id, found: outcomes.some((o) => o.g.fact === f && o.outcome === 'right' && o.g.expected !== 'agree') })),
  };
}

/** Sums of several stories' results (a set of story folders): tallies and precisions added, lists kept per story. */
export function addTally(a: Tally, b: Tally): Tally {
  return { found: a.found + b.found, labelled: a.labelled + b.labelled };
}

export function addPrecision(a: Precision, b: Precision): Precision {
  return { right: a.right + b.right, predicted: a.predicted + b.predicted };
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : 'n/a');
const t = (x: Tally) => `${x.found}/${x.labelled} (${pct(x.found, x.labelled)})`;
const p = (x: Precision) => `${x.right}/${x.predicted} (${pct(x.right, x.predicted)})`;
const md = (s: string) => s.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
const where = (s: Span) => `${md(s.source)} [${s.start},${s.end}) "${md(s.text)}"`;

/** The scores as Markdown: totals, per kind, per source, then every missed and wrong pair with its spans. */
export function renderEvalMarkdown(stories: readonly { name: string; result: EvalResult }[]): string {
  const out: string[] = ['# corroborate eval', ''];
  const rows = stories.map(({ name, result: r }) => `| ${md(name)} | ${t(r.conflicts)} | ${p(r.conflictPrecision)} | ${t(r.variants)} | ${p(r.variantPrecision)} | ${t(r.agreements)} | ${t(r.covered)} |`);
  out.push('| story | conflicts found | conflict precision | variants found | variant precision | agreements found | statements covered |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows);
  if (stories.length > 1) {
    const total = totalOf(stories.map((s) => s.result));
    out.push(`| **total** | ${t(total.conflicts)} | ${p(total.conflictPrecision)} | ${t(total.variants)} | ${p(total.variantPrecision)} | ${t(total.agreements)} | ${t(total.covered)} |`);
  }
  for (const { name, result: r } of stories) {
    out.push('', `## ${md(name)}`, '', `${r.facts} facts, ${r.pairs} labelled pairs; ${r.findings} findings.`, '');
    out.push('| kind | conflict | variant | agree |', '| --- | --- | --- | --- |');
    for (const [kind, k] of Object.entries(r.byKind)) out.push(`| ${md(kind)} | ${t(k.conflict)} | ${t(k.variant)} | ${t(k.agree)} |`);
    out.push('', '| source | labelled pairs right | conflict precision | variant precision |', '| --- | --- | --- | --- |');
    for (const [source, s] of Object.entries(r.bySource)) out.push(`| ${md(source)} | ${t(s.pairs)} | ${p(s.conflictPrecision)} | ${p(s.variantPrecision)} |`);
    const lists: [string, string[]][] = [
      ['Missed', r.missed.map((o) => `${md(o.fact)} (${o.expected}): ${where(o.a)} ~ ${where(o.b)}`)],
      ['Labelled otherwise', r.wrong.map((o) => `${md(o.fact)} (${o.expected}, got ${o.got.join('/')}): ${where(o.a)} ~ ${where(o.b)}`)],
      ['Predicted against the gold', r.wrongPredictions.map((w) => `${w.label} ${md(w.finding)}: ${where(w.a)} ~ ${where(w.b)} (gold: ${w.gold.map(md).join(', ')})`)],
      ['Predicted, not in the gold', r.unjudged.map((w) => `${w.label} ${md(w.finding)}: ${where(w.a)} ~ ${where(w.b)}`)],
      ['Span problems', r.spanProblems.map(md)],
    ];
    for (const [title, items] of lists) if (items.length) out.push('', `### ${title}`, '', ...items.map((i) => `- ${i}`));
    if (r.stretch.length) out.push('', `Stretch facts: ${r.stretch.map((s) => `${md(s.fact)} ${s.found ? 'found' : 'not found'}`).join(', ')}.`);
  }
  return out.join('\n') + '\n';
}

/** Totals over stories (the per-kind and per-source tables stay per story). */
export function totalOf(results: readonly EvalResult[]): Pick<EvalResult, 'conflicts' | 'variants' | 'agreements' | 'conflictPrecision' | 'variantPrecision' | 'covered'> {
  const zero = { found: 0, labelled: 0 };
  const none = { right: 0, predicted: 0 };
  return {
    conflicts: results.map((r) => r.conflicts).reduce(addTally, zero),
    variants: results.map((r) => r.variants).reduce(addTally, zero),
    agreements: results.map((r) => r.agreements).reduce(addTally, zero),
    conflictPrecision: results.map((r) => r.conflictPrecision).reduce(addPrecision, none),
    variantPrecision: results.map((r) => r.variantPrecision).reduce(addPrecision, none),
    covered: results.map((r) => r.covered).reduce(addTally, zero),
  };
}

/** The scores as JSON: stories, with totals when there are several. */
export function renderEvalJson(stories: readonly { name: string; result: EvalResult }[]): string {
  const body: Record<string, unknown> = { stories: stories.map((s) => ({ name: s.name, ...s.result })) };
  if (stories.length > 1) body.total = totalOf(stories.map((s) => s.result));
  return JSON.stringify(body, null, 2) + '\n';
}
