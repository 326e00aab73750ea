/**
 * Benchmark (`npm run bench`): one run prints
 *   1. extraction speed: the full extractor set against chrono-node's `parse` on the same text (MB/s);
 *   2. `check` end to end on a synthetic newsroom of 1k, 2k, 4k and 8k articles: wall time, peak memory
 *      (each size in its own process) and the growth per doubling;
 *   3. `gate`: one new article against the claims store of the largest corpus;
 *   4. planted conflicts found (recall) and conflicts reported that were planted (precision), so that
 *      speed is never bought with misses;
 * and, when the real articles under ../shared are there (BENCH_SHARED names another folder), on corpora
 * made from them (real-bench.ts):
 *   5. big stories: each story told by 200 outlets, and 500 look-alike stories of 4 outlets: planted
 *      conflicts found, precision, claims a cap left unpaired;
 *   6. `check` on stories of about six real articles at 1k to 16k articles (BENCH_REAL_SIZES), median of
 *      BENCH_REPEAT runs;
 *   7. with BENCH_THREADS=1, worker threads against one thread at those sizes.
 * Not a test: timings vary by machine. BENCH_SIZES=500,1000 and BENCH_JOBS=1 change the run; BENCH_PARTS
 * (extraction,newsroom,gate,big,real,threads) picks parts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildArticle } from '../ingest/article';
import { EXTRACTORS, REFINERS } from '../extract/index';
import { loadRules } from '../rules/loader';
import type { Article, Claim, ExtractContext, Finding } from '../types';
import { newsroom, type Newsroom } from './stories';
import { baseStories } from './real-like';
import { bigStories, realLikeCheck, threads } from './real-bench';

const SEED = 20250921;
const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_SIZES ?? '1000,2000,4000,8000').split(',').map(Number);
const JOBS = process.env.BENCH_JOBS;
const REAL_SIZES = (process.env.BENCH_REAL_SIZES ?? '1000,2000,4000,8000,16000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const SHARED = process.env.BENCH_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared');
const PARTS = new Set((process.env.BENCH_PARTS ?? `extraction,newsroom,gate,big,real${process.env.BENCH_THREADS ? ',threads' : ''}`).split(','));

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    console.log(`machine: ${cpus().length} CPUs, node ${process.version}; seed ${SEED}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const largest = newsroom(SEED, Math.max(...SIZES));
    if (PARTS.has('extraction')) extractionSpeed(largest);
    const rows: { size: number; ms: number; rssMb: number }[] = [];
    for (const size of PARTS.has('newsroom') ? SIZES : []) {
      const room = size === largest.articles.size ? largest : newsroom(SEED, size);
      const dir = writeRoom(work, room, `n${size}`);
      const report = join(work, `report-${size}.json`);
      const m = child(['check', dir, report, ...(JOBS ? [JOBS] : [])]);
      rows.push({ size, ms: m.ms, rssMb: m.rssMb });
      const prev = rows[rows.length - 2];
      const growth = prev ? `  growth x${(m.ms / prev.ms).toFixed(2)} for x${(size / prev.size).toFixed(1)} articles` : '';
      const score = scorePlanted(room, JSON.parse(readFileSync(report, 'utf8')) as { findings: Finding[] });
      console.log(
        `check ${String(size).padStart(5)} articles: ${(m.ms / 1000).toFixed(2)} s, peak ${m.rssMb.toFixed(0)} MB${growth}\n` +
          `      planted conflicts found ${score.found}/${score.planted} (recall ${pct(score.found, score.planted)}); ` +
          `conflicts reported ${score.reported}, within one story ${score.inStory} (${pct(score.inStory, score.reported)}), ` +
          `matching a planted one ${score.matching} (precision ${pct(score.matching, score.reported)})`,
      );
    }
    if (PARTS.has('gate')) gateLatency(work, largest);
    const bases = baseStories(SHARED);
    if (!bases) console.log(`no articles under ${SHARED}: the parts on real articles are left out`);
    else {
      const rules = loadRules([]);
      if (!rules.ok) throw new Error('rules');
      if (PARTS.has('big')) bigStories(work, bases, rules.value, SEED);
      if (PARTS.has('real')) realLikeCheck(work, bases, rules.value, SEED, REAL_SIZES, REPEAT, JOBS, Number(process.env.BENCH_SCORE_UP_TO ?? 2000));
      if (PARTS.has('threads')) threads(work, bases, SEED, REAL_SIZES, Math.max(REPEAT, 3), String(cpus().length));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)} %` : 'n/a';
}

/** Runs one step in a fresh process and returns what it measured. */
function child(args: string[]): { ms: number; rssMb: number; [k: string]: number } {
  const r = spawnSync(process.execPath, [join(__dirname, 'child.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench step ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rssMb: number };
}

function writeRoom(work: string, room: Newsroom, name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [id, text] of room.articles) writeFileSync(join(dir, id), text);
  return dir;
}

/** Least amount of text the extraction speed is measured on: enough for the JIT to settle and timers to be fair. */
const EXTRACTION_MIN_BYTES = 5 * MB;

/** Articles timed on one side before the other side takes its turn on the same articles. */
const TURN = 100;

type Chrono = { parse: (text: string, ref?: Date) => unknown[] };

/**
 * Extraction MB/s of all extractors in this thread, against chrono-node parsing dates in the same text, on
 * at least EXTRACTION_MIN_BYTES: the bench corpus when it is that large, else a larger newsroom of the same
 * seed (BENCH_SIZES=1000 gives 0.5 MB, too little to time anything by). Timed twice:
 * - first pass: right after a warm-up of 200 articles (what a one-off run over a large folder sees);
 * - new text, compiled: both sides first run another corpus of that size, then are timed on a third one.
 *   The timed text is new to both: our per-word memos (a word's lemma, its classes) hold none of its words,
 *   as with a real day's articles. (Timing the first corpus again would let those memos answer every word.)
 * Both sides take turns every TURN articles on the same articles, so a slower stretch of a shared machine
 * slows both alike and the ratio holds.
 */
function extractionSpeed(room: Newsroom): void {
  let texts = [...room.articles.values()];
  let bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  for (let count = texts.length; bytes > 0 && bytes < EXTRACTION_MIN_BYTES; ) {
    // Articles needed at the mean size so far, and a few more: a newsroom's articles vary in length.
    count = Math.max(count + 1, Math.ceil((EXTRACTION_MIN_BYTES / bytes) * count * 1.02));
    texts = [...newsroom(SEED, count).articles.values()];
    bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  }
  const build = (list: string[], prefix: string): Article[] => {
    const out: Article[] = [];
    list.forEach((t, i) => {
      // The text as a file read gives it: the generator appends a final line break with `+`, and V8 keeps such a
      // string in two pieces, which makes every character read slower than in a real file's text.
      const asRead = Buffer.from(t, 'utf8').toString('utf8');
      const r = buildArticle(`${prefix}${i}.txt`, `/bench/${prefix}${i}.txt`, asRead);
      if (r.ok) out.push(r.value);
    });
    return out;
  };
  const articles = build(texts, 'b');
  const rules = loadRules([]);
  if (!rules.ok) throw new Error('rules');
  const ctx: ExtractContext = {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chrono = require('chrono-node') as Chrono;
  const ref = new Date(Date.UTC(2025, 8, 21));
  for (const a of articles.slice(0, 200)) {
    runAll(a, ctx);
    chrono.parse(a.text, ref);
  }
  console.log(`extraction on ${articles.length} articles, ${(bytes / MB).toFixed(2)} MB, one thread, both sides taking turns every ${TURN} articles:`);
  timedPass('first pass (after 200 articles of warm-up)', articles, ctx, chrono, ref);
  for (const a of build([...newsroom(SEED + 1, texts.length).articles.values()], 'w')) {
    runAll(a, ctx);
    chrono.parse(a.text, ref);
  }
  const fresh = build([...newsroom(SEED + 2, texts.length).articles.values()], 'n');
  timedPass('new text, compiled (both ran another corpus of this size first)', fresh, ctx, chrono, ref);
}

function timedPass(name: string, articles: readonly Article[], ctx: ExtractContext, chrono: Chrono, ref: Date): void {
  const mb = articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0) / MB;
  const perExtractor = new Map<string, number>();
  let claims = 0;
  let parsed = 0;
  let ours = 0n;
  let theirs = 0n;
  for (let i = 0; i < articles.length; i += TURN) {
    const turn = articles.slice(i, i + TURN);
    const t0 = process.hrtime.bigint();
    for (const a of turn) claims += runAll(a, ctx, perExtractor);
    const t1 = process.hrtime.bigint();
    for (const a of turn) parsed += chrono.parse(a.text, ref).length;
    const t2 = process.hrtime.bigint();
    ours += t1 - t0;
    theirs += t2 - t1;
  }
  const oursS = Number(ours) / 1e9;
  const theirsS = Number(theirs) / 1e9;
  console.log(`  ${name}, ${mb.toFixed(2)} MB:`);
  console.log(`    corroborate, all extractors: ${(mb / oursS).toFixed(2)} MB/s (${oursS.toFixed(2)} s, ${claims} claims)`);
  for (const [id, sec] of perExtractor) console.log(`      ${id.padEnd(11)} ${(mb / sec).toFixed(2)} MB/s`);
  console.log(`    chrono-node parse (dates only): ${(mb / theirsS).toFixed(2)} MB/s (${theirsS.toFixed(2)} s, ${parsed} results)`);
  console.log(`    ratio (ours / chrono): ${(theirsS / oursS).toFixed(2)}x ${theirsS >= oursS ? '(target met)' : '(target NOT met)'}`);
}

function runAll(article: Article, ctx: ExtractContext, times?: Map<string, number>): number {
  let claims: Claim[] = [];
  for (const ex of EXTRACTORS) {
    const s = times ? process.hrtime.bigint() : 0n;
    const found = ex.extract(article, ctx, claims);
    if (times) times.set(ex.id, (times.get(ex.id) ?? 0) + Number(process.hrtime.bigint() - s) / 1e9);
    claims = claims.concat(found);
  }
  // The refiners (each claim's subject and attribute) are part of extraction, and timed with it.
  for (const refine of REFINERS) {
    const s = times ? process.hrtime.bigint() : 0n;
    claims = refine(claims, article, ctx);
    if (times) times.set('refiners', (times.get('refiners') ?? 0) + Number(process.hrtime.bigint() - s) / 1e9);
  }
  return claims.length;
}

/**
 * Planted conflicts found: a conflict finding of the planted kind whose readings hold the odd outlet's
 * article and another article of its story. Precision: conflict findings of those kinds (dates and
 * quantities) that match a planted conflict, over all such conflict findings reported.
 */
function scorePlanted(room: Newsroom, report: { findings: Finding[] }): { planted: number; found: number; reported: number; inStory: number; matching: number } {
  const conflicts = report.findings.filter((f) => f.verdict === 'conflict' && (f.kind === 'date' || f.kind === 'quantity'));
  const sourcesOf = (f: Finding) => new Set(f.readings.flatMap((r) => r.claims.map((c) => c.source)));
  let found = 0;
  const matched = new Set<Finding>();
  for (const p of room.planted) {
    const hit = conflicts.find((f) => {
      if (f.kind !== p.kind) return false;
      const sources = [...sourcesOf(f)];
      return sources.includes(p.odd) && sources.some((s) => s !== p.odd && room.storyOf.get(s) === p.story);
    });
    if (hit) {
      found++;
      matched.add(hit);
    }
  }
  const inStory = conflicts.filter((f) => new Set([...sourcesOf(f)].map((s) => room.storyOf.get(s))).size === 1).length;
  return { planted: room.planted.length, found, reported: conflicts.length, inStory, matching: matched.size };
}

/**
 * One new article against the store extracted from the largest corpus: start-up, store load and compare,
 * run after run as CI would see them. Cold: the first gate against the store parses every claims file
 * and builds the store index. Warm: the index is current, only the files the new claims can pair with
 * are read. Fresh checkout: every file has a new time (as after a clone with the index restored from a
 * cache), so each is hashed once, none parsed, and the index rewritten. Then warm again.
 */
function gateLatency(work: string, room: Newsroom): void {
  const dir = writeRoom(work, room, 'gate-articles');
  const store = join(work, 'store');
  const extracted = child(['extract', dir, store, ...(JOBS ? [JOBS] : [])]);
  const [firstId, text] = [...room.articles.entries()][0];
  const fresh = join(work, 'gate-new');
  mkdirSync(fresh);
  // A new version of one stored story: its figure changed.
  const changed = join(fresh, firstId.replace(/^s/, 'new-'));
  writeFileSync(changed, text.replace(/(\d),(\d{3})/, (_m, a: string, b: string) => `${a},${String((Number(b) + 700) % 1000).padStart(3, '0')}`));
  const cold = child(['gate', store, changed]);
  const warm = child(['gate', store, changed]);
  // A checkout a minute before the gate (a time within the last 2 s would keep each file on probation).
  const checkedOut = new Date(Date.now() - 60_000);
  for (const name of readdirSync(store)) if (name.endsWith('.yaml')) utimesSync(join(store, name), checkedOut, checkedOut);
  const checkout = child(['gate', store, changed]);
  const warmAgain = child(['gate', store, changed]);
  const full = child(['gate', store, changed, '--no-index']);
  console.log(`gate: store of ${room.articles.size} articles (extract ${(extracted.ms / 1000).toFixed(2)} s); one new article:`);
  const line = (name: string, g: ReturnType<typeof child>) =>
    console.log(
      `  ${name.padEnd(15)} start-up ${(g.startupMs / 1000).toFixed(2)} s, store + extract + compare ${(g.poolMs / 1000).toFixed(2)} s ` +
        `(${g.hashed ?? '-'} files hashed, ${g.parsed ?? g.loadedFiles} parsed, ${g.loadedFiles} compared against), judge ${(g.judgeMs / 1000).toFixed(3)} s, ` +
        `after start-up ${((g.ms - g.startupMs) / 1000).toFixed(2)} s, peak ${g.rssMb.toFixed(0)} MB, ${g.findings} findings`,
    );
  line('cold', cold);
  line('warm', warm);
  line('fresh checkout', checkout);
  line('warm again', warmAgain);
  line('--no-index', full);
  const same = new Set([cold, warm, checkout, warmAgain, full].map((g) => g.findings)).size === 1;
  const met = warm.ms - warm.startupMs < 1000 && warmAgain.ms - warmAgain.startupMs < 1000;
  console.log(`  warm under 1 s after start-up: ${met ? 'target met' : 'target NOT met'}; ${same ? 'same number of findings every way' : 'FINDINGS DIFFER between runs'}`);
}

main();
