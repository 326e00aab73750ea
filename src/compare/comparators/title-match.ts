import type { Claim, Comparator, CompareContext, PairJudgement, TitleValue } from '../../types';
import { foldNameWord, nameSimilarity, SAME_PERSON, surnameKey } from '../../extract/people/names';
import { aliasJoining, aliasOf } from '../../text/aliases';
import { DEPUTY_WORDS } from '../../lang/words';
import { listSet, setsMap } from '../../lang/lists';
import { lang } from '../../lang/load';

const title = (c: Claim) => c.value as TitleValue;

/** Role words that name one post, each mapped to the first of its set ("head" -> "chief"). */
export type RoleWords = ReadonlyMap<string, string>;

const NO_ROLE_WORDS: RoleWords = new Map();

/** The rule's `role-synonyms` as a map, built once per rule. */
function roleWordsOf(ctx: CompareContext): RoleWords {
  const cached = ctx.memo?.get('title-match:role-words') as RoleWords | undefined;
  if (cached) return cached;
  const map = new Map<string, string>();
  for (const set of (ctx.rule.params['role-synonyms'] as string[][] | undefined) ?? []) {
    const [first, ...rest] = set.map((w) => w.toLowerCase());
    for (const w of rest) map.set(w, first);
  }
  ctx.memo?.set('title-match:role-words', map);
  return map;
}

/**
 * Titles written as abbreviation and as words (lang/en/title-abbreviations.yaml), each phrase -> the first
 * of its set, longest phrases first: "interim chief executive officer" -> "interim ceo".
 */
let ABBREVIATIONS: [string, string][] | undefined;
function abbreviations(): [string, string][] {
  if (!ABBREVIATIONS) {
    const map = setsMap('title-abbreviations');
    ABBREVIATIONS = [...map.entries()].filter(([w, first]) => w !== first).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  }
  return ABBREVIATIONS;
}

/** A role with its spelled-out titles written as their abbreviation: "chief executive" -> "ceo". */
export function abbreviatedRole(role: string): string {
  let padded = ` ${role.toLowerCase()} `;
  for (const [phrase, abbr] of abbreviations()) {
    if (padded.includes(` ${phrase} `)) padded = padded.split(` ${phrase} `).join(` ${abbr} `);
  }
  return padded.trim();
}

const roleWords = (role: string, words: RoleWords) => abbreviatedRole(role).split(' ').map((w) => words.get(w) ?? w);
const DEPUTY = DEPUTY_WORDS;

/**
 * "chief of staff" within "deputy chief of staff"? Same role with more or less detail; "head" and
 * "chief" are one word when the rule's role-synonyms say so.
 */
function sameRole(a: string, b: string, words: RoleWords = NO_ROLE_WORDS): boolean {
  if (a === b) return true;
  const wa = roleWords(a, words);
  const wb = roleWords(b, words);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // The head word (last) must match: "defense minister" ~ "minister", not "deputy" ~ "deputy minister".
  return short[short.length - 1] === long[long.length - 1] && short.every((w) => long.includes(w)) && !long.some((w) => DEPUTY.has(w)) === !short.some((w) => DEPUTY.has(w));
}

/** "governor" / "deputy governor": one rank below the other in the same post, which one person cannot be both. */
function rankApart(a: string, b: string, words: RoleWords): boolean {
  const wa = roleWords(a, words).filter((w) => !DEPUTY.has(w));
  const wb = roleWords(b, words).filter((w) => !DEPUTY.has(w));
  return wa.length > 0 && wa.join(' ') === wb.join(' ') && !sameRole(a, b, words);
}

/** Two places are one when equal or one is the other's stem ("ruritania" / "ruritanian"). */
function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 || a.startsWith(b) || b.startsWith(a);
}

/**
 * Organizations: equal, equal but for spaces and hyphens ("live streaming company" / "livestreaming
 * company"), or one contains the other's words ("defense ministry" / "ruritanian defense ministry").
 */
