import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Failure } from '../util/problem';
import { lockPathFor, withLock } from '../util/lock';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Article } from '../types';
import type { Report } from '../report/json';
import { contentSecurityPolicy, renderHtml } from '../report/html';
import { decisionsReader, isDecisionStatus, saveDecisions, MAX_COMMENT, type Decision } from './decisions';

/**
 * The review server: one page (the HTML report with a decision form per finding) and one API route,
 * on 127.0.0.1 only. Nothing else is served: no files, no folders, whatever the path says.
 *
 *   GET  /?token=T        -> with the token printed on the command line's output: a session cookie
 *                            (HttpOnly, SameSite=Strict), and a redirect to /
 *   GET  /                -> the page (its token in a meta tag), with the session cookie only
 *   GET  /api/decisions   -> the decisions as JSON, with the session cookie only
 *   POST /api/decisions   -> {id, status, comment}; status null clears. Needs the session cookie, the
 *                            page's token in X-Review-Token, a same-origin Origin and a Host naming
 *                            this server.
 *
 * Any local user can connect to 127.0.0.1: without the token (which only the user who started the
 * server has read) they get neither the page nor the token. Every request names one Host; headers and
 * body must come within 10 s; at most MAX_CONNECTIONS connections are open at once, so slow clients
 * cannot hold the server for the editor.
 */

export interface ReviewServerOptions {
  report: Report;
  /** Articles by id, for the sentence around each claim. */
  articles?: ReadonlyMap<string, Article>;
  /** The decisions YAML file (created on the first decision). */
  decisionsPath: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Fixed token (tests); a fresh random one otherwise. */
  token?: string;
  /** Open connections at most (default MAX_CONNECTIONS). */
  maxConnections?: number;
}

export interface ReviewServer {
  /** The address to open, with the token: print it to the user who started the server, and no one else. */
  url: string;
  port: number;
  token: string;
  /** The limits in force, as the HTTP server holds them. */
  limits: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
/** Headers, and the whole request with its body, must arrive within this. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const MAX_CONNECTIONS = 32;
const COOKIE = 'corroborate-review';

/** Starts the server; resolves once it listens. Rejects when the port is taken or the decisions file is bad. */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  // What the browser keeps once it has shown the token: another secret, so the cookie is not the token.
  const session = randomBytes(32).toString('hex');
  const findingIds = new Map(options.report.findings.map((f) => [f.id, f]));
  // Read once, and again only when the file changed: a file of 40,000 decisions is not parsed per request.
  const readDecisions = decisionsReader(options.decisionsPath);
  const first = readDecisions();
  if (!first.ok) throw new Failure(first.error);
  let port = 0;

