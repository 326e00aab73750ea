import { buildArticle } from '../../src/ingest/article';
import { peopleExtractor } from '../../src/extract/people';
import { titleExtractor } from '../../src/extract/titles';
import { quoteExtractor } from '../../src/extract/quotes';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Article, Claim, QuoteValue } from '../../src/types';

function article(text: string): Article {
  const r = buildArticle('a.txt', '/tmp/a.txt', `---\npublished: 2024-03-10\n---\n${text}`);
  if (!r.ok) throw new Error('bad article');
  return r.value;
}

function quotes(text: string): QuoteValue[] {
  const a = article(text);
  const ctx = {};
  let claims: Claim[] = [];
  for (const e of [peopleExtractor, titleExtractor, quoteExtractor]) claims = [...claims, ...e.extract(a, ctx, claims)];
  const qs = claims.filter((c) => c.kind === 'quote');
  for (const c of qs) {
    expect(a.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    expect((c.value as QuoteValue).words).toBe(c.span.text);
    expect(c.id).toBe(`quote@${c.span.start}-${c.span.end}`);
  }
  return qs.map((c) => c.value as QuoteValue);
}

describe('quotes: words and speakers', () => {
  test.each([
    // [text, words of each segment, speaker name, speaker kind, partial]
    ['"We will rebuild the pier," Harbor Master Liesel Okonkwo said.', ['We will rebuild the pier'], 'Liesel Okonkwo', 'person', false],
    ['\u201cWe will rebuild the pier,\u201d said Liesel Okonkwo.', ['We will rebuild the pier'], 'Liesel Okonkwo', 'person', false],
    ['Liesel Okonkwo spoke at dawn. "The pier is gone," Okonkwo told reporters.', ['The pier is gone'], 'Liesel Okonkwo', 'person', false],
    ['Liesel Okonkwo spoke at dawn. "The pier is gone," she added.', ['The pier is gone'], 'Liesel Okonkwo', 'person', false],
    ['Tobias Renner replied, "Nobody was hurt."', ['Nobody was hurt.'], 'Tobias Renner', 'person', false],
    ['Tobias Renner warned of "hard months" ahead.', ['hard months'], 'Tobias Renner', 'person', true],
    ['The repairs are "not possible," the Velorian government said Sunday.', ['not possible'], 'the Velorian government', 'organization', true],
    ['A senior port official said the cost was "too high."', ['too high.'], 'A senior port official', 'description', true],
    ['In a statement, the ministry said "the harbor will reopen."', ['the harbor will reopen.'], 'the ministry', 'organization', true],
    ['"The harbor will reopen," according to Tobias Renner.', ['The harbor will reopen'], 'Tobias Renner', 'person', false],
    ['Tobias Renner wrote on Chirper: "We are ready."', ['We are ready.'], 'Tobias Renner', 'person', false],
    ['Nobody knows why "the lights went out."', ['the lights went out.'], null, null, true],
  ])('%s', (text, words, speaker, kind, partial) => {
    const qs = quotes(text);
    expect(qs.map((q) => q.words)).toEqual(words);
    expect(qs[0].speaker?.name ?? null).toBe(speaker);
    expect(qs[0].speaker?.kind ?? null).toBe(kind);
    expect(qs[0].partial).toBe(partial);
  });

  test('a pronoun names the subject of the sentence before, and says how', () => {
    const [q] = quotes('Mayor Tobias Renner met Liesel Okonkwo on Monday. "We agreed on nothing," he said.');
    expect(q.speaker).toMatchObject({ name: 'Tobias Renner', key: 'tobias renner', kind: 'person' });
    expect(q.speaker?.how).toMatch(/^pronoun he -> Tobias Renner/);
    expect(q.speaker?.span?.text).toBe('he');
  });

  test.each([
    // [text, speaker of the pronoun]: the subject of the sentence before, when it is a known person.
    ['Velkov posted a long statement about his quarrel with Tobias Renner. "I regret it," he said.', null],
    ['Velkov said sorry to Tobias Renner on Monday. "I regret it," he said.', null],
    ['Union president Liesel Okonkwo met the owners. "We will stay out," she said.', 'Liesel Okonkwo'],
    ['Harborline chief executive Tobias Renner spoke first. "We will talk," he said.', 'Tobias Renner'],
    ['Yesterday Tobias Renner met the owners. "We will talk," he said.', 'Tobias Renner'],
  ])('a pronoun after a sentence whose subject is a name not known as a person\'s: %s -> %s', (text, speaker) => {
    const [q] = quotes(text);
    expect(q.speaker?.name ?? null).toBe(speaker);
  });

  test('a quote broken by its attribution is one quotation of two segments sharing the speaker', () => {
    const qs = quotes('"The storm took the pier," Okafor Lindqvist said. "We will build it again. It will take a year."');
    expect(qs.map((q) => q.words)).toEqual(['The storm took the pier', 'We will build it again. It will take a year.']);
    expect(new Set(qs.map((q) => q.quotation)).size).toBe(1);
    expect(qs.every((q) => q.speaker?.name === 'Okafor Lindqvist')).toBe(true);
  });

  test('a quote running over two paragraphs continues at the next opening mark', () => {
    const qs = quotes('Okafor Lindqvist said: "The storm took the pier.\n\n"We will build it again."\n\nThe town waited.');
    expect(qs.map((q) => q.words)).toEqual(['The storm took the pier.', 'We will build it again.']);
    expect(qs[0].quotation).toBe(qs[1].quotation);
  });

  test('an unbalanced mark stops at its paragraph', () => {
    const qs = quotes('The mayor said "we are fine.\n\nThe next paragraph is prose. It has no quote.');
    expect(qs.map((q) => q.words)).toEqual(['we are fine.']);
  });

  test('single quotes in a headline, apostrophes elsewhere are not quotes', () => {
    expect(quotes("Port Chief Vows 'No Closure' After Storm\n\nThe chief's boat wasn't hurt.").map((q) => q.words)).toEqual(['No Closure']);
  });

  test('an embedded post is a quote of its author', () => {
    const qs = quotes('The envoy replied online.\n\nThe harbor is open again. Come visit!\n\u2014 Mara Quell (@maraquell) March 9, 2024\nShips returned.');
    expect(qs.map((q) => q.words)).toEqual(['The harbor is open again. Come visit!']);
    expect(qs[0]).toMatchObject({ post: true, partial: false });
    expect(qs[0].speaker).toMatchObject({ name: 'Mara Quell', kind: 'person', how: 'post author' });
  });

  test('a quote with no speaker to find has speaker null', () => {
    const [q] = quotes('"Never again," read the banner.');
    expect(q.speaker).toBeNull();
  });

  test('never throws, never runs away', () => {
    for (const s of ['"', '""', '\u201c', '"a" "b', "'x'", '\u2018\u2019', '"'.repeat(500), `"${'word '.repeat(2000)}`]) {
      expect(() => quotes(s)).not.toThrow();
    }
  });
});
