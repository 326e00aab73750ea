import { escapeRegExp, phraseAlternation } from '../../src/text/pattern';

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
