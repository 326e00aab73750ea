import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Article, Claim } from '../types';
import { EXIT, loadInputs, rulesFor, type Io, type Loaded } from '../pipeline/inputs';
import { Failure } from '../util/problem';
import { isClaimsFolder } from '../claims/io';
import { loadCorpus } from '../ingest/corpus';
import { checkClaims } from '../pipeline';
import { countText, createPhase } from '../pipeline/progress';
import type { Report } from '../report/json';
import { startReviewServer, type ReviewServer } from './server';
import { DECISIONS_FILE } from './decisions';

export interface ReviewCommandOptions {
  claims?: string;
  decisions?: string;
  port?: string;
  rules?: string;
  quiet?: boolean;
}

/** A running review: the server and where its decisions go. */
export interface OpenReview extends ReviewServer {
  decisionsPath: string;
}

/** Where decisions live: `--decisions`, else `decisions.yaml` in the claims folder (default `claims/`). */
export function decisionsPathFor(dir: string, opts: ReviewCommandOptions, cwd: string): string {
  if (opts.decisions) return resolve(cwd, opts.decisions);
  if (opts.claims) return join(resolve(cwd, opts.claims), DECISIONS_FILE);
  const abs = resolve(cwd, dir);
  if (existsSync(abs) && statSync(abs).isDirectory() && isClaimsFolder(abs)) return join(abs, DECISIONS_FILE);
  return resolve(cwd, 'claims', DECISIONS_FILE);
}

function parsePort(port: string | undefined): number {
  if (port === undefined) return 0;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new Failure(`--port must be a number from 0 to 65535, not ${JSON.stringify(port)}`);
  return Number(port);
}

/**
 * Loads the story (stored claims when `--claims` names a claims folder, else the articles of `dir`),
 * compares it, and starts the review server. The caller closes it.
 */
export async function openReview(dir: string, opts: ReviewCommandOptions, io: Io): Promise<OpenReview> {
  const port = parsePort(opts.port);
  const { report, articles } = reviewReport(dir, opts, io);
  const decisionsPath = decisionsPathFor(dir, opts, io.cwd);
  try {
    const server = await startReviewServer({ report, articles: new Map(articles.map((a) => [a.id, a])), decisionsPath, port });
    return { ...server, decisionsPath };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EADDRINUSE') throw new Failure(`port ${port} is in use: pick another with --port, or leave it out`);
    if (e?.code === 'EACCES') throw new Failure(`port ${port} may not be used by this user: pick another with --port`);
    throw err;
  }
}

/** The report the review page shows, and the articles it quotes: what `openReview` serves. */
export function reviewReport(dir: string, opts: ReviewCommandOptions, io: Io): { report: Report; articles: Article[] } {
  const rules = rulesFor(opts.rules, io);
  const claimsDir = opts.claims ? resolve(io.cwd, opts.claims) : undefined;
  const fromClaims = claimsDir !== undefined && existsSync(claimsDir) && isClaimsFolder(claimsDir);
  const loaded: Loaded = loadInputs([fromClaims ? (claimsDir as string) : dir], rules, io, { quiet: Boolean(opts.quiet) });
  const articles = fromClaims ? withTextFrom(dir, loaded, io) : loaded.articles;
  let n = 0;
  for (const list of loaded.claims.values()) n += list.length;
  const phase = createPhase(`comparing ${countText(n)} claims of ${countText(articles.length)} articles`, { quiet: Boolean(opts.quiet) });
  try {
    return { report: checkClaims(articles, loaded.claims, rules, {}, loaded.errors), articles };
  } finally {
    phase.done();
  }
}

/**
 * Stored claims may come without their article text (the article moved): take the text from `dir`
 * when every claim's words are found there at their offsets.
 */
function withTextFrom(dir: string, loaded: Loaded, io: Io): Article[] {
  if (loaded.articles.every((a) => a.text)) return loaded.articles;
  let byId: Map<string, Article>;
  try {
    byId = new Map(loadCorpus([dir], io.cwd).articles.map((a) => [a.id, a]));
  } catch {
    return loaded.articles;
  }
  const fits = (a: Article, claims: readonly Claim[]) => claims.every((c) => a.text.slice(c.span.start, c.span.end) === c.span.text);
  return loaded.articles.map((a) => {
    const other = byId.get(a.id);
    return !a.text && other && fits(other, loaded.claims.get(a.id) ?? []) ? other : a;
  });
}

/** Registers `corroborate review DIR [--claims DIR] [--decisions FILE] [--port N]`. */
export function registerReview(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('review')
    .description('serve the report on 127.0.0.1 for an editor to accept, reject or flag each finding')
    .argument('<dir>', 'a folder of articles (or a claims folder)')
    .option('--claims <dir>', 'claims folder: compare its stored claims; decisions are kept beside them')
    .option('--decisions <file>', 'decisions YAML file (default: decisions.yaml in the claims folder, claims/decisions.yaml)')
    .option('--port <n>', 'port to listen on (default: a free port chosen by the system)')
    .option('--rules <dir>', 'your rules folder (adds to or overrides the shipped rules)')
    .option('-q, --quiet', 'no warnings on stderr')
    .action(async (dir: string, opts: ReviewCommandOptions) => {
      const review = await openReview(dir, opts, io);
      io.stdout(`${review.url}\n`);
      if (!opts.quiet) {
        io.stderr(`review: open ${review.url} in a browser; decisions go to ${relative(io.cwd, review.decisionsPath) || review.decisionsPath}; Ctrl+C stops\n`);
      }
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void review.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      setExit(EXIT.ok);
    });
}
