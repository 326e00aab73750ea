import type { Article, Claim, Extractor, TitleClaim, TitleValue } from '../types';
import { claimAt } from './claim';
import { isSpaceCode } from '../text/scan';
import { dropPossessive, lowerPlain, rangeTokens, startsUpper, type Token } from '../text/tokens';
import { headlineRanges } from './people';
import { findMentions, type Mention } from './people/mentions';
import { MULTIWORD_ROLES, ORG_WORDS, ROLE_WORDS, SENTENCE_STARTERS } from './people/lexicon';
import { TITLE_MODIFIERS } from './people/runs';
import { parseTitle } from './people/title-parse';
import { coveredByOther, inSortedRanges, lfLineStart, nextNewline, rangeIndex, type RangeIndex } from '../text/lookup';
import { APPOSITIVE_ENDERS, LOWER_CASE_TITLE_WORDS, TITLE_CONNECTORS } from '../lang/words';
import { phraseAlternation } from '../text/pattern';

/**
 * Finds the titles people hold, before the name ("former US President Jane Roe", "Port Authority
 * chief of staff, Jane Roe") or as an appositive after it ("Jane Roe, chief of staff at the harbor
 * ministry,"). One claim per person, title and article: a later mention of the same post with the same or
 * less detail adds nothing.
 */
export const titleExtractor: Extractor = {
  id: 'titles',
  kinds: ['title'],
  extract(article, ctx, earlier) {
    try {
      return findTitles(article, earlier);
    } catch {
      return [];
    }
  },
};

const CONNECT = TITLE_CONNECTORS;
const LOWER_TITLE = LOWER_CASE_TITLE_WORDS;

const NOT_TITLE = 0;
const TITLE_WORD = 1;
const CONNECTOR = 2;

/**
 * What a word before a name is to a title: TITLE_WORD ("former", "minister"), CONNECTOR ("of" in
 * "chief of staff", which a title may hold but not start with) or NOT_TITLE. One call per word, so that
 * its lower-case form is made once.
 */
function titleWordKind(t: Token): number {
  const lower = lowerPlain(t.text);
  const w = dropPossessive(lower);
  // "Former transport minister Jo Roe" opens its sentence with a capital that is still part of the title.
  const title = startsUpper(t.text)
    ? !SENTENCE_STARTERS.has(w) || w === 'first' || w === 'former'
    : ROLE_WORDS.has(w) || TITLE_MODIFIERS.has(w) || ORG_WORDS.has(w) || LOWER_TITLE.has(w);
  if (title) return TITLE_WORD;
  // `lower` equals `t.text.toLowerCase()` for every connector: none has an apostrophe to make plain.
  return CONNECT.has(lower) ? CONNECTOR : NOT_TITLE;
}

const isRoleWord = (l: string): boolean => ROLE_WORDS.has(l) && !ORG_WORDS.has(l);

// "... chief of staff" or "... political director" right before a comma.
// " chief of staff": the multi-word roles as the whole last words of a text, built once.
const ROLE_ENDINGS = MULTIWORD_ROLES.map((r) => ` ${r}`);
// " first lady ", " editor-in-chief ": the multi-word roles, as whole words, that hold no role word of their
// own. Any other multi-word role ("chief of staff") holds a word `hasRole` finds by itself ("chief").
const WORDLESS_ROLES = MULTIWORD_ROLES.filter((r) => !r.split(' ').some((w) => isRoleWord(w))).map((r) => ` ${r} `);

function endsWithRole(text: string): boolean {
  const lower = ` ${text.toLowerCase()}`;
  if (ROLE_ENDINGS.some((r) => lower.endsWith(r))) return true;
  const last = /([\p{L}'\u2019]+)$/u.exec(lower)?.[1]?.replace(/['\u2019]s$/, '') ?? '';
  return ROLE_WORDS.has(last) && !ORG_WORDS.has(last);
}