function sameOrg(a: string, b: string): boolean {
  if (a === b || a.replace(/[\s-]+/g, '') === b.replace(/[\s-]+/g, '')) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

const show = (t: TitleValue) => [t.former ? 'former' : '', t.place ?? '', t.org ?? '', abbreviatedRole(t.role)].filter(Boolean).join(' ');

/** Where a title puts its holder: no longer in the post, leaving it, or in it. */
export type PostStatus = 'former' | 'leaving' | 'sitting';

let LEAVING: Set<string> | undefined;
/**
 * "former president" -> former; "outgoing president", "ousted chief" -> leaving (lang/en/title-status.yaml):
 * a leaving title is true of the days around the change, so it agrees with both others.
 */
export function postStatus(t: TitleValue): PostStatus {
  if (t.former) return 'former';
  LEAVING ??= listSet('title-status', 'leaving');
  for (const w of t.title.toLowerCase().split(/[^\p{L}-]+/u)) if (LEAVING.has(w)) return 'leaving';
  return 'sitting';
}

/**
 * Compares the titles a person is given across (and within) articles. Only titles of one person meet
 * (names matched with spelling tolerance). The same role with more or less detail agrees ("CEO" = "chief
 * executive officer"), so do two roles one person may hold at once ("co-founder", "chief scientist"); the
 * same role at another organization or in another country, or two posts that cannot both be held,
 * conflict. "former" against a sitting title conflicts when one article says both, or when the articles'
 * dates leave no time for the post to have been left; otherwise the older article may have been right at
 * its time. "outgoing" fits either.
 */
export const titleMatch: Comparator = {
  id: 'title-match',
  kinds: ['title'],
  findingKind: 'title',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
      'role-synonyms': {
        type: 'array',
        items: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        description: 'Role words that name one post ("chief", "head", "leader"): a title is compared as if it used the first of its set.',
      },
    },
    additionalProperties: false,
  },
  accepts: (c) => c.kind === 'title',
  blockKeys: (c, ctx) => {
    const alias = aliasOf(title(c).person, ctx.vocabulary);
    return [`tp:${foldNameWord(surnameKey(title(c).person))}`, ...(alias ? [`tpa:${alias.canonical}`] : [])];
  },
  // A bare surname ("President Roe") is the same person as the full name with that surname in a title context.
  // Two names under one alias rule are one person.
  link: (a, b, ctx) => {
    const pa = title(a).person;
    const pb = title(b).person;
    if (aliasJoining(pa, pb, ctx.vocabulary)) return 1;
    const sim = nameSimilarity(pa, pb);
    if (sim === 0) return 0;
    return pa.includes(' ') && pb.includes(' ') ? sim : Math.max(sim, 0.8);
  },
  compare: (a, b, ctx) => {
    const [ta, tb] = [withPeerOrg(a, ctx), withPeerOrg(b, ctx)];
    const mixed = ta.former !== tb.former && postStatus(ta) !== 'leaving' && postStatus(tb) !== 'leaving';
    return compareTitles(ta, tb, roleWordsOf(ctx), mixed ? whyContradicted(a, b, ctx) : '');
  },
  readingKey: (c) => show(title(c)),
  display: (c) => title(c).title,
  readingValue: (c) => {
    const t = title(c);
    return { role: t.role, org: t.org ?? null, place: t.place ?? null, former: t.former };
  },
  subject: (claims) => `title of ${claims.length ? title(claims[0]).personName : ''}`,
};

/**
 * A title without its body, told with one by another source: "general secretary" in one article,
 * "general secretary of the union" in another, for the same person. The body the other sources name
 * (only when they all name one) is the body of the bare title, so that "general secretary" against
 * "union president" is two posts at one union, not two roles that may both be held.
 */
