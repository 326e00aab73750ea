import { buildArticle } from '../../src/ingest/article';
import { EXTRACTORS } from '../../src/extract';
import { loadRules } from '../../src/rules/loader';
import { seeded, syntheticArticle } from '../../src/bench/corpus';
import type { Article, Claim, RuleSet } from '../../src/types';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each timed run, so garbage left by the run before is not billed to it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

// A growth check, not a timing test: each extractor runs on the same kind of text at 1x and 8x the size,
// and the 8x run may take at most 32 times as long (a linear extractor takes about 8x; a quadratic one
// 64x). The margin is for garbage collection on a busy machine: the people extractor on one 1 MB line
// measures 14-15x alone and up to 22x inside a full two-worker jest run. The best of three runs is compared.
const MAX_GROWTH = 32;
const KB = 1024;
const BASE = 128 * KB;
// A 1x run shorter than this is timer and collector noise: a quadratic extractor still shows (64x of 5 ms
// is 320 ms, 16x this floor), a linear one taking 9 ms does not fail on a 112 ms big run.
const MIN_BASE_SECONDS = 0.02;

const rules: RuleSet = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules');
  return r.value;
})();

/** News-like text of about `size` characters, one shape repeated or varied, as the layout asks. */
const layouts: [string, (size: number) => string][] = [
  // Varied sentences in paragraphs: names, titles, quotes, dates and amounts from the bench generator.
  ['varied paragraphs', (size) => {
    const r = seeded(99);
    let out = '';
    while (out.length < size) out += syntheticArticle(r, 40) + '\n\n';
    return out.slice(0, size);
  }],
  // One sentence repeated, one per line: the same names over and over.
  ['repeated lines', (size) => {
    const s = 'On Monday, Mayor Ilse Brand said the ferry carried 1,200 passengers, "more than ever."\n';
    return s.repeat(Math.ceil(size / s.length));
  }],
  // The same, as one line with no break: look-behinds must not reach back to the line start.
  ['a single line', (size) => {
    const s = 'Port chief of staff, Ilse Brand, said on May 3, 2024 that "about 40 km" of quay were closed. ';
    return s.repeat(Math.ceil(size / s.length));
  }],
];

function article(text: string): Article {
  const r = buildArticle('linear.txt', '/linear.txt', text);
  if (!r.ok) throw new Error('article');
  return r.value;
}

/**
 * Best-of-three seconds each extractor takes on `text`, in EXTRACTORS order. Each run reads a fresh
 * Article, so no run is served from the per-article memos of the one before.
 */
function timeExtractors(text: string): number[] {
  const best = EXTRACTORS.map(() => Infinity);
  for (let run = 0; run < 3; run++) {
    const a = article(text);
    let earlier: Claim[] = [];
    EXTRACTORS.forEach((ex, i) => {
      collect();
      const t = process.hrtime.bigint();
      const found = ex.extract(a, { rules }, earlier);
      best[i] = Math.min(best[i], Number(process.hrtime.bigint() - t) / 1e9);
      earlier = earlier.concat(found);
    });
  }
  return best;
}

describe('extraction grows linearly with the input', () => {
  jest.setTimeout(120_000);
  test.each(layouts)(`%s: 8x the text takes under ${MAX_GROWTH}x the time`, (_name, make) => {
    // Warm the JIT on a small piece first, so the 1x run is not the one that pays for compiling.
    timeExtractors(make(8 * KB));
    const small = timeExtractors(make(BASE));
    const big = timeExtractors(make(8 * BASE));
    const ratios = EXTRACTORS.map((ex, i) => [ex.id, big[i] / Math.max(small[i], MIN_BASE_SECONDS)] as const);
    if (process.env.LINEAR_DEBUG) console.log(_name, ratios.map(([id, r], i) => `${id} ${(small[i] * 1e3).toFixed(0)}ms->${(big[i] * 1e3).toFixed(0)}ms ${r.toFixed(1)}x`).join(", "));
    for (const [id, ratio] of ratios) {
      // Named in the failure message: "titles grew 48.2x".
      expect(`${id} grew ${ratio.toFixed(1)}x`).toBe(`${id} grew ${ratio < MAX_GROWTH ? ratio.toFixed(1) : `< ${MAX_GROWTH}`}x`);
    }
  });
});
