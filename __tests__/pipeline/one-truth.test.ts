import { existsSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { loadCorpus } from '../../src/ingest/corpus';
import { loadRules } from '../../src/rules/loader';
import { extractAll } from '../../src/pipeline/parallel';
import { checkClaims } from '../../src/pipeline';
import { articleFromClaims, loadClaimsFolder } from '../../src/claims/io';
import { writeClaimsToStore } from '../../src/gate/store';
import { buildPool } from '../../src/gate/run';
import { reviewReport } from '../../src/review/command';
import { main } from '../../src/cli/main';
import type { Finding, RuleSet } from '../../src/types';

/**
 * One corpus, one set of findings: `check DIR`, `check` of the claims folder `extract DIR` writes, `gate`
 * of each article against the others' stored claims, and the review page's report all give the same
 * findings (ids, verdicts, readings and their claims' spans), however the folder is spelled and wherever
 * the run starts.
 */

const REPO = resolve(__dirname, '..', '..');
const RULES: RuleSet = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules');
  return r.value;
})();

/** What must agree between paths: the id, verdict, and each reading's claims by article and span. */
function essence(f: Finding): string {
  const readings = f.readings.map((r) => r.claims.map((c) => `${c.source}@${c.start}-${c.end}`).join(','));
  return `${f.id} ${f.verdict} [${readings.join(' | ')}]`;
}

function essences(findings: readonly Finding[]): string[] {
  return findings.map(essence).sort();
}

const DEV = resolve(REPO, '..', 'shared', 'eval', 'dev');
const devStories = existsSync(DEV)
  ? readdirSync(DEV)
      .filter((d) => statSync(join(DEV, d)).isDirectory())
      .sort()
  : [];

const STORIES: [string, string][] = [['examples/ferry-strike', join(REPO, 'examples', 'ferry-strike')], ...devStories.map((d): [string, string] => [`dev/${d}`, join(DEV, d)])];

/** The ways a user may name the folder `abs`, each with the working folder it is named from. */
function spellings(abs: string, scratch: string): [string, string, string][] {
  const parent = resolve(abs, '..');
  const name = basename(abs);
  return [
    ['relative', name, parent],
    ['./relative/', `./${name}/`, parent],
    ['absolute', abs, scratch],
    ['absolute/', `${abs}/`, scratch],
    ['from elsewhere', relative(scratch, abs), scratch],
  ];
}

describe.each(STORIES)('one set of findings: %s', (_name, dir) => {
  jest.setTimeout(120_000);
  const scratch = mkdtempSync(join(tmpdir(), 'corroborate-one-truth-'));
  const corpus = loadCorpus([dir], scratch);
  const claims = extractAll(corpus.articles, { jobs: 1 });
  const reference = checkClaims(corpus.articles, claims, RULES).findings;
  const expected = essences(reference);

  test('check DIR gives the same findings however DIR is written and wherever it is run from', () => {
    for (const [, spelled, cwd] of spellings(dir, scratch)) {
      const c = loadCorpus([spelled], cwd);
      const got = checkClaims(c.articles, extractAll(c.articles, { jobs: 1 }), RULES).findings;
      expect(essences(got)).toEqual(expected);
    }
  });

  test('check of the extracted claims folder gives the same findings', () => {
    const store = join(scratch, 'claims');
    writeClaimsToStore(store, corpus.articles, claims, { rules: RULES, cwd: scratch });
    for (const spelled of [store, `${store}/`, './claims', 'claims/']) {
      const loaded = loadClaimsFolder(resolve(scratch, spelled), scratch);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
      const articles = loaded.value.map((f) => articleFromClaims(f, resolve(scratch, spelled), dir));
      const got = checkClaims(articles, new Map(loaded.value.map((f) => [f.article.id, f.claims])), RULES).findings;
      expect(essences(got)).toEqual(expected);
    }
  });

  test('gate of each article against the others\' claims gives the findings check gives that involve it', () => {
    for (const a of corpus.articles) {
      const store = mkdtempSync(join(scratch, 'store-'));
      const others = corpus.articles.filter((o) => o !== a);
      writeClaimsToStore(store, others, claims, { rules: RULES, cwd: scratch });
      const involving = reference.filter((f) => f.readings.some((r) => r.claims.some((c) => c.source === a.id)));
      for (const [input, cwd] of [
        [a.path, scratch],
        [relative(dir, a.path), dir],
        [`./${relative(resolve(dir, '..'), a.path)}`, resolve(dir, '..')],
      ]) {
        // The store lies away from the articles: --root names their folder (else their text is not read).
        const pool = buildPool({ inputs: [input], against: relative(cwd, store) || '.', root: relative(cwd, dir) || '.', rules: RULES, cwd });
        expect(essences(pool.relevant)).toEqual(essences(involving));
      }
    }
  });

  test('the review page shows the same findings, from the articles or from stored claims', () => {
    const quiet = { stdout: () => {}, stderr: () => {} };
    const store = join(scratch, 'review-claims');
    writeClaimsToStore(store, corpus.articles, claims, { rules: RULES, cwd: scratch });
    for (const [, spelled, cwd] of spellings(dir, scratch).slice(0, 3)) {
      expect(essences(reviewReport(spelled, { quiet: true }, { ...quiet, cwd }).report.findings)).toEqual(expected);
      expect(essences(reviewReport(spelled, { quiet: true, claims: store }, { ...quiet, cwd }).report.findings)).toEqual(expected);
    }
  });
});

describe('one set of findings through the CLI', () => {
  jest.setTimeout(120_000);
  test('check DIR, extract then check of the claims folder, from another folder and through a symlink', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'corroborate-one-truth-cli-'));
    const dir = join(REPO, 'examples', 'ferry-strike');
    symlinkSync(dir, join(scratch, 'linked'));
    const run = async (args: string[], cwd: string) => {
      let stdout = '';
      const code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: () => {}, cwd });
      return { code, stdout };
    };
    const direct = await run(['check', dir, '--format', 'json'], scratch);
    const linked = await run(['check', './linked/', '--format', 'json'], scratch);
    expect((await run(['extract', 'linked', '--out', 'claims', '-q'], scratch)).code).toBe(0);
    const stored = await run(['check', 'claims/', '--format', 'json'], scratch);
    const findings = (r: { stdout: string }) => essences((JSON.parse(r.stdout) as { findings: Finding[] }).findings);
    expect(findings(linked)).toEqual(findings(direct));
    expect(findings(stored)).toEqual(findings(direct));
    expect((JSON.parse(direct.stdout) as { summary: { conflict: number } }).summary.conflict).toBe(8);
  });
});
