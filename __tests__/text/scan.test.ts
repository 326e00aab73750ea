import {
  APOSTROPHE, DIGITS, FOLD, LETTERS, NATIVE, SYMBOL, WordTable, capOf, execAt, isAsciiLetter, isSpaceCode, keyOf, kindOf, lenOf,
  scanMarks, sticky, wordAfterSpaces, wordKey,
} from '../../src/text/scan';

// Each mark as [text at the mark, kind, length]: easier to read than offsets.
function marks(text: string, from = 0): [string, number, number][] {
  const m = scanMarks(text, from);
  return m.pos.map((p, i) => [text.slice(p, p + Math.max(1, lenOf(m.info[i]))), kindOf(m.info[i]), lenOf(m.info[i])]);
}

describe('scanMarks: where a pattern can start', () => {
  test.each([
    // A word starts where \b does: not after a letter, digit or underscore.
    ['Ferries ran on 12 May.', [['Ferries', LETTERS, 7], ['ran', LETTERS, 3], ['on', LETTERS, 2], ['12', DIGITS, 2], ['May', LETTERS, 3]]],
    ['the 5th_crew', [['the', LETTERS, 3], ['5', DIGITS, 1]]],
    // "twenty-one": the hyphen ends one word and starts the next.
    ['twenty-one boats', [['twenty', LETTERS, 6], ['one', LETTERS, 3], ['boats', LETTERS, 5]]],
    // Currency signs, apostrophes, and the two characters a Unicode case-insensitive regex reads as ASCII.
    ['$5 or \u20ac3', [['$', SYMBOL, 0], ['5', DIGITS, 1], ['or', LETTERS, 2], ['\u20ac', SYMBOL, 0], ['3', DIGITS, 1]]],
    ["the '80s", [['the', LETTERS, 3], ["'", APOSTROPHE, 0], ['80', DIGITS, 2]]],
    ['\u017fix', [['\u017f', FOLD, 0], ['ix', LETTERS, 2]]],
    ['\u0661\u0662 x', [['\u0661', NATIVE, 0], ['x', LETTERS, 1]]],
    // After an accented letter \b holds again (the accent is no ASCII word character).
    ['\u00e9May', [['May', LETTERS, 3]]],
    // "_May": an underscore before a word starts nothing; "$May" and "'May" do start a word; "x2021" is
    // two marks (a digit after a letter still starts a number, as in "Q3").
    ['_May x2021 $May \'May', [['x', LETTERS, 1], ['2021', DIGITS, 4], ['$', SYMBOL, 0], ['May', LETTERS, 3], ["'", APOSTROPHE, 0], ['May', LETTERS, 3]]],
    // "3rd": letters after a digit start no word; "a1": a digit after a letter starts a number.
    ['3rd a1', [['3', DIGITS, 1], ['a', LETTERS, 1], ['1', DIGITS, 1]]],
    // A run of native digits is one mark, an ASCII digit after it another; a letter in between splits them.
    ['\u06f1\u06f2\u06f39 \u0661x\u0662', [['\u06f1', NATIVE, 0], ['9', DIGITS, 1], ['\u0661', NATIVE, 0], ['x', LETTERS, 1], ['\u0662', NATIVE, 0]]],
  ] as [string, [string, number, number][]][])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  test('the character before `from` still decides whether a word starts there', () => {
    expect(marks('ab cd', 1)).toEqual([['cd', LETTERS, 2]]);
    expect(marks('ab cd', 2)).toEqual([['cd', LETTERS, 2]]);
  });

  test.each([
    // From inside "2021" or after "_", "b" of "ab": no mark where a whole-text scan would have none.
    ['in 2021 now', 5, [['now', LETTERS, 3]]],
    ['x_y z', 2, [['z', LETTERS, 1]]],
    ['\u0661\u0662 x', 1, [['x', LETTERS, 1]]],
    // From just after a space or a currency sign, the word or number there is a mark.
    ['$12 x', 1, [['12', DIGITS, 2], ['x', LETTERS, 1]]],
  ] as [string, number, [string, number, number][]][])('%s from %d', (text, from, expected) => {
    expect(marks(text, from)).toEqual(expected);
  });

  test.each([
    ['Sept', 'sep', 1],
    ['MAY', 'may', 0],
    ['march', 'mar', 0],
    ['In', 'in', 1],
  ])('%s: key of %s, capitalized %d', (word, key, cap) => {
    const m = scanMarks(word, 0);
    expect([keyOf(m.info[0]), capOf(m.info[0])]).toEqual([wordKey(key), cap]);
  });

  test('a run longer than fifteen keeps fifteen as its length', () => {
    expect(lenOf(scanMarks('Kwajaleinatollandbeyond', 0).info[0])).toBe(15);
  });
});

