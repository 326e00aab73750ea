import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Article, Claim, Comparator, Finding, QuantityValue, Rule, Verdict } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { makeSpan } from '../../src/text/span';
import { findingsForRule } from '../../src/compare/engine';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { buildReport } from '../../src/report/json';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../src/report/github';
import { renderJunit, xmlEscape } from '../../src/report/junit';
import { renderSarif, encodeUriPath } from '../../src/report/sarif';
import { regionOf, primaryClaim } from '../../src/report/locate';
import { parseDirectives } from '../../src/gate/directives';
import { fingerprintOf } from '../../src/report/fingerprint';
import { parseBaseline, serializeBaseline, entryFor, isIsoDay } from '../../src/gate/baseline';
import { judge, type Pool } from '../../src/gate/run';
import { renderStepSummary } from '../../src/gate/summary';

const sarifSchema = JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0.schema.json'), 'utf8'));
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(sarifSchema);

function article(id: string, text: string): Article {
  const r = buildArticle(id, `/news/articles/${id}`, text);
  if (!r.ok) throw new Error('bad article');
  return r.value;
}

/** A finding by hand: readings of [source, text, line, column] claims. */
function finding(verdict: Verdict, rule: string, readings: [string, string, number, number][][], severity: Finding['severity'] = verdict === 'conflict' ? 'error' : verdict === 'variant' ? 'warning' : 'info'): Finding {
  return {
    id: `quantity:${rule}-${readings.flat().map((c) => c[1]).join('-').replace(/[^a-z0-9]+/gi, '')}`,
    kind: 'quantity',
    subject: 'passenger',
    verdict,
    severity,
    rule,
    message: `${verdict}: ${readings.map((r) => r[0][1]).join(' vs ')}`,
    readings: readings.map((r) => ({
      display: r[0][1],
      value: null,
      claims: r.map(([source, text, line, column]) => ({ source, text, line, column, start: 0, end: text.length, claim: 'quantity@0-1' })),
    })),
    relations: readings.length > 1 ? [{ between: [0, 1], relation: verdict, reason: 'made up' }] : [],
  };
}

describe('github workflow-command escaping', () => {
  test.each([
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\nb\r\nc', 'a%0Ab%0D%0Ac', 'a%0Ab%0D%0Ac'],
    ['title: a, b', 'title: a, b', 'title%3A a%2C b'],
    ['%0A literal', '%250A literal', '%250A literal'],
  ])('%j -> data %j, property %j', (input, data, prop) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(prop);
  });

  test('a command drops empty properties and escapes each value', () => {
    expect(workflowCommand('error', [['file', 'a,b.md'], ['line', 3], ['col', undefined], ['title', 'x:y']], '50%\nmore')).toBe(
      '::error file=a%2Cb.md,line=3,title=x%3Ay::50%25%0Amore',
    );
    expect(workflowCommand('warning', [], 'm')).toBe('::warning::m');
  });
});

describe('xml escaping for JUnit', () => {
  test.each([
    ['a < b & "c" > \'d\'', 'a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;'],
    ['bell\u0007here', 'bell\ufffdhere'],
    ['line\nbreak', 'line&#10;break'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['pair \ud83d\ude00 kept', 'pair \ud83d\ude00 kept'],
  ])('%j -> %j', (input, out) => expect(xmlEscape(input)).toBe(out));
});

describe('regions', () => {
  test.each([
    [{ line: 4, column: 19, text: '1,200 passengers' }, { startLine: 4, startColumn: 19, endLine: 4, endColumn: 35 }],
    [{ line: 4, column: 19, text: '1,200\npassengers' }, { startLine: 4, startColumn: 19, endLine: 5, endColumn: 11 }],
    [{ line: 2, column: 5, text: 'a\r\nb' }, { startLine: 2, startColumn: 5, endLine: 3, endColumn: 2 }],
    [{ line: 1, column: 1, text: '' }, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }],
  ])('%j -> %j', (claim, region) => expect(regionOf(claim)).toEqual(region));

  test('the primary claim is the new article\'s, else the first of the last (minority) reading', () => {
    const f = finding('conflict', 'q', [[['a.md', '1,200', 1, 1], ['b.md', '1,200', 1, 1]], [['c.md', '1,020', 2, 2]]]);
    expect(primaryClaim(f, new Set(['a.md']))?.source).toBe('a.md');
    expect(primaryClaim(f)?.source).toBe('c.md');
  });

  test.each([['world news/a.md', 'world%20news/a.md'], ['a#1.md', 'a%231.md'], ['x/y.md', 'x/y.md']])('uri of %j is %j', (p, u) => expect(encodeUriPath(p)).toBe(u));
});

