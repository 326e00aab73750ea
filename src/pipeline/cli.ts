import { InvalidArgumentError } from 'commander';
import type { Article, Claim, ExtractionError } from '../types';
import { createProgress } from './progress';
import { extractAll } from './parallel';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../util/safe-read';

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
/** `--max-article-bytes N`: a whole number of bytes, 1 or more ("10485760"). */
export function parseByteCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of bytes, 1 or more');
  return n;
}

/** The `--max-article-bytes` option every command that reads articles takes. */
export const MAX_ARTICLE_BYTES_HELP = `an article larger than this many bytes is not read: exit 2 naming it, or left out with --skip-unreadable (default: ${DEFAULT_MAX_ARTICLE_BYTES}, 10 MiB)`;

/** `--show agreements`: the one thing reports fold away that can be shown in full. */
export function parseShow(value: string): 'agreements' {
  if (value !== 'agreements') throw new InvalidArgumentError('expected "agreements"');
  return value;
}

/** The `--root` option of check and validate (for a claims folder). */
export const ROOT_HELP = "for a claims folder: the only folder its claims files' article files are read in (default: the folder holding it)";

/** The `--root` option of gate and baseline create. */
export const GATE_ROOT_HELP =
  "folder article ids are relative to, and the only folder stored articles' files are read in (default: ids as the store names them; files read only in the folder holding the store)";

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more');
  return n;
}
