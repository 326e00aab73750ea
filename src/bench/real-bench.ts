/**
 * The parts of `npm run bench` that run on corpora made from the real articles under `../shared`
 * (big-stories.ts): big stories (one story told by two hundred outlets; five hundred look-alike stories
 * of four outlets), `check` at 1k to 16k articles of stories of about six, and worker threads against one
 * thread. Each `check` runs in a process of its own (child.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RuleSet } from '../types';
import { Extracted, lookAlikes, manyOutlets, realLike, scoreReport, type Score, type StoryCorpus } from './big-stories';
import type { BaseStory } from './real-like';

export interface Measured {
  ms: number;
  rssMb: number;
  cpuMs: number;
}

/** Runs one step in a fresh process and returns what it measured. */
export function child(args: string[]): Measured & Record<string, number> {
  const r = spawnSync(process.execPath, [join(__dirname, 'child.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench step ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measured & Record<string, number>;
}

function write(work: string, corpus: StoryCorpus, name: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [id, text] of corpus.articles) writeFileSync(join(dir, id), text);
  return dir;
}

interface Checked {
  m: Measured;
  findings: Finding[];
  unpaired: { rule: string; claims: number }[];
}

function check(work: string, dir: string, jobs?: string): Checked {
  const out = join(work, 'report.json');
  const m = child(['check', dir, out, ...(jobs ? [jobs] : [])]);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: Finding[]; unpaired?: { rule: string; claims: number }[] };
  rmSync(out, { force: true });
  return { m, findings: report.findings, unpaired: report.unpaired ?? [] };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');

function scoreLine(s: Score): string {
  return (
    `planted conflicts found ${s.found}/${s.planted} (${pct(s.found, s.planted)}); conflict pairs reported ${s.pairs}, right ${s.right} ` +
    `(precision ${pct(s.right, s.pairs)}; dates and quantities ${pct(s.figureRight, s.figurePairs)}); ` +
    `conflict pairs of the stories alone kept ${s.aloneKept}/${s.alonePairs} (${pct(s.aloneKept, s.alonePairs)})`
  );
}

function unpairedLine(u: Checked['unpaired']): string {
  return u.length ? `claims left unpaired by a cap: ${u.map((x) => `${x.rule} ${x.claims}`).join(', ')}` : 'no claim left unpaired';
}

function add(into: Score, s: Score): void {
  for (const k of Object.keys(s) as (keyof Score)[]) into[k] += s[k];
}

const zero = (): Score => ({ planted: 0, found: 0, pairs: 0, right: 0, figurePairs: 0, figureRight: 0, alonePairs: 0, aloneKept: 0 });

/**
 * Big stories keep their findings (issue 17): each base story told by `outlets` outlets (twenty plants
 * each), then `stories` look-alike stories of `per` outlets. Targets: at least 95 % of planted conflicts
 * found, and for the look-alikes at least 95 % precision.
 */
export function bigStories(work: string, bases: readonly BaseStory[], rules: RuleSet, seed: number, outlets = 200, stories = 500, per = 4): void {
  const ex = new Extracted();
  const total = zero();
  console.log(`big stories: each of the ${bases.length} stories under ../shared told by ${outlets} outlets, names and figures perturbed, 20 conflicts planted:`);
  bases.forEach((base, which) => {
    const corpus = manyOutlets(bases, which, outlets, 20, seed + which, rules, ex);
    const got = check(work, write(work, corpus, 'outlets'), undefined);
    const s = scoreReport(corpus, got.findings);
    add(total, s);
    console.log(`  ${base.name.padEnd(38)} ${(got.m.ms / 1000).toFixed(2)} s, peak ${got.m.rssMb.toFixed(0)} MB; ${s.found}/${s.planted} planted found, story's own ${s.aloneKept}/${s.alonePairs}; ${unpairedLine(got.unpaired)}`);
  });
  const met = total.found >= 0.95 * total.planted;
  console.log(`  all: ${scoreLine(total)}\n  at least 95 % of planted conflicts found: ${met ? 'target met' : 'target NOT met'}`);

  const corpus = lookAlikes(bases, stories, per, seed, rules, ex);
  const got = check(work, write(work, corpus, 'look-alikes'), undefined);
  const s = scoreReport(corpus, got.findings);
  const ok = s.found >= 0.95 * s.planted && s.right >= 0.95 * s.pairs;
  console.log(
    `big stories: ${stories} look-alike stories of ${per} outlets (${corpus.articles.size} articles), each of its own names and figures: ` +
      `${(got.m.ms / 1000).toFixed(2)} s, peak ${got.m.rssMb.toFixed(0)} MB\n  ${scoreLine(s)}\n  ${unpairedLine(got.unpaired)}\n` +
      `  recall and precision at least 95 %: ${ok ? 'target met' : 'target NOT met'}`,
  );
  rmSync(join(work, 'outlets'), { recursive: true, force: true });
  rmSync(join(work, 'look-alikes'), { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * `check` on stories of about six real articles each (names and figures perturbed per story) at each size:
 * median wall time, peak memory and CPU time over `repeat` runs, growth per doubling; with `scoreUpTo`,
 * the conflicts each story finds alone that the whole run keeps, and its precision. Targets (issue 20):
 * growth per doubling at most 2.0x, no size slower than a larger one, 16k under 30 s and 1 GB.
 */
export function realLikeCheck(work: string, bases: readonly BaseStory[], rules: RuleSet, seed: number, sizes: readonly number[], repeat: number, jobs: string | undefined, scoreUpTo: number): void {
  console.log(`check on real-like stories (each story one of the ${bases.length} under ../shared, about six articles, its own names and figures), median of ${repeat}:`);
  const rows: { size: number; ms: number }[] = [];
  for (const size of sizes) {
    const corpus = realLike(bases, size, seed, size <= scoreUpTo ? rules : undefined);
    const dir = write(work, corpus, `real-${size}`);
    const runs: Checked[] = [];
    for (let k = 0; k < repeat; k++) runs.push(check(work, dir, jobs));
    rmSync(dir, { recursive: true, force: true });
    const ms = median(runs.map((r) => r.m.ms));
    const rss = median(runs.map((r) => r.m.rssMb));
    const cpu = median(runs.map((r) => r.m.cpuMs));
    const prev = rows[rows.length - 1];
    rows.push({ size, ms });
    const growth = prev ? `, growth x${(ms / prev.ms).toFixed(2)} for x${(size / prev.size).toFixed(1)} articles` : '';
    const scored = size <= scoreUpTo ? `\n      ${scoreLine(scoreReport(corpus, runs[0].findings))}` : '';
    console.log(
      `  ${String(size).padStart(5)} articles: ${(ms / 1000).toFixed(2)} s (runs ${runs.map((r) => (r.m.ms / 1000).toFixed(1)).join(', ')}), ` +
        `peak ${rss.toFixed(0)} MB, CPU ${(cpu / 1000).toFixed(1)} s${growth}; ${unpairedLine(runs[0].unpaired)}${scored}`,
    );
  }
  const growthOk = rows.every((r, i) => i === 0 || r.ms <= 2.0 * rows[i - 1].ms * (r.size / rows[i - 1].size / 2));
  const monotone = rows.every((r, i) => rows.slice(i + 1).every((later) => later.ms >= r.ms));
  console.log(`  growth per doubling at most 2.0x: ${growthOk ? 'met' : 'NOT met'}; no size slower than a larger one: ${monotone ? 'met' : 'NOT met'}`);
}

/**
 * Worker threads against one thread on the same corpora: the runs alternate (one thread, then the
 * default), `repeat` times each, so that a busy stretch of a shared machine slows both; medians.
 */
export function threads(work: string, bases: readonly BaseStory[], seed: number, sizes: readonly number[], repeat: number, many: string): void {
  console.log(`worker threads: --jobs 1 against --jobs ${many}, alternating, median of ${repeat} (wall s / CPU s / peak MB):`);
  for (const size of sizes) {
    const dir = write(work, realLike(bases, size, seed), `threads-${size}`);
    const one: Measured[] = [];
    const two: Measured[] = [];
    for (let k = 0; k < repeat; k++) {
      one.push(check(work, dir, '1').m);
      two.push(check(work, dir, many).m);
    }
    rmSync(dir, { recursive: true, force: true });
    const show = (xs: Measured[]) => `${(median(xs.map((x) => x.ms)) / 1000).toFixed(2)} / ${(median(xs.map((x) => x.cpuMs)) / 1000).toFixed(1)} / ${median(xs.map((x) => x.rssMb)).toFixed(0)}`;
    const ratio = median(two.map((x) => x.ms)) / median(one.map((x) => x.ms));
    console.log(`  ${String(size).padStart(5)} articles: one thread ${show(one)}, ${many} threads ${show(two)}: wall x${ratio.toFixed(2)}`);
  }
}
