/**
 * What a rule's `examples:` entry may expect of two one-line articles: the verdict of the finding that
 * joins them, or `none` when the rule does not take them for one fact.
 */
export const EXAMPLE_EXPECTATIONS = ['agree', 'variant', 'conflict', 'none'] as const;

export type ExampleExpectation = (typeof EXAMPLE_EXPECTATIONS)[number];

/**
 * One `examples:` entry of a rule file, as validated by the loader:
 *   - a: 'Crews said the ferry line opened in the 1990s.'
 *     b: 'The ferry line opened in the early 1970s, crews said.'
 *     expect: conflict
 */
export interface RuleExample {
  /** Text of the first article (`a.txt`). */
  a: string;
  /** Text of the second article (`b.txt`). */
  b: string;
  expect: ExampleExpectation;
  /** For a data rule: id of the comparator rule the example runs (`quote-wording`). */
  with?: string;
  /** Reference day of both articles, `YYYY-MM-DD` ("Saturday" resolves against it). */
  published?: string;
  /** Free text: why the example expects what it does. */
  note?: string;
  /** Rule file (absolute) and 1-based line and column of the entry's `a:` key. */
  file: string;
  line: number;
  column: number;
}
