import { createHash } from 'node:crypto';
import type { Finding } from '../types';
import { byCodeUnit } from '../util/stable';

/**
 * A fingerprint of the fact and its readings that survives edits elsewhere in the article: it hashes the
 * finding's kind, rule, the sorted reading displays and the sorted `source|claim text` of every claim, and
 * never an offset, line or column. Inserting a paragraph above "1,200 passengers" leaves it unchanged;
 * changing the number to "1,300 passengers" changes it (a new finding the baseline has not accepted).
 *
 * `finding.id` is built the same way from the comparator's reading keys, but a comparator may put
 * offsets in its reading keys (a quotation id is `q@start-end`), so the gate keys on this instead.
 *
 * Shape: `<kind>/<rule>/<16 hex digits>`, e.g. `quantity/quantity-tolerance/3f9c0a1b2c3d4e5f`.
 */
export function fingerprintOf(finding: Finding): string {
  const displays = finding.readings.map((r) => r.display).sort(byCodeUnit);
  const claims = finding.readings.flatMap((r) => r.claims.map((c) => `${c.source}|${c.text}`)).sort(byCodeUnit);
  const hash = createHash('sha256')
    .update(JSON.stringify([finding.kind, finding.rule, displays, claims]))
    .digest('hex')
    .slice(0, 16);
  return `${finding.kind}/${finding.rule}/${hash}`;
}