function hasRole(text: string): boolean {
  // Any word a role ("former harbor master's" -> "master"), or a role of several words none of which is one
  // ("first lady"). The few such roles are asked first, on every call: asked only when no word was a role
  // (a rare branch), the search was compiled without feedback and threw the optimized code away.
  const lower = text.toLowerCase();
  const padded = ` ${lower} `;
  for (let k = 0; k < WORDLESS_ROLES.length; k++) if (padded.includes(WORDLESS_ROLES[k])) return true;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(lower.charCodeAt(i))) i++;
    let j = i;
    while (j < n && !isSpaceCode(lower.charCodeAt(j))) j++;
    if (j > i && isRoleWord(bareWord(lower.slice(i, j)))) return true;
    i = j;
  }
  return false;
}

// `w.replace(/[,.]/g, '').replace(/['\u2019]s$/, '')`, with the replacements made only when they apply.
function bareWord(w: string): string {
  if (w.indexOf(',') >= 0 || w.indexOf('.') >= 0) w = w.replace(/[,.]/g, '');
  // Sliced either way (a whole-string slice is the string itself): a slice only in the rare branch was
  // compiled without feedback, and V8 threw the optimized caller away when the first "minister's" came.
  const cut = w.endsWith("'s") || w.endsWith('\u2019s') ? 2 : 0;
  return w.slice(0, w.length - cut);
}

// "former US President Jane Roe": title words right before the name, back to the first word that is not one.
// `self` is the mention's index in `others`, whose other mentions stop the title.
function titleBefore(article: Article, lineStart: number, m: Mention, others: RangeIndex<Mention>, self: number): [number, number] | null {
  const text = article.reader;
  let end = m.start;
  // Spaces where markup stood count as one: 'Transport Minister <a href="/p">Jane Roe</a>' reads
  // "Transport Minister", a run of spaces, "Jane Roe".
  while (end - 2 >= lineStart && isSpaceOrTab(text.charCodeAt(end - 1)) && isSpaceOrTab(text.charCodeAt(end - 2))) end--;
  // "Port Authority chief of staff, Jane Roe": one comma after a role word.
  const commaGap = commaGapBefore(text, Math.max(lineStart, end - 4), end);
  const tokEnd = end - commaGap;
  // Only the words just before the name matter: tokenize a short window that starts at a space (so it
  // cuts no word and yields the very tokens the whole line would), and widen it only when the scan below
  // runs out of words before the line does.
  for (let reach = 48; ; reach *= 4) {
    const from = windowStart(text, lineStart, tokEnd - reach);
    const whole = from === lineStart;
    // The article's own tokens where the window starts outside a word (as it does: at a space).
    const toks = rangeTokens(article, from, tokEnd);
    if (!toks.length) {
      if (whole) return null;
      continue;
    }
    const lastTok = toks[toks.length - 1];
    // endsWithRole reads up to 24 characters back ("chief executive officer").
    if (!whole && lastTok.end - from < 32) continue;
    if (commaGap && !endsWithRole(text.slice(from, lastTok.end))) return null;
    if (!commaGap && !onlyChars(text, lastTok.end, end, isSpaceCode)) return null;
    let i = toks.length - 1;
    let start = -1;
    for (; i >= 0 && toks.length - i <= 12; i--) {
      const t = toks[i];
      if (coveredByOther(others, t.start, self)) break;
      const next = toks[i + 1];
      if (next && !onlyChars(text, t.end, next.start, isSpaceOrTab)) break;
      let kind = titleWordKind(t);
      // "Chief Warrant Officer 2 Jo Roe": a grade number right after a rank word belongs to the title.
      if (kind === NOT_TITLE && i === toks.length - 1 && i > 0 && isGrade(t.text) && titleWordKind(toks[i - 1]) === TITLE_WORD) kind = CONNECTOR;
      if (kind === NOT_TITLE) break;
      if (kind === TITLE_WORD) start = i;
    }
    if (i < 0 && !whole) continue;
    if (start < 0) return null;
    end = commaGap ? lastTok.end : toks[toks.length - 1].end;
    const s = toks[start].start;
    if (!hasRole(text.slice(s, end))) return null;
    return [s, end];
  }
}

/** A grade of a rank: "2" in "Chief Warrant Officer 2". */
function isGrade(word: string): boolean {
  return word.length <= 2 && /^[1-9]\d?$/.test(word);
}

