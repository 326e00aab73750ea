import type { Finding } from '../types';

/**
 * What renderers show of an editor's decisions (corroborate review): the statuses and a finding marked
 * with its decision. Reading and writing the decisions file is the review's (src/review/decisions.ts).
 */

/** `accepted`: a real finding, acknowledged. `rejected`: a false alarm. `needs-correction`: an article must change. */
export const DECISION_STATUSES = ['accepted', 'rejected', 'needs-correction'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface Decision {
  status: DecisionStatus;
  /** The editor's note, free text. */
  comment?: string;
  /** What the finding was about when decided (kind and subject), so the file reads on its own. */
  kind?: string;
  subject?: string;
}

export type Decisions = ReadonlyMap<string, Decision>;


/** A finding with the editor's decision, when there is one. */
export interface ReviewedFinding extends Finding {
  review?: Decision;
}
