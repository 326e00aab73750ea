import { buildArticle } from '../../src/ingest/article';
import { contextAround } from '../../src/lang/context';
import { contextUnder } from '../../src/compare/under-vocabulary';
import { loadRules } from '../../src/rules/loader';

const rules = loadRules([]);
if (!rules.ok) throw new Error('rules');
const vocabulary = rules.value.vocabulary;

/** The context of `target` in `text` as extracted, from the text and the language data alone. */
function rawAround(text: string, target: string) {
  const r = buildArticle('a.txt', '/x/a.txt', text);
  if (!r.ok) throw new Error('article');
  const start = text.indexOf(target);
  return contextAround(r.value, start, start + target.length);
}

/** The same context as the comparison reads it, with the shipped rules' vocabulary. */
function around(text: string, target: string) {
  return contextUnder(rawAround(text, target), vocabulary);
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

describe('contextAround: clause edges and sentence-initial capitals', () => {
  test.each([
    // "even as" ends a clause going forward but does not open one going back: the head stays in the window.
    ['The ferry stopped, even as the harbor closed in 2019.', '2019', 'words', 'ferry', true],
    ['The ferry stopped, after the harbor closed in 2019.', '2019', 'words', 'ferry', false],
    // ", whichever" is no ", which": nothing is read as an antecedent, and the clause is not cut there.
    ['Each ferry, whichever harbor it left in 2019, arrived.', '2019', 'words', 'ferry', true],
    // A comma before "after" ends the claim's clause: words past it belong to another fact.
    ['The ferry sailed in 2019, after the harbor closed.', '2019', 'words', 'harbor', false],
    ['The ferry sailed in 2019 while the harbor closed.', '2019', 'words', 'harbor', true],
    // A capital that only marks the start of a sentence, or of a quotation, names nobody.
    ['Opened in 2019, the hall seats nine hundred.', '2019', 'entities', 'opened', false],
    ['The mayor said: "Opened in 2019, the hall is full."', '2019', 'entities', 'opened', false],
    ['The mayor said Opened Hall closed in 2019.', '2019', 'entities', 'opened', true],
  ] as const)('%s (%s: %s has %s -> %s)', (text, target, field, word, expected) => {
    expect(around(text, target)[field].includes(word)).toBe(expected);
  });
});

describe('contextAround: words by their dictionary form', () => {
  test.each([
    // "stated" is a form of the reporting verb "state"; "station" is not (see below).
    ['The minister stated in 1998 that the river was safe.', '1998', 'predicates', 'state', true],
    // "evening" is a noun of its own, not a form of "even".
    ['The evening ferry stopped in 1998.', '1998', 'words', 'evening', true],
    ['The buses stopped in 1998.', '1998', 'words', 'bus', true],
  ])('%s', (text, target, field, word, present) => {
    const c = around(text, target);
    expect((c[field as 'words' | 'predicates'] as string[]).includes(word)).toBe(present);
  });
});

test('"station" is no form of the reporting verb "state": the stem "stat" made it one', () => {
  expect(around('The station in 1998 was the largest on the river.', '1998').predicates).not.toContain('state');
});

describe('the rules\' vocabulary is applied when comparing, never when extracting', () => {
  test.each([
    // [text, claim, field, as extracted, as compared]
    ['The bridge was constructed in 1932.', '1932', 'predicates', ['construct'], ['build']],
    ['Velmar troops pulled out in July 2021.', 'July 2021', 'words', ['pull out', 'troop'], ['troop']],
    ['Velmar troops pulled out in July 2021.', 'July 2021', 'predicates', [], ['withdraw']],
    ['The U.S. embassy closed in 2019.', '2019', 'entities', ['us'], ['united states']],
    ['The Defence ministry moved in 2019 to the harbor.', '2019', 'entities', ['defence'], ['defense']],
    ['The mill was shut down in 2008.', '2008', 'predicates', [], ['close']],
  ] as const)('%s (%s: %s)', (text, target, field, extracted, compared) => {
    expect(rawAround(text, target)[field]).toEqual([...extracted]);
    expect(around(text, target)[field]).toEqual([...compared]);
  });
});

describe('a claim in a headline is marked so: a line of its own with no sentence mark at its end', () => {
  test.each([
    // [text, claim, occurrence, in a headline]
    ['Velmar ferry toll rises to 40\n\nThe toll rose to 40 on Monday, officials said.\n', '40', 0, true],
    ['Velmar ferry toll rises to 40\n\nThe toll rose to 40 on Monday, officials said.\n', '40', 1, false],
    ['The toll rose to 40 on Monday.\nOfficials gave no names.\n', '40', 0, false],
    ['Crews say: "We lost 40 boats"\n\nThe harbor is closed.\n', '40', 0, false],
  ] as const)('%j: %s #%d -> %s', (text, target, occurrence, expected) => {
    const r = buildArticle('a.txt', '/x/a.txt', text);
    if (!r.ok) throw new Error('article');
    let start = text.indexOf(target);
    for (let i = 0; i < occurrence; i++) start = text.indexOf(target, start + 1);
    expect(contextAround(r.value, start, start + target.length).inHeadline ?? false).toBe(expected);
  });
});
