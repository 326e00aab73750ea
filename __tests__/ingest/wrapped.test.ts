import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../../src/ingest/corpus';
import { extractAll } from '../../src/pipeline/parallel';
import { checkClaims } from '../../src/pipeline';
import { loadRulesFor } from '../../src/rules/loader';
import type { RuleSet } from '../../src/types';
import { plainReader } from '../../src/text/reader';

// Hard-wrapped text reads as the same paragraphs: the shipped example and every dev story, each line
// wrapped at 60 and at 72 columns (as `fold -s` does), give the same findings as the files as they are.
const ROOT = resolve(__dirname, '..', '..');
const DEV = resolve(ROOT, '..', 'shared', 'eval', 'dev');

/** Each line of the body broken at spaces so that none is longer than `width` (a longer word stays whole). */
export function wrapLines(text: string, width: number): string {
  const fm = /^---\n[\s\S]*?\n---\n/.exec(text);
  const head = fm ? fm[0] : '';
  const body = text.slice(head.length);
  const out = body.split('\n').map((line) => {
    if (line.length <= width) return line;
    const rows: string[] = [];
    let row = '';
    for (const word of line.split(' ')) {
      if (row && row.length + 1 + word.length > width) {
        rows.push(row);
        row = word;
      } else row = row ? `${row} ${word}` : word;
    }
    rows.push(row);
    return rows.join('\n');
  });
  return head + out.join('\n');
}

function wrappedCopy(dir: string, width: number): string {
  const to = mkdtempSync(join(tmpdir(), `corroborate-wrap${width}-`));
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    writeFileSync(join(to, name), /\.(txt|md)$/.test(name) ? wrapLines(text, width) : text);
  }
  return to;
}

/** Findings as "verdict | subject | reading: sources" lines, sorted: what a reader of the report compares. */
function findings(dir: string, rules: RuleSet): string[] {
  const corpus = loadCorpus([dir], dir);
  const claims = extractAll(corpus.articles, { jobs: 1 });
  const report = checkClaims(corpus.articles, claims, rules);
  return report.findings
    .map((f) => `${f.verdict} | ${f.subject} | ${f.readings.map((r) => `${r.display}: ${r.claims.map((c) => c.source).join(',')}`).join(' / ')}`)
    .sort();
}

const rulesLoaded = loadRulesFor(undefined, ROOT);
if (!rulesLoaded.ok) throw new Error('rules do not load');
const rules = rulesLoaded.value;

describe('wrapLines (the test helper)', () => {
  test.each([
    ['short line kept', 'The pier opened.', 20, 'The pier opened.'],
    ['broken at spaces', 'The pier at Tarrow opened on Monday.', 16, 'The pier at\nTarrow opened on\nMonday.'],
    ['front matter left alone', '---\ntitle: A long title over the width\n---\nShort body.', 10, '---\ntitle: A long title over the width\n---\nShort\nbody.'],
  ])('%s', (_name, text, width, expected) => {
    expect(wrapLines(text, width)).toBe(expected);
  });
});

describe('hard-wrapped articles give the same findings', () => {
  const stories: [string, string][] = [['shipped example', join(ROOT, 'examples', 'ferry-strike')]];
  if (existsSync(DEV)) for (const name of readdirSync(DEV).sort()) stories.push([`dev story ${name}`, join(DEV, name)]);

  test.each(stories)('%s', (_name, dir) => {
    const original = findings(dir, rules);
    expect(original.length).toBeGreaterThan(0);
    for (const width of [60, 72]) expect(findings(wrappedCopy(dir, width), rules)).toEqual(original);
  });
});

// A folder made here: the same two paragraphs wrapped at 30 columns (.txt) and broken anywhere (.md).
test('a line break inside a paragraph is a space, a blank line ends the paragraph, in .txt and .md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-breaks-'));
  mkdirSync(dir, { recursive: true });
  const paragraphs = 'Harbor master Edda Voss said 310 boats were tied up at Kellin.\n\n"We will reopen the quay on Friday," Voss said.\n';
  writeFileSync(join(dir, 'a.txt'), wrapLines(paragraphs, 30));
  writeFileSync(join(dir, 'b.md'), 'Harbor master Edda Voss said 310 boats were\ntied up at Kellin.\n\n"We will reopen\nthe quay on Friday," Voss said.\n');
  const corpus = loadCorpus([dir], dir);
  expect(wrapLines(paragraphs, 30)).not.toBe(paragraphs);
  for (const a of corpus.articles) {
    expect(a.reader).toBe(paragraphs);
    expect(a.sentences.map((s) => a.reader.slice(s.start, s.end))).toEqual([
      'Harbor master Edda Voss said 310 boats were tied up at Kellin.',
      '"We will reopen the quay on Friday," Voss said.',
    ]);
  }
});

describe('which line breaks of plain text are a wrapper\'s', () => {
  test.each([
    ['wrapped lines join', 'The ferry to Kellin\nleft at noon.', 'The ferry to Kellin left at noon.'],
    ['a blank line stays', 'The ferry left.\n\nThe tug stayed.', 'The ferry left.\n\nThe tug stayed.'],
    // "Ferry strike ends" (17) + "The" would have fitted a width of 38: the break is the author's.
    ['a headline keeps its line', 'Ferry strike ends\nThe strike at Kellin ended on Monday.', 'Ferry strike ends\nThe strike at Kellin ended on Monday.'],
    ['a line per paragraph (lines past 150) keeps every line', `${'The ferry left. '.repeat(10)}\nThe tug stayed.`, `${'The ferry left. '.repeat(10)}\nThe tug stayed.`],
    ['a post byline keeps its line', 'The quay is open again, come and\nvisit.\n\u2014 Edda Voss (@eddavoss) May 2, 2026', 'The quay is open again, come and visit.\n\u2014 Edda Voss (@eddavoss) May 2, 2026'],
    ['CRLF joins as two spaces', 'The ferry to Kellin\r\nleft at noon.', 'The ferry to Kellin  left at noon.'],
  ])('%s', (_name, text, reader) => {
    expect(plainReader(text)).toBe(reader);
  });
});
