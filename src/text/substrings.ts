/**
 * A set of lower-case words searched for as substrings of the lower-case form of a stretch of text, in one
 * pass over its characters (an Aho-Corasick automaton): `set.inLowerCase(text, from, to)` is
 * `words.some((w) => text.slice(from, to).toLowerCase().includes(w))`, without lower-casing or slicing the
 * text and without one search per word. "The jet, owned by Tarrow Air" holds "jet" and "owned by"; so does
 * "The JETty was co-owned by Harl" (substrings, as `includes` reads it).
 *
 * Lower-casing turns only three kinds of character into ASCII: "A"-"Z", the Kelvin sign "\u212a" ("k") and
 * "\u0130" ("i" and a combining dot); every other character lower-cases to no ASCII at all, so no ASCII word
 * runs through it. Words with other characters (or upper-case ones) are read the slow way, as `includes`.
 */
export class SubstringSet {
  // The automaton, as a full transition table over the 128 ASCII codes: next state = delta[state * 128 + code],
  // or -1 when a word ends there (itself or by its failure link): the search then stops.
  private readonly delta: Int32Array;
  // Words the automaton does not hold (not ASCII lower case): searched with `includes`.
  private readonly others: string[];
  private readonly matchesAll: boolean;

  constructor(words: readonly string[]) {
    const ascii = words.filter((w) => /^[\x00-\x7f]*$/.test(w) && w === w.toLowerCase());
    this.others = words.filter((w) => !ascii.includes(w));
    this.matchesAll = words.includes('');
    // The trie: goto[state][code] (-1: none), then the failure links breadth first, filling in the table.
    const trie: number[][] = [new Array<number>(128).fill(-1)];
    const endsList: number[] = [0];
    for (const w of ascii) {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (trie[s][c] < 0) {
          trie[s][c] = trie.length;
          trie.push(new Array<number>(128).fill(-1));
          endsList.push(0);
        }
        s = trie[s][c];
      }
      endsList[s] = 1;
    }
    const delta = new Int32Array(trie.length * 128);
    const ends = Uint8Array.from(endsList);
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
      const t = trie[0][c];
      delta[c] = t < 0 ? 0 : t;
      if (t > 0) queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      if (ends[fail[s]]) ends[s] = 1;
      for (let c = 0; c < 128; c++) {
        const t = trie[s][c];
        if (t < 0) delta[s * 128 + c] = delta[fail[s] * 128 + c];
        else {
          delta[s * 128 + c] = t;
          fail[t] = delta[fail[s] * 128 + c];
          queue.push(t);
        }
      }
    }
    for (let i = 0; i < delta.length; i++) if (ends[delta[i]] === 1) delta[i] = -1;
    this.delta = delta;
  }

  /** True when `text.slice(from, to).toLowerCase()` includes one of the words. */
  inLowerCase(text: string, from: number, to: number): boolean {
    if (this.matchesAll) return true;
    const delta = this.delta;
    let s = 0;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) {
        if (c === 0x212a) c = 107;
        else if (c === 0x130) {
          // "i" and then a combining dot, which no ASCII word runs through.
          if (delta[(s << 7) | 105] < 0) return true;
          s = 0;
          continue;
        } else {
          s = 0;
          continue;
        }
      } else if (c >= 65 && c <= 90) c += 32;
      s = delta[(s << 7) | c];
      if (s < 0) return true;
    }
    if (this.others.length === 0) return false;
    const lower = text.slice(from, to).toLowerCase();
    return this.others.some((w) => lower.includes(w));
  }
}
