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
