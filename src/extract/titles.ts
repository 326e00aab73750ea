import type { Article, Claim, Extractor, TitleClaim, TitleValue, Vocabulary } from '../types';
import { makeSpan } from '../text/span';
import { contextAround } from '../text/context';
import { tokenize, type Token } from '../text/tokens';
import { headlineRanges } from './people';
import { findMentions, type Mention } from './people/mentions';
import { MULTIWORD_ROLES, ORG_WORDS, ROLE_WORDS, SENTENCE_STARTERS } from './people/lexicon';
import { TITLE_MODIFIERS } from './people/runs';
import { parseTitle } from './people/title-parse';

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
  const w = t.text.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '');
  if (/^\p{Lu}/u.test(t.text)) return !SENTENCE_STARTERS.has(w) || w === 'first';
  return ROLE_WORDS.has(w) || TITLE_MODIFIERS.has(w) || ORG_WORDS.has(w) || LOWER_TITLE.has(w);
}

// "... chief of staff" or "... political director" right before a comma.
function endsWithRole(text: string): boolean {
  const lower = ` ${text.toLowerCase()}`;
  if (MULTIWORD_ROLES.some((r) => lower.endsWith(` ${r}`))) return true;
  const last = /([\p{L}'\u2019]+)$/u.exec(lower)?.[1]?.replace(/['\u2019]s$/, '') ?? '';
  return ROLE_WORDS.has(last) && !ORG_WORDS.has(last);
}

function hasRole(text: string): boolean {
  const lower = ` ${text.toLowerCase()} `;
  if (MULTIWORD_ROLES.some((r) => lower.includes(` ${r} `))) return true;
  return text.split(/\s+/).some((w) => {
    const l = w.toLowerCase().replace(/[,.]/g, '').replace(/['\u2019]s$/, '');
    return ROLE_WORDS.has(l) && !ORG_WORDS.has(l);
  });
}

// "former US President Jane Roe": title words right before the name, back to the first word that is not one.
function titleBefore(text: string, lineStart: number, m: Mention, others: readonly Mention[]): [number, number] | null {
  let end = m.start;
  // "Port Authority chief of staff, Jane Roe": one comma after a role word.
  const commaGap = /,\s+$/.exec(text.slice(Math.max(lineStart, end - 4), end));
  const toks = tokenize(text, lineStart, commaGap ? end - commaGap[0].length : end);
  if (!toks.length) return null;
  const lastTok = toks[toks.length - 1];
  if (commaGap && !endsWithRole(text.slice(lineStart, lastTok.end))) return null;
  if (!commaGap && !/^\s+$/.test(text.slice(lastTok.end, end))) return null;
  let i = toks.length - 1;
  let start = -1;
  for (; i >= 0 && toks.length - i <= 12; i--) {
    const t = toks[i];
    if (others.some((o) => t.start >= o.start && t.start < o.end)) break;
    const next = toks[i + 1];
    if (next && !/^[ \t]+$/.test(text.slice(t.end, next.start))) break;
    if (titleWord(t)) start = i;
    else if (!CONNECT.has(t.text.toLowerCase())) break;
  }
  if (start < 0) return null;
  end = commaGap ? lastTok.end : toks[toks.length - 1].end;
  const s = toks[start].start;
  if (!hasRole(text.slice(s, end))) return null;
  return [s, end];
}

// "Jane Roe, chief of staff at the harbor ministry, said": the appositive up to the next comma or period.
function titleAfter(text: string, m: Mention, lineEnd: number): [number, number] | null {
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
  const held: { person: string; role: string; org?: string; place?: string; former: boolean }[] = [];
  for (const m of mentions) {
    if (heads.some(([a, b]) => m.start >= a && m.start < b)) continue;
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    let lineEnd = text.indexOf('\n', m.end);
    if (lineEnd < 0) lineEnd = text.length;
    const others = mentions.filter((o) => o !== m);
    for (const range of [titleBefore(text, lineStart, m, others), titleAfter(text, m, lineEnd)]) {
      if (!range) continue;
      const [s, e] = range;
      let title = text.slice(s, e);
      // "Jane Roe's" -> the possessive is not part of the title.
      title = title.replace(/['\u2019]s$/, '');
      const parsed = parseTitle(title, vocabulary);
      if (!parsed) continue;
      // "U.S. President Jane Roe" then "President Roe": the second says the same post with less detail.
      const subsumed = held.some(
        (h) => h.person === m.key && h.role === parsed.role && h.former === parsed.former &&
          (!parsed.org || parsed.org === h.org) && (!parsed.place || parsed.place === h.place),
      );
      if (subsumed) continue;
      held.push({ person: m.key, role: parsed.role, org: parsed.org, place: parsed.place, former: parsed.former });
      const end = s + title.length;
      const value: TitleValue = {
        type: 'title',
        person: m.key,
        personName: m.name,
        title,
        role: parsed.role,
        ...(parsed.org ? { org: parsed.org } : {}),
        ...(parsed.place ? { place: parsed.place } : {}),
        former: parsed.former,
      };
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
