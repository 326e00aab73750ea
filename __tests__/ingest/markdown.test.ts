import { buildArticle } from '../../src/ingest/article';
import { extractArticle } from '../../src/pipeline';
import { markdownReader } from '../../src/text/reader';
import { lineColumn } from '../../src/text/span';
import type { Article, Claim } from '../../src/types';

// Markdown articles: claims come from the text a reader sees, and every span still slices the file.

function article(text: string, id = 'a.md'): Article {
  const r = buildArticle(id, `/news/${id}`, text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function claims(text: string): Claim[] {
  const a = article(text);
  const found = extractArticle(a, {}, { errors: [] });
  // Spans index the file as read, with the line and column an editor opens.
  for (const c of found) {
    expect(text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    expect(lineColumn(a.lineStarts, c.span.start)).toEqual({ line: c.span.line, column: c.span.column });
  }
  return found;
}

const texts = (cs: Claim[], kind: string) => cs.filter((c) => c.kind === kind).map((c) => c.span.text);

describe('the reader text of Markdown', () => {
  test.each([
    ['link text stays, its target goes', 'Says [Ana Rell](https://e.example/ar) today.', `Says  Ana Rell${' '.repeat('](https://e.example/ar)'.length)} today.`],
    ['reference link and its definition', 'Ask [Ana Rell][ar].\n\n[ar]: https://e.example/ar', 'Ask  Ana Rell     .\n\n                          '],
    ['emphasis markers are spaces', 'A **310-seat** ferry and _two_ tugs.', 'A   310-seat   ferry and  two  tugs.'],
    ['heading marks', '## Strike enters day three\n\nBody.', '   Strike enters day three\n\nBody.'],
    ['setext underline', 'Strike ends\n===========\n\nBody.', 'Strike ends\n           \n\nBody.'],
    ['list markers', '- 310 boats\n- 12 tugs\n\n1. First\n2. Second', '  310 boats\n  12 tugs\n\n   First\n   Second'],
    ['block quote markers; a line break inside is a space', '> The pier\n> is shut.', '  The pier   is shut.'],
    ['a soft break is a space, a hard break stays', 'one\ntwo  \nthree', 'one two  \nthree'],
    ['fenced code is not text', 'Before.\n\n```\n500 passengers\n```\n\nAfter.', 'Before.\n\n   \n              \n   \n\nAfter.'],
    ['indented code is not text', 'Before.\n\n    500 passengers\n\nAfter.', 'Before.\n\n                  \n\nAfter.'],
    ['raw HTML is not text', 'The <span class="x">pier</span> reopened.', `The ${' '.repeat('<span class="x">'.length)}pier${' '.repeat('</span>'.length)} reopened.`],
    ['image alt text is not text', '![Pier at dawn](p.jpg) Ships left.', '                       Ships left.'],
    ['an escape shows its character where it is', '5 \\* 3 tugs', '5  * 3 tugs'],
    ['an entity shows its character where it starts', 'Rell &amp; Voss', 'Rell &     Voss'],
    ['table cells', '| Port | Boats |\n| --- | --- |\n| Kellin | 310 |', '  Port   Boats  \n             \n  Kellin   310  '],
    ['a post byline keeps its line, a link in it too', 'The quay is open.\n\u2014 [Edda Voss](https://e.example/ev) (@eddavoss) May 2, 2026', `The quay is open.\n\u2014  Edda Voss${' '.repeat('](https://e.example/ev)'.length)} (@eddavoss) May 2, 2026`],
    ['CRLF soft break is two spaces', 'one\r\ntwo\r\n\r\nthree', 'one  two\r\n\r\nthree'],
  ])('%s', (_name, text, reader) => {
    expect(markdownReader(text)).toBe(reader);
    expect(markdownReader(text)).toHaveLength(text.length);
  });

  test('front matter is left as it is and is not parsed as Markdown', () => {
    const text = '---\ntitle: "# Not a heading"\n---\n# Kellin\n';
    const a = article(text);
    expect(a.reader).toBe('---\ntitle: "# Not a heading"\n---\n  Kellin\n');
    expect(a.meta.title).toBe('# Not a heading');
  });
});

describe('claims from Markdown', () => {
  test.each<[string, string, string, string[]]>([
    ['a linked name is a person', 'Union chief [Edda Voss](https://e.example/ev) spoke on Monday.', 'person', ['Edda Voss']],
    ['a name in bold is a person', 'Union chief **Edda Voss** spoke on Monday.', 'person', ['Edda Voss']],
    ['a figure under emphasis keeps its unit', 'The ferry carried *310* passengers on Monday.', 'quantity', ['310* passengers']],
    ['code is no claim', 'The ferry left on Monday.\n\n```\nThe ferry carried 500 passengers.\n```\n', 'quantity', []],
    ['a list number is no figure', '1. The ferry left.\n2. The tug followed.\n', 'quantity', []],
    ['a quote in a block quote has its speaker', '> "We will reopen the quay," harbor master Edda Voss said.\n', 'quote', ['We will reopen the quay']],
    ['a quote over a soft break is one quote', '"We will reopen\nthe quay," Edda Voss said.\n', 'quote', ['We will reopen\nthe quay']],
  ])('%s', (_name, text, kind, expected) => {
    expect(texts(claims(text), kind)).toEqual(expected);
  });

  test.each([
    ['a title before the name', 'The union said its general secretary, Edda Voss, would attend.\n', 'The union said its general secretary, [Edda Voss](https://e.example/ev), would attend.\n'],
    ['an appositive after the name', 'Edda Voss, general secretary of the union, said the crews were tired.\n', '[Edda Voss](https://e.example/ev), general secretary of the union, said the crews were tired.\n'],
    ['a bold name', 'Edda Voss, general secretary of the union, said the crews were tired.\n', '**Edda Voss**, general secretary of the union, said the crews were tired.\n'],
  ])('a marked-up name gives the title the plain name gives: %s', (_name, plain, marked) => {
    const value = (cs: Claim[]) => cs.filter((c) => c.kind === 'title').map((c) => JSON.stringify(c.value));
    expect(value(claims(marked))).toEqual(value(claims(plain)));
    expect(value(claims(plain)).length).toBeGreaterThan(0);
  });

  test('a quote in a block quote line 3 is found at line 3', () => {
    const text = '# Strike\n\n> "We will sail," said Edda Voss.\n';
    const [q] = claims(text).filter((c) => c.kind === 'quote');
    expect(q.span).toMatchObject({ line: 3, column: 4 });
    expect((q.value as { speaker?: { name: string } }).speaker?.name).toBe('Edda Voss');
  });
});

test('the shipped example with every name linked and every figure in bold gives the same findings', () => {
  const { mkdtempSync, readdirSync, readFileSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { join, resolve } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { loadCorpus } = require('../../src/ingest/corpus') as typeof import('../../src/ingest/corpus');
  const { extractAll } = require('../../src/pipeline/parallel') as typeof import('../../src/pipeline/parallel');
  const { checkClaims } = require('../../src/pipeline') as typeof import('../../src/pipeline');
  const { loadRulesFor } = require('../../src/rules/loader') as typeof import('../../src/rules/loader');
  const root = resolve(__dirname, '..', '..');
  const rules = loadRulesFor(undefined, root);
  if (!rules.ok) throw new Error('rules');
  const findings = (dir: string) => {
    const corpus = loadCorpus([dir], dir);
    return checkClaims(corpus.articles, extractAll(corpus.articles, { jobs: 1 }), rules.value)
      .findings.map((f) => `${f.verdict} | ${f.subject} | ${f.readings.map((r) => `${r.display}: ${r.claims.map((c) => c.source).join(',')}`).join(' / ')}`)
      .sort();
  };
  const example = join(root, 'examples', 'ferry-strike');
  const marked = mkdtempSync(join(tmpdir(), 'corroborate-marked-'));
  for (const name of readdirSync(example)) {
    let text = readFileSync(join(example, name), 'utf8');
    if (name.endsWith('.md')) {
      // Each person's name becomes a link and each figure bold, from the last to the first.
      const found = extractArticle(article(text, name), {}, { errors: [] })
        .filter((c) => c.kind === 'person' || c.kind === 'quantity')
        .sort((a, b) => a.span.start - b.span.start);
      const spans = found.filter((c, i) => i === 0 || c.span.start >= found[i - 1].span.end).reverse();
      for (const c of spans) {
        const inner = text.slice(c.span.start, c.span.end);
        const wrapped = c.kind === 'person' ? `[${inner}](https://people.example/p)` : `**${inner}**`;
        text = text.slice(0, c.span.start) + wrapped + text.slice(c.span.end);
      }
      expect(spans.length).toBeGreaterThan(5);
    }
    writeFileSync(join(marked, name), text);
  }
  expect(findings(marked)).toEqual(findings(example));
});
