import type { Article, Claim, ExtractContext, Finding, Rule, RuleSet, Verdict } from '../types';
import { buildArticle } from '../ingest/article';
import { extractArticle } from '../pipeline';
import { compareAll } from '../compare/engine';
import { ruleExamples } from '../rules/loader';
import type { ExampleExpectation, RuleExample } from '../rules/example-types';

/** Reference day of example articles that give no `published:`: fixed, so "Saturday" always means one day. */
export const EXAMPLE_REFERENCE_DATE = '2025-06-15';

const RANK: Record<Verdict, number> = { conflict: 0, variant: 1, agree: 2 };

/** What one example gave. `got` is undefined when it could not run (`with:` names a rule not in force). */
export interface ExampleOutcome {
  rule: Rule;
  example: RuleExample;
  got?: ExampleExpectation;
  passed: boolean;
  /** Why: the finding's message or relation reasons, or why the example was skipped. */
  detail: string;
  skipped: boolean;
}

/**
 * Runs one example: two articles `a.txt` and `b.txt` from its texts, claims from every extractor (with
 * the whole vocabulary), then only the rule under test (or, for a data rule, the comparator rule named by
 * `with:`). The verdict is the worst of the findings that hold claims of both articles; `none` when no
 * finding joins them.
 */
export function runExample(example: RuleExample, rule: Rule, ruleSet: RuleSet): ExampleOutcome {
  const target = ruleSet.rules.includes(rule) ? rule : ruleSet.rules.find((r) => r.id === example.with);
  if (!target) {
    return { rule, example, passed: true, skipped: true, detail: `rule "${example.with}" is not in force (severity: off?)` };
  }
  const published = example.published ?? EXAMPLE_REFERENCE_DATE;
  const articles: Article[] = [];
  for (const [id, text] of [['a.txt', example.a], ['b.txt', example.b]] as const) {
    const built = buildArticle(id, id, text.endsWith('\n') ? text : text + '\n', { published });
    if (!built.ok) return { rule, example, passed: false, skipped: false, detail: built.error.map((p) => p.message).join('; ') };
    articles.push(built.value);
  }
  const ctx: ExtractContext = {};
  const claims: Claim[] = articles.flatMap((a) => extractArticle(a, ctx));
  const only: RuleSet = { rules: [target], data: ruleSet.data, vocabulary: ruleSet.vocabulary };
  const findings = compareAll(claims, only, new Map(articles.map((a) => [a.id, a])));
  const joined = findings.filter((f) => {
    const sources = new Set(f.readings.flatMap((r) => r.claims.map((c) => c.source)));
    return sources.has('a.txt') && sources.has('b.txt');
  });
  joined.sort((x, y) => RANK[x.verdict] - RANK[y.verdict]);
  const got: ExampleExpectation = joined[0]?.verdict ?? 'none';
  return { rule, example, got, passed: got === example.expect, skipped: false, detail: describe(joined[0], claims) };
}

function describe(finding: Finding | undefined, claims: readonly Claim[]): string {
  if (finding) {
    const reasons = finding.relations.map((r) => r.reason).join('; ');
    return `${finding.readings.map((r) => JSON.stringify(r.display)).join(' / ')}${reasons ? `: ${reasons}` : ''}`;
  }
  const kinds = (source: string) => {
    const found = claims.filter((c) => c.source === source).map((c) => `${c.kind} "${c.span.text}"`);
    return found.length ? found.join(', ') : 'no claims';
  };
  return `no finding joins the two; a: ${kinds('a.txt')}; b: ${kinds('b.txt')}`;
}

/** Runs the examples of every rule in force (comparator rules, then data rules, each by id). */
export function runAllExamples(ruleSet: RuleSet): ExampleOutcome[] {
  const out: ExampleOutcome[] = [];
  for (const rule of [...ruleSet.rules, ...ruleSet.data]) {
    for (const example of ruleExamples(rule)) out.push(runExample(example, rule, ruleSet));
  }
  return out;
}
