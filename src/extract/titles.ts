import type { Article, Claim, Extractor, TitleClaim, TitleValue, Vocabulary } from '../types';
import { makeSpan } from '../text/span';
import { contextAround } from '../text/context';
import { dropPossessive, lowerPlain, rangeTokens, startsUpper, type Token } from '../text/tokens';
import { headlineRanges } from './people';
import { findMentions, type Mention } from './people/mentions';
import { MULTIWORD_ROLES, ORG_WORDS, ROLE_WORDS, SENTENCE_STARTERS } from './people/lexicon';
import { TITLE_MODIFIERS, isSpace } from './people/runs';
import { parseTitle } from './people/title-parse';
import { coveredByOther, inSortedRanges, lfLineStart, nextNewline, rangeIndex, type RangeIndex } from '../text/lookup';

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
      return findTitles(article, ctx.rules.vocabulary, earlier);
    } catch {
      return [];
    }
  },
};

const CONNECT = new Set(['of', 'the', 'at', 'for', 'to', 'in']);
const LOWER_TITLE = new Set(['former', 'acting', 'deputy', 'then', 'interim', 'us', 'u.s.']);

function titleWord(t: Token): boolean {
  const w = dropPossessive(lowerPlain(t.text));
  // "Former transport minister Jo Roe" opens its sentence with a capital that is still part of the title.
  if (startsUpper(t.text)) return !SENTENCE_STARTERS.has(w) || w === 'first' || w === 'former';
  return ROLE_WORDS.has(w) || TITLE_MODIFIERS.has(w) || ORG_WORDS.has(w) || LOWER_TITLE.has(w);
}

// "... chief of staff" or "... political director" right before a comma.
// " chief of staff", " chief of staff ": the multi-word roles as whole words, built once.
const ROLE_ENDINGS = MULTIWORD_ROLES.map((r) => ` ${r}`);
const ROLE_INSIDE = MULTIWORD_ROLES.map((r) => ` ${r} `);

function endsWithRole(text: string): boolean {
  const lower = ` ${text.toLowerCase()}`;
  if (ROLE_ENDINGS.some((r) => lower.endsWith(r))) return true;
  const last = /([\p{L}'\u2019]+)$/u.exec(lower)?.[1]?.replace(/['\u2019]s$/, '') ?? '';
  return ROLE_WORDS.has(last) && !ORG_WORDS.has(last);
}

function hasRole(text: string): boolean {
  const lower = ` ${text.toLowerCase()} `;
  if (ROLE_INSIDE.some((r) => lower.includes(r))) return true;
  return text.split(/\s+/).some((w) => {
    const l = bareWord(w.toLowerCase());
    return ROLE_WORDS.has(l) && !ORG_WORDS.has(l);
  });
}

// `w.replace(/[,.]/g, '').replace(/['\u2019]s$/, '')`, with the replacements made only when they apply.
function bareWord(w: string): string {
  if (w.includes(',') || w.includes('.')) w = w.replace(/[,.]/g, '');
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 1) === 115) {
    const q = w.charCodeAt(n - 2);
    if (q === 39 || q === 0x2019) w = w.slice(0, -2);
  }
  return w;
}

// "former US President Jane Roe": title words right before the name, back to the first word that is not one.
// `self` is the mention's index in `others`, whose other mentions stop the title.
function titleBefore(article: Article, lineStart: number, m: Mention, others: RangeIndex<Mention>, self: number): [number, number] | null {
  const text = article.text;
  let end = m.start;
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
    if (!commaGap && !onlyChars(text, lastTok.end, end, isSpace)) return null;
    let i = toks.length - 1;
    let start = -1;
    for (; i >= 0 && toks.length - i <= 12; i--) {
      const t = toks[i];
      if (coveredByOther(others, t.start, self)) break;
      const next = toks[i + 1];
      if (next && !onlyChars(text, t.end, next.start, isSpaceOrTab)) break;
      if (titleWord(t)) start = i;
      else if (!CONNECT.has(t.text.toLowerCase())) break;
    }
    if (i < 0 && !whole) continue;
    if (start < 0) return null;
    end = commaGap ? lastTok.end : toks[toks.length - 1].end;
    const s = toks[start].start;
    if (!hasRole(text.slice(s, end))) return null;
    return [s, end];
  }
}

