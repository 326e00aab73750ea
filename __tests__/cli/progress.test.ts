import { createPhase, createProgress, formatSeconds, progressWanted, type ProgressStream } from '../../src/pipeline/progress';

/** A fake terminal (or pipe) that records what is written to it. */
function fakeStream(isTTY: boolean): ProgressStream & { out: string[] } {
  const out: string[] = [];
  return { isTTY, columns: 80, out, write: (s: string) => out.push(s) };
}

describe('progress bar', () => {
  test.each([
    ['a terminal, no CI', true, false, {}, true],
    ['a pipe', false, false, {}, false],
    ['--quiet', true, true, {}, false],
    ['CI=true', true, false, { CI: 'true' }, false],
    ['CI=1', true, false, { CI: '1' }, false],
    ['CI=false', true, false, { CI: 'false' }, true],
  ])('%s', (_name, tty, quiet, env, shown) => {
    const stream = fakeStream(tty);
    expect(progressWanted(stream, quiet, env)).toBe(shown);
    const p = createProgress({ stream, quiet, env, now: () => 0 });
    p.update(1, 10);
    p.done();
    expect(stream.out.length > 0).toBe(shown);
    expect(p.active).toBe(shown);
  });

  test('draws done/total, rate and time left in place, then clears its line', () => {
    const stream = fakeStream(true);
    let t = 0;
    const p = createProgress({ stream, env: {}, now: () => t, interval: 100 });
    t = 2000;
    p.update(200, 1000);
    expect(stream.out[0]).toBe('\r[######........................] 200/1000 articles  100/s  ~8 s left');
    t = 2050;
    p.update(210, 1000); // within the interval: not redrawn
    expect(stream.out).toHaveLength(1);
    t = 10000;
    p.update(1000, 1000);
    expect(stream.out[1]).toMatch(/^\r\[#{30}\] 1000\/1000 articles {2}100\/s {2}~0 s left/);
    p.done();
    expect(stream.out[2]).toMatch(/^\r +\r$/);
  });

  test.each([
    // start-up ms before the first article, then articles a second: the true time left at each report is
    // (total - done) / rate; the shown one must be within a factor of two of it from a tenth of the work on.
    ['slow start-up, then steady', 3000, 100, 2000],
    ['no start-up', 0, 50, 1000],
    ['start-up longer than the work', 8000, 400, 2000],
  ])('time left within a factor of two after the first tenth: %s', (_name, startup, rate, total) => {
    const stream = fakeStream(true);
    let t = 0;
    const p = createProgress({ stream, env: {}, now: () => t, interval: 0 });
    const shown: [number, number | undefined][] = [];
    for (let done = 1; done <= total; done++) {
      t = startup + (done * 1000) / rate;
      p.update(done, total);
      const m = /~(?:(\d+) min )?(\d+) s left/.exec(stream.out[stream.out.length - 1]);
      shown.push([done, m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : undefined]);
    }
    for (const [done, left] of shown) {
      const truth = (total - done) / rate;
      if (done < total / 10) continue;
      expect(left).toBeDefined();
      // Rounded to whole seconds: within a factor of two, or a second off near the end.
      expect(Math.abs((left as number) - truth) <= Math.max(1, truth / 2)).toBe(true);
    }
    // Before a tenth (and ten seconds of work), no guess: the bar says it is estimating.
    expect(stream.out[0]).toContain('estimating time left');
  });

  test('a phase without a count names its step, then clears its line', () => {
    const stream = fakeStream(true);
    const phase = createPhase('comparing 1,200 claims of 40 articles', { stream, env: {} });
    phase.done();
    phase.done();
    expect(stream.out).toEqual(['\rcomparing 1,200 claims of 40 articles…', `\r${' '.repeat(38)}\r`]);
    const piped = fakeStream(false);
    createPhase('comparing', { stream: piped, env: {} }).done();
    expect(piped.out).toEqual([]);
  });

  test.each([
    [0, '0 s'],
    [42.4, '42 s'],
    [185, '3 min 5 s'],
  ])('formatSeconds(%s) = %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});
