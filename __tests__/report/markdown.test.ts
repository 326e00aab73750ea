import { markdownDiff, mdEscape, renderMarkdown } from '../../src/report/markdown';
import { ARTICLE_MAP, sampleReport } from '../review/fixture';

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
        '- [Sources](#sources)',
      ].join('\n'),
    );
    for (const h of ['## Summary', '## Conflicts', '### Date conflicts', '### Quote variants', '## Agreements', '## Sources']) {
      expect(md).toContain(`\n${h}\n`);
    }
  });

  test('summary tables by kind and by source: the conflicts a source stands apart in come first', () => {
    expect(md).toContain('| date | 1 | 0 | 0 |');
    expect(md).toContain('| Source | Odd one out | In conflicts | Variants | Agreements |');
    expect(md).toContain('| Alpha Daily | 0 | 1 | 1 | 1 |');
  });

  test('agreements are one table row each, in full with showAgreements', () => {
    expect(md).toContain('| crew \\<script\\>window.\\_\\_pwned=8\\</script\\> walked out | quantity | 300 crew | 2: Alpha Daily, Beta \\<script\\>window.\\_\\_pwned=3\\</script\\> News |');
    expect(md).not.toContain('### Quantity agreements');
    expect(renderMarkdown(sampleReport(), { showAgreements: true })).toContain('### Quantity agreements');
  });

  test('a table per kind, then each finding with its readings, sources and words', () => {
    expect(md).toContain('| strike began | Monday 2026-03-16 (Alpha Daily); Tuesday 2026-03-17 (Beta \\<script\\>window.\\_\\_pwned=3\\</script\\> News) | none (no majority) |');
    expect(md).toContain('| 1 | **Monday 2026-03-16** | Alpha Daily | a.md:6:18 | “on Monday” |');
    expect(md).toContain('- 1 ↔ 2: conflict: Monday and Tuesday do not overlap');
  });

  test('quotes show their diff as ~~removed~~ **added**', () => {
    expect(md).toContain('> 1 → 2: We will not sail until the **pay** offer is fair,');
    expect(md).toContain('| 2 | **We will not sail until the pay offer is fair** | Beta \\<script\\>window.\\_\\_pwned=3\\</script\\> News | b.txt:1:47 | "We will not sail until the pay offer is fair," |');
  });

  test('hostile text stays text', () => {
    // Every < from an article is backslash-escaped: Markdown shows it as a character, never as a tag.
    const full = renderMarkdown(sampleReport(), { articles: ARTICLE_MAP, showAgreements: true });
    for (const text of [md, full]) expect(text).not.toMatch(/(^|[^\\])</m);
    expect(full).toContain('**Some 300 crew members** \\<script\\>window.\\_\\_pwned=4');
  });

  test('each claim in its sentence, the claim in bold', () => {
    const full = renderMarkdown(sampleReport(), { articles: ARTICLE_MAP });
    expect(full).toContain('| 1 | **Monday 2026-03-16** | Alpha Daily | a.md:6:18 | The strike began **on Monday**, union leader Mara Quist said. |');
  });

  test('a decision on a finding is shown', () => {
    const report = sampleReport();
    report.findings = report.findings.map((f) => (f.id === 'date:strike-began' ? { ...f, review: { status: 'rejected', comment: 'two strikes' } } : f));
    expect(renderMarkdown(report)).toContain('Review: **rejected (false alarm)**: two strikes');
  });
});
