import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { lockPathFor, withLock } from '../../src/util/lock';
import { Failure } from '../../src/util/problem';
import { buildCli, cliEnv, removeTempDirs, tempDir, writeTree } from '../gate/helpers';
import { portClaims } from './helpers';

/*
 * Writers that read, change and write one file (or the store) take a lock around it. Real processes at
 * once, each pair started together, 20 rounds each: two review servers on one decisions file, two
 * `baseline create` on one baseline, two `gate --update` whose articles conflict with each other.
 * Nothing acknowledged is lost, and of the two gates the second compares against what the first stored,
 * and fails. The pairs are processes kept up between rounds (cli-worker.js), so a round costs the
 * commands' work, not two CLI start-ups; a control pair without the lock shows the rounds would see a loss.
 */

const ROOT = resolve(__dirname, '..', '..');
let bin: string;
beforeAll(() => {
  bin = buildCli();
}, 180_000);
afterAll(removeTempDirs);

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(cwd: string, args: string[]): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const done = new Promise<Done>((res) => child.on('close', (code) => res({ code, stdout, stderr })));
  return { child, done };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const u = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, method, path: u.pathname + u.search, headers: { Host: u.host, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('two review servers on one decisions file', () => {
  test('20 rounds of decisions sent to both at once: every acknowledged decision is in the file', async () => {
    const dir = tempDir('corroborate-two-servers-');
    const decisions = join(dir, 'decisions.yaml');
    const servers = [0, 1].map(() => start(dir, ['review', join(ROOT, 'examples', 'ferry-strike'), '--decisions', decisions, '-q']));
    try {
      const urls = await Promise.all(
        servers.map(
          (s) =>
            new Promise<string>((res, rej) => {
              let out = '';
              s.child.stdout!.on('data', (c: string) => {
                out += c;
                if (out.includes('\n')) res(out.split('\n')[0]);
              });
              s.child.on('close', () => rej(new Error('review server ended')));
            }),
        ),
      );
      const sessions = await Promise.all(
        urls.map(async (url) => {
          const r = await call(url, 'GET');
          expect(r.status).toBe(303);
          const cookie = (r.headers['set-cookie'] as string[])[0].split(';')[0];
          const page = await call(new URL('/', url).href, 'GET', { Cookie: cookie });
          const token = /name="corroborate-review-token" content="([0-9a-f]+)"/.exec(page.body)![1];
          return { origin: new URL(url).origin, cookie, token, ids: [...page.body.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]) };
        }),
      );
      const all = [...new Set(sessions[0].ids)];
      expect(all.length).toBeGreaterThan(10);
      // Twelve findings a round, six through each server: enough for two writers to overlap every time.
      const ids = all.slice(0, 12);
      const statuses = ['accepted', 'rejected', 'needs-correction'];
      let acknowledged = 0;
      for (let round = 0; round < 20; round++) {
        const status = statuses[round % 3];
        const replies = await Promise.all(
          ids.map((id, i) => {
            const s = sessions[i % 2];
            return call(
              `${s.origin}/api/decisions`,
              'POST',
              { Origin: s.origin, Cookie: s.cookie, 'X-Review-Token': s.token, 'Content-Type': 'application/json' },
              JSON.stringify({ id, status, comment: `round ${round}` }),
            );
          }),
        );
        for (const r of replies) expect(r.status).toBe(200);
        acknowledged += replies.length;
        const saved = parse(readFileSync(decisions, 'utf8')) as { decisions: Record<string, { status: string; comment: string }> };
        expect(Object.keys(saved.decisions).sort()).toEqual([...ids].sort());
        for (const id of ids) expect(saved.decisions[id]).toMatchObject({ status, comment: `round ${round}` });
      }
      expect(acknowledged).toBe(20 * ids.length);
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.done));
    }
  }, 120_000);
});

/** A store with port.md (1,200 aboard, by hand) and two new articles that each disagree with it. */
function room(): string {
  const dir = tempDir('corroborate-concurrent-');
  const text = (n: string, who: string) =>
    `---\npublished: 2026-03-03\n---\nThe ferry Marisol carried ${n} passengers when it ran aground near Quillan harbor on Sunday, ${who} said.\n`;
  writeTree(dir, {
    'articles/port.md': '---\noutlet: Tidewater Ledger\npublished: 2026-03-02\n---\nThe ferry Marisol carried 1,200 passengers when it ran aground near Quillan harbor on Sunday.\n',
    'claims/port.md.yaml': portClaims(),
    'new/coast.md': text('1,020', 'the coast guard'),
    'new/tug.md': text('1,350', 'the tug crew'),
  });
  return dir;
}

