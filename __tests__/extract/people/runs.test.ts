import { isInitialWord } from '../../../src/extract/people/runs';

describe('isInitialWord', () => {
  // One capital letter, its period kept or not, is an initial; abbreviations and acronyms are not.
  test.each<[string, boolean]>([
    ['J.', true],
    ['J', true],
    ['\u00c9.', true],
    ['j.', false],
    ['U.S.', false],
    ['JR', false],
    ['Jo', false],
    ['7.', false],
    ['', false],
  ])('%s -> %s', (word, expected) => {
    expect(isInitialWord(word)).toBe(expected);
  });
});