  const server = createServer({ headersTimeout: REQUEST_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: String((err as Error)?.message ?? err) }));
      else res.destroy();
    });
  });

  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.timeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;

  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Two Host headers: Node keeps the first, a proxy in front may have read the other.
    const hosts = req.rawHeaders.filter((_v, i) => i % 2 === 0 && req.rawHeaders[i].toLowerCase() === 'host').length;
    if (hosts !== 1) return send(res, 400, 'text/plain', 'exactly one Host header\n');
    // DNS rebinding: a page at evil.example resolved to 127.0.0.1 still sends Host: evil.example.
    if (!allowedHosts().includes(String(req.headers.host ?? '').toLowerCase())) {
      return send(res, 403, 'text/plain', 'forbidden host\n');
    }
    const [rawPath, query = ''] = (req.url ?? '/').split('?', 2);
    if ((rawPath === '/' || rawPath === '/index.html') && req.method === 'GET' && query) {
      // The link printed at start: trade its token for the session cookie, and drop it from the address bar.
      const given = new URLSearchParams(query).get('token');
      if (given === null || !sameSecret(given, token)) return send(res, 403, 'text/plain', 'wrong token: open the address corroborate review printed\n');
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    const signedIn = sameSecret(cookieOf(req, COOKIE) ?? '', session);
    if (rawPath === '/' || rawPath === '/index.html') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
      if (!signedIn) return send(res, 403, 'text/plain', 'open the address corroborate review printed (it holds the token)\n');
      const loaded = readDecisions();
      if (!loaded.ok) return send(res, 500, 'text/plain', `decisions file is not valid:\n${loaded.error.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n')}\n`);
      const html = renderHtml(options.report, { articles: options.articles, review: { token, decisions: loaded.value } });
      // Node sends no body for HEAD by itself; the length stays that of the page.
      return send(res, 200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': contentSecurityPolicy(true) + "; frame-ancestors 'none'" });
    }
    if (rawPath === '/api/decisions') {
      if (!signedIn) return json(res, 403, { error: 'open the address corroborate review printed (it holds the token)' });
      if (req.method === 'GET') {
        const loaded = readDecisions();
        if (!loaded.ok) return json(res, 500, { error: 'decisions file is not valid' });
        return json(res, 200, { decisions: Object.fromEntries(loaded.value) });
      }
      if (req.method !== 'POST') return notAllowed(res, 'GET, POST');
      return post(req, res);
    }
    // Everything else, including "/../claims/a.md.yaml" and "/%2e%2e/": not here.
    return send(res, 404, 'text/plain', 'not found\n');
  }

  async function post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !allowedHosts().map((h) => `http://${h}`).includes(origin.toLowerCase())) {
      return json(res, 403, { error: 'requests must come from the review page' });
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return json(res, 403, { error: 'requests must come from the review page' });
    const given = req.headers['x-review-token'];
    if (typeof given !== 'string' || !sameSecret(given, token)) return json(res, 403, { error: 'bad or missing review token' });
    if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return json(res, 415, { error: 'send application/json' });
    }
    const body = await readBody(req);
    if (body === null) return json(res, 413, { error: 'request too large' });
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return json(res, 400, { error: 'body is not JSON' });
    }
    const { id, status, comment } = (data ?? {}) as { id?: unknown; status?: unknown; comment?: unknown };
    if (typeof id !== 'string' || !findingIds.has(id)) return json(res, 400, { error: 'no such finding' });
    if (status !== null && status !== '' && !isDecisionStatus(status)) return json(res, 400, { error: 'status must be accepted, rejected or needs-correction' });
    if (comment !== undefined && comment !== null && typeof comment !== 'string') return json(res, 400, { error: 'comment must be text' });
    if (typeof comment === 'string' && comment.length > MAX_COMMENT) return json(res, 400, { error: `comment longer than ${MAX_COMMENT} characters` });
    let decision: Decision | null = null;
    if (isDecisionStatus(status)) {
      const f = findingIds.get(id);
      decision = { status };
      const note = typeof comment === 'string' ? comment.trim() : '';
      if (note) decision.comment = note;
      if (f) {
        decision.kind = f.kind;
        decision.subject = f.label || f.subject;
      }
    }
    // Read, change and write under the file's lock: another server (or a hand edit) may have written
    // decisions since this one last read them, and they must all be kept.
    const saved = withLock(lockPathFor(options.decisionsPath), () => {
      const loaded = readDecisions();
      if (!loaded.ok) return false;
      const decisions = loaded.value;
      if (decision) decisions.set(id, decision);
      else decisions.delete(id);
      saveDecisions(options.decisionsPath, decisions);
      return true;
    });
    if (!saved) return json(res, 409, { error: 'decisions file is not valid; fix it by hand first' });
    return json(res, 200, { id, decision });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    limits: { headersTimeoutMs: server.headersTimeout, requestTimeoutMs: server.requestTimeout, maxConnections: server.maxConnections },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}


/** The value of cookie `name` in the request's Cookie header. */
function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    ...extra,
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function notAllowed(res: ServerResponse, allow: string): void {
  send(res, 405, 'text/plain', 'method not allowed\n', { Allow: allow });
}