/** Length of `/,\s+$/` matched on `text[lo, end)`: a comma and the spaces after it up to `end`, or 0. */
function commaGapBefore(text: string, lo: number, end: number): number {
  let k = end;
  while (k > lo && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k < end && k - 1 >= lo && text.charCodeAt(k - 1) === 44 ? end - k + 1 : 0;
}

// " " or "\t", by table: `c === 32 || c === 9` compiled without feedback for the tab, which the optimized
// callers then met as something new.
const SPACE_OR_TAB = new Uint8Array(128);
SPACE_OR_TAB[32] = SPACE_OR_TAB[9] = 1;
const isSpaceOrTab = (c: number): boolean => c < 128 && SPACE_OR_TAB[c] === 1;

/** `text[from, to)` is not empty and `ok` holds for each of its characters (`/^\s+$/`, `/^[ \t]+$/`). */
function onlyChars(text: string, from: number, to: number, ok: (c: number) => boolean): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!ok(text.charCodeAt(i))) return false;
  return true;
}

// The offset of a space at or before `at` (never before `lineStart`), else `lineStart`: a word boundary.
function windowStart(text: string, lineStart: number, at: number): number {
  for (let k = at; k > lineStart; k--) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13) return k;
  }
  return lineStart;
}

// Where an appositive title ends: a comma, period or dash, or a word of the sentence going on.
const APPOSITIVE_STOP = new RegExp(`[,;.()\\u2014]|\\s(?:${phraseAlternation(APPOSITIVE_ENDERS)})\\s`);

