import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO, buildCli, removeTempDirs, tempDir } from '../gate/helpers';

/*
 * corroborate is a library too: the tarball `npm pack` makes, installed into a project of its own, is
 * used as a user would use it, from CommonJS (`require('corroborate')`), from an ES module (`import`) and
 * from TypeScript (its types). The package is staged from the tests' own build, laid out as `npm run
 * build` leaves it (dist/ with its checked copy of the language data, bin/, rules/, lang/), so the test
 * packs what `npm pack` would after `prepare`.
 */

afterAll(removeTempDirs);

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_update_notifier: 'false', ...env } });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const PORT = '---\noutlet: Tidewater Ledger\npublished: 2026-03-02\n---\nThe ferry Marisol carried 1,200 passengers when it ran aground near Quillan harbor on Sunday, Mayor Ilse Brand said.\n';
const COAST = '---\noutlet: Brenna Coast Weekly\npublished: 2026-03-03\n---\nThe ferry Marisol carried 1,020 passengers when it ran aground near Quillan harbor on Sunday, Mayor Ilse Brand said.\n';

let app = '';
let installedBy = '';

beforeAll(() => {
  const built = dirname(dirname(buildCli()));
  // The package as `npm run build` leaves it: tsc's output, then the checked copy of lang/en.
  const stage = tempDir('corroborate-pack-stage-');
  for (const f of ['package.json', 'README.md']) cpSync(join(REPO, f), join(stage, f));
  for (const d of ['bin', 'rules', 'lang']) cpSync(join(REPO, d), join(stage, d), { recursive: true });
  cpSync(join(built, 'dist'), join(stage, 'dist'), { recursive: true });
  const checked = run(process.execPath, [join(stage, 'dist', 'lang', 'load.js')], stage, { NODE_PATH: join(REPO, 'node_modules') });
  if (checked.code !== 0) throw new Error(checked.stderr);

  const out = tempDir('corroborate-pack-');
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], stage);
  if (packed.code !== 0) throw new Error(packed.stderr);
  const tarball = join(out, packed.stdout.trim().split('\n').pop()!);

  app = tempDir('corroborate-user-');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newsroom-tool', version: '1.0.0', private: true }));
  // As a user installs it. Without the registry and with a cache that lacks the dependencies, npm cannot:
  // the tarball is then unpacked where npm puts it, and each dependency is the one this repository has.
  const npm = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  if (npm.code === 0) {
    installedBy = 'npm install --offline';
    return;
  }
  installedBy = 'unpacked, dependencies linked';
  rmSync(join(app, 'node_modules'), { recursive: true, force: true });
  const pkg = join(app, 'node_modules', 'corroborate');
  mkdirSync(pkg, { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1'], app);
  if (untar.code !== 0) throw new Error(untar.stderr);
  // Only the package's own dependencies are linked (never npm run over the links: it would prune through them).
  const deps = Object.keys((JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  for (const dep of deps) {
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
  }
}, 120_000);

describe('the packed package, installed in a project of its own', () => {
  test('holds what the package needs and nothing of the repository besides', () => {
    const pkg = join(app, 'node_modules', 'corroborate');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { main: string; types: string; exports: Record<string, unknown> };
    for (const f of [manifest.main, manifest.types, 'dist/lang/en.json', 'bin/corroborate.js', 'rules/date-overlap.yaml', 'lang/en/calendar.yaml']) {
      expect([f, existsSync(join(pkg, f))]).toEqual([f, true]);
    }
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(readdirSync(pkg).sort()).toEqual(['README.md', 'bin', 'dist', 'lang', 'package.json', 'rules']);
    expect(installedBy).not.toBe('');
  });

  test('require: extract, compare and render as check does', () => {
    const script = `
      const { extractClaims, compareClaims, renderReport, Failure } = require('corroborate');
      const port = extractClaims(${JSON.stringify(PORT)}, { id: 'port.md' });
      const coast = extractClaims(${JSON.stringify(COAST)}, { id: 'coast.md' });
      const report = compareClaims([port, coast]);
      const passengers = port.claims.find((c) => c.kind === 'quantity');
      let refused = '';
      try { extractClaims('---\\npublished: soon\\n---\\nText.\\n', { id: 'bad.md' }); } catch (e) { refused = e instanceof Failure ? e.message : 'not a Failure'; }
      console.log(JSON.stringify({
        summary: report.summary,
        span: [passengers.span.start, passengers.span.end, passengers.span.text],
        conflict: report.findings.filter((f) => f.verdict === 'conflict').map((f) => f.readings.map((r) => r.display)),
        markdown: renderReport(report, 'markdown').split('\\n')[0],
        html: renderReport(report, 'html', { articles: [port, coast] }).includes('Quillan harbor'),
        refused,
      }));`;
    const r = run(process.execPath, ['-e', script], app);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(got).toMatchObject({
      summary: { articles: 2, conflict: 1 },
      span: [PORT.indexOf('1,200 passengers'), PORT.indexOf('1,200 passengers') + 16, '1,200 passengers'],
      conflict: [['1020 passenger', '1200 passenger']],
      markdown: '# corroborate report',
      html: true,
      refused: 'bad.md:2:12: published date "soon" is not a date (use YYYY-MM-DD)',
    });
    // The same report `corroborate check --format json` writes for the two files (its version aside).
    const dir = tempDir('corroborate-lib-vs-cli-');
    writeFileSync(join(dir, 'port.md'), PORT);
    writeFileSync(join(dir, 'coast.md'), COAST);
    const cli = run(process.execPath, [join(app, 'node_modules', 'corroborate', 'bin', 'corroborate.js'), 'check', '.', '--format', 'json', '--fail-on', 'never'], dir);
    const lib = run(process.execPath, ['-e', `const c = require('corroborate'); const fs = require('fs');
      const read = (id) => c.extractClaims(fs.readFileSync(${JSON.stringify(dir)} + '/' + id, 'utf8'), { id });
      process.stdout.write(c.renderReport(c.compareClaims([read('port.md'), read('coast.md')]), 'json'));`], app);
    expect(lib.stderr).toBe('');
    expect(lib.stdout).toBe(cli.stdout);
  });

  test('import from an ES module: the same names, typed exports included', () => {
    const script = `
      import { extractClaims, compareClaims, renderReport, VERSION } from 'corroborate';
      import corroborate from 'corroborate';
      const report = compareClaims([extractClaims(${JSON.stringify(PORT)}, { id: 'port.md' }), extractClaims(${JSON.stringify(COAST)}, { id: 'coast.md' })]);
      console.log(JSON.stringify([VERSION, typeof corroborate.extractClaims, report.summary.conflict, renderReport(report, 'sarif').includes('"version": "2.1.0"')]));`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(r.stderr).toBe('');
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(JSON.parse(r.stdout)).toEqual([version, 'function', 1, true]);
  });

  test('TypeScript: the declarations type the API (a right call compiles, a wrong one does not)', () => {
    writeFileSync(
      join(app, 'ok.ts'),
      `import { extractClaims, compareClaims, renderReport, type Claim, type Report } from 'corroborate';
const found: Claim[] = extractClaims('The ferry carried 1,200 passengers.', { id: 'a.md', meta: { outlet: 'Ledger' } }).claims;
const report: Report = compareClaims([extractClaims('x', { id: 'b.md' })]);
const text: string = renderReport(report, 'markdown');
console.log(found.length, text.length);
`,
    );
    writeFileSync(join(app, 'wrong.ts'), `import { renderReport } from 'corroborate';\nrenderReport({}, 'pdf');\n`);
    // One compiler run for both files: the errors name wrong.ts only.
    const tsc = require.resolve('typescript/bin/tsc');
    const r = run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--types', 'node', '--typeRoots', join(REPO, 'node_modules', '@types'), 'ok.ts', 'wrong.ts'], app);
    expect(r.code).not.toBe(0);
    const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((l) => !l.startsWith('wrong.ts(2,'))).toEqual([]);
  });
});
