import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';

// Each folder here is one case: case.yaml names the input folder; expected.json and expected.md pin the
// whole report. UPDATE_GOLDEN=1 rewrites them after an intended change (then read the diff!).
const ROOT = resolve(__dirname, '..', '..');
const cases = readdirSync(__dirname, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(__dirname, d.name, 'case.yaml')))
  .map((d) => d.name)
  .sort();

async function report(input: string, format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'corroborate', 'check', input, '--format', format, '--fail-on', 'never'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

describe.each(cases)('golden report: %s', (name) => {
  const dir = join(__dirname, name);
  const { input } = parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) as { input: string };

  test.each([
    ['json', 'expected.json'],
    ['markdown', 'expected.md'],
  ])('%s matches %s', async (format, file) => {
    const r = await report(input, format);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const path = join(dir, file);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      if (!existsSync(path) && process.env.CI) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx jest __tests__/golden`);
      writeFileSync(path, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(path, 'utf8'));
  });
});
