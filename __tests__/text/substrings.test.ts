import { SubstringSet } from '../../src/text/substrings';

// What the set must answer: the stretch lower-cased, then searched for each word.
const byIncludes = (words: string[], text: string, from: number, to: number) => words.some((w) => text.slice(from, to).toLowerCase().includes(w));

describe('SubstringSet: words in the lower-case form of a stretch of text', () => {
  test.each([
    [['jet', 'ferry'], 'The Jet landed.', true],
    [['jet', 'ferry'], 'A FERRY left.', true],
    [['jet', 'ferry'], 'Crews waited.', false],
    // A substring, as `includes` reads it; a phrase with its one space.
    [['jet', 'owned by'], 'The JETty was closed.', true],
    [['owned by'], 'It was owned  by Tobin.', false],
    [['owned by'], 'It was co-owned by Tobin.', true],
    // A word that is a suffix of another: "ship" inside "leadership", "hip" after a failed "shipp".
    [['shipping', 'hip'], 'The shipp ended.', true],
    [['shipping', 'pin'], 'The shippin', true],
    [['abcd', 'bc'], 'xabcx', true],
    [['abcd', 'bd'], 'xabcx', false],
    // The Kelvin sign lower-cases to "k"; "\u0130" to "i" and a combining dot; an accent breaks a word.
    [['tanker'], 'The tan\u212aer sank.', true],
    [['ki'], 'A \u212a\u0130 sign.', true],
    [['kis'], 'A \u212a\u0130s sign.', false],
    [['cafe'], 'The caf\u00e9 shut.', false],
    // Words the automaton does not hold are searched as `includes` does.
    [['caf\u00e9'], 'The CAF\u00c9 shut.', true],
    [['Jet'], 'The Jet landed.', false],
    [[''], 'Anything.', true],
    [[], 'Anything.', false],
  ] as [string[], string, boolean][])('%j in %s', (words, text, expected) => {
    expect(new SubstringSet(words).inLowerCase(text, 0, text.length)).toBe(expected);
    expect(byIncludes(words, text, 0, text.length)).toBe(expected);
  });

  test('only the stretch is read', () => {
    const set = new SubstringSet(['jet']);
    expect(set.inLowerCase('a jet. a boat.', 6, 14)).toBe(false);
    expect(set.inLowerCase('a jet. a boat.', 0, 4)).toBe(false);
    expect(set.inLowerCase('a jet. a boat.', 2, 5)).toBe(true);
  });

  test('generated text: the same answer as lower-casing and `includes`', () => {
    const pieces = ['jet', 'Jet', 'JE', 'T', 'ship', 'sh', 'owner', 'owned', 'by', 'parent', 'par', ' ', ' ', '. ', 'x', '\u212a', '\u0130', '\u00e9', 'un', 'it'];
    const words = ['jet', 'ship', 'owned by', 'owner', 'parent company', 'unit', 'k', 'ti'];
    const set = new SubstringSet(words);
    let seed = 5;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = next(12) + 1; i > 0; i--) text += pieces[next(pieces.length)];
      const from = next(text.length + 1);
      const to = from + next(text.length - from + 1);
      expect([text, from, to, set.inLowerCase(text, from, to)]).toEqual([text, from, to, byIncludes(words, text, from, to)]);
    }
  });
});