describe('WordTable: word classes of a mark', () => {
  const table = new WordTable();
  const MONTH = table.add(['september', 'march']);
  const SHORT = table.add([], ['in', 'of']);
  const classesOf = (word: string) => table.classes(scanMarks(word, 0).info[0]);

  test.each([
    ['September', MONTH],
    ['Sept', MONTH],
    ['marching', MONTH],
    ['in', SHORT],
    ['Of', SHORT],
    ['into', 0],
    ['off', 0],
    ['sea', 0],
  ])('%s', (word, bits) => expect(classesOf(word)).toBe(bits));

  test('a digit mark belongs to no word class', () => expect(table.classes(scanMarks('2021', 0).info[0])).toBe(0));

  // Whole words: the first three letters and the length.
  const whole = new WordTable();
  const NUMBER = whole.add([], [], ['forty', 'six']);
  const LEAD = whole.add(['early'], ['in']);
  test.each([
    ['forty', NUMBER],
    ['Forty', NUMBER],
    // Same first letters and length: admitted (the regex decides).
    ['forte', NUMBER],
    ['for', 0],
    ['former', 0],
    ['six', NUMBER],
    ['sixth', 0],
    ['earlier', LEAD],
    ['in', LEAD],
  ])('whole words: %s', (word, bits) => expect(whole.classes(scanMarks(word, 0).info[0])).toBe(bits));

  // A word list as one class: short words exact, longer ones whole.
  const listed = new WordTable();
  const LEADS = listed.addWords(['in', 'mid', 'through', 'in']);
  test.each([
    ['in', LEADS],
    ['In', LEADS],
    ['mid', LEADS],
    ['through', LEADS],
    ['into', 0],
    ['middle', 0],
    ['throughout', 0],
  ])('addWords: %s', (word, bits) => expect(listed.classes(scanMarks(word, 0).info[0])).toBe(bits));

  test.each([[['ab']], [['x'.repeat(16)]]])('refuses a whole word shorter than three letters or longer than fifteen: %j', (words) => {
    expect(() => new WordTable().add([], [], words)).toThrow();
  });

  test.each([
    [['ab'], []],
    [[], ['four']],
  ])('refuses a prefix shorter than three letters or an exact word longer: %j %j', (prefixes, exact) => {
    expect(() => new WordTable().add(prefixes, exact)).toThrow();
  });
});

describe('scanMarks: where an excluded stretch may begin', () => {
  const starts = (text: string, from = 0) => scanMarks(text, from).exclusionStarts.map((p) => text.slice(p, p + 5));
  test.each([
    ['see http://a.io and https://b.io', ['http:', '.io a', 'https', '.io']],
    ['at www.x.org now', ['www.x', '.x.or', '.org ']],
    ['by @ann and #tag', ['@ann ', '#tag']],
    ['call +1 202-555-0143 or (202) 555 0143', ['+1 20', '202-5', '555-0', '(202)', '555 0']],
    // Sentence ends, decimals and longer digit runs open nothing.
    ['It rose. Then 7.3m and 2021 came.', []],
    // "https" inside a word: the URL starts at its "h", as a scan of the whole text would find.
    ['xhttps://a', ['https']],
  ])('%s', (text, want) => expect(starts(text)).toEqual(want));

  test('nothing before `from`: "http" starting before it is not the body\'s', () => {
    expect(starts('http://a.io', 2)).toEqual(['.io']);
  });
});

