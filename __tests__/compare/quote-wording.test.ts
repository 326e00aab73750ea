import { quoteWording } from '../../src/compare/comparators/quote-wording';
import { alignQuotes } from '../../src/compare/quote-align';
import { VOCABULARY_KINDS, emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, QuoteValue, Vocabulary } from '../../src/types';

function vocab(): Vocabulary {
  const v = emptyVocabulary();
  const kind = (id: string) => VOCABULARY_KINDS.find((k) => k.id === id)!;
  kind('paraphrase').merge(v, { sets: [['not possible', 'impossible'], ['right away', 'immediately'], ['utmost', 'paramount'], ['deal', 'agreement']] }, 'paraphrases');
  kind('spelling').merge(v, { sets: [['defense', 'defence']] }, 'spellings');
  return v;
}

const ctx: CompareContext = {
  rule: { id: 'quote-wording', extends: 'quote-wording', appliesTo: ['quote'], severity: 'warning', params: {}, file: '' },
  vocabulary: vocab(),
  articles: new Map(),
};

let n = 0;
function q(words: string, source = `s${n++}.txt`, quotation = 'q@0-1'): Claim {
  const value: QuoteValue = { type: 'quote', words, quotation, partial: false, speaker: null };
  return {
    id: `quote@0-${words.length}`, source, kind: 'quote', extractor: 'quotes',
    span: { start: 0, end: words.length, text: words, line: 1, column: 1 }, value,
    context: { predicates: [], entities: [], words: [] },
  };
}

