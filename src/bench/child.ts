/**
 * One measured step of the scaling benchmark, in its own process so sizes do not share a heap:
 *   node dist/bench/child.js check <dir> <report.json> [jobs]
 *   node dist/bench/child.js extract <dir> <store> [jobs]
 *   node dist/bench/child.js gate <store> <new-article-file> [--no-index]
 * Prints one JSON line: wall ms (and the parts), peak RSS in MB (getrusage maxRSS: every thread of the process)
 * and CPU ms (user and system, every thread).
 * For `gate`, also what the store index made it do: claims files listed, hashed (checked after a change of
 * size or time, or written too recently to trust their time), parsed, and read for the comparison.
 */
import { main } from '../cli/main';
import { buildPool, judge } from '../gate/run';
import { loadRules } from '../rules/loader';

const silent = { stdout: () => {}, stderr: (s: string) => process.stderr.write(s), cwd: process.cwd() };

async function run(): Promise<void> {
  const [step, a, b, jobs] = process.argv.slice(2);
  const t0 = performance.now();
  const out: Record<string, number> = {};
  if (step === 'check' || step === 'extract') {
    const args = step === 'check' ? ['check', a, '--format', 'json', '--out', b, '--quiet'] : ['extract', a, '--out', b, '--quiet'];
    if (jobs) args.push('--jobs', jobs);
    const code = await main(['node', 'corroborate', ...args], silent);
    if (code > 1) throw new Error(`${step} exited ${code}`);
  } else if (step === 'gate') {
    const rules = loadRules([]);
    if (!rules.ok) throw new Error('rules');
    out.startupMs = performance.now() - t0;
    const t1 = performance.now();
    const pool = buildPool({ inputs: [b], against: a, rules: rules.value, cwd: process.cwd(), index: jobs !== '--no-index' });
    out.poolMs = performance.now() - t1;
    out.stored = pool.stored;
    out.loadedFiles = pool.loadedFiles;
    if (pool.view) {
      out.rebuilt = pool.view.rebuilt ? 1 : 0;
      out.listed = pool.view.stats.listed;
      out.hashed = pool.view.stats.hashed;
      out.parsed = pool.view.stats.parsed;
    }
    const t2 = performance.now();
    judge(pool, { failOn: 'conflict', maxWarnings: -1, today: '2025-01-01', ruleIds: new Set(rules.value.rules.map((r) => r.id)) });
    out.judgeMs = performance.now() - t2;
    out.findings = pool.relevant.length;
  } else throw new Error(`unknown step ${step}`);
  out.ms = performance.now() - t0;
  const usage = process.resourceUsage();
  out.rssMb = usage.maxRSS / 1024;
  // CPU time of every thread of the process (workers too): what threads cost besides what they save.
  out.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify(out) + '\n');
}

run().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exitCode = 2;
});
