import type { Claim, Comparator, CompareContext, RelationValue } from '../../types';
import { matchNames } from './entity-spelling';
import { differentStories } from '../link';

const relation = (c: Claim) => c.value as RelationValue;

/** How sure a link is when nothing makes the subject doubtful, and when something does. */
const SURE = 0.9;
const WEAK = 0.3;

/**
 * Whether the article of `c` states two different values for its subject and attribute ("a Northwind Air
 * jet" and "a Lakeline Airways jet": two aircraft, so neither is surely the aircraft of another article).
 */
function ambiguous(c: Claim, ctx: CompareContext): boolean {
  const key = `relation-match:ambiguous:${c.source}|${c.subject?.key}|${c.attribute}`;
  const hit = ctx.memo?.get(key) as boolean | undefined;
  if (hit !== undefined) return hit;
  const values = new Set<string>();
  for (const o of ctx.pool ?? []) {
    if (o.source === c.source && o.subject?.key === c.subject?.key && o.attribute === c.attribute) values.add(relation(o).key);
  }
  const out = [...values].some((v) => !sameValue(v, relation(c).key));
  ctx.memo?.set(key, out);
  return out;
}

/**
 * Two values name one thing: the same key, a shorter form or a respelling of one name, or names that
 * share a distinctive word ("Northwind Air" / "Northwind Connection": a carrier and its brand or unit).
 */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const m = matchNames(a, b).relation;
  if (m !== 'different') return true;
  const wb = new Set(b.split(' ').filter((w) => w.length >= 4));
  return a.split(' ').some((w) => w.length >= 4 && wb.has(w));
}

/** Whether two claims' articles name something in common near them: a sign they tell one story. */
function shareContext(a: Claim, b: Claim): boolean {
  const eb = new Set(b.context.entities);
  return a.context.entities.some((e) => eb.has(e)) || a.context.predicates.some((p) => b.context.predicates.includes(p));
}

/**
 * Relations between named things (which carrier operated the flight, the flag a ship flies, the route,
 * the owner of a company), compared by subject and attribute: the same value agrees, another value
 * conflicts ("a Northwind Air flight" / "the Lakeline Airways plane"). A link is weak, so that it can make
 * an agreement but never a conflict, when an article gives its subject two values (two flights) or the
 * two articles share no name or event word around the claims; there is none across two stories (link.ts
 * `differentStories`).
 */
export const relationMatch: Comparator = {
  id: 'relation-match',
  kinds: ['relation'],
  findingKind: 'relation',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
    },
    additionalProperties: false,
  },
  accepts: (c) => c.kind === 'relation' && !!c.subject && !!c.attribute,
  blockKeys: (c) => [`rel:${c.subject!.key}|${c.attribute}`],
  link: (a, b, ctx) => {
    // "the operator of the flight" in two stories (articles naming no name in common) is of two flights.
    if (a.subject?.key !== b.subject?.key || a.attribute !== b.attribute || differentStories(a, b, ctx)) return 0;
    if (a.source === b.source) return WEAK;
    if (ambiguous(a, ctx) || ambiguous(b, ctx) || !shareContext(a, b)) return WEAK;
    return SURE;
  },
  compare: (a, b) => {
    const [va, vb] = [relation(a), relation(b)];
    const what = `${a.attribute} of ${a.subject!.text}`;
    if (va.key === vb.key) return { relation: 'agree', reason: `both give ${va.value} as the ${what}` };
    if (sameValue(va.key, vb.key)) return { relation: 'agree', reason: `${va.value} / ${vb.value}: one name, or a name and its part, as the ${what}` };
    return { relation: 'conflict', reason: `the ${what} is ${va.value} in one, ${vb.value} in the other` };
  },
  readingKey: (c) => relation(c).key,
  display: (c) => relation(c).value,
  readingValue: (c) => ({ value: relation(c).value, key: relation(c).key }),
  twinValue: (c, ctx) => [c.value, ambiguous(c, ctx)],
  storyBound: true,
  subject: (claims) => (claims.length ? `${claims[0].attribute} of ${claims[0].subject!.text}` : ''),
};
