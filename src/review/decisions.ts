import { existsSync, statSync } from 'node:fs';
import { readNeededText } from '../util/safe-read';
import { isMap, stringify } from 'yaml';
import type { Finding, Problem, Result, Verdict } from '../types';
import { DECISION_STATUSES, type Decision, type Decisions, type DecisionStatus, type ReviewedFinding } from '../report/decisions';
import { parseYamlInput } from '../text/yaml-input';
import { lineColumn } from '../text/span';
import { locateInYaml } from '../text/yaml-locate';
import { byCodeUnit, safeRecord } from '../util/stable';
import { writeFileAtomic } from '../util/fs-atomic';

/**
 * An editor's decisions on findings, kept in a YAML file beside the claims (`claims/decisions.yaml`):
 *
 *   format: corroborate/decisions@1
 *   decisions:
 *     "date:evacuation-began":
 *       status: rejected
 *       comment: Two different ships; not the same fact.
 *
 * Keyed by finding id (the report's stable fingerprint), so a decision survives a re-run on the same text.
 */

export { DECISION_STATUSES, type Decision, type Decisions, type DecisionStatus } from '../report/decisions';

/** Where a decision read from a file stands in it (its id's key), for warnings that name file and line. */
const PLACES = new WeakMap<Decision, Problem>();

/**
 * Decisions whose finding id is not among `ids`, as warnings at their place in the file: a decision that
 * matches nothing was made for other text, or for an id made another way, and no longer applies.
 * `decisions: {"date:old-1a2b3c4d": ...}` with no such finding -> `decisions.yaml:5:3: decision for ... matches no finding`.
 */
export function unmatchedDecisions(decisions: Decisions, ids: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  for (const [id, d] of decisions) {
    if (ids.has(id)) continue;
    const at = PLACES.get(d);
    if (at) out.push({ ...at, message: `decision for ${JSON.stringify(id)} matches no finding (the articles changed, or the id was made from other text)` });
  }
  return out;
}

/** File name of the decisions file inside a claims folder: `claims/decisions.yaml`. Not a claims file. */
export const DECISIONS_FILE = 'decisions.yaml';

/** First line of a decisions file after its comments. */
export const DECISIONS_FORMAT = 'corroborate/decisions@1';

/** Longest comment kept, in characters. */
export const MAX_COMMENT = 4000;

export type { ReviewedFinding } from '../report/decisions';

export function isDecisionStatus(s: unknown): s is DecisionStatus {
  return typeof s === 'string' && (DECISION_STATUSES as readonly string[]).includes(s);
}

/**
 * Reads a decisions file. A missing file is no decisions (the first review starts from nothing); a file
 * that is not valid YAML or not of this shape gives problems with line and column.
 */
export function loadDecisions(path: string, displayName: string = path): Result<Map<string, Decision>> {
  if (!existsSync(path)) return { ok: true, value: new Map() };
  const text = readNeededText(path, displayName);
  return text.ok ? parseDecisions(text.value, displayName) : text;
}

/**
 * `loadDecisions` for a long-running reader (the review server): the file is parsed again only when its
 * size, modification time or inode changed since the last call (a hand edit, a save through a rename);
 * otherwise the last result is given again, as a new Map the caller may change.
 */
