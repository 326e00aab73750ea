/**
 * A progress bar for long runs, on stderr: articles done, rate and time left, redrawn in place.
 * "[#########...........] 1200/8000 articles  410/s  ~17 s left". Silent unless stderr is a terminal,
 * CI is unset and --quiet was not given: logs and pipes never see it.
 *
 * `createPhase` is its companion for a step whose size is not known as it goes (comparing claims): one
 * line that names the step and what it works on, drawn when the step starts and cleared when it ends.
 */

/** Where the bar is drawn: a stream with `isTTY` (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Clock in ms (tests inject one). */
  now?: () => number;
  /** Least ms between two redraws. */
  interval?: number;
  label?: string;
}

/** A progress reporter: `update(done, total)` as work goes, `done()` at the end. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
  /** False when nothing will be drawn. */
  readonly active: boolean;
}

const SILENT: Progress = { update() {}, done() {}, active: false };


/** True when a bar may be drawn on `stream`. */
export function progressWanted(stream: ProgressStream, quiet: boolean, env: NodeJS.ProcessEnv): boolean {
  if (quiet || !stream.isTTY) return false;
  const ci = env.CI;
  return ci === undefined || ci === '' || ci === 'false' || ci === '0';
}

/** A progress bar on `stream` (default stderr), or a silent one when it must not show. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!progressWanted(stream, Boolean(options.quiet), options.env ?? process.env)) return SILENT;
  const now = options.now ?? Date.now;
  const interval = options.interval ?? 100;
  const label = options.label ?? 'articles';
  const started = now();
  let last = -Infinity;
  let drawn = false;
  let lastLine = '';
  // The rate is measured over the later half of the work done so far (and at least the last second): the
  // start-up (workers spawning, the language data loading, the first articles filling the caches) does not
  // count as the pace of the rest. 1 article in 1.5 s of start-up, then 100 a second, is 100 a second.
  let first: { t: number; done: number } | undefined;
  const samples: { t: number; done: number }[] = [];
  const draw = (done: number, total: number) => {
    const t = now();
    const elapsed = (t - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    if (!first && done > 0) first = { t, done };
    if (first) samples.push({ t, done });
    let anchor = samples[0];
    for (const x of samples) {
      if (x.done > done / 2 || t - x.t < 1000) break;
      anchor = x;
    }
    const recent = anchor && t > anchor.t && done > anchor.done ? (done - anchor.done) / ((t - anchor.t) / 1000) : undefined;
    // A time left only once it can be right within a factor of two: from a tenth of the work, or after
    // ten seconds of it.
    const settled = done >= total / 10 || (first !== undefined && t - first.t >= 10_000);
    const pace = recent ?? rate;
    const left = settled && pace > 0 ? (total - done) / pace : NaN;
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 50));
    const filled = total > 0 ? Math.round((width * done) / total) : 0;
    const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
    const line = `[${bar}] ${done}/${total} ${label}  ${formatRate(pace)}  ${Number.isFinite(left) ? `~${formatSeconds(left)} left` : done < total ? 'estimating time left' : ''}`.trimEnd();
    stream.write(`\r${line}${' '.repeat(Math.max(0, lastLine.length - line.length))}`);
    lastLine = line;
    drawn = true;
  };
  return {
    active: true,
    update(done, total) {
      const t = now();
      if (done < total && t - last < interval) return;
      last = t;
      draw(done, total);
    },
    done() {
      // Clear the line so whatever is printed next starts clean.
      if (drawn) stream.write(`\r${' '.repeat(lastLine.length)}\r`);
      drawn = false;
    },
  };
}

/** A step without a count to show: "comparing 120,000 claims of 8,000 articles…", cleared by `done()`. */
export function createPhase(text: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!progressWanted(stream, Boolean(options.quiet), options.env ?? process.env)) return SILENT;
  const line = `${text}…`;
  stream.write(`\r${line}`);
  let open = true;
  return {
    active: true,
    update() {},
    done() {
      if (open) stream.write(`\r${' '.repeat(line.length)}\r`);
      open = false;
    },
  };
}

/** 120000 -> "120,000": counts in a progress line. */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatRate(perSecond: number): string {
  return perSecond >= 10 ? `${Math.round(perSecond)}/s` : `${perSecond.toFixed(1)}/s`;
}

/** "42 s", "3 min 5 s". */
export function formatSeconds(s: number): string {
  const whole = Math.max(0, Math.round(s));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