describe('execAt: a global scan tried only at candidate offsets', () => {
  const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
  const at = (re: RegExp, text: string, starts: number[], from = 0) => {
    const out: [number, string][] = [];
    execAt(sticky(re), text, from, starts, (m) => out.push([m.index, m[0]]));
    return out;
  };

  test.each([
    // Every offset a match can start at is a candidate: the same matches as the global scan.
    [/\d+ (?:boats|ferries)/g, 'In 2021 12 boats and 3 ferries sailed.', [3, 8, 21]],
    // A candidate inside an earlier match is skipped, as the global scan goes on from a match's end.
    [/ab|b/g, 'abab', [0, 1, 2, 3]],
  ])('%s', (re, text, starts) => {
    expect(at(re, text, starts)).toEqual(all(re, text));
  });

  test('offsets before `from` are not tried', () => {
    expect(at(/\d/g, '1 2 3', [0, 2, 4], 1)).toEqual([[2, '2'], [4, '3']]);
  });

  test('an empty match gives nothing and the scan steps on', () => {
    expect(at(/x*/g, 'ab', [0, 1])).toEqual([]);
  });

  test('sticky keeps the flags but global', () => expect(sticky(/a/giu).flags).toBe('iuy'));
});

describe('isSpaceCode matches /\\s/ on every BMP code unit', () => {
  test('all code units', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  test('past the end of a text', () => expect(isSpaceCode('a'.charCodeAt(5))).toBe(false));
});

describe('isAsciiLetter: A-Z and a-z only', () => {
  test.each([
    ['A', true], ['Z', true], ['a', true], ['z', true], ['m', true],
    // Neighbours of the two ranges, and their images under "| 32": "@" -> "`", "[" -> "{".
    ['@', false], ['[', false], ['`', false], ['{', false], ['_', false], ['0', false], [' ', false],
    // Past ASCII: letters a case-insensitive regex may still fold ("\u017f" reads as "s"), and "\u00e9".
    ['\u017f', false], ['\u212a', false], ['\u00e9', false], ['\u0641', false],
  ])('%j -> %s', (ch, expected) => {
    expect(isAsciiLetter(ch.charCodeAt(0))).toBe(expected);
  });
  test('NaN (past the end of a string) is no letter', () => {
    expect(isAsciiLetter('ab'.charCodeAt(5))).toBe(false);
  });
});

describe('wordAfterSpaces: the lower-case word after spaces, within 24 characters', () => {
  const byRegex = (text: string, at: number) => /^[ \t]+([a-z]+)/.exec(text.slice(at, at + 24))?.[1] ?? '';

  test.each([
    ['Stormhawk helicopter landed', 9, 'helicopter'],
    ['Stormhawk \t jet', 9, 'jet'],
    ['Stormhawk Jet', 9, ''],
    ['Stormhawk,jet', 9, ''],
    ['A' + ' '.repeat(20) + 'helicopter', 1, 'heli'],
    ['Harl', 4, ''],
  ])('%j at %d -> %j', (text, at, word) => {
    expect(wordAfterSpaces(text, at)).toBe(word);
    expect(byRegex(text, at)).toBe(word);
  });

  test('generated text: what the pattern reads', () => {
    const pieces = [' ', '  ', '\t', 'jet', 'Jet', 'helicopter', 'x', '\u00e9', ',', '\n', 'abcdefghij'];
    let seed = 21;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = next(8) + 1; i > 0; i--) text += pieces[next(pieces.length)];
      const at = next(text.length + 1);
      expect([text, at, wordAfterSpaces(text, at)]).toEqual([text, at, byRegex(text, at)]);
    }
  });
});