/** Length of `/,\s+$/` matched on `text[lo, end)`: a comma and the spaces after it up to `end`, or 0. */
function commaGapBefore(text: string, lo: number, end: number): number {
  let k = end;
  while (k > lo && isSpace(text.charCodeAt(k - 1))) k--;
  return k < end && k - 1 >= lo && text.charCodeAt(k - 1) === 44 ? end - k + 1 : 0;
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

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

// "Jane Roe, chief of staff at the harbor ministry, said": the appositive up to the next comma or period.
function titleAfter(text: string, m: Mention, lineEnd: number): [number, number] | null {
  // The appositive opens with a comma, maybe after "'s": most names are followed by neither.
  const c = text.charCodeAt(m.end);
  if (m.end >= lineEnd || !(c === 44 || c === 39 || c === 0x2019)) return null;
  const rest = text.slice(m.end, Math.min(lineEnd, m.end + 160));
  const open = /^(?:['\u2019]s)?,\s+/.exec(rest);
  if (!open) return null;
  const from = m.end + open[0].length;
  const stop = /[,;.()\u2014]|\s(?:who|which|said|says|told|has|had|is|was|and)\s/.exec(text.slice(from, Math.min(lineEnd, from + 140)));
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

function findTitles(article: Article, vocabulary: Vocabulary, earlier: readonly Claim[]): Claim[] {
  const text = article.text;
  const mentions = findMentions(article, earlier);
  const heads = headlineRanges(article);
  const claims: TitleClaim[] = [];
  // Posts already claimed, by person key, then by role and whether former.
  const held = new Map<string, Map<string, { org?: string; place?: string }[]>>();
  const index = rangeIndex(mentions);
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi];
    if (inSortedRanges(heads, m.start)) continue;
    const lineStart = lfLineStart(article, m.start);
    let lineEnd = nextNewline(article, m.end);
    if (lineEnd < 0) lineEnd = text.length;
    for (const range of [titleBefore(article, lineStart, m, index, mi), titleAfter(text, m, lineEnd)]) {
      if (!range) continue;
      const [s, e] = range;
      let title = text.slice(s, e);
      // "Jane Roe's" -> the possessive is not part of the title.
      title = title.replace(/['\u2019]s$/, '');
      const parsed = parseTitle(title, vocabulary);
      if (!parsed) continue;
      // "U.S. President Jane Roe" then "President Roe": the second says the same post with less detail.
      // Grouped by person, role and former, so a long article compares only the posts of one person.
      let byRole = held.get(m.key);
      if (!byRole) held.set(m.key, (byRole = new Map()));
      const heldKey = parsed.former ? `former ${parsed.role}` : `now ${parsed.role}`;
      let same = byRole.get(heldKey);
      if (!same) byRole.set(heldKey, (same = []));
      const subsumed = same.some((h) => (!parsed.org || parsed.org === h.org) && (!parsed.place || parsed.place === h.place));
      if (subsumed) continue;
      same.push({ org: parsed.org, place: parsed.place });
      const end = s + title.length;
      // Keys in this order (the order they are written out); org and place only when stated.
      const value = { type: 'title', person: m.key, personName: m.name, title, role: parsed.role } as TitleValue;
      if (parsed.org) value.org = parsed.org;
      if (parsed.place) value.place = parsed.place;
      value.former = parsed.former;
      claims.push({
        id: `title@${s}-${end}`,
        source: article.id,
        kind: 'title',
        extractor: 'titles',
        span: makeSpan(text, article.lineStarts, s, end),
        value,
        context: contextAround(article, s, end, vocabulary),
      });
    }
  }
  claims.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return claims.filter((c, i) => i === 0 || c.id !== claims[i - 1].id);
}
