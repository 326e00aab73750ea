import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { claimsPathFor, parseClaimsFile, serializeClaims } from '../../src/claims/io';
import { makeSpan } from '../../src/text/span';

function sample() {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-claims-'));
  const text = 'The ferry carried 1,200 passengers on Monday.';
  writeFileSync(join(dir, 'a.txt'), text);
  const r = buildArticle('a.txt', join(dir, 'a.txt'), text);
  if (!r.ok) throw new Error('article');
  const article = r.value;
  const claim: Claim = {
    id: 'quantity@18-34',
    source: 'a.txt',
    kind: 'quantity',
    extractor: 'quantities',
    span: makeSpan(text, article.lineStarts, 18, 34),
    value: { type: 'quantity', dimension: 'count', unit: 'count', low: 1200, high: 1200, stated: [{ value: 1200, unit: 'count', text: '1,200' }], counted: 'passenger' },
    context: { predicates: ['carry'], entities: [], words: ['ferry'] },
  };
  const claimsDir = join(dir, 'claims');
  return { dir, article, claim, claimsDir, yaml: serializeClaims(article, [claim], claimsDir) };
}

describe('claims files', () => {
  test('round trip: what is written reads back equal', () => {
    const { yaml, claim, claimsDir, dir } = sample();
    const path = claimsPathFor(claimsDir, 'a.txt');
    const parsed = parseClaimsFile('claims/a.txt.yaml', yaml, path, dir);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.claims).toEqual([claim]);
    expect(parsed.value.article.id).toBe('a.txt');
  });

  // Each row: an edit to the YAML, then the expected line pattern and message.
  const edits: [string, (y: string) => string, RegExp][] = [
    ['unknown key', (y) => y.replace('    extractor: quantities\n', '    extractor: quantities\n    colour: blue\n'), /unknown key "colour"/],
    ['wrong type', (y) => y.replace('low: 1200', 'low: lots'), /low: must be number/],
    ['span text that does not fit its offsets', (y) => y.replace('text: 1,200 passengers', 'text: 1,200 passenger'), /span \[18, 34\) is 16 characters but its text has 15/],
    ['span text the article does not have there', (y) => y.replace('text: 1,200 passengers', 'text: 1,300 passengers'), /is not what the article has there/],
    ['kind that does not match the value', (y) => y.replace('kind: quantity', 'kind: date'), /kind "date" does not match value type "quantity"/],
    ['bad YAML', (y) => y.replace('claims:', 'claims: [oops'), /./],
  ];
  test.each(edits)('%s is reported as file:line:column', (_name, edit, message) => {
    const { yaml, claimsDir, dir } = sample();
    const edited = edit(yaml);
    expect(edited).not.toBe(yaml);
    const parsed = parseClaimsFile('claims/a.txt.yaml', edited, claimsPathFor(claimsDir, 'a.txt'), dir);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const p = parsed.error[0];
    expect(p.file).toBe('claims/a.txt.yaml');
    expect(p.message).toMatch(message);
    expect(p.line).toBeGreaterThan(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
  });

  test('the line points at the offending value', () => {
    const { yaml, claimsDir, dir } = sample();
    const edited = yaml.replace('low: 1200', 'low: lots');
    const parsed = parseClaimsFile('c.yaml', edited, claimsPathFor(claimsDir, 'a.txt'), dir);
    if (parsed.ok) throw new Error('expected errors');
    const line = edited.split('\n').findIndex((l) => l.includes('low: lots')) + 1;
    expect(parsed.error[0].line).toBe(line);
    expect(parsed.error[0].column).toBe(edited.split('\n')[line - 1].indexOf('lots') + 1);
  });

  test.each(['../../etc/passwd', '/abs/path', 'a/../../b', ''])('article id %j cannot write outside the claims folder', (id) => {
    expect(() => claimsPathFor('/tmp/claims', id)).toThrow(/cannot name a claims file/);
  });

  test('nested ids keep their folders', () => {
    expect(claimsPathFor('/tmp/claims', 'world/a.md')).toBe('/tmp/claims/world/a.md.yaml');
    expect(readFileSync).toBeDefined();
  });
});

