import { lemma } from '../../src/text/tokens';

describe('lemma: the key form of a word for comparing contexts', () => {
  test.each([
    ['withdrew', 'withdraw'],
    ['began', 'begin'],
    ['kept', 'keep'],
    ['fled', 'flee'],
    ['carrying', 'carry'],
    ['constructed', 'construct'],
    ['planned', 'plan'],
    ['passengers', 'passenger'],
    ['families', 'family'],
    // A final s that marks no plural stays.
    ['across', 'across'],
    ['status', 'status'],
    ['crisis', 'crisis'],
    ['press', 'press'],
    ['ship', 'ship'],
  ])('%s -> %s', (word, expected) => {
    expect(lemma(word)).toBe(expected);
  });
});
