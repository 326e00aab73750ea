import { listSet, setsMap } from '../../lang/lists';
import { phraseAlternation } from '../../text/pattern';
import { MULTIWORD_ROLES, ORG_WORDS, ROLE_WORDS } from './lexicon';
import { TITLE_MODIFIERS } from './runs';
import { FORMER_WORDS, TITLE_TRIM_WORDS } from '../../lang/words';

/** A title split into its parts, all lower case and normalized. */
export interface ParsedTitle {
  role: string;
  org?: string;
  place?: string;
  former: boolean;
}

const CONNECTORS = TITLE_TRIM_WORDS;
const FORMER = FORMER_WORDS;
// Organizations named "X of Y" read the same as "Y X": "ministry of defense" = "defense ministry".
const OF_ORGS = new RegExp(`\\b(${phraseAlternation(listSet('org-words', 'of-phrase-heads'))}) of (?:the )?([a-z][a-z' ]*?)$`);
// A country however written, as its name: "U.S.", "American" -> "united states" (lang/en/demonyms.yaml).
const COUNTRY_NAMES = setsMap('demonyms');

/**
 * "U.S." / "US" / "United States" -> "united states"; "Ruritania's" -> "ruritania" (the rules' aliases and
 * spellings apply when titles are compared).
 */
export function normalizePlace(place: string): string {
  const p = place.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '').trim();
  const bare = p.replace(/\./g, '');
  return COUNTRY_NAMES.get(p) ?? COUNTRY_NAMES.get(bare) ?? bare;
}

/** "Ministry of Defence" -> "defence ministry"; "the Foreign Ministry" -> "foreign ministry". */
export function normalizeOrg(org: string): string {
  let o = org
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .split(/\s+/)
    .filter((w) => w && w !== 'the')
    .map((w) => w.replace(/'s$/, ''))
    .join(' ');
  const m = OF_ORGS.exec(o);
  if (m) o = `${o.slice(0, m.index)}${m[2]} ${m[1]}`.trim();
  return o;
}

/**
 * Parses a title as written: "former US President" -> role president, place united states, former;
 * "Chief of Staff at Ruritania's Ministry of Defence" -> role chief of staff, org defense ministry,
 * place ruritania. Returns null when no role word is present.
 */
export function parseTitle(title: string): ParsedTitle | null {
  // News repeats its titles ("Mayor", "Defense Minister"): parse each wording once.
  const memo = PARSED;
  let hit = memo.get(title);
  if (hit === undefined) {
    hit = parseTitleUncached(title);
    if (memo.size > 10000) memo.clear();
    memo.set(title, hit);
  }
  // A copy, so that no caller can change what the next one gets.
  return hit && copyOf(hit);
}

const PARSED = new Map<string, ParsedTitle | null>();

// `{ ...p }`, key for key in the same order, without the spread.
function copyOf(p: ParsedTitle): ParsedTitle {
  const c: ParsedTitle = { role: p.role, former: p.former };
  if ('org' in p) c.org = p.org;
  if ('place' in p) c.place = p.place;
  return c;
}

function parseTitleUncached(title: string): ParsedTitle | null {
  const raw = title.replace(/\u2019/g, "'").replace(/[,;]/g, ' ');
  const toks = raw.split(/\s+/).filter(Boolean);
  const lower = toks.map((t) => t.toLowerCase().replace(/'s$/, ''));
  const used = new Array<boolean>(toks.length).fill(false);
  const former = lower.some((w) => FORMER.has(w));
  lower.forEach((w, i) => {
    if (FORMER.has(w)) used[i] = true;
  });
  // Role: a multi-word role first ("chief of staff"), else a role word with its modifiers ("political director").
  let role = '';
  const joined = lower.join(' ');
  for (const r of [...MULTIWORD_ROLES].sort((a, b) => b.length - a.length)) {
    const at = (' ' + joined + ' ').indexOf(' ' + r + ' ');
    if (at < 0) continue;
    const startIdx = joined.slice(0, at).split(' ').filter(Boolean).length;
    const n = r.split(' ').length;
    for (let k = startIdx; k < startIdx + n; k++) used[k] = true;
    role = r;
    break;
  }
  if (!role) {
    for (let i = 0; i < lower.length; i++) {
      if (!ROLE_WORDS.has(lower[i]) || ORG_WORDS.has(lower[i])) continue;
      let s = i;
      while (s > 0 && TITLE_MODIFIERS.has(lower[s - 1]) && !used[s - 1] && !ORG_WORDS.has(lower[s - 1])) s--;
      // "Deputy Governor", "Director General": the role runs on over the role words that follow.
      let e = i;
      while (e + 1 < lower.length && ROLE_WORDS.has(lower[e + 1]) && !ORG_WORDS.has(lower[e + 1])) e++;
      role = lower.slice(s, e + 1).join(' ');
      for (let k = s; k <= e; k++) used[k] = true;
      break;
    }
  }
  if (!role) return null;
  // Place: a country or demonym however written ("U.S.", "United States", "Ruritanian", "New Velmarian"),
  // or a possessive name ("Ruritania's"), as the country's name.
  let place: string | undefined;
  for (let i = 0; i < toks.length && place === undefined; i++) {
    if (used[i]) continue;
    // The longest country phrase first: "united arab emirates", "united states".
    for (let n = 3; n >= 2; n--) {
      if (i + n > toks.length || used.slice(i, i + n).some(Boolean)) continue;
      const country = COUNTRY_NAMES.get(lower.slice(i, i + n).join(' '));
      if (country === undefined) continue;
      place = country;
      for (let k = i; k < i + n; k++) used[k] = true;
      break;
    }
    if (place !== undefined) break;
    const bare = lower[i].replace(/\./g, '');
    const possessive = /'s$/.test(toks[i]) && /^\p{Lu}/u.test(toks[i]) && !ORG_WORDS.has(bare);
    if (COUNTRY_NAMES.has(lower[i]) || COUNTRY_NAMES.has(bare) || possessive) {
      place = normalizePlace(toks[i]);
      used[i] = true;
    }
  }
  // Organization: what is left, when it holds an organization word.
  const rest: string[] = [];
  for (let i = 0; i < toks.length; i++) if (!used[i]) rest.push(toks[i]);
  while (rest.length && CONNECTORS.has(rest[0].toLowerCase())) rest.shift();
  while (rest.length && CONNECTORS.has(rest[rest.length - 1].toLowerCase())) rest.pop();
  let org: string | undefined;
  if (rest.some((w) => ORG_WORDS.has(w.toLowerCase().replace(/'s$/, '')))) {
    org = normalizeOrg(rest.join(' '));
    // A leading demonym left in the org is a place: "Ruritanian Armed Forces" -> place ruritanian.
    const first = org.split(' ')[0];
    if (!place && first && rest[0] && /^\p{Lu}/u.test(rest[0]) && !ORG_WORDS.has(first) && !TITLE_MODIFIERS.has(first) && org.split(' ').length > 2) {
      place = normalizePlace(first);
      org = org.split(' ').slice(1).join(' ');
    }
  }
  const parsed: ParsedTitle = { role, former };
  if (org) parsed.org = org;
  if (place) parsed.place = place;
  return parsed;
}