export function decisionsReader(path: string, displayName: string = path): () => Result<Map<string, Decision>> {
  let stamp: string | undefined;
  let last: Result<Map<string, Decision>> | undefined;
  return () => {
    let now: string;
    try {
      const st = statSync(path);
      now = `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    } catch {
      now = 'missing';
    }
    if (now !== stamp || last === undefined) {
      last = loadDecisions(path, displayName);
      stamp = now;
    }
    return last.ok ? { ok: true, value: new Map(last.value) } : last;
  };
}

/** Parses the text of a decisions file (see `loadDecisions`). */
export function parseDecisions(source: string, displayName: string): Result<Map<string, Decision>> {
  const parsed = parseYamlInput(source, displayName);
  if (!parsed.ok) return parsed;
  const { doc, lineStarts } = parsed.value;
  const problem = (pointer: string, message: string, key?: string): Problem => ({
    file: displayName,
    ...locateInYaml(doc, source, pointer, { lineStarts, key }),
    message,
  });
  // An empty file (or only comments) is no decisions yet.
  if (doc.contents === null) return { ok: true, value: new Map() };
  if (!isMap(doc.contents)) return { ok: false, error: [problem('', 'a decisions file is a mapping with format and decisions')] };
  const data = parsed.value.data as Record<string, unknown>;
  const problems: Problem[] = [];
  if (data.format !== undefined && data.format !== DECISIONS_FORMAT) {
    problems.push(problem('/format', `format must be ${DECISIONS_FORMAT}`));
  }
  for (const key of Object.keys(data)) {
    if (key !== 'format' && key !== 'decisions') problems.push(problem('', `unknown key ${JSON.stringify(key)}`, key));
  }
  const out = new Map<string, Decision>();
  const list = data.decisions ?? {};
  if (list === null || typeof list !== 'object' || Array.isArray(list)) {
    problems.push(problem('/decisions', 'decisions must map finding ids to decisions'));
    return { ok: false, error: problems };
  }
  // Where each id's key sits, found once: looking each up in the mapping took a second per 5,000 decisions squared.
  const keyAt = new Map<string, number>();
  const listNode = doc.contents.get('decisions', true);
  if (isMap(listNode)) {
    for (const pair of listNode.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (key?.range) keyAt.set(String(key.value), key.range[0]);
    }
  }
  for (const [id, raw] of Object.entries(list as Record<string, unknown>)) {
    const at = `/decisions/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(problem(at, `decision for ${JSON.stringify(id)} must be a mapping with status`));
      continue;
    }
    const r = raw as Record<string, unknown>;
    if (!isDecisionStatus(r.status)) {
      problems.push(problem(`${at}/status`, `status must be one of ${DECISION_STATUSES.join(', ')}`));
      continue;
    }
    const d: Decision = { status: r.status };
    for (const field of ['comment', 'kind', 'subject'] as const) {
      if (r[field] === undefined || r[field] === null) continue;
      if (typeof r[field] !== 'string') problems.push(problem(`${at}/${field}`, `${field} must be text`));
      else d[field] = r[field] as string;
    }
    for (const k of Object.keys(r)) {
      if (!['status', 'comment', 'kind', 'subject'].includes(k)) problems.push(problem(at, `unknown key ${JSON.stringify(k)}`, k));
    }
    out.set(id, d);
    const offset = keyAt.get(id);
    PLACES.set(d, offset === undefined ? problem('/decisions', '', id) : { file: displayName, ...lineColumn(lineStarts, offset), message: '' });
  }
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: out };
}

/** The YAML text of a decisions file: header comment, format, decisions sorted by finding id. */
export function serializeDecisions(decisions: Decisions): string {
  const body = safeRecord<Record<string, string>>();
  for (const id of [...decisions.keys()].sort(byCodeUnit)) {
    const d = decisions.get(id) as Decision;
    const entry: Record<string, string> = { status: d.status };
    if (d.comment) entry.comment = d.comment;
    if (d.kind) entry.kind = d.kind;
    if (d.subject) entry.subject = d.subject;
    body[id] = entry;
  }
  const header =
    '# corroborate review decisions, keyed by finding id.\n' +
    '# status: accepted (a real finding) | rejected (a false alarm) | needs-correction (an article must change)\n' +
    '# Accepted and rejected findings no longer fail `check --fail-on`; needs-correction still does.\n';
  return header + stringify({ format: DECISIONS_FORMAT, decisions: body }, { lineWidth: 0 });
}

/** Writes the decisions atomically: a reader sees the old file or the new one, never half of one. */
export function saveDecisions(path: string, decisions: Decisions): void {
  writeFileAtomic(path, serializeDecisions(decisions));
}

/**
 * Marks each finding with its decision (by finding id). Findings are copied, never mutated; a decision
 * for an id not in the report is ignored here (it stays in the file).
 */
export function applyDecisions(findings: readonly Finding[], decisions: Decisions): ReviewedFinding[] {
  return findings.map((f) => {
    const d = decisions.get(f.id);
    return d ? { ...f, review: { ...d } } : { ...f };
  });
}

/** True when an editor has settled the finding: accepted or rejected. Needs-correction is still open. */
export function isSettled(f: ReviewedFinding): boolean {
  return f.review?.status === 'accepted' || f.review?.status === 'rejected';
}

/** How many findings make `check --fail-on VERDICT` fail: of that verdict or worse, and not settled. */
export function countFailing(findings: readonly ReviewedFinding[], failOn: 'conflict' | 'variant' | undefined): number {
  if (!failOn) return 0;
  const failing: Verdict[] = failOn === 'variant' ? ['conflict', 'variant'] : ['conflict'];
  return findings.filter((f) => failing.includes(f.verdict) && !isSettled(f)).length;
}
