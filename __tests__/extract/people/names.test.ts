import { keyWords, nameKey, nameWords } from '../../../src/extract/people/names';

describe('keyWords: the words of a name key, particles left out', () => {
  test.each([
    ['ilka varn', ['ilka', 'varn']],
    ['tomas bin halvard', ['tomas', 'halvard']],
    ['maria de la quist', ['maria', 'quist']],
    ['varn', ['varn']],
    // A particle alone leaves nothing: no name word to count.
    ['van', []],
    ['', []],
  ])('%s -> %j', (key, words) => {
    expect(keyWords(key)).toEqual(words);
  });

  // findPeople reads the words from the key it already has: the same as nameWords of the written name.
  test.each([['Ilka Varn'], ['Tomas bin Halvard'], ['Dr. José  O\u2019Brann']])('nameWords(%s) is keyWords of its key', (name) => {
    expect(keyWords(nameKey(name))).toEqual(nameWords(name));
  });
});