/**
 * A CLI process kept up between rounds (cli-worker.js): the built CLI loaded once, one command per
 * request. Two of them asked in the same tick run their commands at once.
 */
interface CliWorker {
  run(cwd: string, args: string[]): Promise<Done>;
  stop(): Promise<void>;
}

async function cliWorker(setup: { lockless?: boolean; slowYamlWriteMs?: number }): Promise<CliWorker> {
  const child = fork(join(__dirname, 'cli-worker.js'), [join(dirname(bin), '..', 'dist')], { env: cliEnv(), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = <T>() =>
    new Promise<T>((res, rej) => {
      const gone = () => rej(new Error('cli worker ended'));
      child.once('exit', gone);
      child.once('message', (m) => {
        child.off('exit', gone);
        res(m as T);
      });
    });
  const ready = next<{ ready: boolean }>();
  child.send({ setup });
  await ready;
  return {
    run(cwd, args) {
      const answer = next<Done>();
      child.send({ cwd, args });
      return answer;
    },
    stop: () =>
      new Promise((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

// Every YAML write comes 60 ms after the run decided what to write: two runs that both read before
// either wrote would lose an update for certain, so a lock that did not hold could not pass by luck.
const SLOW = 60;
const ROUNDS = 20;
let locked: CliWorker[] = [];
let lockless: CliWorker[] = [];
beforeAll(async () => {
  locked = await Promise.all([0, 1].map(() => cliWorker({ slowYamlWriteMs: SLOW })));
  lockless = await Promise.all([0, 1].map(() => cliWorker({ slowYamlWriteMs: SLOW, lockless: true })));
}, 120_000);
afterAll(async () => {
  await Promise.all([...locked, ...lockless].map((w) => w.stop()));
});

/** The pair runs one command each, started in the same tick. */
function atOnce(pair: CliWorker[], cwd: string, runs: string[][]): Promise<Done[]> {
  return Promise.all(runs.map((args, i) => pair[i].run(cwd, args)));
}

/** A store with port.md (1,200 aboard, by hand) and two new articles that each disagree with it. */
function room(): string {
  const dir = tempDir('corroborate-concurrent-');
  const text = (n: string, who: string) =>
    `---\npublished: 2026-03-03\n---\nThe ferry Marisol carried ${n} passengers when it ran aground near Quillan harbor on Sunday, ${who} said.\n`;
  writeTree(dir, {
    'articles/port.md': '---\noutlet: Tidewater Ledger\npublished: 2026-03-02\n---\nThe ferry Marisol carried 1,200 passengers when it ran aground near Quillan harbor on Sunday.\n',
    'claims/port.md.yaml': portClaims(),
    'new/coast.md': text('1,020', 'the coast guard'),
    'new/tug.md': text('1,350', 'the tug crew'),
  });
  return dir;
}

describe('two baseline create at once on one baseline file', () => {
  const RUNS = ['new/coast.md', 'new/tug.md'].map((a) => ['baseline', 'create', a, '--against', 'claims', '--out', 'accepted.yaml', '--by', 'Desk', '--reason', 'known', '-q']);
  const entries = (dir: string) => ((parse(readFileSync(join(dir, 'accepted.yaml'), 'utf8')) as { entries: { fingerprint: string }[] }).entries ?? []).map((e) => e.fingerprint).sort();

  /** What the two runs add one after the other: what they must add together. */
  async function alone(dir: string): Promise<string[]> {
    const each: string[][] = [];
    for (const args of RUNS) {
      rmSync(join(dir, 'accepted.yaml'), { force: true });
      expect(await locked[0].run(dir, args)).toMatchObject({ code: 0, stderr: '' });
      each.push(entries(dir));
    }
    // Each run accepts a finding of its own: losing either run's write shows.
    for (const e of each) expect(e.length).toBeGreaterThan(0);
    expect(each[0].filter((f) => each[1].includes(f))).toEqual([]);
    return [...each[0], ...each[1]].sort();
  }

  test(`${ROUNDS} rounds: the file holds every entry of both runs, each once`, async () => {
    const dir = room();
    const expected = await alone(dir);
    for (let round = 0; round < ROUNDS; round++) {
      rmSync(join(dir, 'accepted.yaml'), { force: true });
      const done = await atOnce(locked, dir, RUNS);
      for (const d of done) expect(d).toMatchObject({ code: 0, stderr: '' });
      expect(entries(dir)).toEqual(expected);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 120_000);

  test('control: without the lock the same rounds lose entries (the test above would see a loss)', async () => {
    const dir = room();
    const expected = await alone(dir);
    let lost = 0;
    for (let round = 0; round < 3; round++) {
      rmSync(join(dir, 'accepted.yaml'), { force: true });
      const done = await atOnce(lockless, dir, RUNS);
      for (const d of done) expect(d).toMatchObject({ code: 0, stderr: '' });
      if (entries(dir).length < expected.length) lost++;
    }
    expect(lost).toBeGreaterThan(0);
  }, 60_000);
});

describe('two gate --update at once with articles that conflict with each other', () => {
  const RUNS = ['a.md', 'b.md'].map((a) => ['gate', `new/${a}`, '--against', 'claims', '--root', 'new', '--update', '-q']);
  function twoAccounts(): string {
    const dir = tempDir('corroborate-two-gates-');
    const text = (n: string, who: string) =>
      `---\npublished: 2026-03-03\n---\nThe ferry Marisol carried ${n} passengers when it ran aground near Quillan harbor on Sunday, ${who} said.\n`;
    writeTree(dir, { 'new/a.md': text('1,200', 'the coast guard'), 'new/b.md': text('1,020', 'the port authority') });
    return dir;
  }

  test(`${ROUNDS} rounds: one passes and is stored, the other compares against it and fails`, async () => {
    const dir = twoAccounts();
    for (let round = 0; round < ROUNDS; round++) {
      rmSync(join(dir, 'claims'), { recursive: true, force: true });
      const done = await atOnce(locked, dir, RUNS);
      expect(done.map((d) => d.code).sort()).toEqual([0, 1]);
      const passed = done[0].code === 0 ? 0 : 1;
      expect(readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml'))).toEqual([`${'ab'[passed]}.md.yaml`]);
      // The second found the first's stored claims: its report holds their conflict.
      expect(done[1 - passed].stdout).toMatch(/1 conflict|\*\*1 conflicts?\*\*/);
      expect(existsSync(lockPathFor(join(dir, 'claims'), true))).toBe(false);
    }
  }, 120_000);

  test('control: without the lock both gates pass and both articles are stored', async () => {
    const dir = twoAccounts();
    let both = 0;
    for (let round = 0; round < 3; round++) {
      rmSync(join(dir, 'claims'), { recursive: true, force: true });
      const done = await atOnce(lockless, dir, RUNS);
      const stored = readdirSync(join(dir, 'claims')).filter((f) => f.endsWith('.yaml'));
      if (done.every((d) => d.code === 0) && stored.length === 2) both++;
    }
    expect(both).toBeGreaterThan(0);
  }, 60_000);
});

describe('the lock itself', () => {
  test('a lock left by a process that is gone is taken over', async () => {
    const dir = tempDir('corroborate-lock-');
    const file = join(dir, 'decisions.yaml');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(lockPathFor(file), `${dead.pid}\n${require('node:os').hostname()}\n`);
    expect(withLock(lockPathFor(file), () => 'ran', 5_000)).toBe('ran');
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  test('a lock held by a live process makes a writer wait, then fail with exit 2 naming the lock file', () => {
    const dir = tempDir('corroborate-lock-');
    const lock = lockPathFor(join(dir, 'b.yaml'));
    writeFileSync(lock, `${process.ppid}\n${require('node:os').hostname()}\n`);
    expect(() => withLock(lock, () => 'ran', 30)).toThrow(Failure);
    expect(() => withLock(lock, () => 'ran', 30)).toThrow(/b\.yaml\.lock:1:1: locked by another corroborate run/);
  });

  test('the holder may take its own lock again', () => {
    const lock = lockPathFor(join(tempDir('corroborate-lock-'), 'x.yaml'));
    expect(withLock(lock, () => withLock(lock, () => 'inner', 10))).toBe('inner');
    expect(existsSync(lock)).toBe(false);
  });
});
