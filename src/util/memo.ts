/**
 * A pure function of a string, memoized in a map that is emptied when it reaches `limit` entries, so a
 * corpus of millions of distinct words cannot grow it without bound. Keys longer than `maxKey` characters
 * are computed and not kept ("a 5 MB line" is no word worth remembering).
 * `const lemma = memoByString(computeLemma, 100_000)`: the same few thousand words asked millions of times.
 */
export function memoByString<V>(compute: (key: string) => V, limit: number, maxKey = Infinity): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string): V => {
    let v = memo.get(key);
    if (v === undefined) {
      v = compute(key);
      if (key.length <= maxKey) {
        if (memo.size >= limit) memo.clear();
        memo.set(key, v);
      }
    }
    return v;
  };
}
