import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { startReviewServer, type ReviewServer } from '../../src/review/server';
import { decisionsPathFor, openReview } from '../../src/review/command';
import { loadDecisions } from '../../src/review/decisions';
import { ARTICLE_MAP, sampleReport } from './fixture';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The session cookie each server gave (signIn), sent with every later call to it. */
const sessions = new Map<number, string>();

/**
 * A raw HTTP request: unlike fetch, it may send any Host and Origin and any path, unnormalized. It
 * carries the session cookie of a signed-in port unless `Cookie` is given.
 */
function call(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const cookie = sessions.get(port);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...(cookie ? { Cookie: cookie } : {}), ...headers } }, (res) => {
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

const TOKEN = 'f'.repeat(64);

/** Opens the printed address, as the editor's browser does: the token buys a session cookie. */
async function signIn(server: { port: number; url: string }): Promise<Reply> {
  sessions.delete(server.port);
  const r = await call(server.port, 'GET', new URL(server.url).pathname + new URL(server.url).search);
  const set = r.headers['set-cookie'];
  if (r.status === 303 && Array.isArray(set)) sessions.set(server.port, set[0].split(';')[0]);
  return r;
}

describe('review server', () => {
  let server: ReviewServer;
  let dir: string;
  let decisionsPath: string;
  let good: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-review-'));
    mkdirSync(join(dir, 'claims'));
    writeFileSync(join(dir, 'claims', 'a.md.yaml'), 'secret claims\n');
    decisionsPath = join(dir, 'claims', 'decisions.yaml');
    server = await startReviewServer({ report: sampleReport(), articles: ARTICLE_MAP, decisionsPath, token: TOKEN });
    await signIn(server);
    good = { Origin: `http://127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Review-Token': TOKEN };
  });
  afterEach(() => server.close());

  const post = (body: unknown, headers: Record<string, string> = good) => call(server.port, 'POST', '/api/decisions', headers, JSON.stringify(body));

  test('listens on 127.0.0.1 at a port the OS chose, and serves the page with its token and CSP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    expect(server.port).toBeGreaterThan(0);
    const page = await call(server.port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain(`<meta name="corroborate-review-token" content="${TOKEN}">`);
  });

  test('a random token by default, different for each server', async () => {
    const other = await startReviewServer({ report: sampleReport(), decisionsPath });
    try {
      expect(other.token).toMatch(/^[0-9a-f]{64}$/);
      expect(other.token).not.toBe(TOKEN);
    } finally {
      await other.close();
    }
  });

  test('a decision is saved to the YAML file, shown on the page, changed, and cleared', async () => {
    const r = await post({ id: 'date:strike-began', status: 'needs-correction', comment: '  b.txt has the wrong day  ' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      id: 'date:strike-began',
      decision: { status: 'needs-correction', comment: 'b.txt has the wrong day', kind: 'date', subject: 'strike began' },
    });
    const saved = loadDecisions(decisionsPath);
    expect(saved.ok && saved.value.get('date:strike-began')?.status).toBe('needs-correction');
    expect((await call(server.port, 'GET', '/')).body).toContain('data-decision="needs-correction"');
    expect(JSON.parse((await call(server.port, 'GET', '/api/decisions')).body).decisions['date:strike-began'].status).toBe('needs-correction');

    await post({ id: 'date:strike-began', status: 'accepted', comment: '' });
    const changed = loadDecisions(decisionsPath);
    expect(changed.ok && changed.value.get('date:strike-began')).toEqual({ status: 'accepted', kind: 'date', subject: 'strike began' });

    expect((await post({ id: 'date:strike-began', status: null })).status).toBe(200);
    const cleared = loadDecisions(decisionsPath);
    expect(cleared.ok && cleared.value.size).toBe(0);
  });

  test('decisions survive a restart', async () => {
    await post({ id: 'quote:we-will-not-sail', status: 'rejected', comment: 'false alarm' });
    await server.close();
    server = await startReviewServer({ report: sampleReport(), decisionsPath, token: TOKEN });
    await signIn(server);
    expect((await call(server.port, 'GET', '/')).body).toContain('data-id="quote:we-will-not-sail" data-verdict="variant" data-kind="quote" data-sources="0 1" data-decision="rejected"');
  });

  test.each([
    ['no token', { Origin: 'ORIGIN', 'Content-Type': 'application/json' }, 403],
    ['a wrong token', { Origin: 'ORIGIN', 'Content-Type': 'application/json', 'X-Review-Token': 'e'.repeat(64) }, 403],
    ['no Origin', { 'Content-Type': 'application/json', 'X-Review-Token': TOKEN }, 403],
    ['another Origin', { Origin: 'http://evil.example', 'Content-Type': 'application/json', 'X-Review-Token': TOKEN }, 403],
    ['a cross-site fetch', { Origin: 'ORIGIN', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json', 'X-Review-Token': TOKEN }, 403],
    ['a form post', { Origin: 'ORIGIN', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Review-Token': TOKEN }, 415],
  ])('a POST with %s is refused and nothing is written', async (_name, headers, status) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'ORIGIN' ? `http://127.0.0.1:${server.port}` : v]));
    const r = await post({ id: 'date:strike-began', status: 'accepted' }, h);
    expect(r.status).toBe(status);
    expect(existsSync(decisionsPath)).toBe(false);
  });

  test('a request naming another host (DNS rebinding) is refused', async () => {
    const r = await call(server.port, 'GET', '/', { Host: 'evil.example' });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('corroborate-review-token');
  });

  test.each([
    ['no such finding', { id: 'no:such', status: 'accepted' }],
    ['status must be accepted, rejected or needs-correction', { id: 'date:strike-began', status: 'maybe' }],
    ['comment must be text', { id: 'date:strike-began', status: 'accepted', comment: 7 }],
    ['comment longer than 4000 characters', { id: 'date:strike-began', status: 'accepted', comment: 'x'.repeat(4001) }],
  ])('a bad decision is refused: %s', async (error, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toBe(error);
    expect(existsSync(decisionsPath)).toBe(false);
  });

  test.each(['/../claims/a.md.yaml', '/..%2fclaims%2fa.md.yaml', '/%2e%2e/%2e%2e/etc/passwd', '/claims/decisions.yaml', '//etc/passwd', '/a.md', '/api/../claims/a.md.yaml', '/favicon.ico'])(
    'nothing else is served: %s',
    async (path) => {
      const r = await call(server.port, 'GET', path);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('secret claims');
    },
  );

  test('other methods are not allowed', async () => {
    expect((await call(server.port, 'DELETE', '/api/decisions', good)).status).toBe(405);
    expect((await call(server.port, 'POST', '/', good)).status).toBe(405);
  });

  // Another local user can connect to 127.0.0.1 too: without the printed token they get neither the page
  // (which holds the token) nor the decisions, and can change nothing.
  test.each([
    ['no cookie', {}],
    ['a made-up cookie', { Cookie: `corroborate-review=${'0'.repeat(64)}` }],
    ['the token itself as the cookie', { Cookie: `corroborate-review=${TOKEN}` }],
  ])('without the session (%s): no page, no token, no decisions, no change', async (_name, headers) => {
    const cookie = { Cookie: '', ...headers };
    for (const path of ['/', '/index.html', '/api/decisions']) {
      const r = await call(server.port, 'GET', path, cookie);
      expect(r.status).toBe(403);
      expect(r.body).not.toContain(TOKEN);
    }
    const r = await call(server.port, 'POST', '/api/decisions', { ...good, ...cookie }, JSON.stringify({ id: 'date:strike-began', status: 'accepted' }));
    expect(r.status).toBe(403);
    expect(existsSync(decisionsPath)).toBe(false);
  });

  test.each([
    ['a wrong token', `/?token=${'e'.repeat(64)}`],
    ['an empty token', '/?token='],
    ['no token, another parameter', '/?x=1'],
  ])('opening the address with %s gives no session', async (_name, path) => {
    const r = await call(server.port, 'GET', path, { Cookie: '' });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.body).not.toContain(TOKEN);
  });

  test('the printed address sets an HttpOnly, SameSite=Strict cookie and sends the browser to / (the token leaves the address bar)', async () => {
    const r = await signIn(server);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']![0]).toMatch(/^corroborate-review=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(r.headers['set-cookie']![0]).not.toContain(TOKEN);
  });

  test('a request with two Host headers is refused', async () => {
    const reply = await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nHost: evil.example\r\nCookie: ${sessions.get(server.port)}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).not.toContain(TOKEN);
  });

  test('headers and bodies must come within 10 s', () => {
    expect(server.limits.headersTimeoutMs).toBe(10_000);
    expect(server.limits.requestTimeoutMs).toBe(10_000);
    expect(server.limits.maxConnections).toBe(32);
  });
});

