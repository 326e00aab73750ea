import type { Article, ClaimRef, Finding } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { buildReport, type Report } from '../../src/report/json';
import { lineColumn } from '../../src/text/span';

// A made-up two-outlet story; outlet b carries hostile markup in its text and metadata. Every payload
// sets window.__pwned (or the title) if it ever runs.
export const TEXT_A =
  '---\noutlet: Alpha Daily\ntitle: <img src=x onerror="window.__pwned=1">\nurl: javascript:window.__pwned=2\n---\n' +
  'The strike began on Monday, union leader Mara Quist said. "We will not sail until the offer is fair," Quist said.\n' +
  'About 300 crew members walked out.\n';
export const TEXT_B =
  'The strike began on Tuesday, said Mara Quist. "We will not sail until the pay offer is fair," she said.\n' +
  'Some 300 crew members <script>window.__pwned=4;document.title="pwned"</script> walked out ' +
  '<img src=x onerror="window.__pwned=5"> [click](javascript:window.__pwned=6) <a href="javascript:window.__pwned=7">link</a>.\n';

function article(id: string, text: string, outlet?: string): Article {
  const built = buildArticle(id, `/story/${id}`, text, outlet ? { outlet } : {});
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

export const ARTICLES: Article[] = [
  article('a.md', TEXT_A),
  article('b.txt', TEXT_B, 'Beta <script>window.__pwned=3</script> News'),
];

/** The claim of `words` (its n-th occurrence) in article `id`. */
export function ref(id: string, words: string, kind = 'claim'): ClaimRef {
  const a = ARTICLES.find((x) => x.id === id) as Article;
  const start = a.text.indexOf(words);
  if (start < 0) throw new Error(`${words} not in ${id}`);
  return { source: id, start, end: start + words.length, text: words, ...lineColumn(a.lineStarts, start), claim: `${kind}@${start}-${start + words.length}` };
}

export const FINDINGS: Finding[] = [
  {
    id: 'quantity:crew-walked-out',
    kind: 'quantity',
    subject: 'crew <script>window.__pwned=8</script> walked out',
    verdict: 'agree',
    severity: 'info',
    rule: 'quantity-tolerance',
    message: '2 sources agree: 300 <img src=x onerror="window.__pwned=9">',
    readings: [
      { display: '300 crew', value: { low: 300, high: 300 }, claims: [ref('a.md', 'About 300 crew members'), ref('b.txt', 'Some 300 crew members')] },
    ],
    relations: [],
  },
  {
    id: 'quote:we-will-not-sail',
    kind: 'quote',
    subject: 'mara quist: we will not sail',
    verdict: 'variant',
    severity: 'warning',
    rule: 'quote-wording',
    message: 'The same quote in other words',
    readings: [
      { display: 'We will not sail until the offer is fair', value: { words: 'We will not sail until the offer is fair,' }, claims: [ref('a.md', '"We will not sail until the offer is fair,"')] },
      { display: 'We will not sail until the pay offer is fair', value: { words: 'We will not sail until the pay offer is fair,' }, claims: [ref('b.txt', '"We will not sail until the pay offer is fair,"')] },
    ],
    relations: [{ between: [0, 1], relation: 'variant', reason: 'one word added: "pay"' }],
  },
  {
    id: 'date:strike-began',
    kind: 'date',
    subject: 'strike began',
    verdict: 'conflict',
    severity: 'error',
    rule: 'date-interval',
    message: 'Monday 2026-03-16 against Tuesday 2026-03-17',
    readings: [
      { display: 'Monday 2026-03-16', value: { start: '2026-03-16' }, claims: [ref('a.md', 'on Monday')] },
      { display: 'Tuesday 2026-03-17', value: { start: '2026-03-17' }, claims: [ref('b.txt', 'on Tuesday')] },
    ],
    relations: [{ between: [0, 1], relation: 'conflict', reason: 'Monday and Tuesday do not overlap' }],
  },
];

export function sampleReport(): Report {
  const claims = new Map(ARTICLES.map((a) => [a.id, []]));
  return buildReport(ARTICLES, claims, FINDINGS.map((f) => ({ ...f })));
}

export const ARTICLE_MAP: ReadonlyMap<string, Article> = new Map(ARTICLES.map((a) => [a.id, a]));