function withPeerOrg(c: Claim, ctx: CompareContext): TitleValue {
  const t = title(c);
  if (t.org || !ctx.pool) return t;
  const key = `title-match:peer-org:${c.source}:${c.id}`;
  const memo = ctx.memo?.get(key) as TitleValue | undefined;
  if (memo) return memo;
  // Titles by the holder's surname, built once per run: the peers of a title are only those of its holder.
  let bySurname = ctx.memo?.get('title-match:by-surname') as Map<string, Claim[]> | undefined;
  if (!bySurname) {
    bySurname = new Map();
    for (const other of ctx.pool) {
      const k = foldNameWord(surnameKey(title(other).person));
      let list = bySurname.get(k);
      if (!list) bySurname.set(k, (list = []));
      list.push(other);
    }
    ctx.memo?.set('title-match:by-surname', bySurname);
  }
  const orgs: string[] = [];
  for (const other of bySurname.get(foldNameWord(surnameKey(t.person))) ?? []) {
    const o = title(other);
    if (other === c || !o.org || !sameRole(o.role, t.role, roleWordsOf(ctx)) || o.former !== t.former) continue;
    if (o.person !== t.person && nameSimilarity(o.person, t.person) < SAME_PERSON) continue;
    if (!orgs.some((x) => sameOrg(x, o.org!))) orgs.push(o.org);
  }
  const out = orgs.length === 1 ? { ...t, org: orgs[0] } : t;
  ctx.memo?.set(key, out);
  return out;
}

let POSITIONS: { list: string; phrase: string }[] | undefined;

/**
 * The crew position a title names (lang/en/title-status.yaml `positions-*`), its longest phrase found as
 * whole words: "Black Hawk helicopter crew chief" -> crew chief; "co-pilot" -> co-pilot, not pilot.
 */
export function crewPosition(titleText: string): { list: string; position: string } | undefined {
  if (!POSITIONS) {
    const lists = lang()['title-status'].lists;
    POSITIONS = Object.keys(lists)
      .filter((name) => name.startsWith('positions-'))
      .flatMap((list) => lists[list].map((phrase) => ({ list, phrase: phrase.toLowerCase() })))
      .sort((x, y) => y.phrase.length - x.phrase.length || (x.phrase < y.phrase ? -1 : 1));
  }
  const padded = ` ${titleText.toLowerCase().replace(/[,.;]/g, ' ')} `;
  const hit = POSITIONS.find((p) => padded.includes(` ${p.phrase} `));
  return hit ? { list: hit.list, position: hit.phrase } : undefined;
}

/**
 * How two titles of one person relate. `contradicted` says why "former" against a sitting title cannot be
 * the gap between an older and a newer article ("one article says both", "the articles are of one day"),
 * or is "" when it may be.
 */
export function compareTitles(a: TitleValue, b: TitleValue, words: RoleWords = NO_ROLE_WORDS, contradicted = ''): PairJudgement {
  const who = a.personName;
  if (!sameRole(a.role, b.role, words)) {
    if (a.org && b.org && sameOrg(a.org, b.org)) {
      return { relation: 'conflict', reason: `${who} is given two posts at ${a.org}: ${a.role} / ${b.role}` };
    }
    if (rankApart(a.role, b.role, words) && !(a.org && b.org) && !(a.place && b.place && !samePlace(a.place, b.place))) {
      return { relation: 'conflict', reason: `${who} is given two ranks of one post: ${a.title} / ${b.title}` };
    }
    const [pa, pb] = [crewPosition(a.title), crewPosition(b.title)];
    if (pa && pb && pa.list === pb.list && pa.position !== pb.position) {
      return { relation: 'conflict', reason: `${who} is given two places on one crew: ${pa.position} / ${pb.position}` };
    }
    // "co-founder" in one article, "chief scientist" in another: each tells part of what the person is.
    return { relation: 'agree', reason: `${who} is given two roles that may both be held: ${a.title} / ${b.title}` };
  }
  const [sa, sb] = [postStatus(a), postStatus(b)];
  const otherPost = (a.place && b.place && !samePlace(a.place, b.place)) || (a.org && b.org && !sameOrg(a.org, b.org));
  if (sa !== sb && !otherPost) {
    const [f, s] = sa === 'former' ? [a, b] : [b, a];
    if ((sa === 'former' || sb === 'former') && sa !== 'leaving' && sb !== 'leaving') {
      if (contradicted) {
        return { relation: 'conflict', reason: `"${f.title}" says ${who} no longer holds the post; "${s.title}" says ${who} does (${contradicted})` };
      }
      return { relation: 'agree', reason: `"${f.title}" / "${s.title}": the same post, held then and left since (an older article may be right at its time)` };
    }
    return { relation: 'agree', reason: `"${a.title}" / "${b.title}": the same post, one says it is being left` };
  }
  if (a.org && b.org && !sameOrg(a.org, b.org)) {
    return { relation: 'conflict', reason: `${who} is ${a.role} of two different bodies: ${a.org} / ${b.org}` };
  }
  if (a.place && b.place && !samePlace(a.place, b.place)) {
    return { relation: 'conflict', reason: `${who} is ${a.role} in two different places: ${a.place} / ${b.place}` };
  }
  if (show(a) === show(b)) return { relation: 'agree', reason: `both call ${who} ${show(a)}` };
  return { relation: 'agree', reason: `the same post told with more or less detail: "${a.title}" / "${b.title}"` };
}

