import { expectRuleProblem, rulesDir } from './helpers';
import { loadRules, didYouMean } from '../../src/rules/loader';


describe('loadRules', () => {
  test('the shipped rules load', () => {
    const r = loadRules([]);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.data.map((d) => d.id)).toContain('places');
    expect(r.value.vocabulary.aliases.get('us')?.canonical).toBe('united states');
  });

  // Each row: file text, expected line, column, message pattern.
  const bad: [string, string, number, number, RegExp][] = [
    ['misspelt comparator', 'extends: numeric-tolerence\n', 1, 10, /unknown comparator "numeric-tolerence" \(did you mean numeric-tolerance\?\)/],
    ['unknown top-level key', 'extends: numeric-tolerance\nseverty: error\n', 2, 1, /unknown key "severty" in rule \(did you mean severity\?\)/],
    ['wrong severity', 'extends: numeric-tolerance\nseverity: fatal\n', 2, 11, /severity must be equal to one of the allowed values/],
    ['wrong kind in applies-to', 'extends: numeric-tolerance\napplies-to: [quote]\n', 2, 13, /compares quantity, not quote/],
    ['link param out of range', 'extends: numeric-tolerance\nparams:\n  link-agree: 3\n', 3, 15, /params.link-agree must be <= 1/],
    ['empty phrase list', 'extends: paraphrase\nparams:\n  sets: []\n', 3, 9, /params.sets must not be empty/],
    ['a set of one phrase', 'extends: paraphrase\nparams:\n  sets:\n    - [alone]\n', 4, 7, /must NOT have fewer than 2 items/],
    ['YAML syntax', 'extends: [paraphrase\n', 2, 1, /./],
    ['duplicate key', 'extends: paraphrase\nextends: spelling\n', 2, 1, /unique/i],
    ['applies-to on a data rule', 'extends: paraphrase\napplies-to: [quote]\nparams: { sets: [[a, b]] }\n', 2, 1, /no meaning for a data rule/],
  ];
  test.each(bad)('%s: file:line:column: message', (_name, text, line, column, message) => {
    expectRuleProblem(text, line, column, message);
  });

  test('a user rule overrides a shipped one by id; severity off removes it', () => {
    const dir = rulesDir({
      'places.yaml': 'extends: alias\nparams:\n  sets:\n    - [freedonia, freedonian]\n',
      'reporting-verbs.yaml': 'extends: reporting-verbs\nseverity: off\nparams: { words: [say] }\n',
    });
    const r = loadRules([dir], { cwd: dir });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.vocabulary.aliases.get('freedonian')?.canonical).toBe('freedonia');
    expect(r.value.vocabulary.aliases.has('us')).toBe(false);
    expect(r.value.data.map((d) => d.id)).not.toContain('reporting-verbs');
  });

  test('__proto__ and constructor keys in a rule file change nothing', () => {
    const dir = rulesDir({ 'evil.yaml': 'extends: alias\nparams:\n  sets:\n    - [__proto__, constructor]\n' });
    const r = loadRules([dir], { cwd: dir });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'constructor')).toBe(true);
    const evil = rulesDir({ 'evil.yaml': 'extends: alias\n__proto__: { polluted: yes }\nparams: { sets: [[a, b]] }\n' });
    const r2 = loadRules([evil], { cwd: evil });
    expect(r2.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ['date-interval params', 'extends: date-interval\nparams:\n  __proto__: { polluted: yes }\n', 3, 3, /unknown key "__proto__" in params/],
    ['numeric-tolerance params', 'extends: numeric-tolerance\nparams:\n  constructor: { polluted: yes }\n', 3, 3, /unknown key "constructor" in params/],
    ['paraphrase params', 'extends: paraphrase\nparams:\n  sets: [[a, b]]\n  __proto__: { polluted: yes }\n', 4, 3, /unknown key "__proto__" in params/],
    ['an example', 'extends: quote-wording\nexamples:\n  - { a: x, b: y, expect: agree, __proto__: { polluted: yes } }\n', 3, 34, /unknown key "__proto__" in examples\.0/],
  ])('__proto__ and constructor in %s are unknown keys, and change nothing', (_where, text, line, column, message) => {
    const dir = rulesDir({ 'evil.yaml': text });
    const r = loadRules([dir], { cwd: dir });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ file: 'evil.yaml', line, column });
    expect(r.error[0].message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as Record<string, unknown>).constructor).toBe('function');
  });

  test.each([
    ['numeric-tolerence', ['numeric-tolerance', 'date-interval'], 'numeric-tolerance'],
    ['date-intervall', ['numeric-tolerance', 'date-interval'], 'date-interval'],
    ['zzz', ['numeric-tolerance', 'date-interval'], undefined],
  ])('didYouMean(%j)', (word, known, expected) => {
    expect(didYouMean(word, known)).toBe(expected);
  });
});
