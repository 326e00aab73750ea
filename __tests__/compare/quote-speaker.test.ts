import { quoteSpeaker } from '../../src/compare/comparators/quote-speaker';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, QuoteValue, Speaker, SpeakerKind } from '../../src/types';

const ctx: CompareContext = {
  rule: { id: 'quote-speaker', extends: 'quote-speaker', appliesTo: ['quote'], severity: 'error', params: {}, file: '' },
  vocabulary: emptyVocabulary(),
  articles: new Map(),
};

const sp = (name: string, kind: SpeakerKind, key = name.toLowerCase().replace(/^(the|an?) /, '')): Speaker => ({ name, key, kind, how: 'X said' });

function q(words: string, speaker: Speaker | null): Claim {
  const value: QuoteValue = { type: 'quote', words, quotation: 'q@0-1', partial: false, speaker };
  return {
    id: 'quote@0-1', source: 'a.txt', kind: 'quote', extractor: 'quotes',
    span: { start: 0, end: words.length, text: words, line: 1, column: 1 }, value,
    context: { predicates: [], entities: [], words: [] },
  };
}

const W = 'The harbor will stay closed until the storm season ends.';

describe('quote-speaker compare', () => {
  test.each([
    [sp('Liesel Okonkwo', 'person'), sp('Liesel Okonkwo', 'person'), 'agree', /both give/],
    [sp('Fasihuddin Okonkwo', 'person'), sp('Fasihudin Okonkwo', 'person'), 'agree', /one person/],
    [sp('the Velorian government', 'organization'), sp('an Velorian government official', 'description', 'velorian government official'), 'variant', /member of/],
    [sp('A senior port official', 'description', 'port official'), sp('Liesel Okonkwo', 'person'), 'agree', /may describe Liesel Okonkwo: less detail/],
    [sp('the Velorian government', 'organization'), sp('Liesel Okonkwo', 'person'), 'conflict', /different speaker/],
    [sp('Liesel Okonkwo', 'person'), sp('Amos Quill', 'person'), 'conflict', /different speaker/],
    [sp('Jon Smith', 'person'), sp('Joan Smith', 'person'), 'conflict', /different speaker/],
  ])('%#', (a, b, relation, reason) => {
    const j = quoteSpeaker.compare(q(W, a), q(W, b), ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });

  test('only quotes with a speaker; linked like quote-wording; readings by speaker key', () => {
    expect(quoteSpeaker.accepts!(q(W, null), ctx)).toBe(false);
    expect(quoteSpeaker.accepts!(q(W, sp('Amos Quill', 'person')), ctx)).toBe(true);
    expect(quoteSpeaker.link(q(W, null), q(W.toUpperCase(), null), ctx)).toBeGreaterThan(0.9);
    expect(quoteSpeaker.link(q(W, null), q('Tourists will be back next spring, we hope.', null), ctx)).toBeLessThan(0.25);
    expect(quoteSpeaker.readingKey(q(W, sp('Amos Quill', 'person')), ctx)).toBe('amos quill');
  });
});
