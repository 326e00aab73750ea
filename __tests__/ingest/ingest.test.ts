import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticle } from '../../src/ingest/article';
import { loadCorpus } from '../../src/ingest/corpus';
import { Failure } from '../../src/util/problem';
import { normalizeDay } from '../../src/ingest/reference-date';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('reference date of an article', () => {
  test.each([
    ['front matter wins', '---\npublished: 2026-03-14\n---\nPORTHAVEN, March 2, 2026 - text', '2026-03-14', 'front-matter'],
    ['dateline date', 'PORTHAVEN, March 2, 2026 - The ferry...', '2026-03-02', 'text'],
    ['ISO date at the top', ' date 2026-01-05 Headline here\nBody.', '2026-01-05', 'text'],
    ['day month year', 'Updated 4 July 2024. The council met.', '2024-07-04', 'text'],
    ['no full date: none', 'On Saturday the council met in July.', null, null],
    ['impossible day is not a date', 'Dated February 30, 2026. Body.', null, null],
    // A date inside a running sentence is a fact of the story, not the day the article was written.
    ['date in the lead sentence is no dateline', 'Storm in Velmora\n\nThe storm began on July 8, 2025, and closed the port.', null, null],
    ['sentence date skipped, dateline further on', 'The storm began on July 8, 2025.\nVELMORA, July 9, 2025 - Crews worked.', '2025-07-09', 'text'],
    ['date line of its own', 'Storm in Velmora\nJuly 9, 2025\nCrews worked all night.', '2025-07-09', 'text'],
    ['date under an embedded post', 'The port is closed.\n- Mayor Roe (@mayorroe) July 9, 2025\nCrews worked.', '2025-07-09', 'text'],
    ['published label', 'Published: July 9, 2025 at 10:00\nCrews worked.', '2025-07-09', 'text'],
  ])('%s', (_name, text, date, source) => {
    const r = buildArticle('a.md', '/x/a.md', text);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.referenceDate?.date ?? null).toBe(date);
    expect(r.value.referenceDate?.source ?? null).toBe(source);
    if (r.value.referenceDate?.span) expect(text.slice(r.value.referenceDate.span.start, r.value.referenceDate.span.end)).toBe(r.value.referenceDate.span.text);
  });

  test('front matter is kept in the text and the body starts after it', () => {
    const text = '---\ntitle: Ferry strike\noutlet: Harbor Gazette\n---\nBody starts here.';
    const r = buildArticle('a.md', '/x/a.md', text);
    if (!r.ok) throw new Error('not ok');
    expect(r.value.text).toBe(text);
    expect(text.slice(r.value.bodyStart)).toBe('Body starts here.');
    expect(r.value.meta).toEqual({ title: 'Ferry strike', outlet: 'Harbor Gazette' });
    expect(r.value.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Body starts here.']);
  });

  test.each([
    ['published not a date', '---\npublished: last Tuesday\n---\nBody', 2, 12, /not a date/],
    ['unclosed front matter', '---\ntitle: x\nBody', 1, 1, /never closed/],
    ['bad YAML', '---\ntitle: [unclosed\n---\nBody', 3, 1, /front matter/],
  ])('%s is an error with line and column', (_name, text, line, column, message) => {
    const r = buildArticle('a.md', '/x/a.md', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ file: 'a.md', line, column });
    expect(r.error[0].message).toMatch(message);
  });

  test.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T09:30:00Z', '2026-03-14'],
    ['March 14, 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['2026-02-30', null],
    ['soon', null],
  ])('normalizeDay(%j)', (input, expected) => {
    expect(normalizeDay(input)).toBe(expected);
  });
});

describe('loadCorpus', () => {
  test('reads a folder recursively, ids relative to it, sorted; skips other files', () => {
    const dir = folder({ 'b.txt': 'B text.', 'sub/a.md': 'A text.', 'notes.json': '{}', '.hidden.txt': 'no' });
    const corpus = loadCorpus([dir]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['b.txt', 'sub/a.md']);
  });

  test('corpus.yaml gives outlet and published date per file', () => {
    const dir = folder({
      'a.txt': 'On Monday the strike began.',
      'corpus.yaml': 'articles:\n  a.txt: { outlet: Harbor Gazette, published: 2026-03-16 }\n',
    });
    const [a] = loadCorpus([dir]).articles;
    expect(a.meta.outlet).toBe('Harbor Gazette');
    expect(a.referenceDate).toEqual({ date: '2026-03-16', source: 'corpus' });
  });

  test('a bad corpus.yaml names file, line and column', () => {
    const dir = folder({ 'a.txt': 'x', 'corpus.yaml': 'articles:\n  a.txt:\n    outlett: Gazette\n' });
    try {
      loadCorpus([dir]);
      throw new Error('expected a Failure');
    } catch (err) {
      expect(err).toBeInstanceOf(Failure);
      expect((err as Failure).problems[0]).toMatchObject({ file: 'corpus.yaml', line: 3, column: 5 });
      expect((err as Failure).problems[0].message).toMatch(/unknown key "outlett"/);
    }
  });

  test('binary and invalid UTF-8 files are skipped with a warning; the run goes on', () => {
    const dir = folder({ 'good.txt': 'Fine.' });
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const corpus = loadCorpus([dir]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good.txt']);
    expect(corpus.warnings.map((w) => w.file).sort()).toEqual(['bin.txt', 'latin1.txt']);
  });

  test('a symlink loop is skipped, not followed forever', () => {
    const dir = folder({ 'sub/a.txt': 'A.' });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const corpus = loadCorpus([dir]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['sub/a.txt']);
    expect(corpus.notices.some((w) => /symlink loop/.test(w.message))).toBe(true);
  });

  test('a list of files: ids relative to the working folder', () => {
    const dir = folder({ 'x/one.txt': 'One.', 'y/two.md': 'Two.' });
    const corpus = loadCorpus(['y/two.md', 'x/one.txt'], dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['x/one.txt', 'y/two.md']);
  });

  test('a missing input is an error', () => {
    expect(() => loadCorpus(['nope/'], folder({}))).toThrow(Failure);
  });
});
