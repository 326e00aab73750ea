import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadRules, ruleExamples } from '../../src/rules/loader';
import { runExample } from '../../src/pipeline/rule-examples';
import { COMPARATORS } from '../../src/compare/comparators';
import { VOCABULARY_KINDS } from '../../src/text/vocabulary';
import type { Problem } from '../../src/types';

/**
 * The pages in docs/rules are executable: every ```yaml block whose first line is `# my-rules/x.yaml`
 * is a rule file. When the next block is ```text starting with that path, it is an invalid example and
 * the text is the loader's exact output; otherwise it must load and its own examples must pass.
 */
const DOCS = resolve(__dirname, '..', '..', 'docs', 'rules');
const KINDS = [...COMPARATORS.map((c) => ({ id: c.id, schema: c.paramsSchema, comparator: true })), ...VOCABULARY_KINDS.map((k) => ({ id: k.id, schema: k.paramsSchema, comparator: false }))];

interface Block {
  lang: string;
  body: string;
}

interface DocExample {
  page: string;
  path: string;
  yaml: string;
  /** Expected `file:line:column: message` lines; undefined for a valid example. */
  errors?: string;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) out.push({ lang: m[1], body: m[2] });
  return out;
}

function examplesOf(page: string): DocExample[] {
  const bs = blocks(readFileSync(join(DOCS, page), 'utf8'));
  const out: DocExample[] = [];
  bs.forEach((b, i) => {
    const head = /^# (my-rules\/[\w-]+\.yaml)\n/.exec(b.body);
    if (b.lang !== 'yaml' || !head) return;
    const next = bs[i + 1];
    const errors = next && next.lang === 'text' && next.body.startsWith(`${head[1]}:`) ? next.body.trim() : undefined;
    out.push({ page, path: head[1], yaml: b.body, errors });
  });
  return out;
}

const format = (p: Problem) => `${p.file}:${p.line}:${p.column}: ${p.message}`;

function load(ex: DocExample) {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-docs-'));
  mkdirSync(join(root, dirname(ex.path)), { recursive: true });
  writeFileSync(join(root, ex.path), ex.yaml);
  return { root, loaded: loadRules([dirname(ex.path)], { cwd: root }) };
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
const all = pages.flatMap(examplesOf);

describe('docs/rules', () => {
  test('every rule kind has its page, and every page is a kind or the README', () => {
    expect(pages).toEqual(['README.md', ...KINDS.map((k) => `${k.id}.md`)].sort());
  });

  test.each(KINDS.map((k) => [k.id, k] as const))('%s: one valid and at least one invalid example', (id) => {
    const exs = all.filter((e) => e.page === `${id}.md`);
    expect(exs.filter((e) => !e.errors)).toHaveLength(1);
    expect(exs.filter((e) => e.errors).length).toBeGreaterThanOrEqual(1);
  });

  // Every param of the schema has a row `| \`name\` | type | \`default\` | ... |` showing the schema's default.
  const paramRows = KINDS.flatMap((k) => {
    const own = (k.schema as { properties?: Record<string, { type?: string; default?: unknown }> }).properties ?? {};
    const links = k.comparator ? { 'link-agree': { type: 'number', default: 0.25 }, 'link-conflict': { type: 'number', default: 0.75 } } : {};
    return Object.entries({ ...links, ...own }).map(([name, p]) => [k.id, name, p] as const);
  });
  test.each(paramRows)('%s page documents param %s with its type and default', (id, name, p) => {
    const page = readFileSync(join(DOCS, `${id}.md`), 'utf8');
    const row = page.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
    expect(row).toBeDefined();
    const [, type, deflt] = row!.split('|').slice(1).map((c) => c.trim());
    expect(type).toContain(p.type === 'array' ? 'list' : p.type ?? '');
    if (p.default !== undefined) expect(deflt).toBe(`\`${JSON.stringify(p.default)}\``);
  });

  const valid = all.filter((e) => !e.errors);
  test.each(valid.map((e) => [e.page, e.path, e] as const))('%s: %s loads and its examples pass', (_page, _path, ex) => {
    const { root, loaded } = load(ex);
    if (!loaded.ok) throw new Error(loaded.error.map(format).join('\n'));
    const mine = [...loaded.value.rules, ...loaded.value.data].filter((r) => r.file.startsWith(root));
    expect(mine.length + (/severity: off/.test(ex.yaml) ? 1 : 0)).toBe(1);
    for (const rule of mine) {
      for (const example of ruleExamples(rule)) {
        const outcome = runExample(example, rule, loaded.value);
        expect({ line: example.line, got: outcome.got, detail: outcome.detail }).toEqual({ line: example.line, got: example.expect, detail: outcome.detail });
      }
    }
  });

  const invalid = all.filter((e) => e.errors);
  test.each(invalid.map((e) => [e.page, e.path, e] as const))('%s: %s fails with the message shown', (_page, _path, ex) => {
    const { loaded } = load(ex);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.map(format).join('\n')).toBe(ex.errors);
  });
});
