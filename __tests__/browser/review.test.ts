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
    // Screenshots go to a temporary folder (kept for a look after a failure), never into the working tree;
    // CORROBORATE_SCREENSHOTS=DIR puts them where you want them.
    const shots = process.env.CORROBORATE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'corroborate-screenshots-'));
    mkdirSync(shots, { recursive: true });
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
        await laptop.page.screenshot({ path: join(shots, 'review-ferry-strike.png') });
        expect(laptop.console.filter((m) => /Refused to/.test(m))).toEqual([]);
      } finally {
        await laptop.close();
      }
      const phone = await open(PHONE);
      try {
        await phone.page.goto(review.url);
        // Nothing wider than the phone: no sideways scrolling.
        expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
        await phone.page.screenshot({ path: join(shots, 'review-ferry-strike-phone.png') });
        if ((await phone.page.locator('#finding-1').count()) > 0) {
          await phone.page.locator('#finding-1').scrollIntoViewIfNeeded();
          await phone.page.evaluate('document.getElementById("finding-1").scrollIntoView()');
          await phone.page.screenshot({ path: join(shots, 'review-ferry-strike-phone-finding.png') });
        }
      } finally {
        await phone.close();
      }
    } finally {
      await review.close();
    }
  });
});
