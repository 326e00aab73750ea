import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import '../../src/cli/main'; // loads the CLI before the review command it registers
import { renderHtml } from '../../src/report/html';
import { openReview } from '../../src/review/command';
import { startReviewServer } from '../../src/review/server';
import { loadDecisions } from '../../src/review/decisions';
import { ARTICLE_MAP, sampleReport } from '../review/fixture';
import { largeReport } from './large-report';

// Headless Chromium from the system (Debian's `chromium` package), driven by playwright-core, which never
// downloads a browser. Without /usr/bin/chromium these tests are skipped, loudly.
const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '..', '..');
const available = existsSync(CHROMIUM);
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium to run them)`);
}
const describeBrowser = available ? describe : describe.skip;

const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describeBrowser('in headless Chromium', () => {
  let browser: Browser;
  // Screenshots go to one temporary folder (never the working tree), listed at the end of the run for a
  // reviewer to open; CORROBORATE_SCREENSHOTS=DIR puts them where you want them.
  const shots = process.env.CORROBORATE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'corroborate-screenshots-'));
  mkdirSync(shots, { recursive: true });
  const taken: string[] = [];
  const figures: string[] = [];
  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(shots, name) });
    taken.push(name);
  }

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    // launch() gives every run a fresh temporary profile (its own --user-data-dir), removed on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    // eslint-disable-next-line no-console
    console.log([...figures, `screenshots in ${shots}:`, ...taken.map((t) => `  ${join(shots, t)}`)].join('\n'));
  });

  /** A page that records every request and every console message (CSP refusals show there). */
  async function open(viewport = LAPTOP): Promise<{ page: Page; requests: string[]; console: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const requests: string[] = [];
    const messages: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('dialog', (d) => {
      messages.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return { page, requests, console: messages, close: () => context.close() };
  }

  test('a hostile report: nothing from the articles runs, our own script does, nothing is fetched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(sampleReport(), { articles: ARTICLE_MAP, showAgreements: true }));
    const url = pathToFileURL(file).href;
    const { page, requests, console: messages, close } = await open();
    try {
      await page.goto(url);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.title()).toBe('corroborate report (1 conflicts)');
      expect(messages.filter((m) => /^dialog|Refused to/.test(m))).toEqual([]);
      expect(requests).toEqual([url]);
      // The hostile text is there, as text.
      expect(await page.locator('text=<script>window.__pwned=4').count()).toBe(1);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      // Our script ran (the CSP hash matches): filters are shown and work.
      expect(await page.locator('#filters').isVisible()).toBe(true);
      expect(await page.locator('#filter-count').textContent()).toBe('Showing 3 of 3');
      await page.selectOption('#filter-verdict', 'conflict');
      expect(await page.locator('article.finding:visible').count()).toBe(1);
      await page.selectOption('#filter-verdict', '');
      await page.selectOption('#filter-kind', 'quote');
      expect(await page.locator('article.finding:visible').getAttribute('data-id')).toBe('quote:we-will-not-sail');
      await page.selectOption('#filter-kind', '');
      await page.selectOption('#filter-source', '1');
      expect(await page.locator('article.finding:visible').count()).toBe(3);
      // The mark and the quote diff are real elements.
      expect(await page.locator('article[data-id="date:strike-began"] mark').first().textContent()).toBe('on Monday');
      expect(await page.locator('article[data-id="quote:we-will-not-sail"] ins').textContent()).toBe('pay ');
    } finally {
      await close();
    }
  });

  /** Marks finding number `n` with a decision and comment, reloads, and checks the decision was kept. */
  async function markAndReload(page: Page, n: number, status: string, comment: string): Promise<string> {
    const card = page.locator(`#finding-${n}`);
    const id = (await card.getAttribute('data-id')) as string;
    await card.locator(`input[type=radio][value="${status}"]`).check();
    await card.locator('textarea').fill(comment);
    await card.locator('button[type=submit]').click();
    // (waitForFunction would eval a string, which the page's CSP rightly refuses.)
    await card.locator('.saved', { hasText: /^Saved\.$/ }).waitFor();
    expect(await card.getAttribute('data-decision')).toBe(status);
    await page.reload();
    const again = page.locator(`#finding-${n}`);
    expect(await again.getAttribute('data-id')).toBe(id);
    expect(await again.getAttribute('data-decision')).toBe(status);
    expect(await again.locator(`input[type=radio][value="${status}"]`).isChecked()).toBe(true);
    expect(await again.locator('textarea').inputValue()).toBe(comment);
    expect(await again.locator('.decision').isVisible()).toBe(true);
    return id;
  }

  test('review page: mark a finding, reload, the decision is kept in the YAML file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-review-'));
    const decisionsPath = join(dir, 'claims', 'decisions.yaml');
    const server = await startReviewServer({ report: sampleReport(), articles: ARTICLE_MAP, decisionsPath });
    const { page, requests, console: messages, close } = await open();
    try {
      await page.goto(server.url);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      const id = await markAndReload(page, 1, 'needs-correction', 'b.txt <b>names</b> the wrong day');
      expect(id).toBe('date:strike-began');
      const saved = loadDecisions(decisionsPath);
      expect(saved.ok && saved.value.get(id)).toMatchObject({ status: 'needs-correction', comment: 'b.txt <b>names</b> the wrong day' });
      // Clearing works too, and the decision filter follows.
      await page.locator('#finding-1 button[data-action=clear]').click();
      await page.locator('#finding-1 .saved', { hasText: /^Cleared\.$/ }).waitFor();
      await page.selectOption('#filter-decision', 'none');
      // The agreement is a line in the folded list: matched, not hidden, out of sight until unfolded.
      expect(await page.locator('article.finding:not([hidden])').count()).toBe(3);
      expect(await page.locator('#filter-count').textContent()).toBe('Showing 3 of 3');
      // Only this server is asked anything (the printed address holds the token: compare the origin).
      expect(requests.every((u) => u.startsWith(`${new URL(server.url).origin}/`))).toBe(true);
      expect(messages.filter((m) => /^dialog|Refused to/.test(m))).toEqual([]);
    } finally {
      await close();
      await server.close();
    }
  });

  test('the example story in the review page, with screenshots for a laptop and a phone', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'corroborate-review-story-'));
    const review = await openReview(join(ROOT, 'examples', 'ferry-strike'), { quiet: true }, { cwd, stdout: () => undefined, stderr: () => undefined });
    try {
      const laptop = await open(LAPTOP);
      try {
        await laptop.page.goto(review.url);
        expect(await laptop.page.locator('h1').textContent()).toBe('Review: corroborate report');
        expect(await laptop.page.locator('.bar-row').count()).toBe(4);
        const findings = await laptop.page.locator('article.finding').count();
        if (findings > 0) {
          const id = await markAndReload(laptop.page, 1, 'accepted', 'checked against the outlets');
          const saved = loadDecisions(review.decisionsPath);
          expect(saved.ok && saved.value.get(id)?.status).toBe('accepted');
        }
        // A fresh load: a reload would keep the scroll position of the form just used.
        await laptop.page.goto('about:blank');
        await laptop.page.goto(review.url);
        await shoot(laptop.page, 'review-desktop.png');
        expect(laptop.console.filter((m) => /Refused to/.test(m))).toEqual([]);
      } finally {
        await laptop.close();
      }
      const phone = await open(PHONE);
      try {
        await phone.page.goto(review.url);
        // Nothing wider than the phone: no sideways scrolling.
        expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
        await shoot(phone.page, 'review-phone.png');
        if ((await phone.page.locator('#finding-1').count()) > 0) {
          await phone.page.locator('#finding-1').scrollIntoViewIfNeeded();
          await phone.page.evaluate('document.getElementById("finding-1").scrollIntoView()');
          await shoot(phone.page, 'review-phone-finding.png');
        }
      } finally {
        await phone.close();
      }
    } finally {
      await review.close();
    }
  });

  test('the HTML report of the example story at desktop and phone widths', async () => {
    const { main } = await import('../../src/cli/main');
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-report-story-'));
    const code = await main(['node', 'corroborate', 'check', join(ROOT, 'examples', 'ferry-strike'), '--fail-on', 'never', '--quiet', '--format', 'html', '--out', 'report.html'], {
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const url = pathToFileURL(join(dir, 'report.html')).href;
    for (const [size, name] of [[LAPTOP, 'report-desktop.png'], [PHONE, 'report-phone.png']] as const) {
      const view = await open(size);
      try {
        await view.page.goto(url);
        expect(view.console.filter((m) => /Refused to/.test(m))).toEqual([]);
        // Conflicts first, under labels a person would write; agreements folded into one line each.
        expect(await view.page.locator('article.finding h3').first().textContent()).toBe('who said “No one on Merrow Island will be left…”');
        expect(await view.page.locator('details.agreements').getAttribute('open')).toBeNull();
        expect(await view.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(size.width);
        await shoot(view.page, name);
        if (size === LAPTOP) {
          await view.page.selectOption('#filter-verdict', 'agree');
          expect(await view.page.locator('details.agreements').getAttribute('open')).toBe('');
          await view.page.locator('details.agreements').scrollIntoViewIfNeeded();
          await shoot(view.page, 'report-desktop-agreements.png');
        }
      } finally {
        await view.close();
      }
    }
  });

  test('review page: the open counts follow each decision; keys decide and move', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-review-keys-'));
    const decisionsPath = join(dir, 'claims', 'decisions.yaml');
    const server = await startReviewServer({ report: sampleReport(), articles: ARTICLE_MAP, decisionsPath });
    const { page, console: messages, close } = await open();
    const counts = () => page.locator('#open-counts').textContent();
    try {
      await page.goto(server.url);
      expect(await counts()).toBe('1 of 1 conflict needs a decision · 1 of 1 variant needs a decision');
      expect(await page.locator('#keys').isVisible()).toBe(true);
      // j: the first finding; a: accept it.
      await page.keyboard.press('j');
      expect(await page.locator('#finding-1').getAttribute('class')).toContain('current');
      await page.keyboard.press('a');
      await page.locator('#finding-1 .saved', { hasText: /^Saved\.$/ }).waitFor();
      expect(await counts()).toBe('0 of 1 conflict need a decision · 1 of 1 variant needs a decision');
      // j again: the variant; r: reject it.
      await page.keyboard.press('j');
      await page.keyboard.press('r');
      await page.locator('#finding-2 .saved', { hasText: /^Saved\.$/ }).waitFor();
      expect(await counts()).toBe('0 of 1 conflict need a decision · 0 of 1 variant need a decision');
      const saved = loadDecisions(decisionsPath);
      expect(saved.ok && [...saved.value].map(([id, d]) => [id, d.status])).toEqual([
        ['date:strike-began', 'accepted'],
        ['quote:we-will-not-sail', 'rejected'],
      ]);
      // k: back to the first; u: its decision undone.
      await page.keyboard.press('k');
      await page.keyboard.press('u');
      await page.locator('#finding-1 .saved', { hasText: /^Cleared\.$/ }).waitFor();
      expect(await counts()).toBe('1 of 1 conflict needs a decision · 0 of 1 variant need a decision');
      // Typing in a comment box is typing: "a" there decides nothing.
      await page.locator('#finding-1 textarea').fill('');
      await page.locator('#finding-1 textarea').press('a');
      expect(await page.locator('#finding-1').getAttribute('data-decision')).toBe('none');
      // After a reload the counts come from the decisions file.
      await page.reload();
      expect(await counts()).toBe('1 of 1 conflict needs a decision · 0 of 1 variant need a decision');
      expect(messages.filter((m) => /^dialog|Refused to/.test(m))).toEqual([]);
    } finally {
      await close();
      await server.close();
    }
  });

  test('a report of 8,000 articles: size, first paint and filter changes, measured and printed', async () => {
    const started = Date.now();
    const { report, articles } = largeReport(8000);
    const html = renderHtml(report, { articles });
    const rendered = Date.now() - started;
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-html-large-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const view = await open(LAPTOP);
    try {
      await view.page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const paint = (await view.page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { fcp: fcp ? fcp.startTime : -1, ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      })) as { fcp: number; ready: number; load: number };
      // The later findings are unpacked after the first paint; the filters cover them from then on.
      await view.page.locator('#loading').waitFor({ state: 'hidden' });
      const ready = (await view.page.evaluate(() => performance.now())) as number;
      const total = report.findings.length;
      expect(await view.page.locator('#filter-count').textContent()).toBe(`Showing ${total} of ${total}`);
      expect(await view.page.locator('#cards > article.finding:not([hidden])').count()).toBe(100);
      /** One filter change, from the change event to the frame after it is drawn, in ms. */
      const change = async (select: string, value: string): Promise<number> =>
        (await view.page.evaluate(
          ([id, v]) =>
            new Promise<number>((done) => {
              const el = document.getElementById(id) as HTMLSelectElement;
              const t0 = performance.now();
              el.value = v;
              el.dispatchEvent(new Event('change', { bubbles: true }));
              requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
            }),
          [select, value],
        )) as number;
      const changes: [string, number][] = [];
      changes.push(['verdict: variants', await change('filter-verdict', 'variant')]);
      expect(await view.page.locator('#filter-count').textContent()).toBe(`Showing ${total / 9} of ${total}`);
      changes.push(['kind: quote', await change('filter-kind', 'quote')]);
      changes.push(['source: one outlet', await change('filter-source', '7')]);
      changes.push(['all sources', await change('filter-source', '')]);
      changes.push(['all kinds', await change('filter-kind', '')]);
      changes.push(['all verdicts', await change('filter-verdict', '')]);
      changes.push(['verdict: agreements (the folded list opens, 200 lines built)', await change('filter-verdict', 'agree')]);
      expect(await view.page.locator('#lines > article.finding').count()).toBe(200);
      changes.push(['all verdicts', await change('filter-verdict', '')]);
      // The next page is built from the page's data: cards 101 to 200.
      const next = (await view.page.evaluate(
        () =>
          new Promise<number>((done) => {
            const t0 = performance.now();
            (document.querySelector('#pages button:last-child') as HTMLButtonElement).click();
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
          }),
      )) as number;
      changes.push(['next page', next]);
      await view.page.locator('#finding-101').waitFor();
      expect(await view.page.locator('#cards > article.finding:not([hidden])').count()).toBe(100);
      expect(await view.page.locator('#finding-101 mark').first().textContent()).toMatch(/^\d+ \w+$/);
      expect(view.console.filter((m) => /Refused to|error/i.test(m))).toEqual([]);
      await shoot(view.page, 'report-8000-articles.png');
      figures.push(
        `HTML report of ${articles.size} articles, ${total} findings (${report.summary.conflict} conflicts, ${report.summary.variant} variants): ` +
          `${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB, rendered in ${rendered} ms (with the made-up corpus), 100 cards a page`,
        `  first contentful paint ${Math.round(paint.fcp)} ms, DOMContentLoaded ${Math.round(paint.ready)} ms, load ${Math.round(paint.load)} ms, ` +
          `every finding unpacked and filterable by ${Math.round(ready)} ms`,
        ...changes.map(([what, ms]) => `  filter change, ${what}: ${Math.round(ms)} ms`),
      );
    } finally {
      await view.close();
    }
  }, 180_000);
});
