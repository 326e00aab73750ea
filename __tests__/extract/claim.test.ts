import { buildArticle } from '../../src/ingest/article';
import { claimAt, claimsAt } from '../../src/extract/claim';
import type { Article, ClaimValue } from '../../src/types';

function article(text: string): Article {
  const r = buildArticle('t.txt', '/t.txt', text);
  if (!r.ok) throw new Error('bad article');
  return r.value;
}

const TEXT = 'The bridge over the Velm opened in March 2019.\nMayor Jane Roe said it cost 40 million euros.\n';
const at = (s: string) => TEXT.indexOf(s);

describe('claimAt', () => {
  // Each row: the extractor, the words claimed, the value; the claim's id, kind, span and context follow from them.
  test.each<[string, string, ClaimValue, string, number, string[]]>([
    ['dates', 'March 2019', { type: 'date', start: '2019-03-01', end: '2019-03-31', grain: 'month' } as ClaimValue, 'date@35-45', 1, ['open']],
    ['people', 'Jane Roe', { type: 'person', name: 'Jane Roe', key: 'jane roe', surname: 'Roe' } as ClaimValue, 'person@53-61', 2, ['say']],
  ])('%s claim of "%s"', (extractor, words, value, id, line, predicates) => {
    const a = article(TEXT);
    const c = claimAt(a, extractor, at(words), at(words) + words.length, value);
    expect(c.id).toBe(id);
    expect(c.kind).toBe(value.type);
    expect(c.source).toBe('t.txt');
    expect(c.extractor).toBe(extractor);
    expect(c.span.text).toBe(words);
    expect(c.span.line).toBe(line);
    expect(c.context.predicates).toEqual(predicates);
    // One key order for every extractor's claims: the order they are written out.
    expect(Object.keys(c)).toEqual(['id', 'source', 'kind', 'extractor', 'span', 'value', 'context']);
  });

  test('claimsAt keeps the order of what was found and makes one claim each', () => {
    const a = article(TEXT);
    const found = ['March 2019', '40 million euros'].map((w) => ({
      start: at(w),
      end: at(w) + w.length,
      value: { type: 'date', start: '2019-03-01', end: '2019-03-31', grain: 'month' } as ClaimValue,
    }));
    expect(claimsAt(a, 'dates', found).map((c) => c.span.text)).toEqual(['March 2019', '40 million euros']);
    expect(claimsAt(a, 'dates', [])).toEqual([]);
  });
});

describe('claimsAt shares out the words between two values of one sentence at a joining word', () => {
  test.each([
    // [text, first value, second value, a word, whose context has it: first, second or both]
    ['The ferry cost 40 million euros and the new pier cost 65 million euros.', '40 million euros', '65 million euros', 'pier', 'second'],
    ['The ferry cost 40 million euros and the new pier cost 65 million euros.', '40 million euros', '65 million euros', 'ferry', 'first'],
    ['The plan held 12 million euros for the ferry, plus 65 million euros for the pier.', '12 million euros', '65 million euros', 'ferry', 'first'],
    // No joining word between them: the words between belong to both.
    ['The fare rose from 40 euros to 55 euros after the strike.', '40 euros', '55 euros', 'fare', 'both'],
  ])('%s (%s / %s: %s -> %s)', (text, first, second, word, owner) => {
    const a = article(text);
    const found = [first, second].map((w) => ({
      start: text.indexOf(w),
      end: text.indexOf(w) + w.length,
      value: { type: 'quantity', dimension: 'money', unit: 'INR', low: 1, high: 1, stated: [] } as unknown as ClaimValue,
    }));
    const [x, y] = claimsAt(a, 'quantities', found);
    const has = (c: typeof x) => [...c.context.words, ...c.context.predicates].includes(word);
    expect([has(x), has(y)]).toEqual(owner === 'both' ? [true, true] : owner === 'first' ? [true, false] : [false, true]);
  });
});
