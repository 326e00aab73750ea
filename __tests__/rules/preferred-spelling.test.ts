import { VOCABULARY_KINDS, emptyVocabulary, preferredSpelling } from '../../src/text/vocabulary';

const vocabulary = emptyVocabulary();
VOCABULARY_KINDS.find((k) => k.id === 'spelling')!.merge(vocabulary, { sets: [['neighbor', 'neighbour'], ['favor', 'favour'], ['organize', 'organise'], ['color', 'colour']] }, 'spellings');

describe('preferredSpelling: the spelling a word is compared as', () => {
  test.each([
    ['neighbour', 'neighbor'],
    ['neighbours', 'neighbors'],
    ['favoured', 'favored'],
    ['colouring', 'coloring'],
    ['organise', 'organize'],
    ['organising', 'organizing'],
    ['organised', 'organized'],
    // Built in, with no rule file: a library call with an empty vocabulary still folds these.
    ['defence', 'defense'],
    ['programme', 'program'],
    // No other spelling: undefined, and a short word is not read as an inflection ("uses" is no "us").
    ['harbor', undefined],
    ['neighbor', undefined],
    ['uses', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(preferredSpelling(word, vocabulary)).toBe(expected);
  });
});
