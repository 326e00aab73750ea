import { nameSpelling } from '../../src/compare/comparators/name-spelling';
import { nameSimilarity } from '../../src/extract/people/names';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, PersonValue } from '../../src/types';

const ctx: CompareContext = {
  rule: { id: 'name-spelling', extends: 'name-spelling', appliesTo: ['person'], severity: 'info', params: {}, file: '' },
  vocabulary: emptyVocabulary(),
  articles: new Map(),
};

function p(name: string, honorific?: string): Claim {
  const words = name.split(' ');
  const value: PersonValue = {
    type: 'person', name, key: name.toLowerCase(), surname: words[words.length - 1], given: words.slice(0, -1).join(' '),
    ...(honorific ? { honorific } : {}),
  };
  return {
    id: 'person@0-1', source: 'a.txt', kind: 'person', extractor: 'people',
    span: { start: 0, end: name.length, text: name, line: 1, column: 1 }, value,
    context: { predicates: [], entities: [], words: [] },
  };
}

describe('name-spelling: one person or two', () => {
  test.each([
    ['Fasihuddin Okonkwo', 'Fasihudin Okonkwo', true],
    ['Mohammad Quill', 'Muhammad Quill', true],
    ['Yaqoob Renner', 'Yaqub Renner', true],
    ['Maria Elena Quist', 'Maria Quist', true],
    ['José Ortega', 'Jose Ortega', true],
    ['Jon Smith', 'Joan Smith', false],
    ['Jon Smith', 'John Smith', false],
    ['Amos Quill', 'Amos Quell', false],
    ['Liesel Okonkwo', 'Marta Okonkwo', false],
    ['Liesel Okonkwo', 'Liesel Brandt', false],
  ])('%s ~ %s -> same: %s', (a, b, same) => {
    const l = nameSpelling.link(p(a), p(b), ctx);
    expect(l >= 0.5).toBe(same);
    expect(l).toBe(nameSimilarity(a, b));
    if (same) expect(nameSpelling.blockKeys(p(a), ctx).some((k) => nameSpelling.blockKeys(p(b), ctx).includes(k))).toBe(true);
  });

  test.each([
    [p('Fasihuddin Okonkwo'), p('Fasihudin Okonkwo'), 'variant', /given name "fasihuddin" \/ "fasihudin"/],
    [p('Liesel Okonkwo', 'Qari'), p('Liesel Okonkwo'), 'agree', /both spell/],
    // A middle name or initial more is the same name told with more detail: not a second spelling.
    [p('Maria Elena Quist'), p('Maria Quist'), 'agree', /one adds the middle name elena$/],
    [p('Mara J. Tennent'), p('Mara Tennent'), 'agree', /one adds the middle name J\.$/],
    [p('Mara Tennent'), p('Mara J. K. Tennent'), 'agree', /one adds the middle names J\. K\.$/],
    [p('Mara Jolene Tennent'), p('Mara J. Tennent'), 'variant', /other middle names/],
    [p('Maria Elena Quist'), p('Marie Quist'), 'variant', /3 names, the other 2/],
    [p('Mara J. Tennent'), p('Mara K. Tennent'), 'variant', /other middle names/],
  ])('%#', (a, b, relation, reason) => {
    const j = nameSpelling.compare(a, b, ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });

  test('honorific is not part of the reading; single names are not taken', () => {
    expect(nameSpelling.readingKey(p('Liesel Okonkwo', 'Qari'), ctx)).toBe(nameSpelling.readingKey(p('Liesel Okonkwo'), ctx));
    expect(nameSpelling.accepts!(p('Okonkwo'), ctx)).toBe(false);
  });
});
