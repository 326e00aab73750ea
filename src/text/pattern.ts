/** `s` with every regular-expression metacharacter escaped: "U.S.$" -> "U\.S\.\$". */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One regular-expression alternation of word-list phrases, longest first so that "death toll" is tried
 * before "toll", each escaped, a space inside a phrase matching any run of white space ("death\s+toll"):
 * word lists become patterns without hand-written regexes.
 */
export function phraseAlternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s+'))
    .join('|');
}

// The only characters outside ASCII that a case-insensitive Unicode pattern reads as an ASCII letter: the
// long s ("\u017fix" is "six") and the Kelvin sign ("5 \u212an" is "5 kn").
const FOLDS_TO_ASCII = ['\u017f', '\u212a'];

/**
 * The code units a case-insensitive Unicode pattern reads as one of `chars` (single characters): for
 * "k", "k", "K" and the Kelvin sign. A quick look at one character before a regex run ("may a scale word
 * begin here?") stays true wherever the regex can match.
 */
export function caseFoldCodes(chars: Iterable<string>): Set<number> {
  const codes = new Set<number>();
  for (const ch of chars) {
    const re = new RegExp(`^${escapeRegExp(ch)}$`, 'iu');
    for (const c of [ch, ch.toLowerCase(), ch.toUpperCase(), ...FOLDS_TO_ASCII]) if (c.length === 1 && re.test(c)) codes.add(c.charCodeAt(0));
  }
  return codes;
}
