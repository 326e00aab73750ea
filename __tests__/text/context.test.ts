import { buildArticle } from '../../src/ingest/article';
import { contextAround } from '../../src/text/context';
import { loadRules } from '../../src/rules/loader';

const rules = loadRules([]);
if (!rules.ok) throw new Error('rules');

function around(text: string, target: string) {
  const r = buildArticle('a.txt', '/x/a.txt', text);
  if (!r.ok) throw new Error('article');
  const start = text.indexOf(target);
  return contextAround(r.value, start, start + target.length, rules.ok ? rules.value.vocabulary : undefined);
}

describe('contextAround: a relative clause speaks of its antecedent', () => {
  test.each([
    ['The tram line, which opened in the 1990s, is the only link.', 'the 1990s', 'tram'],
    ['Its old bridge, which was built in 1932, still stands.', '1932', 'bridge'],
    ['The mayor, who took office in 2019, resigned.', '2019', 'mayor'],
  ])('%s', (text, target, expected) => {
    const c = around(text, target);
    expect([...c.words, ...c.entities, ...c.predicates]).toContain(expected);
  });

  test('a clause opened by "after" does not reach back', () => {
    const c = around('The ferry stopped, after the harbor closed in 2019.', '2019');
    expect(c.words).not.toContain('ferry');
  });
});
