import { expectRuleProblem, rulesDir } from './helpers';
import { join } from 'node:path';
import { loadRules, ruleExamples } from '../../src/rules/loader';
import { runAllExamples, runExample } from '../../src/pipeline/rule-examples';
import { COMPARATORS } from '../../src/compare/comparators';
import { VOCABULARY_KINDS } from '../../src/text/vocabulary';


const QUOTE = "extends: quote-wording\nexamples:\n  - a: '\"We are ready,\" the coach said.'\n    b: '\"We are ready,\" said the coach.'\n";
const ALIAS = 'extends: alias\nparams: { sets: [[bart quillfeather, bkq]] }\nexamples:\n';

describe('examples: in rule files are validated by the loader', () => {
  // Each row: file text, expected line, column, message pattern.
  const bad: [string, string, number, number, RegExp][] = [
    ['missing expect', QUOTE, 3, 5, /examples\.0 must have required property 'expect'/],
    ['wrong expect value', QUOTE + '    expect: agreed\n', 5, 13, /examples\.0\.expect must be equal to one of the allowed values: agree, variant, conflict, none/],
    ['unknown key in an example', QUOTE + '    expect: agree\n    expected: agree\n', 6, 5, /unknown key "expected" in examples\.0 \(did you mean expect\?\)/],
    ['__proto__ in an example', QUOTE + '    expect: agree\n    __proto__: { polluted: yes }\n', 6, 5, /unknown key "__proto__" in examples\.0/],
    ['constructor in an example', QUOTE + '    expect: agree\n    constructor: agree\n', 6, 5, /unknown key "constructor" in examples\.0/],
    ['an example that is not a mapping', 'extends: quote-wording\nexamples:\n  - just text\n', 3, 5, /examples\.0 must be object/],
    ['empty examples list', 'extends: quote-wording\nexamples: []\n', 2, 11, /examples must not be empty/],
    ['a published day that is not a day', QUOTE + '    published: June 2025\n    expect: agree\n', 5, 16, /examples\.0\.published must match pattern/],
    ['with: in a comparator rule', QUOTE + '    with: quote-speaker\n    expect: agree\n', 5, 5, /examples\.0\.with has no meaning for a comparator rule/],
    ['no with: in a data rule', ALIAS + "  - a: 'BKQ said so.'\n    b: 'Bart Quillfeather said so.'\n    expect: agree\n", 4, 5, /examples\.0 needs "with"/],
    ['a misspelt with: rule', ALIAS + "  - a: 'x'\n    b: 'y'\n    with: quote-speakr\n    expect: agree\n", 4, 5, /examples\.0\.with: unknown rule "quote-speakr" \(did you mean quote-speaker\?\)/],
    ['with: naming a data rule', ALIAS + "  - a: 'x'\n    b: 'y'\n    with: places\n    expect: agree\n", 4, 5, /"places" is a data rule, not a comparator rule/],
  ];
  test.each(bad)('%s: file:line:column: message', (_name, text, line, column, message) => {
    expectRuleProblem(text, line, column, message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a valid example keeps its line, column and fields', () => {
    const dir = rulesDir({ 'my-rule.yaml': `${QUOTE}    published: 2025-03-01\n    note: why\n    expect: agree\n` });
    const r = loadRules([dir], { cwd: dir });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const rule = r.value.rules.find((x) => x.id === 'my-rule')!;
    expect(ruleExamples(rule)).toEqual([
      { a: '"We are ready," the coach said.', b: '"We are ready," said the coach.', expect: 'agree', published: '2025-03-01', note: 'why', file: join(dir, 'my-rule.yaml'), line: 3, column: 5 },
    ]);
  });

  test('with: may name a rule turned off (the example is then skipped)', () => {
    const dir = rulesDir({
      'quote-speaker.yaml': 'extends: quote-speaker\nseverity: off\n',
      'people.yaml': ALIAS + "  - a: '\"We are ready,\" BKQ said.'\n    b: '\"We are ready,\" Bart Quillfeather said.'\n    with: quote-speaker\n    expect: agree\n",
    });
    const r = loadRules([dir], { cwd: dir });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const rule = r.value.data.find((x) => x.id === 'people')!;
    const out = runExample(ruleExamples(rule)[0], rule, r.value);
    expect(out).toMatchObject({ skipped: true, passed: true });
  });
});

describe('duplicate words across sets', () => {
  test.each([
    ['spelling', 'extends: spelling\nparams:\n  sets:\n    - [gray, grey]\n    - [silver, Grey]\n', 5, 16, /"Grey" is already in params\.sets\.0; a spelling word may belong to one set only/],
    ['alias (periods do not matter)', 'extends: alias\nparams:\n  sets:\n    - [united states, us]\n    - [us dollar, u.s.]\n', 5, 19, /"u\.s\." is already in params\.sets\.0/],
    ['predicate-synonyms', 'extends: predicate-synonyms\nparams:\n  sets:\n    - [dock, berth]\n    - [moor, berth]\n', 5, 14, /"berth" is already in params\.sets\.0/],
  ])('%s', (_kind, text, line, column, message) => {
    const dir = rulesDir({ 'words.yaml': text });
    const r = loadRules([dir], { cwd: dir });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ file: 'words.yaml', line, column });
    expect(r.error[0].message).toMatch(message);
  });

  test.each([
    ['paraphrase: a word with two senses may be in two sets', 'extends: paraphrase\nparams:\n  sets:\n    - [began, initiated]\n    - [begun, initiated]\n'],
    ['alias: two spellings of one name in one set', 'extends: alias\nparams:\n  sets:\n    - [united states, us, u.s.]\n'],
  ])('%s', (_name, text) => {
    const dir = rulesDir({ 'words.yaml': text });
    expect(loadRules([dir], { cwd: dir }).ok).toBe(true);
  });
});

