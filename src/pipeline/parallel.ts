import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Article, Claim, ExtractionError } from '../types';
import { extractArticle, formatExtractionError } from '../pipeline';
import { escapeControls } from '../util/control';

/**
 * Extraction of many articles on several cores, with the very claims the single-threaded loop gives.
 *
 * It is synchronous on purpose (the CLI's loading step is): the main thread blocks on `Atomics.wait`
 * while the workers extract, and takes their results with `receiveMessageOnPort`.
 */

/** Seconds without a single article finished before the workers are given up on. */
const STALL_SECONDS = 600;

/** Below this many articles, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

export interface ExtractAllOptions {
  /** Threads to use; 1 = this thread only. Default: the number of CPUs. */
  jobs?: number;
  /** Called after each article, in no fixed order: articles done so far, and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Parallel only from this many articles on (default `PARALLEL_THRESHOLD`; tests lower it). */
  threshold?: number;
  /** Extractors that threw are recorded here, in article order (else written to stderr). */
  errors?: ExtractionError[];
}

/** Default number of threads: the CPUs of this machine. */
export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * The claims of every article, keyed by article id, in the order of `articles`: the same as calling
 * `extractArticle` on each, but spread over `jobs` worker threads when there are enough articles.
 */
export function extractAll(articles: readonly Article[], options: ExtractAllOptions = {}): Map<string, Claim[]> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const threshold = options.threshold ?? PARALLEL_THRESHOLD;
  const threads = Math.min(jobs, Math.ceil(articles.length / 8));
  if (threads <= 1 || articles.length < threshold) return extractHere(articles, options.onProgress, options.errors);
  return extractInWorkers(articles, threads, options.onProgress, options.errors);
}

function extractHere(
  articles: readonly Article[],
  onProgress?: (done: number, total: number) => void,
  errors?: ExtractionError[],
): Map<string, Claim[]> {
  const claims = new Map<string, Claim[]>();
  articles.forEach((article, i) => {
    claims.set(article.id, extractArticle(article, {}, { errors }));
    onProgress?.(i + 1, articles.length);
  });
  return claims;
}

/** A message from a worker: the claims of one article (and its extractors' errors), or a failure. */
export type WorkerMessage = { index: number; claims: Claim[]; errors: ExtractionError[] } | { error: string };

/** What a worker is given: its share of the articles, with their index in the whole list. */
export interface WorkerInput {
  articles: { index: number; article: Article }[];
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] counts messages posted, for `Atomics.wait`. */
  signal: SharedArrayBuffer;
}

function extractInWorkers(
  articles: readonly Article[],
  threads: number,
  onProgress?: (done: number, total: number) => void,
  errors?: ExtractionError[],
): Map<string, Claim[]> {
  const signal = new SharedArrayBuffer(4);
  const posted = new Int32Array(signal);
  const results = new Array<Claim[] | undefined>(articles.length);
  const failures = new Array<ExtractionError[] | undefined>(articles.length);
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  // Articles dealt round-robin by size, largest first, so no thread is left with all the long ones.
  const order = articles.map((_, i) => i).sort((a, b) => articles[b].text.length - articles[a].text.length || a - b);
  const shares: { index: number; article: Article }[][] = Array.from({ length: threads }, () => []);
  order.forEach((index, k) => shares[k % threads].push({ index, article: articles[index] }));
  try {
    for (const share of shares) {
      const { port1, port2 } = new MessageChannel();
      const workerData: WorkerInput = { articles: share, port: port2, signal };
      workers.push(startWorker(workerData, [port2]));
      ports.push(port1);
    }
    let done = 0;
    let seen = 0;
    let quiet = 0;
    while (done < articles.length) {
      // Sleep until some worker has posted since we last looked. A thread that died without a word (out of
      // memory) posts nothing: after STALL_SECONDS of silence the run fails instead of hanging.
      if (Atomics.wait(posted, 0, seen, 1000) === 'timed-out' && ++quiet >= STALL_SECONDS) {
        throw new Error(`no extraction worker answered for ${STALL_SECONDS} s`);
      }
      if (Atomics.load(posted, 0) !== seen) quiet = 0;
      seen = Atomics.load(posted, 0);
      for (const port of ports) {
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
          const msg = m.message as WorkerMessage;
          if ('error' in msg) throw new Error(`extraction worker failed: ${msg.error}`);
          results[msg.index] = msg.claims;
          failures[msg.index] = msg.errors;
          done++;
          onProgress?.(done, articles.length);
        }
      }
    }
  } finally {
    for (const w of workers) void w.terminate();
    for (const p of ports) p.close();
  }
  const claims = new Map<string, Claim[]>();
  articles.forEach((a, i) => claims.set(a.id, results[i] ?? []));
  // Errors in article order, as the single-threaded loop records them.
  for (const list of failures) {
    for (const e of list ?? []) {
      if (errors) errors.push(e);
      else process.stderr.write(`${escapeControls(formatExtractionError(e))}\n`);
    }
  }
  return claims;
}

/**
 * Starts the worker script: the compiled `worker.js` beside this file, or, when running from the
 * TypeScript sources (ts-jest), `worker.ts` through a small require hook that transpiles each module.
 */
function startWorker(workerData: WorkerInput, transfer: MessagePort[]): Worker {
  const js = join(__dirname, 'worker.js');
  const options = { workerData, transferList: transfer, resourceLimits: { maxYoungGenerationSizeMb: 64 } };
  if (existsSync(js)) return new Worker(js, options);
  const ts = join(__dirname, 'worker.ts');
  const hook = `
    const ts = require('typescript');
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
        fileName: filename,
      });
      module._compile(out.outputText, filename);
    };
    require(${JSON.stringify(ts)});
  `;
  return new Worker(hook, { ...options, eval: true });
}
