import type { Finding, Severity, Verdict } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { buildReport } from '../../src/report/json';
import { fails, failingSeverities, isWarning, severityFor, type FailOn } from '../../src/report/severity';
import { renderStylish, renderUnix } from '../../src/report/terminal';
import { parseDirectives, directiveCovers } from '../../src/gate/directives';

describe('one severity model: the verdict, with the rule\'s severity as its ceiling', () => {
  test.each([
    ['conflict', 'error', 'error'],
    ['conflict', 'warning', 'warning'],
    ['conflict', 'info', 'info'],
    ['variant', 'error', 'warning'],
    ['variant', 'warning', 'warning'],
    ['variant', 'info', 'info'],
    ['agree', 'error', 'info'],
    ['agree', 'off', 'info'],
  ] as [Verdict, Severity, string][])('%s under a rule set to %s -> %s', (verdict, rule, expected) => {
    expect(severityFor(verdict, rule)).toBe(expected);
  });

  test.each([
    ['conflict', ['error']],
    ['error', ['error']],
    ['variant', ['error', 'warning']],
    ['warning', ['error', 'warning']],
    ['never', []],
  ] as [FailOn, string[]][])('--fail-on %s fails on %j', (failOn, severities) => {
    expect([...failingSeverities(failOn)].sort()).toEqual(severities);
  });

  test.each([
    [{ verdict: 'conflict', severity: 'error' }, 'conflict', true],
    [{ verdict: 'conflict', severity: 'warning' }, 'conflict', false],
    [{ verdict: 'conflict', severity: 'warning' }, 'variant', true],
    [{ verdict: 'variant', severity: 'info' }, 'variant', false],
    [{ verdict: 'agree', severity: 'info' }, 'warning', false],
  ] as [Pick<Finding, 'verdict' | 'severity'>, FailOn, boolean][])('%j under --fail-on %s fails: %s', (f, failOn, expected) => {
    expect(fails(f, failOn)).toBe(expected);
  });

  test('--max-warnings counts warnings, not info variants or agreements', () => {
    expect([{ verdict: 'variant', severity: 'warning' }, { verdict: 'variant', severity: 'info' }, { verdict: 'conflict', severity: 'warning' }].filter((f) => isWarning(f as Finding)).length).toBe(2);
  });
});

function finding(verdict: Verdict, severity: Finding['severity'], rule: string, source: string, line: number, column: number, text: string): Finding {
  return {
    id: `quantity:${rule}-${line}`,
    kind: 'quantity',
    subject: 'passengers aboard',
    verdict,
    severity,
    rule,
    message: `2 sources disagree: ${text}`,
    readings: [
      { display: 'x', value: null, claims: [{ source: 'other.md', text: 'x', line: 1, column: 1, start: 0, end: 1, claim: 'q@0-1' }] },
      { display: text, value: null, claims: [{ source, text, line, column, start: 0, end: text.length, claim: 'q@0-1' }] },
    ],
    relations: [],
  };
}

describe('terminal formats', () => {
  const report = buildReport([], new Map(), [
    finding('variant', 'warning', 'quote-wording', 'b.md', 12, 3, 'right away'),
    finding('conflict', 'error', 'quantity-tolerance', 'b.md', 4, 19, '240 passengers'),
    finding('agree', 'info', 'date-overlap', 'b.md', 2, 1, 'Monday'),
    finding('conflict', 'error', 'date-overlap', 'a.md', 7, 1, 'Tuesday'),
  ]);
  const options = { cwd: '/news', root: '/news/articles' };

  test('stylish: files in order, rows aligned, agreements left out, counts at the end', () => {
    expect(renderStylish(report, options).split('\n')).toEqual([
      'articles/a.md',
      '  7:1  error  passengers aboard: 2 sources disagree: Tuesday  date-overlap',
      '',
      'articles/b.md',
      '  4:19  error    passengers aboard: 2 sources disagree: 240 passengers  quantity-tolerance',
      '  12:3  warning  passengers aboard: 2 sources disagree: right away  quote-wording',
      '',
      '\u2716 3 problems (2 errors, 1 warning, 0 info)',
      '0 articles, 2 conflicts, 1 variant, 1 agreement',
      '',
    ]);
  });

  test('stylish with no problems says so', () => {
    expect(renderStylish(buildReport([], new Map(), []), options)).toBe('\u2714 no problems (0 articles, 0 conflicts, 0 variants, 0 agreements)\n');
  });

  test('unix: one line per problem, [severity/rule]', () => {
    expect(renderUnix(report, options)).toBe(
      [
        'articles/a.md:7:1: passengers aboard: 2 sources disagree: Tuesday [error/date-overlap]',
        'articles/b.md:4:19: passengers aboard: 2 sources disagree: 240 passengers [error/quantity-tolerance]',
        'articles/b.md:12:3: passengers aboard: 2 sources disagree: right away [warning/quote-wording]',
        '',
        '3 problems',
        '',
      ].join('\n'),
    );
  });
});

describe('block and file directives', () => {
  function article(text: string) {
    const r = buildArticle('a.md', '/news/articles/a.md', text);
    if (!r.ok) throw new Error('bad article');
    return r.value;
  }
  const shape = (text: string) => parseDirectives(article(text)).map(({ kind, from, to, rules, problem }) => ({ kind, from, to, rules, problem: Boolean(problem) }));

  test.each([
    ['x\n<!-- corroborate-disable r1 -- translated -->\ny\n<!-- corroborate-enable r1 -->\nz', [{ kind: 'disable', from: 2, to: 4, rules: ['r1'], problem: false }]],
    ['<!-- corroborate-disable r1, r2 -->\ny', [{ kind: 'disable', from: 1, to: Infinity, rules: ['r1', 'r2'], problem: false }]],
    ['<!-- corroborate-disable r1 -->\n<!-- corroborate-disable r2 -->\n<!-- corroborate-enable -->', [{ kind: 'disable', from: 1, to: 3, rules: ['r1'], problem: false }, { kind: 'disable', from: 2, to: 3, rules: ['r2'], problem: false }]],
    ['<!-- corroborate-disable r1 -->\n<!-- corroborate-enable r2 -->', [{ kind: 'disable', from: 1, to: Infinity, rules: ['r1'], problem: false }, { kind: 'enable', from: 3, to: 3, rules: ['r2'], problem: true }]],
    ['a\nb\n<!-- corroborate-disable-file all -->', [{ kind: 'file', from: 1, to: Infinity, rules: ['all'], problem: false }]],
    ['<!-- corroborate-disable -->', [{ kind: 'disable', from: 1, to: Infinity, rules: [], problem: true }]],
    ['<!-- corroborate-disablex r1 -->', []],
  ])('%j', (text, expected) => expect(shape(text)).toEqual(expected));

  test('a block covers a claim on any of its lines; "all" covers every rule', () => {
    const [d] = parseDirectives(article('x\n<!-- corroborate-disable all -->\ny\nz\n<!-- corroborate-enable -->\nw'));
    const at = (line: number) => finding('conflict', 'error', 'quantity-tolerance', 'a.md', line, 1, 'n');
    expect([1, 2, 3, 4, 5, 6].map((line) => directiveCovers(d, at(line)))).toEqual([false, true, true, true, true, false]);
  });
});
