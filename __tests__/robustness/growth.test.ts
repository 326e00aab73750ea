import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildArticle } from '../../src/ingest/article';
import { loadCorpus } from '../../src/ingest/corpus';
import { extractArticle } from '../../src/pipeline';
import { parseDecisions } from '../../src/review/decisions';
import { parseBaseline } from '../../src/gate/baseline';
import { parseYamlInput } from '../../src/text/yaml-input';
import { removeTempDirs, tempDir } from '../gate/helpers';

/*
 * Growth checks, not timing tests, in the style of linear.test.ts: each step runs at 1x and 8x its input,
 * and the 8x run may take at most 20 times as long (linear is about 8x, quadratic 64x, 20x leaves room
 * for a busy machine). Best of three runs; a 1x run under MIN_BASE_SECONDS is counted as that much.
 */

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
afterAll(removeTempDirs);
jest.setTimeout(120_000);

const MIN_BASE_SECONDS = 0.02;
const LIMIT = 20;

function best<T>(input: T, run: (input: T) => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < 3; i++) {
    collect();
    const t = process.hrtime.bigint();
    run(input);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return fastest;
}

/** "x grew 9.1x" while under the limit; the failure message names the step and its ratio. */
function expectLinear<T>(name: string, make: (scale: number) => T, run: (input: T) => unknown, base: number): void {
  run(make(Math.max(1, Math.floor(base / 8)))); // warm the JIT on a small input
  const small = best(make(base), run);
  const big = best(make(base * 8), run);
  const ratio = big / Math.max(small, MIN_BASE_SECONDS);
  expect(`${name} grew ${ratio.toFixed(1)}x`).toBe(`${name} grew ${ratio < LIMIT ? ratio.toFixed(1) : `< ${LIMIT}`}x`);
}

/** Text of about `size` characters, one word or phrase repeated: each a run some pattern could re-read at every word. */
const RUNS: [string, string][] = [
  ['spelled numbers ("one one one ...")', 'one '],
  ['spelled numbers with hyphens', 'twenty-one '],
  ['capitalized words (a name run with no end)', 'Alder Birch Cedar Dunmore '],
  ['numbers with separators', '1,200 '],
  ['digits and spaces', '7 '],
  ['quote marks never closed', '"said the '],
  ['titles in a row', 'Mayor Deputy Mayor Chief '],
  ['month names', 'May June July '],
  ['hedges', 'about nearly around '],
];

describe('extraction of repeated runs grows linearly', () => {
  test.each(RUNS)('%s', (_name, unit) => {
    const make = (kb: number) => {
      const text = unit.repeat(Math.ceil((kb * 1024) / unit.length));
      const r = buildArticle('run.txt', '/run.txt', text);
      if (!r.ok) throw new Error('article');
      return r.value;
    };
    expectLinear('extraction', make, (a) => extractArticle(a, {}, { errors: [] }), 16);
  });
});

describe('YAML inputs grow linearly with their entries', () => {
  test('a decisions file (the duplicate-key check and the places of its ids)', () => {
    const make = (n: number) => {
      let s = 'format: corroborate/decisions@1\ndecisions:\n';
      for (let i = 0; i < n; i++) s += `  "quantity:f${i}": { status: accepted, comment: checked }\n`;
      return s;
    };
    expectLinear('decisions', make, (s) => {
      if (!parseDecisions(s, 'd.yaml').ok) throw new Error('decisions');
    }, 2000);
  });

  test('a baseline', () => {
    const make = (n: number) => {
      let s = 'format: corroborate/baseline@1\nentries:\n';
      for (let i = 0; i < n; i++) s += `  - { fingerprint: "f${i}", by: Ana, reason: known, accepted: "2026-01-02" }\n`;
      return s;
    };
    expectLinear('baseline', make, (s) => {
      const r = parseBaseline('bl.yaml', s);
      if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 2)));
    }, 1000);
  });

  test('one mapping with many keys', () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
    expectLinear('mapping', make, (s) => {
      if (!parseYamlInput(s, 'm.yaml').ok) throw new Error('mapping');
    }, 2000);
  });
});

describe('folder walks: one look at each folder, never a realpath of every level', () => {
  // Each readdir and lstat still names its folder by a path the kernel resolves component by component,
  // so the kernel's share grows with depth whatever the walk does: 4x the depth takes about 10x here.
  // A realpath at every level (what the walk did) is cubic, 64x; the check sits between the two.
  test('an article folder 300 and 1,200 levels deep', () => {
    const make = (depth: number) => {
      const root = tempDir('corroborate-deep-');
      let dir = root;
      for (let i = 0; i < depth; i++) dir = join(dir, 'd');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.txt'), 'The ferry carried 40 passengers on Monday.\n');
      return root;
    };
    const walk = (root: string) => {
      const c = loadCorpus([root], root);
      if (c.articles.length !== 1) throw new Error('walk');
    };
    walk(make(100));
    const small = best(make(300), walk);
    const big = best(make(1200), walk);
    const ratio = big / Math.max(small, MIN_BASE_SECONDS);
    expect(`walk grew ${ratio.toFixed(1)}x`).toBe(`walk grew ${ratio < 32 ? ratio.toFixed(1) : '< 32'}x`);
  });
});
