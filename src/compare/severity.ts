import type { Severity, Verdict } from '../types';

/**
 * One severity model for every output and the exit code, as linters have it: a conflict is an error, a
 * variant a warning, an agreement info; a rule's own `severity:` is the most its findings can be (a rule set
 * to `info` yields only info, one set to `warning` turns its conflicts into warnings).
 */
export type FindingSeverity = Exclude<Severity, 'off'>;

const RANK: Record<FindingSeverity, number> = { info: 0, warning: 1, error: 2 };
const VERDICT_SEVERITY: Record<Verdict, FindingSeverity> = { conflict: 'error', variant: 'warning', agree: 'info' };

/** The severity of a finding of `verdict` from a rule set to `rule`: "variant" under a `severity: info` rule -> info. */
export function severityFor(verdict: Verdict, rule: Severity): FindingSeverity {
  const own = VERDICT_SEVERITY[verdict];
  if (rule === 'off') return 'info';
  return RANK[rule] < RANK[own] ? rule : own;
}

/** `--fail-on` and the config's `fail-on`: the verdict names people use, the severities they stand for, or never. */
export const FAIL_ON_CHOICES = ['conflict', 'variant', 'error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_CHOICES)[number];