describe('runExample', () => {
  const shipped = loadRules([]);
  if (!shipped.ok) throw new Error(JSON.stringify(shipped.error));
  const rules = shipped.value;
  const rule = (id: string) => [...rules.rules, ...rules.data].find((r) => r.id === id)!;
  const ex = (a: string, b: string, expect: 'agree' | 'variant' | 'conflict' | 'none', extra: { with?: string; published?: string } = {}) => ({ a, b, expect, file: 'x.yaml', line: 1, column: 1, ...extra });

  test.each([
    ['date-overlap', ex('The dam was finished in 1964, engineers said.', 'Engineers said the dam was finished in 1971.', 'conflict'), 'conflict'],
    ['date-overlap', ex('The dam was finished in 1964.', 'The orchestra toured Peru in 2003.', 'none'), 'none'],
    ['quantity-tolerance', ex('The canal is 12 kilometers long, the authority said.', 'The authority said the canal is 7.46 miles long.', 'agree'), 'agree'],
    // Saturday before Sunday 2025-06-22 is June 21, not June 14.
    ['date-overlap', ex('The fair opened on Saturday, organizers said.', 'Organizers said the fair opened on June 14.', 'agree', { published: '2025-06-22' }), 'conflict'],
  ] as const)('%s: %j -> %s', (id, example, got) => {
    const out = runExample(example, rule(id), rules);
    expect(out.got).toBe(got);
    expect(out.passed).toBe(got === example.expect);
  });

  test('every shipped rule carries at least two examples, and all pass', () => {
    for (const r of [...rules.rules, ...rules.data]) expect([r.id, ruleExamples(r).length >= 2]).toEqual([r.id, true]);
    const failed = runAllExamples(rules).filter((o) => !o.passed || o.skipped);
    expect(failed.map((o) => `${o.example.file}:${o.example.line}: expected ${o.example.expect}, got ${o.got} (${o.detail})`)).toEqual([]);
  });
});

describe('no regular expressions in rules', () => {
  // A user-written regex could backtrack catastrophically ("(a+)+$"); rules use phrase lists instead.
  const schemas = [...COMPARATORS.map((c) => [c.id, c.paramsSchema] as const), ...VOCABULARY_KINDS.map((k) => [k.id, k.paramsSchema] as const)];
  test.each(schemas)('%s takes no pattern or regex param', (_id, schema) => {
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/"format":"regex"/);
    expect(Object.keys((schema as { properties?: object }).properties ?? {}).filter((k) => /regex|pattern|regexp/i.test(k))).toEqual([]);
  });
});