describe('inline directives', () => {
  test.each([
    ['<!-- corroborate-ignore-next-line quantity-tolerance -- crew counted -->\nx', [{ line: 1, target: 2, rules: ['quantity-tolerance'], reason: 'crew counted' }]],
    ['a\n<!--corroborate-ignore-next-line r1, r2-->\nx', [{ line: 2, target: 3, rules: ['r1', 'r2'], reason: '' }]],
    ['<!-- corroborate-ignore-next-line r1\n -- spans two lines -->\nx', [{ line: 1, target: 3, rules: ['r1'], reason: 'spans two lines' }]],
    ['<!-- corroborate-ignore-next-line -->', [{ line: 1, target: 2, rules: [], reason: '' }]],
  ])('%j', (text, expected) => {
    const found = parseDirectives(article('a.md', text));
    expect(found.map(({ line, target, rules, reason }) => ({ line, target, rules, reason }))).toEqual(expected);
    expect(Boolean(found[0].problem)).toBe(expected[0].rules.length === 0);
  });

  test.each([
    'no comment at all',
    '<!-- a note about corroborate-ignore-next-line -->',
    '<!-- corroborate-ignore-next-linex r1 -->',
    '<!-- corroborate-ignore-next-line r1 (never closed)',
    'corroborate-ignore-next-line r1 outside a comment',
  ])('no directive in %j', (text) => expect(parseDirectives(article('a.md', text))).toEqual([]));

  test('a long run of unclosed comment openers is scanned in linear time', () => {
    const text = '<!--'.repeat(50_000);
    const t = Date.now();
    expect(parseDirectives(article('a.md', text))).toEqual([]);
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('fingerprints ignore where the fact sits', () => {
  const stub: Comparator = {
    id: 'stub',
    kinds: ['quantity'],
    findingKind: 'quantity',
    paramsSchema: {},
    blockKeys: () => ['passenger'],
    link: () => 1,
    compare: (a, b) =>
      (a.value as QuantityValue).low === (b.value as QuantityValue).low ? { relation: 'agree', reason: 'same' } : { relation: 'conflict', reason: 'differ' },
    readingKey: (c) => String((c.value as QuantityValue).low),
    display: (c) => `${(c.value as QuantityValue).low} passenger`,
    readingValue: (c) => (c.value as QuantityValue).low,
    subject: () => 'passenger',
  };
  const rule: Rule = { id: 'stub-rule', extends: 'stub', appliesTo: ['quantity'], severity: 'error', params: {}, file: '' };

  function claimIn(a: Article, phrase: string, n: number): Claim {
    const start = a.text.indexOf(phrase);
    return {
      id: `quantity@${start}-${start + phrase.length}`,
      source: a.id,
      kind: 'quantity',
      extractor: 'test',
      span: makeSpan(a.text, a.lineStarts, start, start + phrase.length),
      value: { type: 'quantity', dimension: 'count', unit: 'count', low: n, high: n, stated: [{ value: n, unit: 'count', text: phrase }], counted: 'passenger' },
      context: { predicates: [], entities: [], words: [] },
    };
  }

  function run(prefix: string, newNumber = '1,020'): Finding {
    const a = article('a.md', 'The ferry carried 1,200 passengers.\n');
    const b = article('b.md', `${prefix}The ferry carried ${newNumber} passengers.\n`);
    const pool = [claimIn(a, '1,200 passengers', 1200), claimIn(b, `${newNumber} passengers`, Number(newNumber.replace(',', '')))];
    const found = findingsForRule(pool, stub, { rule, vocabulary: emptyVocabulary(), articles: new Map() });
    expect(found).toHaveLength(1);
    return found[0];
  }

  test('moving the claim down three lines keeps finding.id and the fingerprint; another number changes both', () => {
    const base = run('');
    const moved = run('Update.\n\nMore.\n');
    expect(moved.readings[1].claims[0].line).toBe(base.readings[1].claims[0].line + 3);
    expect(moved.id).toBe(base.id);
    expect(fingerprintOf(moved)).toBe(fingerprintOf(base));
    const other = run('', '1,050');
    expect(other.id).not.toBe(base.id);
    expect(fingerprintOf(other)).not.toBe(fingerprintOf(base));
  });

  test('the fingerprint does not depend on reading or claim order', () => {
    const f = finding('conflict', 'q', [[['a.md', '1,200', 1, 1]], [['b.md', '1,020', 9, 9]]]);
    const g = finding('conflict', 'q', [[['b.md', '1,020', 2, 2]], [['a.md', '1,200', 3, 3]]]);
    expect(fingerprintOf(f)).toBe(fingerprintOf(g));
    expect(fingerprintOf(f)).toMatch(/^quantity\/q\/[0-9a-f]{16}$/);
  });
});

describe('baseline files', () => {
  const f = finding('conflict', 'q', [[['a.md', '1,200', 1, 1]], [['b.md', '1,020', 2, 2]]]);

  test('serialize then parse gives the entries back', () => {
    const e = entryFor(f, 'Night Desk', 'disputed: see memo', '2026-03-04', '2026-06-30');
    const text = serializeBaseline({ entries: [e] });
    const back = parseBaseline('b.yaml', text);
    expect(back).toEqual({ ok: true, value: { entries: [e] } });
  });

  test.each([
    ['format: corroborate/baseline@2\nentries: []\n', /^b\.yaml:1:9: format: must be equal to constant$/],
    ['format: corroborate/baseline@1\nentries:\n  - fingerprint: x\n    by: me\n', /^b\.yaml:3:5: entries\.0: must have required property 'reason'$/],
    ['format: corroborate/baseline@1\nentries:\n  - {fingerprint: x, by: a, reason: b, accepted: 2026-01-01, colour: red}\n', /^b\.yaml:3:62: entries\.0: unknown key "colour"$/],
    ['format: corroborate/baseline@1\nentries:\n  - {fingerprint: x, by: a, reason: b, accepted: 2026-01-01}\n  - {fingerprint: x, by: a, reason: b, accepted: 2026-01-01}\n', /^b\.yaml:4:19: entries\.1: fingerprint also in entries\.0$/],
    ['format: [\n', /^b\.yaml:\d+:\d+: /],
  ])('%j is refused with file:line:column', (text, message) => {
    const r = parseBaseline('b.yaml', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(`${r.error[0].file}:${r.error[0].line}:${r.error[0].column}: ${r.error[0].message}`).toMatch(message);
  });

  test('entries: with nothing under it is an empty baseline', () => {
    expect(parseBaseline('b.yaml', 'format: corroborate/baseline@1\nentries:\n')).toEqual({ ok: true, value: { entries: [] } });
  });

  test.each([['2026-02-28', true], ['2026-02-30', false], ['2026-2-1', false], ['tomorrow', false]])('isIsoDay(%j) = %j', (s, ok) => expect(isIsoDay(s)).toBe(ok));
});

describe('judge: what the gate counts', () => {
  const NEW = 'new.md';
  function pool(findings: Finding[], newText = 'x\n', all: Finding[] = findings): Pool {
    const a = article('old.md', 'old\n');
    const b = article(NEW, newText);
    return {
      storeDir: '/news/claims',
      root: '/news/articles',
      newArticles: [b],
      newIds: new Set([NEW]),
      replaced: [],
      articles: [b, a],
      claims: new Map([[NEW, []], ['old.md', []]]),
      paths: { [NEW]: `articles/${NEW}`, 'old.md': 'articles/old.md' },
      warnings: [],
      all,
      relevant: findings,
    };
  }
  const conflict = finding('conflict', 'q', [[['old.md', '1,200', 1, 1]], [[NEW, '1,020', 2, 1]]]);
  const variant = finding('variant', 'q', [[['old.md', 'about 50', 1, 1]], [[NEW, 'some 50', 3, 1]]]);
  const agree = finding('agree', 'd', [[['old.md', 'Monday', 1, 1], [NEW, 'Monday', 1, 1]]]);
  const base = { failOn: 'conflict' as const, maxWarnings: -1, today: '2026-05-01', ruleIds: new Set(['q', 'd']) };

  test.each([
    ['conflict', -1, [conflict, variant, agree], 1],
    ['conflict', -1, [variant, agree], 0],
    ['variant', -1, [variant], 1],
    ['never', -1, [conflict, variant], 0],
    ['conflict', 0, [variant], 1],
    ['conflict', 1, [variant], 0],
    ['never', 0, [variant], 1],
    ['conflict', 0, [agree], 0],
  ] as const)('--fail-on %s --max-warnings %d -> exit %#', (failOn, maxWarnings, findings, exit) => {
    expect(judge(pool([...findings]), { ...base, failOn, maxWarnings }).exitCode).toBe(exit);
  });

  test('a baseline entry holds until it expires; unseen and expired entries are stale', () => {
    const fresh = entryFor(conflict, 'A', 'accepted', '2026-04-01', '2026-12-31');
    const old = entryFor(conflict, 'A', 'accepted', '2026-01-01', '2026-02-01');
    const gone = { ...entryFor(variant, 'A', 'fixed since', '2026-01-01'), fingerprint: 'quantity/q/0000000000000000' };
    const held = judge(pool([conflict]), { ...base, baseline: { entries: [fresh, gone] } });
    expect(held.exitCode).toBe(0);
    expect(held.suppressed.map((s) => s.by)).toEqual(['baseline']);
    expect(held.stale).toEqual([gone]);
    const expired = judge(pool([conflict]), { ...base, baseline: { entries: [old] } });
    expect(expired.exitCode).toBe(1);
    expect(expired.notices.map((n) => n.message)).toEqual([expect.stringMatching(/expired on 2026-02-01/)]);
  });

  test.each([
    ['accepted', 0, ['decision']],
    ['rejected', 0, ['decision']],
    ['needs-correction', 1, []],
  ] as const)('an editor decision %s -> exit %d', (status, exit, by) => {
    const j = judge(pool([conflict]), { ...base, decisions: new Map([[conflict.id, { status, comment: 'seen' }]]) });
    expect(j.exitCode).toBe(exit);
    expect(j.suppressed.map((s) => s.by)).toEqual(by);
  });

  test('a directive in the new article suppresses its rule on the next line only, and reports what it did not use', () => {
    const text = 'intro\n<!-- corroborate-ignore-next-line q -- crew counted -->\nthe ferry carried 1,020\n<!-- corroborate-ignore-next-line q -- spare -->\n\n<!-- corroborate-ignore-next-line nosuch -- typo -->\nend\n';
    const onLine3 = finding('conflict', 'q', [[['old.md', '1,200', 1, 1]], [[NEW, '1,020', 3, 19]]]);
    const j = judge(pool([onLine3], text), base);
    expect(j.exitCode).toBe(0);
    expect(j.suppressed).toEqual([expect.objectContaining({ by: 'inline', justification: 'crew counted' })]);
    expect(j.notices.map((n) => [n.code, n.line])).toEqual([
      ['unused-directive', 4],
      ['bad-directive', 6],
      ['unused-directive', 6],
    ]);
    // Another rule's finding on the same line is not covered.
    expect(judge(pool([{ ...onLine3, rule: 'd' }], text), base).exitCode).toBe(1);
  });

  test('the renderers use the gate section: SARIF validates with suppressions and notices; JUnit skips; github warns', () => {
    const text = '<!-- corroborate-ignore-next-line q -- crew -->\nthe ferry carried 1,020\n';
    const onLine2 = finding('conflict', 'q', [[['old.md', '1,200', 1, 1]], [[NEW, '1,020', 2, 19]]]);
    const j = judge(pool([onLine2, variant, agree], text), { ...base, baseline: { entries: [{ ...entryFor(variant, 'A', 'fine', '2026-01-01'), fingerprint: 'quantity/q/ffffffffffffffff' }] } });
    const options = { cwd: '/news', root: '/news/articles' };
    const sarif = JSON.parse(renderSarif(j.report, options));
    expect([validateSarif(sarif), validateSarif.errors ?? []]).toEqual([true, []]);
    const results = sarif.runs[0].results;
    expect(results.map((r: { level: string; suppressions?: unknown[] }) => [r.level, Boolean(r.suppressions)])).toEqual([
      ['warning', false],
      ['error', true],
    ]);
    expect(results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('articles/new.md');
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id)).toEqual(['stale-baseline-entry']);
    const junit = renderJunit(j.report, options);
    expect(junit).toMatch(/<testsuites name="corroborate" tests="3" failures="0" errors="0" skipped="1">/);
    expect(junit).toMatch(/<skipped message="ignored inline: crew"\/>/);
    const gh = renderGithub(j.report, options).split('\n');
    expect(gh[0]).toMatch(/^::warning file=articles\/new\.md,line=3,col=1,endLine=3,endColumn=8,title=corroborate variant \(q\)%3A passenger::/);
    expect(gh.filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(renderStepSummary(j.report, options)).toMatch(/^## corroborate: passed\n/);
  });

  test('a report from check (no gate section) still renders valid SARIF with paths under root', () => {
    const report = buildReport([article('a.md', 'x'), article('b.md', 'y')], new Map(), [finding('conflict', 'q', [[['a.md', '7', 1, 1]], [['b.md', '9', 1, 1]]])]);
    const sarif = JSON.parse(renderSarif(report, { cwd: '/news', root: '/news/articles' }));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('articles/b.md');
  });
});
