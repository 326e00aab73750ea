import type { Finding } from '../types';
import type { FailOn, FindingSeverity } from '../compare/severity';

export { severityFor, type FindingSeverity } from '../compare/severity';

/**
 * `--fail-on`: the least severity that fails the run. The verdict names are kept as the words people use:
 * `conflict` = error, `variant` = warning or worse, `never` = report only.
 */
export { FAIL_ON_CHOICES, type FailOn } from '../compare/severity';

/** The severities that fail a run under `failOn`: `variant` -> error and warning. */
export function failingSeverities(failOn: FailOn): ReadonlySet<FindingSeverity> {
  if (failOn === 'never') return new Set();
  if (failOn === 'variant' || failOn === 'warning') return new Set(['error', 'warning']);
  return new Set(['error']);
}

/** True when the finding fails a run under `failOn` (agreements never do, whatever a rule says). */
export function fails(f: Pick<Finding, 'severity' | 'verdict'>, failOn: FailOn): boolean {
  return f.verdict !== 'agree' && failingSeverities(failOn).has(f.severity);
}

/** True for the findings `--max-warnings` counts: warning severity, not agreements. */
export function isWarning(f: Pick<Finding, 'severity' | 'verdict'>): boolean {
  return f.verdict !== 'agree' && f.severity === 'warning';
}
