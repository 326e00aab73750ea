import type { Article, ClaimRef, Finding, Reading } from '../../src/types';
import { buildArticle } from '../../src/ingest/article';
import { buildReport, type Report } from '../../src/report/json';
import { lineColumn } from '../../src/text/span';

// A made-up news week at scale: `stories` stories of `perStory` articles each, from 60 invented outlets.
// Each article states twelve facts, one a sentence; a story's findings are built from those sentences as
// the comparison would report them (8 conflicts, 4 variants, 24 agreements a story, the shipped example's
// mix), so the HTML report can be measured at a size no test corpus reaches.

const FIRST = ['Harbor', 'Valley', 'Northgate', 'Riverside', 'Saltmarsh', 'Copperfield', 'Linden', 'Eastbrook', 'Highcliff', 'Moorland'];
const SECOND = ['Gazette', 'Courier', 'Post', 'Wire', 'Herald', 'Ledger'];
const OUTLETS = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`));
const PLACES = ['Velmar', 'Orrin Bay', 'Castrel', 'Dunmere', 'Pellow Ford', 'Astwick', 'Karsby', 'Lowen Cross'];
const NOUNS = ['workers', 'passengers', 'homes', 'boats', 'families', 'volunteers', 'buses', 'schools'];
const VERBS = ['evacuated', 'stranded', 'damaged', 'moved', 'sheltered', 'counted', 'inspected', 'closed'];

interface Fact {
  /** The words of the claim in the sentence, per article. */
  words: (article: number) => string;
  sentence: (words: string) => string;
}

function facts(story: number): Fact[] {
  const place = `${PLACES[story % PLACES.length]} ${Math.floor(story / PLACES.length) + 1}`;
  const out: Fact[] = [];
  // Eight figures: every fifth article gives another number (the odd one out).
  for (let k = 0; k < 8; k++) {
    const base = 100 + ((story * 37 + k * 11) % 900);
    out.push({
      words: (a) => `${a % 5 === 0 ? base * 2 : base} ${NOUNS[k]}`,
      sentence: (w) => `Officials in ${place} said ${w} were ${VERBS[k]} by the end of Tuesday, as the storm moved north along the coast.`,
    });
  }
  // Two quotes, worded two ways; two names, spelled two ways.
  out.push({
    words: (a) => (a % 2 ? 'We will rebuild every street of this town' : 'We will rebuild every single street of this town'),
    sentence: (w) => `“${w},” the mayor of ${place} told reporters at the harbor on Wednesday morning.`,
  });
  out.push({
    words: (a) => (a % 3 ? 'No family will be left without a roof' : 'No family will be left without shelter'),
    sentence: (w) => `“${w},” said the regional housing minister during a visit to ${place}.`,
  });
  out.push({ words: (a) => (a % 4 ? 'Tamsin Okafor' : 'Tamsin Okafur'), sentence: (w) => `The rescue was led by ${w}, the chief of the ${place} volunteer service.` });
  out.push({ words: (a) => (a % 6 ? 'Brannock Ferries' : 'Branock Ferries'), sentence: (w) => `Services run by ${w} stayed suspended until the port of ${place} reopened.` });
  return out;
}

export interface LargeStory {
  report: Report;
  articles: Map<string, Article>;
}

export function largeReport(articleCount: number, perStory = 20): LargeStory {
  const stories = Math.ceil(articleCount / perStory);
  const articles: Article[] = [];
  const findings: Finding[] = [];
  for (let s = 0; s < stories; s++) {
    const fs = facts(s);
    const spans: ClaimRef[][] = fs.map(() => []);
    const count = Math.min(perStory, articleCount - s * perStory);
    for (let a = 0; a < count; a++) {
      const id = `story-${String(s).padStart(4, '0')}/article-${String(a).padStart(2, '0')}.txt`;
      let text = `${OUTLETS[(s * 7 + a) % OUTLETS.length]} report ${a + 1} on the storm\n\n`;
      const at: [number, string][] = [];
      for (const f of fs) {
        const words = f.words(a);
        const sentence = f.sentence(words);
        at.push([text.length + sentence.indexOf(words), words]);
        text += `${sentence} `;
      }
      text += '\n';
      const built = buildArticle(id, `/news/${id}`, text, { outlet: OUTLETS[(s * 7 + a) % OUTLETS.length] });
      if (!built.ok) throw new Error(`article ${id}`);
      articles.push(built.value);
      at.forEach(([start, words], k) => {
        spans[k].push({ source: id, start, end: start + words.length, text: words, ...lineColumn(built.value.lineStarts, start), claim: `claim@${start}-${start + words.length}` });
      });
    }
    const byWords = (refs: ClaimRef[]): Reading[] => {
      const groups = new Map<string, ClaimRef[]>();
      for (const r of refs) groups.set(r.text, [...(groups.get(r.text) ?? []), r]);
      return [...groups.values()].sort((x, y) => y.length - x.length).map((claims) => ({ display: claims[0].text, value: null, claims }));
    };
    const finding = (k: number, kind: Finding['kind'], verdict: Finding['verdict'], label: string, readings: Reading[]): Finding => ({
      id: `${kind}:story-${s}-fact-${k}-${verdict}`,
      kind,
      subject: label,
      label,
      verdict,
      severity: verdict === 'conflict' ? 'error' : verdict === 'variant' ? 'warning' : 'info',
      rule: kind === 'quantity' ? 'quantity-tolerance' : kind === 'quote' ? 'quote-wording' : 'name-spelling',
      message: `${readings.length} readings`,
      readings,
      relations: readings.slice(1).map((_r, i) => ({ between: [0, i + 1] as [number, number], relation: verdict, reason: `${readings[0].display} / ${readings[i + 1].display}` })),
    });
    for (let k = 0; k < 8; k++) findings.push(finding(k, 'quantity', 'conflict', `${NOUNS[k]} ${VERBS[k]}`, byWords(spans[k])));
    findings.push(finding(8, 'quote', 'variant', 'the mayor: “We will rebuild every street…”', byWords(spans[8])));
    findings.push(finding(9, 'quote', 'variant', 'the minister: “No family will be left…”', byWords(spans[9])));
    findings.push(finding(10, 'name', 'variant', 'spelling of Tamsin Okafor', byWords(spans[10])));
    findings.push(finding(11, 'name', 'variant', 'spelling of Brannock Ferries', byWords(spans[11])));
    // Agreements: each fact once more, as the one reading every source gives (24 a story).
    for (let k = 0; k < 24; k++) {
      const refs = spans[k % 12];
      findings.push(finding(100 + k, k % 12 < 8 ? 'quantity' : k % 12 < 10 ? 'quote' : 'name', 'agree', `agreed fact ${k + 1} of story ${s + 1}`, [{ display: refs[1]?.text ?? refs[0].text, value: null, claims: refs }]));
    }
  }
  const report = buildReport(articles, new Map(articles.map((a) => [a.id, []])), findings);
  return { report, articles: new Map(articles.map((a) => [a.id, a])) };
}
