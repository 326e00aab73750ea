/**
 * Benchmark: the full extractor set against chrono-node's `parse` on one synthetic English news corpus
 * (deterministic, at least 5 MB). Prints MB/s for both and their ratio. Run with `npm run bench`.
 * Not a test: timings vary by machine.
 */
import { buildArticle } from '../ingest/article';
import { EXTRACTORS } from '../extract/index';
import { emptyVocabulary } from '../rules/vocabulary';
import type { Article, Claim, ExtractContext } from '../types';
import { syntheticCorpus } from './corpus';

const SEED = 20250921;
const MB = 1024 * 1024;

function main(): void {
  const size = Number(process.env.BENCH_MB ?? 5) * MB;
  const texts = syntheticCorpus(SEED, size);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const articles: Article[] = [];
  texts.forEach((t, i) => {
    const r = buildArticle(`bench-${i}.txt`, `/bench/bench-${i}.txt`, t);
    if (r.ok) articles.push(r.value);
  });
  const ctx: ExtractContext = { rules: { rules: [], data: [], vocabulary: emptyVocabulary() } };

  // Warm up both on a slice so neither pays the JIT alone.
  const chrono = require('chrono-node') as { parse: (text: string, ref?: Date) => unknown[] };
  for (const a of articles.slice(0, 20)) {
    runAll(a, ctx);
    chrono.parse(a.text, new Date(Date.UTC(2025, 8, 21)));
  }

  let claims = 0;
  const perExtractor = new Map<string, number>();
  const t0 = process.hrtime.bigint();
  for (const a of articles) claims += runAll(a, ctx, perExtractor);
  const t1 = process.hrtime.bigint();
  let parsed = 0;
  const ref = new Date(Date.UTC(2025, 8, 21));
  for (const a of articles) parsed += chrono.parse(a.text, ref).length;
  const t2 = process.hrtime.bigint();

  const ours = Number(t1 - t0) / 1e9;
  const theirs = Number(t2 - t1) / 1e9;
  const mb = bytes / MB;
  console.log(`corpus: ${articles.length} articles, ${mb.toFixed(2)} MB (seed ${SEED})`);
  console.log(`corroborate extractors: ${(mb / ours).toFixed(2)} MB/s (${ours.toFixed(2)} s, ${claims} claims)`);
  for (const [id, s] of perExtractor) console.log(`  ${id.padEnd(12)} ${(mb / s).toFixed(2)} MB/s`);
  console.log(`chrono-node parse:      ${(mb / theirs).toFixed(2)} MB/s (${theirs.toFixed(2)} s, ${parsed} results)`);
  console.log(`ratio (ours / chrono):  ${(theirs / ours).toFixed(2)}x`);
}

function runAll(article: Article, ctx: ExtractContext, times?: Map<string, number>): number {
  const claims: Claim[] = [];
  for (const ex of EXTRACTORS) {
    const s = times ? process.hrtime.bigint() : 0n;
    const found = ex.extract(article, ctx, claims);
    if (times) times.set(ex.id, (times.get(ex.id) ?? 0) + Number(process.hrtime.bigint() - s) / 1e9);
    claims.push(...found);
  }
  return claims.length;
}

main();
