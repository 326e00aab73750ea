import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import type { Article } from '../../src/types';
import { inflateSync } from 'node:zlib';
import { claimInSentence, contentSecurityPolicy, escapeHtml, orderFindings, PAGE_SIZE, quoteWords, renderHtml, toHtml, wordDiff } from '../../src/report/html';
import type { Finding } from '../../src/types';
import { RENDERERS } from '../../src/report';
import { buildArticle } from '../../src/ingest/article';
import { ARTICLE_MAP, ARTICLES, FINDINGS, ref, sampleReport } from '../review/fixture';

function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
}

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

describe('escapeHtml', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="a()">', '&lt;img src=x onerror=&quot;a()&quot;&gt;'],
    ["it's & more", 'it&#39;s &amp; more'],
    ['plain words', 'plain words'],
  ])('%s', (input, expected) => expect(escapeHtml(input)).toBe(expected));
});

describe('claimInSentence', () => {
  const a = ARTICLES[0];
  test.each([
    ['on Monday', 'The strike began ', ', union leader Mara Quist said.'],
    ['"We will not sail until the offer is fair,"', '', ' Quist said.'],
    ['About 300 crew members', '', ' walked out.'],
  ])('%s sits in its sentence', (words, before, after) => {
    expect(claimInSentence(a, ref('a.md', words))).toEqual({ before, text: words, after });
  });

  test('no article, or text that does not match the offsets: no sentence', () => {
    expect(claimInSentence(undefined, ref('a.md', 'on Monday'))).toBeNull();
    const moved = { ...a, text: 'x' + a.text };
    expect(claimInSentence(moved, ref('a.md', 'on Monday'))).toBeNull();
  });

  test('a long sentence is cut around the claim with an ellipsis', () => {
    const text = `${'word '.repeat(100)}on Friday ${'more '.repeat(100)}end.`;
    const built = buildArticle('long.txt', '/long.txt', text);
    if (!built.ok) throw new Error('bad article');
    const start = text.indexOf('on Friday');
    const got = claimInSentence(built.value as Article, { source: 'long.txt', start, end: start + 9, text: 'on Friday', line: 1, column: start + 1, claim: 'date@x' });
    expect(got?.before.startsWith('…word')).toBe(true);
    expect(got?.after.endsWith('more…')).toBe(true);
    expect((got?.before.length ?? 0) + (got?.after.length ?? 0)).toBeLessThan(380);
  });
});

describe('quote diff', () => {
  test.each([
    ['is not acceptable to our members', 'is unacceptable to our members', ['del:not acceptable', 'ins:unacceptable']],
    ['of the utmost importance', 'of paramount importance', ['del:the utmost', 'ins:paramount']],
    ['the same words', 'the same words', []],
  ])('%s -> %s', (a, b, changes) => {
    const parts = wordDiff(a, b).filter((p) => p.op !== 'same').map((p) => `${p.op}:${p.text.trim()}`);
    expect(parts).toEqual(changes);
  });

  test('quote words come from the reading value, else from the claim without its quote marks', () => {
    expect(quoteWords({ display: 'x', value: { words: 'We sail' }, claims: [] })).toBe('We sail');
    expect(quoteWords({ display: 'x', value: null, claims: [ref('a.md', '"We will not sail until the offer is fair,"')] })).toBe('We will not sail until the offer is fair,');
  });
});

