import { pathToFileURL } from 'node:url';
import type { ClaimRef, Finding, Severity } from '../types';
import type { Report } from './json';
import type { RenderOptions } from './index';
import { VERSION } from '../version';
import { fingerprintOf } from './fingerprint';
import { articlePathResolver, claimsOf, primaryClaim, regionOf } from './locate';
import { gateOf, type GateNotice } from './gate-section';

/** The `$schema` of the SARIF 2.1.0 standard (OASIS). */
export const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
/** Key of our entry in `partialFingerprints`: code-scanning keeps one alert per value across uploads. */
export const FINGERPRINT_KEY = 'corroborateFingerprint/v1';
/** Uri base the artifact paths are relative to: the repository checkout. */
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

function levelOf(severity: Exclude<Severity, 'off'>): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * SARIF 2.1.0 for code scanning: one result per conflict or variant (agreements are no alerts), rule ids
 * are corroborate's rule ids, paths relative to the working folder under `%SRCROOT%`, regions with start
 * and end line and column (UTF-16 columns, as the offsets), and a line-independent fingerprint in
 * `partialFingerprints` so a re-upload after an edit above the claim updates the same alert. Findings the
 * gate held back (baseline, inline directive) are listed with a `suppressions` entry.
 */
export function renderSarif(report: Report, options: RenderOptions): string {
  const gate = gateOf(report);
  const pathOf = articlePathResolver(report, options);
  const newSet = new Set(gate?.newArticles ?? []);
  const listed: { finding: Finding; suppression?: { kind: 'external' | 'inSource'; justification: string } }[] = [
    ...report.findings.filter((f) => f.verdict !== 'agree').map((finding) => ({ finding })),
    ...(gate?.suppressed ?? [])
      .filter((s) => s.finding.verdict !== 'agree')
      .map((s) => ({ finding: s.finding, suppression: { kind: (s.by === 'inline' ? 'inSource' : 'external') as 'external' | 'inSource', justification: s.justification } })),
  ];

  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const { finding: f } of listed) {
    if (ruleIndex.has(f.rule)) {
      const r = rules[ruleIndex.get(f.rule)!];
      if (f.verdict === 'conflict' && !r.defaultConfiguration) r.defaultConfiguration = { level: levelOf(f.severity) };
      continue;
    }
    ruleIndex.set(f.rule, rules.length);
    const rule: Record<string, unknown> = {
      id: f.rule,
      name: f.rule,
      shortDescription: { text: `corroborate rule ${f.rule} (${f.kind})` },
      properties: { tags: ['corroborate', f.kind] },
    };
    if (f.verdict === 'conflict') rule.defaultConfiguration = { level: levelOf(f.severity) };
    rules.push(rule);
  }

  const location = (c: ClaimRef, extra: Record<string, unknown> = {}) => ({
    ...extra,
    physicalLocation: {
      artifactLocation: { uri: encodeUriPath(pathOf(c.source)), uriBaseId: SRCROOT },
      region: { ...regionOf(c), snippet: { text: c.text } },
    },
  });

  const results = listed.map(({ finding: f, suppression }) => {
    const primary = primaryClaim(f, newSet);
    const related: Record<string, unknown>[] = [];
    let id = 0;
    f.readings.forEach((r, i) => {
      for (const c of r.claims) {
        if (c === primary) continue;
        related.push(location(c, { id: id++, message: { text: `reading ${i + 1}: ${r.display} (${c.source})` } }));
      }
    });
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule)!,
      kind: 'fail',
      level: f.verdict === 'variant' ? 'warning' : levelOf(f.severity),
      message: { text: f.message },
      locations: primary ? [location(primary)] : [],
      partialFingerprints: { [FINGERPRINT_KEY]: gate?.fingerprints[f.id] ?? fingerprintOf(f) },
      properties: { findingId: f.id, verdict: f.verdict, kind: f.kind, subject: f.subject, readings: f.readings.map((r) => r.display) },
    };
    if (related.length) result.relatedLocations = related;
    // No `status`: the SARIF 2.1.0 text names it `status`, the published schema `state`; a suppression without it is valid under both.
    if (suppression) result.suppressions = [{ kind: suppression.kind, justification: suppression.justification }];
    return result;
  });

  const run: Record<string, unknown> = {
    tool: { driver: { name: 'corroborate', version: VERSION, semanticVersion: VERSION, rules } },
    originalUriBaseIds: { [SRCROOT]: { uri: dirUri(options.cwd) } },
    columnKind: 'utf16CodeUnits',
    results,
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: (gate?.notices ?? []).map((n) => notification(n)) }],
  };
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  // Sources are counted once each in `artifacts`, so a viewer can list them.
  const uris = [...new Set(listed.flatMap(({ finding }) => claimsOf(finding).map((c) => encodeUriPath(pathOf(c.source)))))].sort();
  if (uris.length) run.artifacts = uris.map((uri) => ({ location: { uri, uriBaseId: SRCROOT } }));
  return JSON.stringify(log, null, 2) + '\n';
}

function notification(n: GateNotice): Record<string, unknown> {
  const out: Record<string, unknown> = { level: n.level, message: { text: n.message }, descriptor: { id: n.code } };
  if (n.file) {
    out.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(n.file), uriBaseId: SRCROOT },
          region: { startLine: n.line ?? 1, startColumn: n.column ?? 1 },
        },
      },
    ];
  }
  return out;
}

/** A relative path as a URI reference: "world news/a.md" -> "world%20news/a.md"; "/" kept. */
export function encodeUriPath(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

function dirUri(dir: string): string {
  const u = pathToFileURL(dir).href;
  return u.endsWith('/') ? u : u + '/';
}
