import { InvalidArgumentError } from 'commander';
import type { Article, Claim, ExtractionError } from '../types';
import { createProgress } from './progress';
import { extractAll } from './parallel';

/**
 * What the CLI calls to extract: every article's claims, on several threads for a large corpus, with a
 * progress bar on a terminal.
 */
export function extractWithProgress(
  articles: readonly Article[],
  options: { jobs?: number; quiet?: boolean; errors?: ExtractionError[] },
): Map<string, Claim[]> {
  const progress = createProgress({ quiet: options.quiet });
  try {
    return extractAll(articles, { jobs: options.jobs, errors: options.errors, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.done();
  }
}

/** `--jobs 4` -> 4; anything but a whole number from 1 is refused with a usage error. */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return n;
}