describe('renderHtml', () => {
  // Agreements in full, so every card of the hostile report is rendered.
  const html = renderHtml(sampleReport(), { articles: ARTICLE_MAP, showAgreements: true });

  test('one self-contained page: no external script, style, font, image or link to load', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    expect(inlineBlocks(html, 'script')).toHaveLength(1);
    expect(inlineBlocks(html, 'style')).toHaveLength(1);
  });

  test('the CSP allows exactly our inline script and style, by hash, and nothing from the network', () => {
    const [script] = inlineBlocks(html, 'script');
    const [style] = inlineBlocks(html, 'style');
    const csp = contentSecurityPolicy(false);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`);
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(contentSecurityPolicy(true)).toMatch(/connect-src 'self'/);
    // The CSP meta comes before anything an attacker could influence.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
  });

  test('no markup from articles, outlets, subjects or messages survives: all of it is text', () => {
    expect(html).not.toMatch(/<script>window/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;window.__pwned=4;document.title=&quot;pwned&quot;&lt;/script&gt;');
    expect(html).toContain('Beta &lt;script&gt;window.__pwned=3&lt;/script&gt; News');
    expect(html).toContain('<code>javascript:window.__pwned=2</code>');
    expect(html).toContain('crew &lt;script&gt;window.__pwned=8&lt;/script&gt; walked out');
  });

  test('summary counts and a bar per source: the conflicts it stands apart in, of those it is part of', () => {
    expect(html).toMatch(/<dt>Sources<\/dt><dd>2<\/dd>/);
    expect(html).toMatch(/<dt>Facts<\/dt><dd>3<\/dd>/);
    expect(html).toMatch(/<dt>Conflicts<\/dt><dd>1<\/dd>/);
    expect(html).toMatch(/<dt>Variants<\/dt><dd>1<\/dd>/);
    expect(html).toMatch(/<dt>Agreements<\/dt><dd>1<\/dd>/);
    const bars = [...html.matchAll(/<div class="bar-row" data-source="(\d)">.*?<span class="bar-count"[^>]*><span class="n-c">(\d+)<\/span> of <span class="n-v">(\d+)<\/span>/g)].map((m) => [m[1], `${m[2]} of ${m[3]}`]);
    // One against one: neither outlet is the odd one out.
    expect(bars).toEqual([
      ['0', '0 of 1'],
      ['1', '0 of 1'],
    ]);
    expect(html).toContain('<p class="odd">No majority: the sources are evenly split</p>');
  });

  test('cards: conflicts first, each reading with its outlets, each claim marked in its sentence', () => {
    const order = [...html.matchAll(/<article class="finding verdict-(\w+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['conflict', 'variant', 'agree']);
    expect(html).toContain('data-id="date:strike-began" data-verdict="conflict" data-kind="date" data-sources="0 1" data-decision="none"');
    expect(html).toContain('<strong class="display">Monday 2026-03-16</strong><span class="outlets">Alpha Daily</span>');
    expect(html).toContain('<span class="outlets">Alpha Daily, Beta &lt;script&gt;window.__pwned=3&lt;/script&gt; News</span>');
    expect(html).toContain('<p class="sentence">The strike began <mark>on Monday</mark>, union leader Mara Quist said.</p>');
    expect(html).toContain('<code>b.txt:1:18</code>');
  });

  test('a quote variant shows the words that changed', () => {
    expect(html).toMatch(/<p class="diff"><span class="diff-label">[^<]*<\/span>We will not sail until the <ins>pay <\/ins>offer is fair,<\/p>/);
  });

  test('without article text a claim shows its own words, marked', () => {
    const bare = renderHtml(sampleReport());
    expect(bare).toContain('<p class="sentence"><mark>on Monday</mark></p>');
  });

  test('agreements fold into one line each unless shown in full', () => {
    const folded = renderHtml(sampleReport(), { articles: ARTICLE_MAP });
    expect(folded).toContain('<details class="agreements" id="agreements"><summary>1 agreement, one line each');
    expect(folded).toMatch(
      /<article class="finding verdict-agree line" id="finding-3" data-id="quantity:crew-walked-out"[^>]*><span class="badge">quantity<\/span> <strong>crew &lt;script&gt;window.__pwned=8&lt;\/script&gt; walked out<\/strong>: 300 crew <span class="outlets">2 sources: Alpha Daily, Beta &lt;script&gt;/,
    );
    expect(folded).not.toContain('About 300 crew members</mark>');
    expect(html).not.toContain('<details class="agreements"');
  });

  test('deterministic: the same bytes every time, and no clock in them', () => {
    expect(renderHtml(sampleReport(), { articles: ARTICLE_MAP, showAgreements: true })).toBe(html);
    expect(html).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
  });

  test('filters list every verdict, kind and source; they stay hidden until the script runs', () => {
    expect(html).toContain('<form id="filters" class="filters" hidden');
    expect(html).toContain('<option value="quote">quote (1)</option>');
    expect(html).toContain('<option value="1">Beta &lt;script&gt;window.__pwned=3&lt;/script&gt; News</option>');
    expect(html).not.toContain('id="filter-decision"');
  });

  test('review mode: token meta, a form per finding with its saved decision', () => {
    const page = renderHtml(sampleReport(), {
      articles: ARTICLE_MAP,
      review: { token: 'abc123', decisions: new Map([['quote:we-will-not-sail', { status: 'rejected', comment: 'same <b>quote</b>' }]]) },
    });
    expect(page).toContain('<meta name="corroborate-review-token" content="abc123">');
    // Agreements are one line each, without a form.
    expect(page.match(/<form class="review">/g)).toHaveLength(2);
    expect(page).toContain('<strong class="n-open">1</strong> of <span class="n-all">1</span> conflict <span class="verb">needs</span> a decision');
    expect(page).toContain('<strong class="n-open">0</strong> of <span class="n-all">1</span> variant <span class="verb">need</span> a decision');
    expect(page).toContain('<kbd>a</kbd> accept');
    expect(page).toContain('data-decision="rejected"');
    expect(page).toContain('<input type="radio" name="decision-2" value="rejected" checked>');
    expect(page).toContain('>same &lt;b&gt;quote&lt;/b&gt;</textarea>');
    expect(page).toContain('id="filter-decision"');
  });

  test('a decision carried on the finding (check --decisions) shows as a badge and a note', () => {
    const report = sampleReport();
    report.findings = report.findings.map((f) => (f.id === 'date:strike-began' ? { ...f, review: { status: 'accepted', comment: 'real' } } : f));
    const page = renderHtml(report, { showAgreements: true });
    expect(page).toContain('<span class="badge decision">accepted</span>');
    expect(page).toContain('<p class="meta">Editor: real</p>');
  });

  test('registered as --format html and given the articles', () => {
    expect(RENDERERS.html(sampleReport(), { cwd: '/', root: '/', articles: ARTICLE_MAP, showAgreements: true })).toBe(html);
  });

  test('a large report: the first page in the markup, the other cards and the lines as deflated data', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 150; i++) many.push({ ...FINDINGS[2], id: `date:c${i}`, subject: `strike began </script><script>window.__pwned=${i}</script>` });
    for (let i = 0; i < 30; i++) many.push({ ...FINDINGS[0], id: `quantity:a${i}` });
    const report = sampleReport();
    report.findings = many;
    const page = renderHtml(report, { articles: ARTICLE_MAP });
    expect(page.match(/<article class="finding verdict-conflict"/g)).toHaveLength(PAGE_SIZE);
    expect(page).not.toContain('<article class="finding verdict-agree line"');
    expect(inlineBlocks(page, 'script')).toHaveLength(1);
    const data = /<script type="application\/octet-stream" id="cards-data" data-cards="50">([A-Za-z0-9+/=]+)<\/script>/.exec(page);
    expect(data).not.toBeNull();
    const rows = inflateSync(Buffer.from((data as RegExpExecArray)[1], 'base64')).toString('utf8').split('\n');
    expect(rows).toHaveLength(1 + 50 + 30);
    expect(JSON.parse(rows[0])[0]).toEqual(['conflict', 'date', '0 1', 'none']);
    const card = JSON.parse(rows[1]);
    expect(card[0]).toBe('article');
    expect(card[1]).toMatchObject({ id: 'finding-101', 'data-id': 'date:c100' });
    // The hostile subject is a string in the data, to become a text node: never markup.
    expect(rows[1]).toContain('"strike began </script><script>window.__pwned=100</script>"');
    expect(JSON.parse(rows[51])[1]).toMatchObject({ class: 'finding verdict-agree line', 'data-id': 'quantity:a0' });
    expect(html).not.toContain('id="cards-data"');
  });

  test('past 20 outlets the chart keeps the 19 that stand apart most and groups the others; the source menu leads with them', () => {
    const articles = Array.from({ length: 30 }, (_v, i) => ({ id: `s${i}.txt`, referenceDate: null, referenceDateSource: null, outlet: `Outlet ${String(i).padStart(2, '0')}`, claims: 1 }));
    const at = (id: string) => ({ source: id, start: 0, end: 1, text: 'x', line: 1, column: 1, claim: 'c@0-1' });
    // Outlet 29 stands apart in two conflicts, outlet 28 in one; the others side with the majority.
    const conflict = (odd: string, n: number): Finding => ({
      ...FINDINGS[2],
      id: `date:c${n}`,
      readings: [
        { display: 'Monday', value: null, claims: articles.filter((a) => a.id !== odd).slice(0, 5).map((a) => at(a.id)) },
        { display: 'Tuesday', value: null, claims: [at(odd)] },
      ],
    });
    const report = { ...sampleReport(), articles, findings: [conflict('s29.txt', 1), conflict('s29.txt', 2), conflict('s28.txt', 3)] };
    const page = renderHtml(report);
    const rows = [...page.matchAll(/<div class="bar-row"([^>]*)><span class="bar-label" title="[^"]*">([^<]*)<\/span>.*?<span class="n-c">(\d+)<\/span> of <span class="n-v">(\d+)<\/span>/g)].map((m) => [m[2], `${m[3]} of ${m[4]}`]);
    expect(rows).toHaveLength(20);
    expect(rows.slice(0, 2)).toEqual([
      ['Outlet 29', '2 of 2'],
      ['Outlet 28', '1 of 1'],
    ]);
    expect(rows[19]).toEqual(['11 other sources', '0 of 0']);
    expect(page).toContain('<div class="bar-row" data-group="other">');
    expect(page).toMatch(/<option value="">All sources<\/option>\n<option value="29">Outlet 29<\/option>\n<option value="28">Outlet 28<\/option>/);
  });

  test('toHtml writes nodes as the renderer always did: escaped text, bare boolean attributes', () => {
    expect(toHtml(['p', { class: 'x', hidden: true }, 'a <b>', ['mark', null, '&']])).toBe('<p class="x" hidden>a &lt;b&gt;<mark>&amp;</mark></p>');
    expect(toHtml(['label', null, ['input', { type: 'radio', checked: true }], 'Accept'])).toBe('<label><input type="radio" checked>Accept</label>');
  });

  test('orderFindings keeps report order inside a verdict', () => {
    const twice = [...FINDINGS, { ...FINDINGS[2], id: 'date:second' }];
    expect(orderFindings(twice).map((f) => f.id)).toEqual(['date:strike-began', 'date:second', 'quote:we-will-not-sail', 'quantity:crew-walked-out']);
  });
});

describe('corroborate check --format html', () => {
  const story = resolve(__dirname, '..', '..', 'examples', 'ferry-strike');
  const run = async (args: string[], cwd: string) => {
    let stdout = '';
    const code = await main(['node', 'corroborate', 'check', story, '--fail-on', 'never', ...args], { cwd, stdout: (s) => (stdout += s), stderr: () => undefined });
    return { code, stdout };
  };

  test('writes one page with a card per finding, the same bytes on every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-html-cli-'));
    expect((await run(['--format', 'html', '--out', 'report.html'], dir)).code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const report = JSON.parse((await run(['--format', 'json'], dir)).stdout) as { findings: { id: string }[] };
    const ids = [...html.matchAll(/<article class="finding [^"]*" id="finding-\d+" data-id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(report.findings.map((f) => escapeHtml(f.id)).sort());
    expect(inlineBlocks(html, 'script')).toHaveLength(1);
    expect(html).not.toMatch(/\bsrc=|<link\b/);
    expect((await run(['--format', 'html'], dir)).stdout).toBe(html);
  });
});
