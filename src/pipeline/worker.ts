import { workerData } from 'node:worker_threads';
import type { Article, Claim, ExtractContext, ExtractionError } from '../types';
import type { WorkerInput, WorkerMessage } from './parallel';

// One extraction thread: extracts its share of the articles in order and posts each article's claims,
// then bumps the shared counter so the waiting main thread wakes up.
const input = workerData as WorkerInput;
const posted = new Int32Array(input.signal);

function post(msg: WorkerMessage): void {
  input.port.postMessage(msg);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}

try {
  // Loaded here, inside the try: a module that fails to load is reported instead of leaving the main thread waiting.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { extractArticle } = require('../pipeline') as {
    extractArticle: (a: Article, ctx: ExtractContext, options: { errors: ExtractionError[] }) => Claim[];
  };
  for (const { index, article } of input.articles) {
    const errors: ExtractionError[] = [];
    post({ index, claims: extractArticle(article, {}, { errors }), errors });
  }
} catch (err) {
  post({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
