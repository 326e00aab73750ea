import type { Finding } from '../types';
import type { Report } from './json';

/** Something the gate wants a person to look at that is not a finding: an unused directive, a stale baseline entry. */
export interface GateNotice {
  level: 'warning' | 'note';
  /** Stable id of the kind of notice: "unused-directive", "stale-baseline-entry", ... */
  code: string;
  message: string;
  /** Path relative to the working folder, `/`-separated, when the notice has a place. */
  file?: string;
  line?: number;
  column?: number;
}

/** A finding the gate saw but does not count, and why. */
export interface SuppressedFinding {
  finding: Finding;
  /**
   * `baseline`: accepted in the baseline file; `inline`: a corroborate-ignore-next-line directive;
   * `decision`: an editor accepted it or called it a false alarm in `corroborate review`.
   */
  by: 'baseline' | 'inline' | 'decision';
  justification: string;
  /** The finding's line-independent fingerprint (src/report/fingerprint.ts). */
  fingerprint: string;
}

/** What the gate adds to the report: renderers that know about it use it, the JSON renderer passes it through. */
export interface GateSection {
  /** Ids of the articles checked (given on the command line). */
  newArticles: string[];
  /** Article id -> path of the article file relative to the working folder, `/`-separated. */
  paths: Record<string, string>;
  /** Finding id -> fingerprint, for every reported finding. */
  fingerprints: Record<string, string>;
  suppressed: SuppressedFinding[];
  notices: GateNotice[];
  /** Reported findings that make the gate fail, and the exit code chosen. */
  failing: number;
  exitCode: number;
}

/** A Report with the gate's extra section (absent when the report comes from `check`). */
export type GateReport = Report & { gate?: GateSection };

/** The gate section of a report, if it has one. */
export function gateOf(report: Report): GateSection | undefined {
  return (report as GateReport).gate;
}
