import type { Claim, Comparator, PersonValue } from '../../types';
import { foldNameWord, nameSimilarity, nameWords, surnameKey } from '../../extract/people/names';
import { aliasJoining, aliasOf } from '../../text/aliases';

const person = (c: Claim) => c.value as PersonValue;

/**
 * Links spellings of one person's name across articles ("Zahiruddin" / "Zahirudin", "Mohammad" /
 * "Muhammad") with fast-levenshtein over transliteration-folded words, while short names must match
 * exactly ("Jon Smith" and "Joan Smith" are two people). Honorifics are not part of a reading.
 */
export const nameSpelling: Comparator = {
  id: 'name-spelling',
  kinds: ['person'],
  findingKind: 'name',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
    },
    additionalProperties: false,
  },
  // A one-word name takes part only when an alias rule names it ("BKQ" = "Bart K. Quillfeather").
  accepts: (c, ctx) => c.kind === 'person' && (nameWords(person(c).name).length >= 2 || aliasOf(person(c).key, ctx.vocabulary) !== undefined),
  // Surname folded, and its first three letters: "Oyelaran"/"Oyelarran" meet, so do "Yusuf"/"Yousuf".
  // Names under one alias meet by the alias's canonical key.
  blockKeys: (c, ctx) => {
    const s = foldNameWord(surnameKey(person(c).name));
    const alias = aliasOf(person(c).key, ctx.vocabulary);
    return [`ns:${s}`, `ns3:${s.slice(0, 3)}`, ...(alias ? [`nsa:${alias.canonical}`] : [])];
  },
  // A common surname's bucket is cut by the given name's initial ("ns:quell" -> "ns:quell:m"); a prefix's
  // by one more letter ("ns3:que" -> "ns4:quel"), as long as the surname has one.
  refineKey: (key, c) => {
    const words = nameWords(person(c).name).map(foldNameWord);
    const s = words[words.length - 1] ?? '';
    const m = /^ns(\d+):(.*)$/.exec(key);
    if (m) return s.length > m[2].length ? [`ns${m[2].length + 1}:${s.slice(0, m[2].length + 1)}`] : [];
    if (key.startsWith('ns:') && key.split(':').length === 2 && words.length >= 2) return [`${key}:${words[0][0]}`];
    return [];
  },
  link: (a, b, ctx) => (aliasJoining(person(a).key, person(b).key, ctx.vocabulary) ? 1 : nameSimilarity(person(a).name, person(b).name)),
  compare: (a, b, ctx) => {
    const pa = person(a);
    const pb = person(b);
    if (pa.key === pb.key) return { relation: 'agree', reason: `both spell the name "${pa.name}"` };
    const alias = aliasJoining(pa.key, pb.key, ctx.vocabulary);
    if (alias) return { relation: 'variant', reason: `"${pa.name}" and "${pb.name}" are two names of one person (alias of ${alias.canonical})`, rule: alias.rule };
    const wa = nameWords(pa.name);
    const wb = nameWords(pb.name);
    const middle = addedMiddle(wa, wb) ?? addedMiddle(wb, wa);
    if (middle) {
      // "Mara J. Tennent" / "Mara Tennent", "Mara Jolene Tennent" / "Mara Tennent": one name told with more
      // or less detail, not a second spelling.
      const named = middle.map((w) => (w.length === 1 ? w.toUpperCase() + '.' : w)).join(' ');
      return { relation: 'agree', reason: `"${pa.name}" and "${pb.name}" are one name: one adds the middle name${middle.length > 1 ? 's' : ''} ${named}` };
    }
    const diffs: string[] = [];
    if (wa.length !== wb.length) diffs.push(`one gives ${wa.length} names, the other ${wb.length}`);
    const [sa, sb] = [wa[wa.length - 1], wb[wb.length - 1]];
    if (sa !== sb) diffs.push(`surname "${sa}" / "${sb}"`);
    if (wa[0] !== wb[0]) diffs.push(`given name "${wa[0]}" / "${wb[0]}"`);
    if (!diffs.length) diffs.push('other middle names');
    return { relation: 'variant', reason: `"${pa.name}" and "${pb.name}" are spellings of one name: ${diffs.join(', ')}` };
  },
  readingKey: (c) => person(c).key,
  display: (c) => person(c).name,
  readingValue: (c) => ({ name: person(c).name, key: person(c).key }),
  // Names are compared by themselves, wherever they stand.
  twins: 'value',
  subject: (claims) => {
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(person(c).name, (counts.get(person(c).name) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? '';
  },
};


/**
 * The middle names or initials `long` adds to `short`, when that is their only difference: ["mara", "j",
 * "tennent"] against ["mara", "tennent"] -> ["j"]; ["maria", "elena", "quist"] against ["maria", "quist"]
 * -> ["elena"]; undefined otherwise (the first and last names must be the same words).
 */
function addedMiddle(long: readonly string[], short: readonly string[]): string[] | undefined {
  if (long.length <= short.length || short.length < 2) return undefined;
  if (long[0] !== short[0] || long[long.length - 1] !== short[short.length - 1]) return undefined;
  const added: string[] = [];
  let k = 1;
  for (let i = 1; i < long.length - 1; i++) {
    if (k < short.length - 1 && long[i] === short[k]) k++;
    else added.push(long[i]);
  }
  return k === short.length - 1 ? added : undefined;
}
