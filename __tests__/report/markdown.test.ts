import { markdownDiff, mdEscape, renderMarkdown } from '../../src/report/markdown';
import { sampleReport } from '../review/fixture';

describe('markdownDiff', () => {
  test.each([
    ['is not acceptable to our members', 'is unacceptable to our members', 'is ~~not acceptable~~ **unacceptable** to our members'],
    ['until the offer is fair', 'until the pay offer is fair', 'until the **pay** offer is fair'],
    ['of the utmost importance', 'of paramount importance', 'of ~~the utmost~~ **paramount** importance'],
    ['a *star* and a ~tilde~', 'a *star* and a ~tilde~', 'a \\*star\\* and a \\~tilde\\~'],
    ['same words', 'same words', 'same words'],
  ])('%s -> %s', (from, to, expected) => expect(markdownDiff(from, to)).toBe(expected));
});

describe('mdEscape', () => {
  test.each([
    ['a | b', 'a \\| b'],
    ['<script>', '\\<script\\>'],
    ['line\nbreak', 'line break'],
  ])('%j', (input, expected) => expect(mdEscape(input)).toBe(expected));
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  test('starts with the counts, as the CLI promises', () => {
    expect(md).toMatch(/^# corroborate report\n\n2 articles, 0 claims, 3 findings: \*\*1 conflicts\*\*, 1 variants, 1 agreements\.\n/);
  });

  test('a table of contents down to the kinds, with anchors matching the headings', () => {
    expect(md).toContain(
      [
        '## Contents',
        '',
        '- [Summary](#summary)',
        '- [Conflicts](#conflicts) (1)',
        '  - [Date conflicts](#date-conflicts) (1)',
        '- [Variants](#variants) (1)',
        '  - [Quote variants](#quote-variants) (1)',
        '- [Agreements](#agreements) (1)',
        '  - [Quantity agreements](#quantity-agreements) (1)',
        '- [Sources](#sources)',
      ].join('\n'),
    );
    for (const h of ['## Summary', '## Conflicts', '### Date conflicts', '### Quote variants', '### Quantity agreements', '## Sources']) {
      expect(md).toContain(`\n${h}\n`);
    }
  });

  test('summary tables by kind and by source', () => {
    expect(md).toContain('| date | 1 | 0 | 0 |');
    expect(md).toContain('| Alpha Daily | 1 | 1 | 1 |');
  });

  test('a table per kind, then each finding with its readings, sources and words', () => {
    expect(md).toContain('| strike began | Monday 2026-03-16 (Alpha Daily); Tuesday 2026-03-17 (Beta \\<script\\>window.\\_\\_pwned=3\\</script\\> News) | `date-interval` |');
    expect(md).toContain('| 1 | **Monday 2026-03-16** | Alpha Daily | a.md:6:18 | “on Monday” |');
    expect(md).toContain('- 1 ↔ 2: conflict: Monday and Tuesday do not overlap');
  });

  test('quotes show their diff as ~~removed~~ **added**', () => {
    expect(md).toContain('> 1 → 2: We will not sail until the **pay** offer is fair,');
    expect(md).toContain('| 2 | **We will not sail until the pay offer is fair** | Beta \\<script\\>window.\\_\\_pwned=3\\</script\\> News | b.txt:1:47 | "We will not sail until the pay offer is fair," |');
  });

  test('hostile text stays text', () => {
    // Every < from an article is backslash-escaped: Markdown shows it as a character, never as a tag.
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain('\\<img src=x onerror=');
  });

  test('a decision on a finding is shown', () => {
    const report = sampleReport();
    report.findings = report.findings.map((f) => (f.id === 'date:strike-began' ? { ...f, review: { status: 'rejected', comment: 'two strikes' } } : f));
    expect(renderMarkdown(report)).toContain('Review: **rejected (false alarm)**: two strikes');
  });
});
