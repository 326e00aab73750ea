import { createProgress, formatSeconds, progressWanted, type ProgressStream } from '../../src/pipeline/progress';

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
    [0, '0 s'],
    [42.4, '42 s'],
    [185, '3 min 5 s'],
  ])('formatSeconds(%s) = %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});
