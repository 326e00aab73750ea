import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticle } from '../../src/ingest/article';
import { loadCorpus } from '../../src/ingest/corpus';
import { extractAll } from '../../src/pipeline/parallel';
import { checkClaims, extractArticle } from '../../src/pipeline';
import { loadRulesFor } from '../../src/rules/loader';
import { htmlReader } from '../../src/text/html-reader';
import { lineColumn } from '../../src/text/span';
import type { Article, Claim } from '../../src/types';

// HTML pages (written for these tests, an invented story): the main article is read, boilerplate,
// scripts, styles and comments are not, and every span slices the page at the offsets an editor opens.

const PAGE = readFileSync(join(__dirname, '..', 'fixtures', 'html', 'tarrow-daily.html'), 'utf8');

function article(text: string, id = 'page.html'): Article {
  const r = buildArticle(id, `/news/${id}`, text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function claims(text: string, id = 'page.html'): Claim[] {
  const a = article(text, id);
  const found = extractArticle(a, {}, { errors: [] });
  for (const c of found) {
    expect(text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    expect(lineColumn(a.lineStarts, c.span.start)).toEqual({ line: c.span.line, column: c.span.column });
  }
  return found;
}

describe('an HTML page', () => {
  const found = claims(PAGE);

  test('the reader text is as long as the page', () => {
    expect(article(PAGE).reader).toHaveLength(PAGE.length);
  });

  test.each([
    ['a figure of the article', '1,400 passengers'],
    ['a money figure', '$2.3 million'],
    ['a name inside <strong>', 'Maren Tillard'],
    ['a figure after a link', 'About 300 vehicles'],
  ])('%s is a claim, at its place in the page', (_name, words) => {
    const c = found.find((x) => x.span.text === words);
    expect(c).toBeDefined();
    const at = PAGE.indexOf(words);
    expect(c?.span.start).toBe(at);
    expect({ line: c?.span.line, column: c?.span.column }).toEqual(lineColumn(article(PAGE).lineStarts, at));
  });

  test.each([
    ['the menu', 'Sport'],
    ['a share bar', '12 shares'],
    ['related stories', '9 days'],
    ['related stories', '14 percent'],
    ['the footer', '555-0100'],
    ['a script', '999'],
    ['a script', '77 times'],
    ['a style', '42 boats'],
    ['a comment', '55 passengers'],
  ])('%s is not article text (%s)', (_where, words) => {
    expect(found.some((c) => c.span.text.includes(words))).toBe(false);
    const at = PAGE.indexOf(words);
    expect(at).toBeGreaterThan(0);
    expect(article(PAGE).reader.slice(at, at + words.length).trim()).toBe('');
  });

  test('a quote between entities (&ldquo; &rdquo;) is found with its speaker', () => {
    const [q] = found.filter((c) => c.kind === 'quote');
    expect(q.span.text).toBe('We will reopen the quay on Friday');
    expect((q.value as { speaker?: { name: string } }).speaker?.name).toBe('Edda Voss');
  });

  test('the page says its title, site and day (the reference date)', () => {
    const a = article(PAGE);
    expect(a.meta).toMatchObject({ title: 'Kellin ferry strike ends after three days', outlet: 'Tarrow Daily', published: '2026-04-02' });
    expect(a.referenceDate).toMatchObject({ date: '2026-04-02', source: 'front-matter' });
  });
});

describe('the reader text of small pages', () => {
  // Shown with runs of spaces as one space and each paragraph on a line of its own.
  const folded = (reader: string) => reader.replace(/ +/g, ' ').replace(/ ?\n\s*/g, '\n').trim();
  test.each([
    ['a paragraph per block', '<p>Ships left.</p><p>Tugs stayed.</p>', 'Ships left.\nTugs stayed.'],
    ['white space folds to spaces', '<p>Ships\n  left.</p>', 'Ships left.'],
    ['an entity is its character, at its first offset', '<p>Rell&nbsp;&amp;&nbsp;Voss</p>', 'Rell & Voss'],
    ['script, style and comments are never text', '<p>A<script>x=1</script>B<!-- C --><style>p{}</style>D</p>', 'A B D'],
    ['a heading and a list', '<h2>Kellin</h2><ul><li>310 boats</li><li>12 tugs</li></ul>', 'Kellin\n310 boats\n12 tugs'],
    ['a page with no tags', 'Plain words, 12 boats.', 'Plain words, 12 boats.'],
    ['<br> is a line break', '<p>Kellin Pier<br>Dock Road 4</p>', 'Kellin Pier\nDock Road 4'],
  ])('%s', (_name, page, expected) => {
    const { reader } = htmlReader(page);
    expect(reader).toHaveLength(page.length);
    expect(folded(reader)).toBe(expected);
  });

  test('.htm is read as HTML too', () => {
    expect(article('<p>The <b>ferry</b> left.</p>', 'a.htm').reader.trim()).toBe('The    ferry     left.');
  });
});

test('an HTML page and a text file about the same ferry: the figures conflict, each at its own place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-html-'));
  writeFileSync(join(dir, 'tarrow-daily.html'), PAGE);
  writeFileSync(
    join(dir, 'kellin-wire.txt'),
    'KELLIN, April 2, 2026 - Ferry crews at Saltmarsh Lines returned to work on Thursday after a three-day strike\nthat left 1,100 passengers stranded on the island of Kellin, harbor master Edda Voss said.\n',
  );
  const rules = loadRulesFor(undefined, dir);
  if (!rules.ok) throw new Error('rules');
  const corpus = loadCorpus([dir], dir);
  const report = checkClaims(corpus.articles, extractAll(corpus.articles, { jobs: 1 }), rules.value);
  const conflict = report.findings.find((f) => f.verdict === 'conflict' && f.readings.some((r) => r.claims.some((c) => c.text === '1,400 passengers')));
  expect(conflict).toBeDefined();
  const refs = conflict!.readings.flatMap((r) => r.claims).map((c) => [c.source, c.text, c.line]);
  expect(refs).toEqual(expect.arrayContaining([['tarrow-daily.html', '1,400 passengers', lineColumn(article(PAGE).lineStarts, PAGE.indexOf('1,400')).line], ['kellin-wire.txt', '1,100 passengers', 2]]));
});

