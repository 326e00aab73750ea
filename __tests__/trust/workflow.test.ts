import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { removeTempDirs, tempDir, writeTree } from '../gate/helpers';
import { COAST_TEXT, PORT_TEXT, corroborate, portClaims } from './helpers';

/*
 * The GitHub Actions workflow of docs/ci.md, rendered as the runner renders it (`${{ ... }}` replaced by
 * text before the shell sees the script) and run in bash in a git repository whose pull request adds
 * articles with hostile names. No payload may run, and the gate must get each name intact.
 */

afterAll(removeTempDirs);

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'ci.md'), 'utf8');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  run?: string;
}

/** Every `yaml` block of the page that holds steps, as step lists. */
function documentedSteps(): Step[] {
  const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  const steps: Step[] = [];
  for (const b of blocks) {
    // A fragment of steps is indented as inside a job: take the indent off.
    const doc = parse(/^ {6}-/.test(b) ? b.replace(/^ {6}/gm, '') : b) as unknown;
    if (Array.isArray(doc)) steps.push(...(doc as Step[]));
    else if (doc && typeof doc === 'object' && 'jobs' in doc) for (const job of Object.values((doc as { jobs: Record<string, { steps: Step[] }> }).jobs)) steps.push(...job.steps);
  }
  return steps;
}

/** `${{ expr }}` replaced by its value, as the runner does: the text goes into the script as it is. */
function render(template: string, ctx: { base: string; outputs: Record<string, Record<string, string>> }): string {
  return template.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.base_ref') return ctx.base;
    const out = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (out) return ctx.outputs[out[1]]?.[out[2]] ?? '';
    throw new Error(`the test cannot render \${{ ${expr} }}`);
  });
}

/** KEY=value lines (and KEY<<EOF blocks) of a GITHUB_OUTPUT file. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return out;
}

const HOSTILE = ['articles/x$(touch${IFS}PWNED).md', 'articles/y`touch${IFS}PWNED`.md', "articles/z'; touch PWNED; '.md", 'articles/two\nlines $(touch PWNED).md'];

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A repository on a pull-request branch: main has port.md and its claims; the branch adds the hostile articles. */
function repository(): string {
  const repo = tempDir('corroborate-workflow-');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'desk@example.invalid');
  git(repo, 'config', 'user.name', 'Desk');
  writeTree(repo, { 'articles/port.md': PORT_TEXT, 'claims/port.md.yaml': portClaims() });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'published');
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(repo, 'checkout', '-qb', 'pull-request');
  for (const name of HOSTILE) writeTree(repo, { [name]: COAST_TEXT });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'new articles');
  return repo;
}

/**
 * Runs steps as the runner would (bash -eo pipefail, GITHUB_OUTPUT, RUNNER_TEMP), with `npx` standing in
 * for the package: it records its arguments, NUL-separated, for the test to hand to the real CLI.
 */
function runSteps(repo: string, steps: Step[]): { npxCalls: string[][]; outputs: Record<string, Record<string, string>> } {
  const bin = tempDir('corroborate-workflow-bin-');
  const temp = tempDir('corroborate-workflow-temp-');
  const calls = join(temp, 'npx-calls');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >> "${calls}"\nprintf '\\n\\0' >> "${calls}"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const ctx = { base: 'main', outputs: {} as Record<string, Record<string, string>> };
  for (const step of steps) {
    const output = join(temp, `output-${step.id ?? 'step'}`);
    const env: NodeJS.ProcessEnv = { PATH: `${bin}:${process.env.PATH}`, HOME: repo, GITHUB_OUTPUT: output, RUNNER_TEMP: temp };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = render(String(v), ctx);
    const script = render(step.run!, ctx);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: repo, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`step ${step.name}: ${r.stderr}`);
    if (step.id) ctx.outputs[step.id] = readOutputs(output);
  }
  const npxCalls = existsSync(calls)
    ? readFileSync(calls, 'utf8')
        .split('\n\0')
        .filter(Boolean)
        .map((c) => c.split('\0').filter((a, i, all) => i < all.length - 1 || a !== ''))
    : [];
  return { npxCalls, outputs: ctx.outputs };
}

/** Files a payload would have made, anywhere in the repository. */
function pwned(repo: string): string[] {
  return readdirSync(repo, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)PWNED$/.test(f));
}

describe('the documented GitHub Actions workflow with hostile file names', () => {
  const steps = documentedSteps();
  const changed = steps.find((s) => s.id === 'changed')!;
  const gates = steps.filter((s) => s.run?.includes('corroborate gate'));

  test('docs/ci.md has the steps this test runs, and no run: script holds an expression', () => {
    expect(changed).toBeDefined();
    expect(gates.length).toBeGreaterThanOrEqual(2);
    for (const s of steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
  });

  test.each(gates.map((g) => [g.name!, g]))('%s: no payload runs, and the gate gets every name intact', async (_name, gate) => {
    const repo = repository();
    const { npxCalls, outputs } = runSteps(repo, [changed, gate]);
    expect(pwned(repo)).toEqual([]);
    expect(outputs.changed.any).toBe('true');
    expect(npxCalls).toHaveLength(1);
    const [command, ...args] = npxCalls[0];
    expect(command).toBe('corroborate');
    // The real CLI with the arguments the step gave: it reads each hostile name as a file.
    mkdirSync(join(repo, 'out'), { recursive: true });
    const r = await corroborate(repo, ...args.map((a) => (a === 'corroborate.sarif' ? 'out/corroborate.sarif' : a)), '--format', 'json', '--out', 'out/report.json');
    expect(r.stderr).not.toMatch(/no such file/);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(repo, 'out', 'report.json'), 'utf8'));
    expect([...report.gate.newArticles].sort()).toEqual(HOSTILE.map((h) => h.replace(/^articles\//, '')).sort());
    expect(pwned(repo)).toEqual([]);
  });

  test('control: the old workflow, with the names substituted into run:, does run the payload (so the harness can see one)', () => {
    const repo = repository();
    const old: Step[] = [
      {
        id: 'changed',
        run: `files=$(git diff --name-only --diff-filter=AM "origin/\${{ github.base_ref }}...HEAD" -- 'articles/*.md' | tr '\\n' ' ')\necho "files=$files" >> "$GITHUB_OUTPUT"`,
      },
      { name: 'gate', run: 'npx corroborate gate ${{ steps.changed.outputs.files }} --against claims/' },
    ];
    runSteps(repo, old);
    expect(pwned(repo).length).toBeGreaterThan(0);
  });
});
