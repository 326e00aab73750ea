import { INITIAL_MATCH, SAME_PERSON, keyWords, nameKey, nameSimilarity, nameWords } from '../../../src/extract/people/names';

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

describe('nameSimilarity: one person under two writings', () => {
  test.each([
    ['Ilka Varn', 'Ilka Varn', 1],
    // An initial stands for a given name with its letter, less surely.
    ['Pradesh Varn', 'P K Varn', INITIAL_MATCH],
    ['Pradesh Varn', 'P. Varn', INITIAL_MATCH],
    // Another letter is another person.
    ['Pradesh Varn', 'T K Varn', 0],
    ['Ilka Varn', 'Tomas Varn', 0],
  ])('%s / %s -> %d', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  test('an initial and a name are one person; two names of one letter are not', () => {
    expect(nameSimilarity('J Varn', 'Jonas Varn')).toBeGreaterThanOrEqual(SAME_PERSON);
    expect(nameSimilarity('Jonas Varn', 'Jana Varn')).toBeLessThan(SAME_PERSON);
  });
});