describe('the parsed-store cache', () => {
  const { loadClaimsFolder, CLAIMS_CACHE_FILE } = require('../../src/claims/io') as typeof import('../../src/claims/io');
  const { mkdirSync } = require('node:fs') as typeof import('node:fs');
  function store() {
    const { yaml, claimsDir } = sample();
    mkdirSync(claimsDir, { recursive: true });
    writeFileSync(join(claimsDir, 'a.txt.yaml'), yaml);
    return claimsDir;
  }

  test('a second load reads the cache and gives the same claims; a changed file is parsed again', () => {
    const dir = store();
    const first = loadClaimsFolder(dir, dir, { cache: true });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(readFileSync(join(dir, CLAIMS_CACHE_FILE), 'utf8')).toMatch(/corroborate\/claims-cache@2/);
    const second = loadClaimsFolder(dir, dir, { cache: true });
    expect(second).toEqual(first);
    const path = join(dir, 'a.txt.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('low: 1200', 'low: 1300'));
    const third = loadClaimsFolder(dir, dir, { cache: true });
    if (!third.ok) throw new Error('third');
    expect((third.value[0].claims[0].value as { low: number }).low).toBe(1300);
  });

  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const plainHash = (s: string) => createHash('sha256').update(s).digest('hex');
  test.each<[string, (cache: string) => string, number]>([
    ['garbage', () => 'not json at all', 1200],
    ['a tampered entry that breaks the schema', (c) => c.replace('"dimension":"count"', '"dimension":"mood"'), 1200],
    // The forgery of a shared store: a figure changed in the JSON copy, and the MAC field recomputed as
    // a plain SHA-256 of the entries (all anyone without this user's key can compute).
    [
      'an entry saying 1020 where the YAML says 1200, its check recomputed',
      (c) => {
        const forged = c.replace(/"low":1200,"high":1200/, '"low":1020,"high":1020');
        const body = forged.slice(forged.indexOf('\n"entries":') + '\n"entries":'.length, -1);
        return forged.replace(/"mac":"[0-9a-f]{64}"/, `"mac":"${plainHash(body)}"`);
      },
      1200,
    ],
  ])('a cache holding %s is ignored, never trusted', (_name, tamper, low) => {
    const dir = store();
    const clean = loadClaimsFolder(dir, dir, { cache: true });
    const cacheFile = join(dir, CLAIMS_CACHE_FILE);
    const before = readFileSync(cacheFile, 'utf8');
    const tampered = tamper(before);
    expect(tampered).not.toBe(before);
    writeFileSync(cacheFile, tampered);
    const after = loadClaimsFolder(dir, dir, { cache: true });
    expect(after).toEqual(clean);
    if (!after.ok) throw new Error('load');
    expect((after.value[0].claims[0].value as { low: number }).low).toBe(low);
  });
});

describe('claims files known without reading them back', () => {
  const { claimsFileOf, claimsFileHolds } = require('../../src/claims/io') as typeof import('../../src/claims/io');
  const { mkdirSync } = require('node:fs') as typeof import('node:fs');

  // Words YAML could take for something else, or must quote: each as a context word and inside the article.
  const tricky = ['yes', 'null', '0x1F', '1e3', '- dash', '#hash', 'key: value', ' lead', 'trail ', "it's", '"quoted"', 'back\\slash', 'ünïcode', '🚢', 'tab\there', '~', '@at', '*star', '&amp'];

  test.each(tricky)('claimsFileOf gives what parsing the written YAML gives, with %j', (word) => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-claims-'));
    const text = `The ferry ${word} carried 1,200 passengers.\n`;
    writeFileSync(join(dir, 'a.txt'), text);
    const r = buildArticle('a.txt', join(dir, 'a.txt'), text);
    if (!r.ok) throw new Error('article');
    const start = text.indexOf(word);
    const claim: Claim = {
      id: `quantity@${start}-${start + word.length}`,
      source: 'a.txt',
      kind: 'quantity',
      extractor: 'quantities',
      span: makeSpan(text, r.value.lineStarts, start, start + word.length),
      value: { type: 'quantity', dimension: 'count', unit: 'count', low: 1200, high: 1200, stated: [{ value: 1200, unit: 'count', text: word }], counted: word },
      context: { predicates: [word], entities: [word.toLowerCase()], words: ['ferry', word], inQuote: false },
    };
    const claimsDir = join(dir, 'claims');
    const path = claimsPathFor(claimsDir, 'a.txt');
    const parsed = parseClaimsFile('a.txt.yaml', serializeClaims(r.value, [claim], claimsDir), path, dir);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const known = claimsFileOf(r.value, [claim], claimsDir);
    expect(known).toEqual(parsed.value);
    mkdirSync(claimsDir, { recursive: true });
    expect(claimsFileHolds(known, path, dir)).toBe(true);
  });

  test.each([
    ['a span whose text is not the article\'s there', (c: Claim) => ({ ...c, span: { ...c.span, text: '1,300 passengers' } }), false],
    ['a kind that does not match the value', (c: Claim) => ({ ...c, kind: 'date' as const }), false],
    ['a value the schema refuses', (c: Claim) => ({ ...c, value: { ...c.value, dimension: 'mood' } }) as unknown as Claim, false],
    ['nothing wrong', (c: Claim) => c, true],
  ])('claimsFileHolds with %s', (_name, edit, holds) => {
    const { article, claim, claimsDir, dir } = sample();
    const file = claimsFileOf(article, [edit(claim)], claimsDir);
    expect(claimsFileHolds(file, claimsPathFor(claimsDir, 'a.txt'), dir)).toBe(holds);
  });
});