/**
 * Why "former" in one claim against a sitting title in the other is a contradiction, or "" when an older
 * article may simply have been right at its time: one article says both, or the article saying "former"
 * is dated the same day as the other or earlier (both dates known).
 */
function whyContradicted(a: Claim, b: Claim, ctx: CompareContext): string {
  if (selfContradicted(a, b, ctx)) return 'one article says both';
  const [f, s] = title(a).former ? [a, b] : [b, a];
  const df = ctx.articles.get(f.source)?.referenceDate?.date;
  const ds = ctx.articles.get(s.source)?.referenceDate?.date;
  if (!df || !ds) return '';
  if (df === ds) return `both articles are of ${df}`;
  return df < ds ? `the article saying "former" is the older, of ${df}` : '';
}

/**
 * Whether one article of the pool calls the holder of `t` both "former" and sitting in a post of the
 * same role: "former mayor Ilse Dorrance" and later "Mayor Ilse Dorrance" in one text.
 */
function selfContradicted(a: Claim, b: Claim, ctx: CompareContext): boolean {
  if (!ctx.pool) return false;
  const t = title(a);
  // Asked for every pair of the person's titles: once per person and pair of roles.
  const key = `title-match:self-contradicted:${t.person}\u0000${t.role}\u0000${title(b).role}`;
  const known = ctx.memo?.get(key) as boolean | undefined;
  if (known !== undefined) return known;
  const out = computeSelfContradicted(t, title(b), ctx);
  ctx.memo?.set(key, out);
  return out;
}

/** The titles of the pool given to one person (any spelling), in pool order; built once per run. */
function titlesOfPerson(person: string, ctx: CompareContext): Claim[] {
  let byPerson = ctx.memo?.get('title-match:by-person') as Map<string, Claim[]> | undefined;
  if (!byPerson) {
    byPerson = new Map();
    for (const c of ctx.pool ?? []) {
      const list = byPerson.get(title(c).person);
      if (list) list.push(c);
      else byPerson.set(title(c).person, [c]);
    }
    ctx.memo?.set('title-match:by-person', byPerson);
  }
  const key = `title-match:same-person:${person}`;
  let out = ctx.memo?.get(key) as Claim[] | undefined;
  if (!out) {
    const same = new Set<string>();
    for (const other of byPerson.keys()) if (other === person || nameSimilarity(other, person) >= SAME_PERSON) same.add(other);
    out = (ctx.pool ?? []).filter((c) => same.has(title(c).person));
    ctx.memo?.set(key, out);
  }
  return out;
}

function computeSelfContradicted(t: TitleValue, tb: TitleValue, ctx: CompareContext): boolean {
  const words = roleWordsOf(ctx);
  const byPost = new Map<string, { former: boolean; sitting: boolean }>();
  for (const c of titlesOfPerson(t.person, ctx)) {
    const o = title(c);
    if (!sameRole(o.role, t.role, words) && !sameRole(o.role, tb.role, words)) continue;
    const st = postStatus(o);
    if (st === 'leaving') continue;
    const k = c.source;
    const seen = byPost.get(k) ?? { former: false, sitting: false };
    if (st === 'former') seen.former = true;
    else seen.sitting = true;
    byPost.set(k, seen);
    if (seen.former && seen.sitting) return true;
  }
  return false;
}
