import { buildArticle } from '../../src/ingest/article';
import { checkClaims, extractArticle } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import type { Article } from '../../src/types';

const rules = loadRules([]);
if (!rules.ok) throw new Error('rules');

function report(texts: Record<string, string>) {
  const articles: Article[] = [];
  for (const [id, text] of Object.entries(texts)) {
    const built = buildArticle(id, `/${id}`, text, { published: '2026-02-10' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    articles.push(built.value);
  }
  return checkClaims(articles, new Map(articles.map((a) => [a.id, extractArticle(a, {})])), rules.ok ? rules.value : (undefined as never));
}

describe('a finding pairs one claim per source and reading; a source repeating its reading is listed apart', () => {
  const r = report({
    'a.txt': 'Velmar ferry fire toll rises to 40\n\nThe death toll from the Velmar ferry fire rose to 40 on Monday, officials said.\nLater, officials again said the death toll stood at 40.\n',
    'b.txt': 'The death toll from the Velmar ferry fire rose to 52 on Monday, the coast guard said.\n',
  });
  const toll = r.findings.find((f) => f.verdict === 'conflict' && f.kind === 'quantity');

  test('the conflict has two readings, one claim each', () => {
    expect(toll?.readings.map((x) => [x.display, x.claims.map((c) => `${c.source}:${c.line}`)])).toEqual([
      ['40 person', ['a.txt:3']],
      ['52 person', ['b.txt:1']],
    ]);
  });

  test('the body states the reading rather than the headline; the headline and the later line are repeats', () => {
    expect(toll?.readings[0].repeats?.map((c) => `${c.source}:${c.line}`)).toEqual(['a.txt:1', 'a.txt:4']);
    expect(toll?.readings[1].repeats).toBeUndefined();
  });
});