// "Jane Roe, chief of staff at the harbor ministry, said": the appositive up to the next comma or period.
function titleAfter(text: string, m: Mention, lineEnd: number): [number, number] | null {
  // The appositive opens with a comma, maybe after "'s": most names are followed by neither. Spaces may
  // stand before the comma where markup was: "[Jane Roe](https://e.example/jr), chief of staff" reads
  // "Jane Roe" and spaces, then the comma.
  let at = m.end;
  while (at < lineEnd && text.charCodeAt(at) === 32) at++;
  const c = text.charCodeAt(at);
  if (at >= lineEnd || !(c === 44 || c === 39 || c === 0x2019)) return null;
  const rest = text.slice(at, Math.min(lineEnd, at + 160));
  const open = /^(?:['\u2019]s)?,\s+/.exec(rest);
  if (!open) return null;
  const from = at + open[0].length;
  const stop = APPOSITIVE_STOP.exec(text.slice(from, Math.min(lineEnd, from + 140)));
  if (!stop) return null;
  let end = from + stop.index;
  // "U.S." keeps its periods: end at the last real stop.
  const phrase = text.slice(from, end);
  const words = phrase.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 12) return null;
  const first = words[0].toLowerCase().replace(/['\u2019]s$/, '');
  const okStart = first === 'the' || first === 'a' || first === 'an' || first === 'former' || ROLE_WORDS.has(first) ||
    TITLE_MODIFIERS.has(first) || /^\p{Lu}/u.test(words[0]);
  if (!okStart || !hasRole(phrase)) return null;
  // The role must come early: "Jane Roe, whose brother is a minister" is no title.
  const roleAt = words.findIndex((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[,.]/g, '').replace(/['\u2019]s$/, '')));
  if (roleAt > 5) return null;
  let s = from;
  if (/^(the|a|an)\s/i.test(phrase)) s = from + phrase.indexOf(' ') + 1;
  while (end > s && /\s/.test(text[end - 1])) end--;
  return [s, end];
}

// "the crew chief was identified as " right before a name: "the" (or a possessive: "the helicopter's"), a role
// of up to three lower-case words, "was" or "is", maybe "identified/named as".
const ROLE_THEN_NAME = /(?:^|[^\p{L}])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[\p{L}-]+['\u2019]s)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+(?:was|is)\s+(?:(?:later\s+)?(?:identified|named|listed)\s+as\s+)?$/u;
// " was the co-pilot" right after a name.
const NAME_THEN_ROLE = /^\s+(?:was|is)\s+(?:the|a|an)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u;

/**
 * A role said of a person by a linking verb, before or after the name: "the co-pilot was Jo Roe", "the crew
 * chief was identified as Jo Roe", "Jo Roe was the crew chief". The role ends in a role word
 * ("co-pilot", "crew chief"); "Jo Roe was the first to leave" is none.
 */
function predicateTitle(text: string, m: Mention, lineStart: number, lineEnd: number): [number, number] | null {
  const before = ROLE_THEN_NAME.exec(text.slice(Math.max(lineStart, m.start - 80), m.start));
  if (before && endsWithRole(before[1])) {
    const s = m.start - before[0].length + before[0].indexOf(before[1], before[0].search(/\p{L}/u) + 1);
    return [s, s + before[1].length];
  }
  const after = NAME_THEN_ROLE.exec(text.slice(m.end, Math.min(lineEnd, m.end + 80)));
  if (after) {
    // The longest start of the phrase that ends in a role word: "crew chief on the helicopter" -> "crew chief".
    const words = after[1].split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const phrase = words.slice(0, n).join(' ');
      if (endsWithRole(phrase)) {
        const s = m.end + after[0].length - after[1].length;
        return [s, s + phrase.length];
      }
    }
  }
  return null;
}

/** Posts already claimed, by person key, then by role and whether former ("now mayor", "former mayor"). */
type HeldPosts = Map<string, Map<string, { org?: string; place?: string }[]>>;

function findTitles(article: Article, earlier: readonly Claim[]): Claim[] {
  const text = article.reader;
  const mentions = findMentions(article, earlier);
  const heads = headlineRanges(article);
  const claims: TitleClaim[] = [];
  const held: HeldPosts = new Map();
  const index = rangeIndex(mentions);
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi];
    if (inSortedRanges(heads, m.start)) continue;
    const lineStart = lfLineStart(article, m.start);
    let lineEnd = nextNewline(article, m.end);
    if (lineEnd < 0) lineEnd = text.length;
    // Before the name first, then after it (the order their claims were always made in).
    const before = titleBefore(article, lineStart, m, index, mi);
    if (before) addTitle(article, m, before[0], before[1], held, claims);
    const after = titleAfter(text, m, lineEnd);
    if (after) addTitle(article, m, after[0], after[1], held, claims);
    // "the co-pilot was Jo Roe", "Jo Roe was the crew chief": a role said of the name by "was".
    const said = predicateTitle(text, m, lineStart, lineEnd);
    if (said && !before && !after) addTitle(article, m, said[0], said[1], held, claims);
  }
  claims.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return withoutRepeats(claims);
}

// The title `text[s, e)` of the person of `m`, claimed unless it says a post already held with no more detail.
// A function of its own, apart from the loop over every mention: most mentions have no title.
function addTitle(article: Article, m: Mention, s: number, e: number, held: HeldPosts, claims: TitleClaim[]): void {
  const text = article.reader;
  // "Jane Roe's" -> the possessive is not part of the title.
  const title = text.slice(s, e).replace(/['\u2019]s$/, '');
  const parsed = parseTitle(title);
  if (!parsed) return;
  // "U.S. President Jane Roe" then "President Roe": the second says the same post with less detail.
  // Grouped by person, role and former, so a long article compares only the posts of one person.
  let byRole = held.get(m.key);
  if (!byRole) held.set(m.key, (byRole = new Map()));
  const heldKey = parsed.former ? `former ${parsed.role}` : `now ${parsed.role}`;
  let same = byRole.get(heldKey);
  if (!same) byRole.set(heldKey, (same = []));
  const subsumed = same.some((h) => (!parsed.org || parsed.org === h.org) && (!parsed.place || parsed.place === h.place));
  if (subsumed) return;
  same.push({ org: parsed.org, place: parsed.place });
  const end = s + title.length;
  // Keys in this order (the order they are written out); org and place only when stated.
  const value = { type: 'title', person: m.key, personName: m.name, title, role: parsed.role } as TitleValue;
  if (parsed.org) value.org = parsed.org;
  if (parsed.place) value.place = parsed.place;
  value.former = parsed.former;
  claims.push(claimAt(article, 'titles', s, end, value));
}

// Sorted claims without a claim that repeats the id of the one before: a title found both before and after
// its name. A loop into a fresh list: the `filter` callback met too few claims to be compiled well.
function withoutRepeats(claims: TitleClaim[]): Claim[] {
  const out: Claim[] = [];
  let last = '';
  for (const c of claims) {
    if (c.id !== last) out.push(c);
    last = c.id;
  }
  return out;
}
