import { readFileSync } from 'node:fs';
import type { ClaimRef, Finding, Rule, Severity } from '../types';
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
 * SARIF 2.1.0 for code scanning: one result per conflict or variant (agreements are no alerts) at its
 * severity's level, rule ids are corroborate's rule ids, each described (help, helpUri at its docs page), paths relative to the working folder under `%SRCROOT%`, regions with start
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
  const inForce = new Map((options.rules ? [...options.rules.rules, ...options.rules.data] : []).map((r) => [r.id, r]));
  for (const { finding: f } of listed) {
    if (ruleIndex.has(f.rule)) continue;
    ruleIndex.set(f.rule, rules.length);
    rules.push(describeRule(f, inForce.get(f.rule), listed.map((l) => l.finding)));
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
      level: levelOf(f.severity),
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
    // No uri: the checkout's place on this machine is nobody's business; code scanning takes %SRCROOT% as the repository root.
    originalUriBaseIds: { [SRCROOT]: { description: { text: 'The folder corroborate ran in (the repository checkout); artifact paths are relative to it.' } } },
    automationDetails: { id: `corroborate/${gate ? 'gate' : 'check'}/` },
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

/**
 * Where each rule kind's documentation page lives: `docs/rules/<kind>.md` of the repository. Override
 * with CORROBORATE_DOCS_URL (a fork, an internal mirror).
 */
export const DEFAULT_DOCS_URL = 'https://github.com/corroborate/corroborate/blob/main/docs/rules/';

function docsUrl(): string {
  const given = process.env.CORROBORATE_DOCS_URL;
  const base = given && /^https?:\/\//.test(given) ? given : DEFAULT_DOCS_URL;
  return base.endsWith('/') ? base : base + '/';
}

/**
 * A rule's opening comment lines, joined: the prose that says what it checks ("# The same quote in two
 * sources: ..."). Empty when the file cannot be read.
 */
function headerComment(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^#\s?(.*)$/.exec(line);
    if (!m) break;
    out.push(m[1].trim());
  }
  return out.join(' ').trim();
}

/**
 * A `reportingDescriptor` for code scanning: short and full description, help as text and Markdown,
 * a helpUri at the rule kind's docs page and the rule's level. With the rule in force at hand these come
 * from its file (`description:`, the opening comment, `severity:`); otherwise from what the findings say.
 */
function describeRule(f: Finding, rule: Rule | undefined, all: readonly Finding[]): Record<string, unknown> {
  const kind = rule?.extends;
  const helpUri = `${docsUrl()}${kind ? `${encodeURIComponent(kind)}.md` : 'README.md'}`;
  const short = rule?.description ?? `corroborate rule ${f.rule} (${f.kind})`;
  const full = (rule && headerComment(rule.file)) || short;
  const worst = all.filter((x) => x.rule === f.rule).map((x) => x.severity).sort((a, b) => RANK[b] - RANK[a])[0] ?? f.severity;
  const level = levelOf(rule && rule.severity !== 'off' ? rule.severity : worst);
  const how = `Turn it off with "severity: off" in a rule file named ${f.rule}.yaml in your rules folder, or for one place with <!-- corroborate-ignore-next-line ${f.rule} -- why --> in the article.`;
  return {
    id: f.rule,
    name: f.rule,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: {
      text: `${full}\n\n${kind ? `Rule kind ${kind}: ${helpUri}` : `Rules: ${helpUri}`}\n${how}`,
      markdown: `**${f.rule}**${kind ? ` (\`${kind}\`)` : ''}: ${full}\n\nSee [the ${kind ?? 'rules'} documentation](${helpUri}). ${how.replace(/<!--[^]*-->/, (m) => `\`${m}\``)}`,
    },
    helpUri,
    defaultConfiguration: { level },
    properties: { tags: ['corroborate', f.kind], ...(kind ? { comparator: kind } : {}) },
  };
}

const RANK: Record<Exclude<Severity, 'off'>, number> = { info: 0, warning: 1, error: 2 };