/** Sends `text` on a fresh connection and resolves to all the server sent back before it closed. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (got += c));
    socket.on('close', () => done(got));
    socket.on('error', fail);
  });
}

describe('review server connections', () => {
  test('open connections are bounded: a slow client holding its connections cannot keep the editor out for long, and past the bound new ones are closed at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-review-'));
    const s = await startReviewServer({ report: sampleReport(), decisionsPath: join(dir, 'decisions.yaml'), token: TOKEN, maxConnections: 2 });
    const held: Socket[] = [];
    try {
      // Two connections that send half a request and wait (what 1,100 slow clients did).
      for (let i = 0; i < 2; i++) {
        const sock = connect(s.port, '127.0.0.1');
        await new Promise((r) => sock.once('connect', r));
        sock.write(`POST /api/decisions HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`);
        held.push(sock);
      }
      // Let the server accept them before the next one comes.
      await call(s.port, 'GET', '/nowhere').catch(() => undefined);
      const third = await raw(s.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: close\r\n\r\n`).catch(() => '');
      expect(third).toBe('');
    } finally {
      for (const sock of held) sock.destroy();
      await s.close();
    }
  });
});

describe('review command', () => {
  const ROOT = resolve(__dirname, '..', '..');

  test.each([
    [{}, 'claims/decisions.yaml'],
    [{ claims: 'stored' }, 'stored/decisions.yaml'],
    [{ decisions: 'review/d.yaml' }, 'review/d.yaml'],
  ])('decisions path for %j', (opts, expected) => {
    expect(decisionsPathFor('examples/ferry-strike', opts, '/w')).toBe(resolve('/w', expected));
  });

  test('opens the example story on a free port and prints nothing until asked', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'corroborate-review-cmd-'));
    let stderr = '';
    const review = await openReview(join(ROOT, 'examples', 'ferry-strike'), { quiet: true }, { cwd, stdout: () => undefined, stderr: (s) => (stderr += s) });
    try {
      expect(review.decisionsPath).toBe(join(cwd, 'claims', 'decisions.yaml'));
      await signIn(review);
      const page = await call(review.port, 'GET', '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Coastal Wire');
      expect(stderr).toBe('');
    } finally {
      await review.close();
    }
  });

  test('--claims: the stored claims are compared, shown in their sentences, decisions kept beside them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'corroborate-review-claims-'));
    const io = { cwd, stdout: () => undefined, stderr: () => undefined };
    expect(await main(['node', 'corroborate', 'extract', join(ROOT, 'examples', 'ferry-strike'), '--out', 'stored', '-q'], io)).toBe(0);
    const review = await openReview(join(ROOT, 'examples', 'ferry-strike'), { claims: 'stored', quiet: true }, io);
    try {
      expect(review.decisionsPath).toBe(join(cwd, 'stored', 'decisions.yaml'));
      await signIn(review);
      const page = await call(review.port, 'GET', '/');
      expect(page.body).toMatch(/<p class="sentence">[^<]+<mark>/);
    } finally {
      await review.close();
    }
  });

  test.each([['99999'], ['abc'], ['-1']])('--port %s is a usage error, exit 2', async (port) => {
    let stderr = '';
    const code = await main(['node', 'corroborate', 'review', join(ROOT, 'examples', 'ferry-strike'), '--port', port], {
      cwd: tmpdir(),
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be a number from 0 to 65535|unknown option/);
  });

  test('a port in use is a clear failure', async () => {
    const taken = await startReviewServer({ report: sampleReport(), decisionsPath: join(tmpdir(), 'unused.yaml') });
    try {
      await expect(openReview(join(ROOT, 'examples', 'ferry-strike'), { port: String(taken.port), quiet: true }, { cwd: tmpdir(), stdout: () => undefined, stderr: () => undefined })).rejects.toThrow(
        `port ${taken.port} is in use`,
      );
    } finally {
      await taken.close();
    }
  });
});
