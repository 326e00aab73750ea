import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Claim, RuleSet } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { loadCorpus } from '../../src/ingest/corpus';
import { loadRules } from '../../src/rules/loader';
import { checkClaims, extractArticle } from '../../src/pipeline';
import { articleFromClaims, claimsPathFor, sha256 } from '../../src/claims/io';
import { makeSpan } from '../../src/text/span';
import { newsroom } from '../../src/bench/stories';
import { buildPool, judge, type Pool } from '../../src/gate/run';
import { writeClaimsToStore } from '../../src/gate/store';
import {
  INDEX_FILE,
  RACY_MS,
  closeStore,
  decodeList,
  decodePostings,
  openStore,
  planLoad,
  readIndex,
  recordOf,
  saveIndex,
  indexFingerprint,
  topicWeightSeeds,
  nameCountsFor,
  type StoreView,
} from '../../src/gate/store-index';
import { removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

function rulesOrThrow(dirs: string[] = []): RuleSet {
  const r = loadRules(dirs);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const RULES = rulesOrThrow();

function open(dir: string, rules = RULES, now?: number): StoreView {
  const r = openStore(dir, rules, dir, { now });
  if (!r.ok || !r.value) throw new Error(r.ok ? 'no view' : JSON.stringify(r.error));
  return r.value;
}

/** What a gate prints, as one string: the JSON report and the counts the summary line shows. */
function gateOutput(pool: Pool): string {
  const j = judge(pool, { failOn: 'conflict', maxWarnings: -1, today: '2026-05-01', ruleIds: new Set(RULES.rules.map((r) => r.id)) });
  return JSON.stringify({ report: j.report, stored: pool.stored, replaced: pool.replaced, exit: j.exitCode, stale: j.stale, root: pool.root });
}

function gate(dir: string, inputs: string[], index: boolean, rules = RULES): Pool {
  return buildPool({ inputs, against: 'claims', rules, cwd: dir, index });
}

// ---------------------------------------------------------------------------------------------
// A newsroom through the real extractors: 240 articles of invented stories, a few held out as new.

const SEED = 20250921;
let fixture: string;
let held: string[];

beforeAll(() => {
  fixture = tempDir('corroborate-index-fixture-');
  const room = newsroom(SEED, 240);
  held = [];
  const seen = new Set<number>();
  for (const [id, text] of room.articles) {
    const story = room.storyOf.get(id)!;
    // The first article of every fifth story is new; the rest are published.
    const isNew = story % 5 === 0 && !seen.has(story);
    seen.add(story);
    mkdirSync(join(fixture, isNew ? 'new' : 'articles'), { recursive: true });
    writeFileSync(join(fixture, isNew ? 'new' : 'articles', id), text);
    if (isNew) held.push(id);
  }
  const corpus = loadCorpus(['articles'], fixture);
  const claims = new Map(corpus.articles.map((a) => [a.id, extractArticle(a, {})]));
  writeClaimsToStore(join(fixture, 'claims'), corpus.articles, claims, { rules: RULES, cwd: fixture });
  // A fresh store has no index: the first gate builds it.
  expect(existsSync(join(fixture, 'claims', INDEX_FILE))).toBe(false);
  expect(gate(fixture, [`new/${held[0]}`], true).view!.rebuilt).toBe(true);
}, 120_000);

/** A copy of the fixture to change freely. */
function copyFixture(): string {
  const dir = tempDir('corroborate-index-case-');
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

const claimsFile = (dir: string, id: string) => claimsPathFor(join(dir, 'claims'), id);

interface Case {
  /** Changes the copy before the gate runs; returns the gate's inputs. */
  setup: (dir: string) => string[];
  /** Rules of the run, when not the shipped ones. */
  rules?: (dir: string) => RuleSet;
  /** The run must have rebuilt the index from every file. */
  rebuilt?: boolean;
}

const CASES: [string, Case][] = [
  ['a new article of a story the store has', { setup: () => [`new/${held[0]}`] }],
  ['three new articles at once', { setup: () => held.slice(1, 4).map((id) => `new/${id}`) }],
  [
    'a new version of a stored article (its figure changed)',
    {
      setup: (dir) => {
        const id = 's00007-wire.txt';
        const path = join(dir, 'articles', id);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/(\d),(\d{3})/, (_m, a: string, b: string) => `${a},${String((Number(b) + 700) % 1000).padStart(3, '0')}`));
        return [`articles/${id}`, `new/${held[4]}`];
      },
    },
  ],
  [
    'a stored claims file rewritten behind the index (another figure), one removed, one added',
    {
      setup: (dir) => {
        const changed = claimsFile(dir, 's00001-gazette.txt');
        writeFileSync(changed, readFileSync(changed, 'utf8').replace(/low: (\d+)\n(\s+)high: (\d+)/, (_m, _l, sp: string) => `low: 4321\n${sp}high: 4321`));
        rmSync(claimsFile(dir, 's00002-post.txt'));
        // An article published without the index knowing: its claims written by hand-run tooling.
        const id = held[5];
        cpSync(join(dir, 'new', id), join(dir, 'articles', id));
        const a = loadCorpus([join(dir, 'articles', id)], dir).articles[0];
        a.id = id;
        writeClaimsToStore(join(dir, 'claims'), [a], new Map([[id, extractArticle(a, {})]]));
        return [`new/${held[6]}`, `new/${held[0]}`];
      },
    },
  ],
  [
    'rules changed (a user rule overrides the quantity tolerance)',
    {
      setup: (dir) => {
        mkdirSync(join(dir, 'my-rules'));
        writeFileSync(
          join(dir, 'my-rules', 'quantity-tolerance.yaml'),
          'extends: numeric-tolerance\napplies-to: [quantity]\nseverity: warning\ndescription: looser\nparams: { relative: 0.2, rounding: true }\n',
        );
        return [`new/${held[0]}`];
      },
      rules: (dir) => rulesOrThrow([join(dir, 'my-rules')]),
      rebuilt: true,
    },
  ],
  ['index missing', { setup: (dir) => (rmSync(join(dir, 'claims', INDEX_FILE)), [`new/${held[1]}`]), rebuilt: true }],
  ['index corrupt: not JSON', { setup: (dir) => (writeFileSync(join(dir, 'claims', INDEX_FILE), 'garbage'), [`new/${held[1]}`]), rebuilt: true }],
  [
    'index corrupt: cut short',
    {
      setup: (dir) => {
        const p = join(dir, 'claims', INDEX_FILE);
        writeFileSync(p, readFileSync(p).subarray(0, 5000));
        return [`new/${held[1]}`];
      },
      rebuilt: true,
    },
  ],
  [
    'index corrupt: one byte of the body changed',
    {
      setup: (dir) => {
        const p = join(dir, 'claims', INDEX_FILE);
        const b = readFileSync(p);
        const at = b.indexOf('\n') + 200;
        b[at] = b[at] === 0x31 ? 0x32 : 0x31;
        writeFileSync(p, b);
        return [`new/${held[1]}`];
      },
      rebuilt: true,
    },
  ],
  [
    'index records damaged (every record fails its hash: the YAML is read instead)',
    {
      setup: (dir) => {
        const p = join(dir, 'claims', INDEX_FILE);
        const b = readFileSync(p);
        const nl1 = b.indexOf('\n');
        const nl2 = b.indexOf('\n', nl1 + 1);
        for (let i = nl2 + 2; i < b.length; i += 7) if (b[i] === 0x61) b[i] = 0x62;
        writeFileSync(p, b);
        return [`new/${held[2]}`];
      },
    },
  ],
  [
    'two stored files hold one article id (a full load decides)',
    {
      setup: (dir) => {
        cpSync(claimsFile(dir, 's00003-wire.txt'), join(dir, 'claims', 'copy-of-wire.yaml'));
        return [`new/${held[0]}`];
      },
    },
  ],
];

describe('a gate with the store index reports exactly what a full load reports', () => {
  test.each(CASES)('%s', (_name, c) => {
    const dir = copyFixture();
    const inputs = c.setup(dir);
    const rules = c.rules?.(dir) ?? RULES;
    const full = gate(dir, inputs, false, rules);
    const indexed = gate(dir, inputs, true, rules);
    expect(gateOutput(indexed)).toBe(gateOutput(full));
    expect(indexed.view!.rebuilt).toBe(Boolean(c.rebuilt));
    // The gate compares the whole store, as check does (one set of findings, __tests__/pipeline/one-truth):
    // every stored file takes part; the index spares parsing their YAML, checked below.
    // The index on disk is current now: a second run reads nothing but what it needs, same output.
    const again = gate(dir, inputs, true, rules);
    expect(again.view!.stats.parsed).toBe(0);
    expect(gateOutput(again)).toBe(gateOutput(full));
  }, 60_000);

  test('a store in folders, whose walk order is not the order of its paths ("wire/" after "wire-", "wire.")', () => {
    const dir = tempDir('corroborate-index-nested-');
    const room = newsroom(SEED + 1, 300);
    const news: string[] = [];
    let n = 0;
    for (const [id, text] of room.articles) {
      const [story, outlet] = id.replace(/\.txt$/, '').split('-');
      const path = [`${outlet}/${story}.txt`, `${outlet}-${story}.txt`, `${outlet}.${story}.txt`][n++ % 3];
      const isNew = n === 17 || n === 170;
      mkdirSync(join(dir, isNew ? 'new' : 'articles', path, '..'), { recursive: true });
      writeFileSync(join(dir, isNew ? 'new' : 'articles', path), text);
      if (isNew) news.push(`new/${path}`);
    }
    const corpus = loadCorpus(['articles'], dir);
    writeClaimsToStore(join(dir, 'claims'), corpus.articles, new Map(corpus.articles.map((a) => [a.id, extractArticle(a, {})])), { rules: RULES, cwd: dir });
    expect(gate(dir, news, true).view!.rebuilt).toBe(true);
    // Every file's time changes (as on a fresh checkout): the index is refreshed, keeping each file's number.
    const copy = tempDir('corroborate-index-nested-copy-');
    cpSync(dir, copy, { recursive: true });
    const indexed = gate(copy, news, true);
    expect(indexed.view!.stats.hashed).toBe(indexed.view!.stats.listed);
    expect(indexed.view!.stats.parsed).toBe(0);
    expect(gateOutput(indexed)).toBe(gateOutput(gate(copy, news, false)));
    expect(gateOutput(gate(copy, news, true))).toBe(gateOutput(gate(copy, news, false)));
    // Findings against stored articles in folders and beside them: a wrong file number would lose them.
    const against = indexed.relevant.flatMap((f) => f.readings.flatMap((r) => r.claims.map((c) => c.source))).filter((s) => !indexed.newIds.has(s));
    expect(against.some((s) => s.includes('/'))).toBe(true);
    expect(against.some((s) => !s.includes('/'))).toBe(true);
    // And the refreshed index picks the very files an index built afresh picks.
    rmSync(join(copy, 'claims', INDEX_FILE));
    const afresh = gate(copy, news, true);
    expect(afresh.view!.rebuilt).toBe(true);
    expect(indexed.articles.map((a) => a.id)).toEqual(afresh.articles.map((a) => a.id));
  }, 60_000);

  test('the cases have findings against the store, so the comparison says something', () => {
    const pool = gate(copyFixture(), held.slice(0, 4).map((id) => `new/${id}`), true);
    expect(pool.relevant.filter((f) => f.readings.flatMap((r) => r.claims).some((c) => !pool.newIds.has(c.source))).length).toBeGreaterThan(5);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Hand-made claims for the two places where a partial load would differ from a full one.

interface Amount {
  phrase: string;
  dimension: 'count' | 'money';
  value: number;
  counted?: string;
  predicates?: string[];
  entities?: string[];
  words?: string[];
}

/** An article of one sentence per amount, and its quantity claims with the context given. */
function made(id: string, amounts: Amount[]): { article: Article; claims: Claim[] } {
  const text = amounts.map((a, i) => `Line ${i + 1} gives ${a.phrase} here.`).join('\n') + '\n';
  const built = buildArticle(id, `/made/${id}`, text);
  if (!built.ok) throw new Error('article');
  const article = built.value;
  let from = 0;
  const claims = amounts.map((a) => {
    const start = text.indexOf(a.phrase, from);
    const end = start + a.phrase.length;
    from = end;
    const unit = a.dimension === 'money' ? 'USD' : 'count';
    const c: Claim = {
      id: `quantity@${start}-${end}`,
      source: id,
      kind: 'quantity',
      extractor: 'by-hand',
      span: makeSpan(text, article.lineStarts, start, end),
      value: { type: 'quantity', dimension: a.dimension, unit, low: a.value, high: a.value, stated: [{ value: a.value, unit, text: a.phrase }], ...(a.counted ? { counted: a.counted } : {}) },
      context: { predicates: a.predicates ?? [], entities: a.entities ?? [], words: a.words ?? [], inQuote: false },
      // One attribute for every made figure: these tests are about what the index loads, not about what a
      // figure states (without one, two figures may agree but never conflict).
      attribute: 'reported',
    };
    return c;
  });
  return { article, claims };
}

/** Writes the stored articles' claims into a fresh store (with its index) and opens it. */
function madeStore(stored: { article: Article; claims: Claim[] }[]): { dir: string; view: StoreView } {
  const dir = tempDir('corroborate-index-made-');
  writeClaimsToStore(join(dir, 'claims'), stored.map((s) => s.article), new Map(stored.map((s) => [s.article.id, s.claims])), { rules: RULES, cwd: dir });
  // Built, written, and read back, as a gate would find it.
  const built = open(join(dir, 'claims'));
  saveIndex(built);
  closeStore(built);
  return { dir, view: open(join(dir, 'claims')) };
}

/** Findings of the new article against the whole store, and against the planned part with or without each aid. */
function compareWays(view: StoreView, fresh: { article: Article; claims: Claim[] }) {
  const focus = new Set([fresh.article.id]);
  const all = view.data.files.map((e) => recordOf(view, e)!);
  const run = (files: typeof all, options: Parameters<typeof checkClaims>[3]) => {
    const articles = [...files.map((f) => articleFromClaims(f, view.dir, view.articleRoot)), fresh.article];
    const claims = new Map<string, Claim[]>([...files.map((f) => [f.article.id, f.claims] as [string, Claim[]]), [fresh.article.id, fresh.claims]]);
    return JSON.stringify(checkClaims(articles, claims, RULES, options).findings);
  };
  const plan = planLoad(view.data, RULES, fresh.claims, new Set());
  const part = plan.files.map((i) => all[i]);
  const memo = topicWeightSeeds(view.data, RULES, part.flatMap((f) => f.claims), fresh.claims, new Set());
  const nameCounts = nameCountsFor(view.data, RULES, fresh.claims, new Set());
  return {
    plan,
    full: run(all, { focus }),
    exact: run(part, { focus, overfull: plan.overfull, memo, nameCounts }),
    withoutOverfull: run(part, { focus, memo, nameCounts }),
    withoutSeeds: run(part, { focus, overfull: plan.overfull, nameCounts }),
    withoutNameCounts: run(part, { focus, overfull: plan.overfull, memo }),
  };
}

const filler = (i: number, amount: Partial<Amount>) => made(`filler-${String(i).padStart(3, '0')}.txt`, [{ phrase: '', dimension: 'count', value: 0, ...amount } as Amount]);

describe('exactness aids, each shown to matter', () => {
  test('a key whose bucket is over the cap in the whole store is skipped though few of its claims are loaded', () => {
    // 70 ferries carrying passengers share "carry" and "ferry" with the new figure: too common a key.
    const stored = Array.from({ length: 70 }, (_, i) =>
      filler(i, { phrase: `${5000 + i} passengers`, value: 5000 + i, counted: 'passenger', predicates: ['carry'], words: ['ferry'] }),
    );
    // Loaded only through "lifeboat", which it shares with the new article's second figure.
    stored.push(made('lifeboat.txt', [{ phrase: '4,321 passengers', dimension: 'count', value: 4321, counted: 'passenger', predicates: ['carry'], words: ['ferry', 'lifeboat'] }]));
    const { view } = madeStore(stored);
    const fresh = made('new.txt', [
      { phrase: '1,200 passengers', dimension: 'count', value: 1200, counted: 'passenger', predicates: ['carry'], words: ['ferry'] },
      { phrase: '9,999 passengers', dimension: 'count', value: 9999, counted: 'passenger', words: ['lifeboat'] },
    ]);
    const w = compareWays(view, fresh);
    closeStore(view);
    expect(w.plan.files.map((i) => view.data.files[i].id)).toEqual(['lifeboat.txt']);
    expect([...(w.plan.overfull.get('quantity-tolerance') ?? [])].sort()).toEqual(['count:count:passenger', 'count:count:passenger:attribute:reported', 'count:count:passenger:carry', 'count:count:passenger:ferry', 'count:count:person:attribute:reported']);
    expect(w.exact).toBe(w.full);
    expect(w.withoutOverfull).not.toBe(w.full);
  });

  test("a name on every loaded article's claims but not on every stored one keeps its full weight", () => {
    // 66 other budgets make "money:USD" too common to load; two more name Velmar's budget, as the new one does.
    const stored = Array.from({ length: 66 }, (_, i) => filler(i, { phrase: `$${i + 100} million`, dimension: 'money', value: (i + 100) * 1e6, words: ['harbor'] }));
    stored.push(made('velmar-a.txt', [{ phrase: '$7.2 million', dimension: 'money', value: 7.2e6, entities: ['velmar'], words: ['budget'] }]));
    stored.push(made('velmar-b.txt', [{ phrase: '$4.5 million', dimension: 'money', value: 4.5e6, entities: ['velmar'], words: ['budget'] }]));
    const { view } = madeStore(stored);
    const fresh = made('new.txt', [{ phrase: '$4.5 million', dimension: 'money', value: 4.5e6, entities: ['velmar'], words: ['budget'] }]);
    const w = compareWays(view, fresh);
    closeStore(view);
    expect(w.plan.files.map((i) => view.data.files[i].id)).toEqual(['velmar-a.txt', 'velmar-b.txt']);
    expect(w.exact).toBe(w.full);
    expect(JSON.parse(w.full).map((f: { verdict: string }) => f.verdict)).toEqual(['conflict']);
    expect(w.withoutSeeds).not.toBe(w.full);
  });
});

describe('names common across the whole store', () => {
  test('a name on most stored articles tells no story from another, though only two articles are loaded', () => {
    // 25 of 30 stories name "minister" (not all: it is no topic word); the new article and Castrelle's share
    // it and the word "budget", and no place.
    const stored = Array.from({ length: 30 }, (_, i) =>
      filler(i, { phrase: `${100 + i} ferries`, value: 100 + i, counted: 'ferry', entities: [...(i < 25 ? ['minister'] : []), `place${i}`, `person${i}`], words: ['fleet'] }),
    );
    stored.push(made('castrelle.txt', [{ phrase: '$7.2 million', dimension: 'money', value: 7.2e6, entities: ['minister', 'castrelle', 'quist'], words: ['budget'] }]));
    const { view } = madeStore(stored);
    const fresh = made('new.txt', [{ phrase: '$4.5 million', dimension: 'money', value: 4.5e6, entities: ['minister', 'velmar', 'roe'], words: ['budget'] }]);
    const w = compareWays(view, fresh);
    closeStore(view);
    expect(w.plan.files.map((i) => view.data.files[i].id)).toEqual(['castrelle.txt']);
    expect(w.exact).toBe(w.full);
    // Two stories: no finding; counted over the two loaded articles only, "minister" would join them.
    expect(JSON.parse(w.full)).toEqual([]);
    expect(w.withoutNameCounts).not.toBe(w.full);
  });
});

describe('keys that name what plain objects hold', () => {
  test.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])('a name or word %j is indexed like any other', (word) => {
    const stored = [
      made('other.txt', [{ phrase: '$3 million', dimension: 'money', value: 3e6, words: ['harbor'] }]),
      made('same.txt', [{ phrase: '$7.2 million', dimension: 'money', value: 7.2e6, entities: [word], words: [word, 'budget'] }]),
    ];
    const { view } = madeStore(stored);
    const fresh = made('new.txt', [{ phrase: '$4.5 million', dimension: 'money', value: 4.5e6, entities: [word], words: [word, 'budget'] }]);
    const w = compareWays(view, fresh);
    closeStore(view);
    expect(Object.prototype.hasOwnProperty.call(view.data.rules['quantity-tolerance'].keys, `money:USD:${word}`)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(view.data.rules['quantity-tolerance'].entities, word)).toBe(true);
    expect(w.exact).toBe(w.full);
    expect(JSON.parse(w.full)).toHaveLength(1);
  });
});

describe('inferRoot from the index (no claims file read)', () => {
  const { inferRoot } = require('../../src/gate/run') as typeof import('../../src/gate/run');
  const { dirname, resolve } = require('node:path') as typeof import('node:path');
  /** The vote of one file as inferRoot made it before it had a shortcut: resolve, then climb out of the id. */
  function slowVote(id: string, file: string, store: string): string | undefined {
    const abs = resolve(dirname(claimsPathFor(store, id)), file);
    const rel = id.split('/');
    const parts = abs.split(/[\\/]/);
    if (parts.slice(parts.length - rel.length).join('/') !== rel.join('/')) return undefined;
    return resolve(abs, ...rel.map(() => '..'));
  }
  test.each([
    ['a.md', '../articles/a.md'],
    ['world/a.md', '../../articles/world/a.md'],
    ['world/a.md', '../../articles/./world/a.md'],
    ['a.md', 'a.md'],
    ['a.md', '../x/../articles/a.md'],
    ['a.md', '../../../../../../../../a.md'],
    ['world/a.md', '../other/a.md'],
    ['a.md', '../articles/ba.md'],
  ])('id %j with article file %j votes as resolving the path would', (id, file) => {
    const store = '/srv/news/claims';
    expect(inferRoot([{ article: { id, file } }], store)).toBe(slowVote(id, file, store));
  });

  test.each(['C:x.md', 'a/../b.md', '/abs.md'])('id %j, which names no claims file, is refused as before', (id) => {
    expect(() => inferRoot([{ article: { id: 'ok.md', file: '../articles/ok.md' } }, { article: { id, file: `../articles/${id}` } }], '/srv/claims')).toThrow(/cannot name a claims file/);
  });
});

// ---------------------------------------------------------------------------------------------
// The index itself.

describe('the index file', () => {
  test.each([
    ['', []],
    ['0', [0]],
    ['0,1,1,3', [0, 1, 2, 5]],
    ['a,1', [10, 11]],
  ])('file list %j decodes to %j', (s, want) => {
    expect(decodeList(s)).toEqual(want);
  });

  test.each([
    ['3,e*2', [3, 1, 17, 2]],
    ['0*70', [0, 70]],
    ['', []],
  ])('postings %j decode to %j', (s, want) => {
    expect(decodePostings(s)).toEqual(want);
  });

  test('names every claims file with its size, time and hash', () => {
    const data = readIndex(join(fixture, 'claims'), indexFingerprint(RULES))!;
    expect(data).toBeDefined();
    const one = data.files.find((f) => f.id === 's00001-wire.txt')!;
    const text = readFileSync(claimsFile(fixture, 's00001-wire.txt'), 'utf8');
    expect(one).toMatchObject({ path: 's00001-wire.txt.yaml', size: Buffer.byteLength(text), hash: sha256(text).slice(0, 32), file: '../articles/s00001-wire.txt' });
    expect(one.mtimeMs).toBe(statSync(claimsFile(fixture, 's00001-wire.txt')).mtimeMs);
  });

  test('is ignored for other rules (another fingerprint)', () => {
    const other = rulesOrThrow();
    other.rules = other.rules.map((r) => (r.id === 'date-overlap' ? { ...r, params: { ...r.params, 'link-agree': 0.3 } } : r));
    expect(indexFingerprint(other)).not.toBe(indexFingerprint(RULES));
    expect(readIndex(join(fixture, 'claims'), indexFingerprint(other))).toBeUndefined();
  });

  test.each([
    ['same size, same time, other text, modified long before the index was written', false],
    ['same size, same time, other text, modified just before the index was written', true],
  ])('a file changed with %s is re-read: %s', (_name, racy) => {
    const dir = copyFixture();
    const store = join(dir, 'claims');
    const path = claimsFile(dir, 's00001-gazette.txt');
    // A whole second, so the same time can be put back exactly after the edit.
    const second = Math.floor(Date.now() / 1000) - 100;
    utimesSync(path, second, second);
    const st = statSync(path);
    // Index written "now" = RACY_MS after the file's time, or just after it.
    const view = open(store, RULES, st.mtimeMs + (racy ? 10 : RACY_MS + 10));
    view.dirty = true;
    expect(view.stats.hashed).toBeGreaterThan(0);
    saveIndex(view);
    closeStore(view);
    const text = readFileSync(path, 'utf8');
    // A same-length edit, then the old time put back: only the hash can tell.
    writeFileSync(path, text.replace(/low: (\d)/, (_m, d: string) => `low: ${(Number(d) + 1) % 10}`));
    utimesSync(path, second, second);
    const after = open(store, RULES, st.mtimeMs + 10 * RACY_MS);
    closeStore(after);
    expect(after.stats.parsed).toBe(racy ? 1 : 0);
  });

  test('a store where the index cannot be written still gates, with the same output', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'claims', INDEX_FILE));
    // A folder where the index file would go: it can be neither read nor replaced.
    mkdirSync(join(dir, 'claims', INDEX_FILE));
    const inputs = [`new/${held[0]}`];
    const indexed = gate(dir, inputs, true);
    expect(indexed.view!.rebuilt).toBe(true);
    expect(gateOutput(indexed)).toBe(gateOutput(gate(dir, inputs, false)));
    expect(statSync(join(dir, 'claims', INDEX_FILE)).isDirectory()).toBe(true);
  }, 60_000);

  test('extract --out into a store with an index keeps it current; into one without, writes none', () => {
    const dir = copyFixture();
    const id = held[7];
    cpSync(join(dir, 'new', id), join(dir, 'articles', id));
    const a = loadCorpus([join(dir, 'articles', id)], dir).articles[0];
    a.id = id;
    writeClaimsToStore(join(dir, 'claims'), [a], new Map([[id, extractArticle(a, {})]]), { rules: RULES, cwd: dir });
    expect(readIndex(join(dir, 'claims'), indexFingerprint(RULES))!.files.some((f) => f.id === id)).toBe(true);
    const bare = tempDir('corroborate-index-bare-');
    writeClaimsToStore(join(bare, 'claims'), [a], new Map([[id, extractArticle(a, {})]]), { rules: RULES, cwd: bare });
    expect(existsSync(join(bare, 'claims', INDEX_FILE))).toBe(false);
  }, 60_000);

  test('gate --update records the new files, so the next gate reads nothing it does not need', () => {
    const dir = copyFixture();
    const first = gate(dir, [`new/${held[0]}`], true);
    writeClaimsToStore(first.storeDir, first.newArticles, first.claims, { rules: RULES, cwd: dir });
    const data = readIndex(join(dir, 'claims'), indexFingerprint(RULES))!;
    expect(data.files.some((f) => f.id === first.newArticles[0].id)).toBe(true);
    const next = gate(dir, [`new/${held[1]}`], true);
    expect(next.view!.stats.parsed).toBe(0);
    expect(gateOutput(next)).toBe(gateOutput(gate(dir, [`new/${held[1]}`], false)));
  }, 60_000);

  test('is only ever written whole: through the atomic writer, one call per save', () => {
    jest.isolateModules(() => {
      const calls: string[] = [];
      jest.doMock('../../src/util/fs-atomic', () => {
        const real = jest.requireActual('../../src/util/fs-atomic') as typeof import('../../src/util/fs-atomic');
        return { writeFileAtomic: (p: string, c: string) => (calls.push(p), real.writeFileAtomic(p, c)) };
      });
      const si = require('../../src/gate/store-index') as typeof import('../../src/gate/store-index');
      const { loadRules: load } = require('../../src/rules/loader') as typeof import('../../src/rules/loader');
      const rules = load([]);
      if (!rules.ok) throw new Error('rules');
      const dir = copyFixture();
      rmSync(join(dir, 'claims', INDEX_FILE));
      const opened = si.openStore(join(dir, 'claims'), rules.value, dir);
      if (!opened.ok || !opened.value) throw new Error('open');
      expect(si.saveIndex(opened.value)).toBe(true);
      si.closeStore(opened.value);
      expect(calls).toEqual([join(dir, 'claims', INDEX_FILE)]);
      expect(existsSync(join(dir, 'claims', INDEX_FILE))).toBe(true);
    });
  }, 60_000);
});
