import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyDecisions,
  countFailing,
  loadDecisions,
  parseDecisions,
  saveDecisions,
  serializeDecisions,
  type Decision,
} from '../../src/review/decisions';
import { FINDINGS } from './fixture';

const tmp = () => mkdtempSync(join(tmpdir(), 'corroborate-decisions-'));

describe('decisions file', () => {
  test('a missing file is no decisions', () => {
    expect(loadDecisions(join(tmp(), 'claims', 'decisions.yaml'))).toEqual({ ok: true, value: new Map() });
  });

  test('save then load gives the same decisions; the file is sorted, commented and written atomically', () => {
    const dir = tmp();
    const path = join(dir, 'decisions.yaml');
    const decisions = new Map<string, Decision>([
      ['quote:we-will-not-sail', { status: 'rejected', comment: 'Same words: "pay" is our typo.\nSecond line.', kind: 'quote', subject: 's' }],
      ['date:strike-began', { status: 'accepted' }],
    ]);
    saveDecisions(path, decisions);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('# corroborate review decisions')).toBe(true);
    expect(text.indexOf('date:strike-began')).toBeLessThan(text.indexOf('quote:we-will-not-sail'));
    expect(readdirSync(dir)).toEqual(['decisions.yaml']);
    const back = loadDecisions(path);
    expect(back.ok && [...back.value]).toEqual([...decisions].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(serializeDecisions(decisions)).toBe(text);
  });

  test.each([
    ['decisions:\n  "x":\n    status: maybe\n', 3, 'status must be one of accepted, rejected, needs-correction'],
    ['decisions:\n  "x": yes\n', 2, 'decision for "x" must be a mapping with status'],
    ['format: other@2\ndecisions: {}\n', 1, 'format must be corroborate/decisions@1'],
    ['decisions:\n  "x":\n    status: accepted\n    comment: [a]\n', 4, 'comment must be text'],
    ['decisions: [1]\n', 1, 'decisions must map finding ids to decisions'],
    ['decisions:\n  "x": {status: accepted\n', 3, ''],
  ])('a bad file is refused with a located problem: %j', (text, line, message) => {
    const got = parseDecisions(text, 'claims/decisions.yaml');
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error[0]).toMatchObject({ file: 'claims/decisions.yaml', line });
    if (message) expect(got.error[0].message).toBe(message);
  });

  test('an empty or comment-only file is no decisions', () => {
    expect(parseDecisions('', 'd.yaml')).toEqual({ ok: true, value: new Map() });
    expect(parseDecisions('# nothing yet\n', 'd.yaml')).toEqual({ ok: true, value: new Map() });
  });

  test('a hand-written file without format is read', () => {
    const path = join(tmp(), 'd.yaml');
    writeFileSync(path, 'decisions:\n  date:strike-began: { status: needs-correction, comment: fix b.txt }\n');
    const got = loadDecisions(path);
    expect(got.ok && got.value.get('date:strike-began')).toEqual({ status: 'needs-correction', comment: 'fix b.txt' });
  });
});

describe('applyDecisions and --fail-on', () => {
  const decided = (status: Decision['status']) => new Map<string, Decision>([['date:strike-began', { status }]]);

  test.each([
    // [decision on the conflict, failing for --fail-on conflict, failing for --fail-on variant]
    [null, 1, 2],
    ['accepted', 0, 1],
    ['rejected', 0, 1],
    ['needs-correction', 1, 2],
  ] as const)('the conflict decided %s', (status, conflict, variant) => {
    const findings = applyDecisions(FINDINGS, status ? decided(status) : new Map());
    expect(countFailing(findings, 'conflict')).toBe(conflict);
    expect(countFailing(findings, 'variant')).toBe(variant);
    expect(countFailing(findings, undefined)).toBe(0);
  });

  test('marks copies, never the input; unknown ids are ignored', () => {
    const decisions = new Map<string, Decision>([
      ['date:strike-began', { status: 'rejected', comment: 'no' }],
      ['gone:finding', { status: 'accepted' }],
    ]);
    const out = applyDecisions(FINDINGS, decisions);
    expect(out.find((f) => f.id === 'date:strike-began')?.review).toEqual({ status: 'rejected', comment: 'no' });
    expect(out.filter((f) => f.review)).toHaveLength(1);
    expect((FINDINGS[2] as { review?: unknown }).review).toBeUndefined();
  });
});
