import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Layers point one way, from the command line down to the text. A module may import its own layer or
 * any layer below; never one above. Each top-level entry of src/ belongs to one layer:
 *
 *   9 app        cli, gate, review, pipeline, pipeline.ts, bench, index.ts (the library's entry)
 *   8 report     report (renderers: a report in, text out)
 *   7 compare    compare, rules (the rules' loader reads the comparators' registry; compare never imports it)
 *   5 claims     claims (stored claims files)
 *   4 extract    extract
 *   3 ingest     ingest (articles from files: front matter, reference date, sentences)
 *   2 language   normalize, lang (English data and what reads it)
 *   1 text       text (with the mechanisms that read a vocabulary: aliases, spellings)
 *   0 base       util, types.ts, version.ts
 */
const LAYERS: Record<string, number> = {
  cli: 9,
  gate: 9,
  review: 9,
  pipeline: 9,
  'pipeline.ts': 9,
  'index.ts': 9,
  bench: 9,
  report: 8,
  compare: 7,
  rules: 7,
  claims: 5,
  extract: 4,
  ingest: 3,
  normalize: 2,
  lang: 2,
  text: 1,
  util: 0,
  'types.ts': 0,
  'version.ts': 0,
};

/**
 * Upward imports allowed for now, as "from -> to" of src/ paths: none. An entry must name an import that
 * exists (the test fails on one that is gone), so the list can only shrink back to empty.
 */
const KNOWN_UPWARD = new Set<string>([]);

const SRC = resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return sources(p);
      return p.endsWith('.ts') ? [p] : [];
    });
}

/** The src/ path a relative specifier names: "../text/vocabulary" from src/extract/x.ts -> "text/vocabulary.ts". */
function target(from: string, spec: string): string {
  const abs = resolve(dirname(from), spec);
  for (const candidate of [`${abs}.ts`, join(abs, 'index.ts'), abs]) {
    try {
      if (statSync(candidate).isFile()) return relative(SRC, candidate).split(sep).join('/');
    } catch {
      /* not this one */
    }
  }
  return relative(SRC, abs).split(sep).join('/');
}

/** "extract/people/x.ts" -> "extract"; "pipeline.ts" -> "pipeline.ts". */
function unitOf(path: string): string {
  return path.split('/')[0];
}

// `import ... from '...'`, `export ... from '...'`, `import('...')`, `require('...')`: relative ones only.
const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|(?:import|require)\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

const edges: { from: string; to: string }[] = [];
for (const file of sources(SRC)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) edges.push({ from: relative(SRC, file).split(sep).join('/'), to: target(file, m[1] ?? m[2]) });
}

/** Pairs of top-level units allowed to import each other (within one layer): none. */
const KNOWN_MUTUAL = new Set<string>([]);

describe('layers', () => {
  test('no two units import each other (beyond the known pairs, which may only go away)', () => {
    const units = new Set(edges.filter((e) => unitOf(e.from) !== unitOf(e.to)).map((e) => `${unitOf(e.from)} -> ${unitOf(e.to)}`));
    const mutual = [...units]
      .map((k) => k.split(' -> '))
      .filter(([a, b]) => a < b && units.has(`${b} -> ${a}`))
      .map(([a, b]) => `${a} <-> ${b}`)
      .sort();
    expect(mutual.filter((m) => !KNOWN_MUTUAL.has(m))).toEqual([]);
    expect([...KNOWN_MUTUAL].filter((m) => !mutual.includes(m))).toEqual([]);
  });

  test('every top-level entry of src/ has a layer', () => {
    const units = [...new Set(sources(SRC).map((f) => unitOf(relative(SRC, f).split(sep).join('/'))))].sort();
    expect(units.filter((u) => LAYERS[u] === undefined)).toEqual([]);
  });

  test('the import parser sees the imports (a sample)', () => {
    expect(edges).toContainEqual({ from: 'pipeline.ts', to: 'extract/index.ts' });
    expect(edges).toContainEqual({ from: 'pipeline/worker.ts', to: 'pipeline.ts' });
    expect(edges.length).toBeGreaterThan(200);
  });

  test('no import points up a layer (beyond the known ones, which may only go away)', () => {
    const upward = edges.filter((e) => LAYERS[unitOf(e.to)] > LAYERS[unitOf(e.from)]).map((e) => `${e.from} -> ${e.to}`);
    const unique = [...new Set(upward)].sort();
    expect(unique.filter((e) => !KNOWN_UPWARD.has(e))).toEqual([]);
    expect([...KNOWN_UPWARD].filter((e) => !unique.includes(e))).toEqual([]);
  });

  test('no cycle between layers: the layer graph, less the known upward imports, points down only', () => {
    const between = new Set<string>();
    for (const e of edges) {
      const a = LAYERS[unitOf(e.from)];
      const b = LAYERS[unitOf(e.to)];
      if (a !== b && !KNOWN_UPWARD.has(`${e.from} -> ${e.to}`)) between.add(`${a}->${b}`);
    }
    expect([...between].filter((k) => Number(k.split('->')[0]) < Number(k.split('->')[1]))).toEqual([]);
  });
});