// The shipped example as web pages: each Markdown article made a page (its paragraphs <p>, every person's
// name a link, a menu, a "most read" box, a script and a style around it): the findings are the same.
test('the shipped example as HTML pages gives the same findings as the Markdown', () => {
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const { resolve } = require('node:path') as typeof import('node:path');
  const root = resolve(__dirname, '..', '..');
  const rules = loadRulesFor(undefined, root);
  if (!rules.ok) throw new Error('rules');
  const findings = (dir: string, rename: (id: string) => string) => {
    const corpus = loadCorpus([dir], dir);
    return checkClaims(corpus.articles, extractAll(corpus.articles, { jobs: 1 }), rules.value)
      .findings.map((f) => `${f.verdict} | ${f.subject} | ${f.readings.map((r) => `${r.display}: ${r.claims.map((c) => rename(c.source)).join(',')}`).join(' / ')}`)
      .sort();
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const example = join(root, 'examples', 'ferry-strike');
  const pages = mkdtempSync(join(tmpdir(), 'corroborate-pages-'));
  for (const name of readdirSync(example)) {
    const text = readFileSync(join(example, name), 'utf8');
    if (!name.endsWith('.md')) {
      writeFileSync(join(pages, name), text);
      continue;
    }
    const a = article(text, name);
    const people = extractArticle(a, {}, { errors: [] })
      .filter((c) => c.kind === 'person')
      .sort((x, y) => x.span.start - y.span.start);
    let body = '';
    let at = a.bodyStart;
    for (const c of people) {
      if (c.span.start < at) continue;
      body += `${esc(text.slice(at, c.span.start))}<a href="https://people.example/p">${esc(c.span.text)}</a>`;
      at = c.span.end;
    }
    body += esc(text.slice(at));
    const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${p.replace(/\n/g, '<br>\n')}</p>`).join('\n');
    const page = [
      '<!DOCTYPE html>',
      `<html><head><title>${esc(a.meta.title ?? '')}</title>`,
      `<meta property="og:site_name" content="${esc(a.meta.outlet ?? '')}">`,
      `<meta property="article:published_time" content="${a.meta.published}T08:00:00Z">`,
      '<script>window.count = 4500;</script><style>.n { width: 40px; }</style></head>',
      '<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>',
      `<main><article><h1>${esc(a.meta.title ?? '')}</h1>`,
      paragraphs,
      '</article></main>',
      '<aside><h3>Most read</h3><ul><li><a href="/x">Storm keeps 300 boats in port</a></li><li><a href="/y">Bridge toll rises 5 percent</a></li></ul></aside>',
      '<footer>All rights reserved.</footer></body></html>',
      '',
    ].join('\n');
    writeFileSync(join(pages, name.replace(/\.md$/, '.html')), page);
  }
  const same = (id: string) => id;
  expect(findings(pages, same)).toEqual(findings(example, (id) => id.replace(/\.md$/, '.html')));
});