describe('quote-wording compare', () => {
  test.each([
    // [a, b, relation, reason pattern, rule]
    ['We will rebuild the pier.', 'We will rebuild the pier.', 'agree', /same words/, undefined],
    ['We will rebuild the pier.', '\u201cwe will REBUILD the pier\u201d', 'agree', /punctuation or case/, undefined],
    ["We won't leave.", 'We will not leave.', 'agree', /contractions/, undefined],
    ['the defence of the harbor is ready', 'the defense of the harbor is ready', 'agree', /spelling/, undefined],
    ['hard months', 'We expect hard months ahead for the whole harbor', 'agree', /is part of/, undefined],
    ['Reopening the pier is not possible this year.', 'Reopening the pier is impossible this year.', 'variant', /"not possible" -> "impossible"/, 'paraphrases'],
    ['We want the ferry back soon, right away.', 'We want the ferry back soon, immediately.', 'variant', /right away/, 'paraphrases'],
    ['Recently some traders have said that they started talks about the old ferry line', 'Recently some traders claimed to have opened talks about the old ferry line', 'variant', /other wording/, undefined],
    ['We will reopen the harbor to all ships next week', 'We will not reopen the harbor to all ships next week', 'conflict', /negation/, undefined],
    // "unless" is "if not": the same meaning, no flip.
    ['The grid will hold if we all act together', 'The grid will not hold unless we all act together', 'variant', /other wording/, undefined],
    ['The grid will hold if we all act together', 'The grid will not hold if we all act together', 'conflict', /negation/, undefined],
    ['Forty boats were lost in the storm last night', 'Fifteen boats were lost in the storm last night', 'conflict', /number/, undefined],
    ['We lost 40 boats in the storm last night', 'We lost 14 boats in the storm last night', 'conflict', /number/, undefined],
    ['The ferry to Velmora leaves every day at noon', 'The ferry to Castrelle leaves every day at noon', 'conflict', /name changed/, undefined],
    ['The storm destroyed our fishing fleet entirely', 'Tourists will come back in the spring season', 'agree', /different parts/, undefined],
    // Quotations of several sentences are judged by the sentences both quote.
    ['The pier is gone. We will rebuild it by May. Nobody was hurt.', 'We will rebuild it by May. Nobody was hurt.', 'agree', /is part of/, undefined],
    ['The pier is gone. We will rebuild it by May.', 'We will rebuild it by May. The town will pay for it.', 'agree', /sentence both quote reads alike; one quotes more/, undefined],
    ['The pier is gone. We want the ferry back soon, right away.', 'We want the ferry back soon, immediately. Nobody was hurt in the storm.', 'variant', /"right away" -> "immediately"/, 'paraphrases'],
    ['Two tugs will begin towing the barges right away.', 'Two tugs will begin towing the barges immediately. Families go first.', 'variant', /right away/, 'paraphrases'],
    ['We lost the pier. If they refuse it, you will see what we do.', 'We lost the pier. If they refuse, you will see what we do.', 'variant', /"it" left out/, undefined],
    ['The pier is gone. We will reopen the harbor to all ships next week.', 'We will not reopen the harbor to all ships next week. Nobody was hurt.', 'conflict', /negation/, undefined],
    ['The pier is gone. Tourists will come back in the spring season.', 'The storm destroyed our fishing fleet. We start over.', 'agree', /different parts/, undefined],
  ])('%s | %s -> %s', (a, b, relation, reason, rule) => {
    const j = quoteWording.compare(q(a), q(b), ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
    expect(j.rule).toBe(rule);
  });

  test('two parts of one quotation agree', () => {
    const j = quoteWording.compare(q('The storm destroyed our fleet.', 'a.txt', 'q@1-9'), q('Tourists will come back in spring.', 'a.txt', 'q@1-9'), ctx);
    expect(j).toMatchObject({ relation: 'agree', reason: 'two parts of one quotation' });
  });
});

describe('quote-wording link', () => {
  test.each([
    ['We will rebuild the pier next spring', 'We will rebuild the pier next spring', 0.99, 1],
    ['Reopening the pier is not possible', 'Reopening the pier is impossible', 0.99, 1],
    ['hard months ahead', 'We expect hard months ahead for the whole harbor', 0.75, 0.95],
    ['hard months', 'We expect hard months ahead for the whole harbor', 0.5, 0.7],
    ['impossible', 'Reopening the pier is not possible', 0.3, 0.5],
    ['political deals', 'shameful deals', 0, 0.25],
    ['The storm destroyed our fishing fleet entirely', 'Tourists will come back in the spring season', 0, 0.1],
    ['Nobody in Velmora trusts the new mayor', 'Velmora will rebuild the harbor board soon', 0, 0.1],
  ])('%s ~ %s', (a, b, lo, hi) => {
    const l = quoteWording.link(q(a), q(b), ctx);
    expect(l).toBeGreaterThanOrEqual(lo);
    expect(l).toBeLessThanOrEqual(hi);
    expect(alignQuotes(a, b, ctx.vocabulary).link).toBe(l);
  });

  test.each([
    // [names around the first quote's claims, around the second's, link]
    ['no name in common: two stories', ['velmora', 'roe'], ['castrelle', 'quist'], 0],
    ['one name in common: one story', ['velmora', 'roe'], ['velmora', 'quist'], 1],
    ['one article names one thing only: cannot tell', ['velmora'], ['castrelle', 'quist'], 1],
  ] as const)('the same words in two articles, %s', (_name, x, y, link) => {
    const named = (source: string, entities: readonly string[]): Claim => ({ ...q('We will rebuild the pier next spring', source), context: { predicates: [], entities: [...entities], words: [] } });
    const a = named('a.txt', x);
    const b = named('b.txt', y);
    expect(quoteWording.link(a, b, { ...ctx, pool: [a, b], memo: new Map() })).toBeCloseTo(link, 2);
  });

  test('readings: folded words; blocks by content words', () => {
    expect(quoteWording.readingKey(q('\u201cWe WON\u2019T leave,\u201d'), ctx)).toBe("we won't leave");
    expect(quoteWording.display(q('We will stay.'), ctx)).toBe('We will stay.');
    const ka = quoteWording.blockKeys(q('Reopening is not possible'), ctx);
    const kb = quoteWording.blockKeys(q('it is impossible'), ctx);
    expect(ka.some((k) => kb.includes(k))).toBe(true);
  });
});

describe('quote-wording: a segment within the other quotation', () => {
  test('links weakly to another sentence of the quotation that holds it, and the pair agrees', () => {
    const text = 'We will not sell the ferry, we want it back soon. And if they refuse, they will find out what we do.';
    const c2 = { ...ctx, articles: new Map([['x.txt', { text } as never]]) };
    const first = q('We will not sell the ferry, we want it back soon.', 'x.txt', `q@0-${text.length}`);
    const merged = q('We will not sell the ferry... if they refuse, they will find out what we do', 'y.txt', 'q@0-5');
    expect(quoteWording.link(first, merged, c2)).toBeGreaterThanOrEqual(0.25);
    const other = q('The pier opens in May and stays open all summer long', 'z.txt', 'q@0-5');
    expect(quoteWording.link(first, other, c2)).toBeLessThan(0.25);
  });
});

describe('a negation written as a prefix is a variant, not a flip', () => {
  const { negativeAffix } = require('../../src/compare/quote-align') as typeof import('../../src/compare/quote-align');
  test.each([
    [['not', 'acceptable'], ['unacceptable'], true],
    [['is', 'not', 'legal'], ['is', 'illegal'], true],
    [['not', 'possible'], ['impossible'], true],
    [['not', 'responsible'], ['irresponsible'], true],
    [['not', 'acceptable'], ['acceptable'], false],
    [['not', 'happy'], ['unhappily'], false],
    [['not', 'fair', 'today'], ['unfair'], false],
  ])('%j ~ %j -> %s', (x, y, expected) => {
    expect(negativeAffix(x, y)).toBe(expected);
  });
});

describe('quote-wording: one sentence told as two', () => {
  test.each([
    // [a, b, relation, reason contains]: the shorter sentence is the start of the longer and its next
    // sentence carries on the rest (two words in order, half of the rest): judged joined.
    ['We searched the harbor. Nobody can say the scale of it. We will go on.', 'nobody can say. The extent of it is not known.', 'variant', '"scale"'],
    ['nobody can say. The extent of it is not known.', 'We searched the harbor. Nobody can say the scale of it. We will go on.', 'variant', '"extent"'],
    // An excerpt: nothing of the rest ("this town") goes on in the next sentence.
    ['We lost a lot. We will rebuild this town.', 'We will rebuild. Nobody leaves.', 'agree', 'alike'],
  ])('%s / %s -> %s', (a, b, relation, reason) => {
    const j = quoteWording.compare(q(a), q(b), ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toContain(reason);
  });
});
