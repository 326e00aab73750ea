import { caseFoldCodes, escapeRegExp, phraseAlternation } from '../../src/text/pattern';

describe('phraseAlternation: word lists as one regex alternation', () => {
  test.each([
    // Longest first, so that the two-word phrase wins where both match.
    [['toll', 'death toll', 'tally'], 'the death  toll rose', 'death  toll'],
    [['toll', 'death toll'], 'the toll rose', 'toll'],
    // Metacharacters are literal: "u.s." does not match "us".
    [['u.s.', 'usa'], 'the us ship', null],
    [['u.s.', 'usa'], 'the u.s. ship', 'u.s.'],
    // A phrase listed twice is one alternative.
    [['so far', 'so far', 'later'], 'were so\nfar injured', 'so\nfar'],
  ])('%j in %j matches %j', (phrases, text, expected) => {
    const m = new RegExp(`(?:${phraseAlternation(phrases)})`).exec(text);
    expect(m ? m[0] : null).toBe(expected);
  });

  test.each([
    ['US$', 'US\\$'],
    ['a+b (c)', 'a\\+b \\(c\\)'],
    ['km/h', 'km\\/h'],
  ])('escapeRegExp(%j) is %j', (s, escaped) => {
    expect(escapeRegExp(s)).toBe(escaped);
  });
});

describe('caseFoldCodes: what a case-insensitive Unicode pattern reads as a letter', () => {
  test.each([
    // The Kelvin sign reads as "k" and the long s as "s": "5 \u212an", "\u017fix".
    [['k'], ['K', 'k', '\u212a']],
    [['s'], ['S', 's', '\u017f']],
    [['m', 'B'], ['B', 'M', 'b', 'm']],
    [['%'], ['%']],
    [[], []],
  ])('%j -> %j', (chars, expected) => {
    const codes = caseFoldCodes(chars);
    expect([...codes].map((c) => String.fromCharCode(c)).sort()).toEqual(expected.sort());
    // Each code is one the pattern really reads as one of the characters.
    for (const c of codes) expect(chars.some((ch) => new RegExp(`^${escapeRegExp(ch)}$`, 'iu').test(String.fromCharCode(c)))).toBe(true);
  });
});
