import type { Article, Claim, PersonClaim, Span } from '../../types';
import { isHonorific, nonNameWord, wordTokens, type WordTok } from './runs';
import { foldNameWord, nameKey } from './names';
import { RecentArticles, coveredByOther, lastAtOrBeforeValue, rangeIndex, type RangeIndex } from '../../text/lookup';
import { startsUpper } from '../../text/tokens';

/** A place in the article where a person is named: in full, by surname, or as "President Roe". */
export interface Mention {
  start: number;
  end: number;
  /** Person key: the full name's key when known, else the lower-case surname. */
  key: string;
  /** The full name when known, else the word as written. */
  name: string;
  how: 'full' | 'surname' | 'honorific';
}

/** The person claims among earlier claims, sorted by start. */
export function personClaims(earlier: readonly Claim[]): PersonClaim[] {
  return earlier.filter((c): c is PersonClaim => c.kind === 'person').sort((a, b) => a.span.start - b.span.start);
}

/**
 * Every mention of a person in the article, sorted by start: full-name claims, bare surnames of people
 * named in full somewhere in the article ("Roe" -> the nearest "Jane Roe" before it, else the first),
 * and a single capitalized word after an honorific ("President Roe") when no full name explains it.
 */
export function findMentions(article: Article, earlier: readonly Claim[]): Mention[] {
  const people = personClaims(earlier).filter((c) => c.source === article.id);
  // Titles and quotes both ask, with the same person claims: answer the second from the first.
  const last = LAST.get(article);
  if (last && last.people.length === people.length && last.people.every((c, i) => c === people[i])) return last.mentions.slice();
  const mentions = computeMentions(article, people);
  LAST.set(article, { people, mentions: mentions.slice() });
  return mentions;
}

const LAST = new RecentArticles<{ people: PersonClaim[]; mentions: Mention[] }>(1);

function computeMentions(article: Article, people: PersonClaim[]): Mention[] {
  // A literal list filled by push: one made by `map` and pushed to later threw V8's optimized code away.
  const full: Mention[] = [];
  const fullSpans: Span[] = [];
  for (const c of people) {
    full.push(mention(c.span.start, c.span.end, c.value.key, c.value.name, 'full'));
    fullSpans.push(c.span);
  }
  // The other mentions, found word by word: in text order.
  const out: Mention[] = [];
  const spans = rangeIndex(fullSpans);
  // Each list stays sorted by start, as `people` is; `starts` holds their starts for the binary search.
  const bySurname: BySurname = new Map();
  for (const c of people) {
    const k = foldNameWord(c.value.surname);
    const list = bySurname.get(k);
    if (list) {
      list.starts.push(c.span.start);
      list.claims.push(c);
    } else bySurname.set(k, { starts: [c.span.start], claims: [c] });
  }
  wordMentions(article, spans, bySurname, out);
  // What sorting `[...full, ...out]` (a stable sort) gives: the few full mentions sorted, then the two merged.
  full.sort(byStartLongestFirst);
  return mergeSorted(full, out);
}

/** People named in full, by the folded form of their surname: starts and claims, sorted by start. */
type BySurname = Map<string, { starts: number[]; claims: PersonClaim[] }>;

// The mentions by a single word, added to `out` in text order: a surname of someone named in full, or a
// word after an honorific. The loop over every word of the article, in a function of its own: small, it is
// compiled early in a run, ahead of the setting up around it.
function wordMentions(article: Article, spans: RangeIndex<Span>, bySurname: BySurname, out: Mention[]): void {
  const toks = wordTokens(article);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap || coveredByOther(spans, t.start) || nonNameWord(t.lower)) continue;
    // No person named in full: no surname to fold a word for.
    const known = bySurname.size === 0 ? undefined : bySurname.get(foldNameWord(t.text));
    if (known) {
      // A later mention belongs to the nearest full name before it: two Roes are told apart by order.
      const b = lastAtOrBeforeValue(known.starts, t.start - 1);
      const p = known.claims[b >= 0 ? b : 0];
      out.push(mention(t.start, t.end, p.value.key, p.value.name, 'surname'));
      continue;
    }
    // "President Roe": the word before is an honorific (asked first: most words follow none).
    const prev = toks[i - 1];
    if (prev && isHonorific(prev.lower)) honorificMention(article.reader, toks, i, out);
  }
}

// "President Roe": the word at `i` after an honorific, unless the gap is more than ". " or a capitalized
// word follows ("President Jane Roe" is a full name, found as such).
function honorificMention(text: string, toks: readonly WordTok[], i: number, out: Mention[]): void {
  const prev = toks[i - 1];
  const t = toks[i];
  const next = toks[i + 1];
  const gap = text.slice(prev.end, t.start);
  const nextJoined = next && next.cap && text.slice(t.end, next.start) === ' ';
  if (/^\.?[ ]$/.test(gap) && startsUpper(prev.text) && !nextJoined && !t.initial) {
    out.push(mention(t.start, t.end, nameKey(t.text), t.text, 'honorific'));
  }
}

const byStartLongestFirst = (a: Mention, b: Mention): number => a.start - b.start || b.end - a.end;

// Two lists sorted by `byStartLongestFirst` as one, `a`'s mention first of two equal ones.
function mergeSorted(a: Mention[], b: Mention[]): Mention[] {
  if (a.length === 0) return b;
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  // One loop for all three stretches (both lists, then what is left of either): a rarely run loop of its
  // own was compiled without feedback and thrown away when first run.
  for (let k = a.length + b.length; k > 0; k--) {
    out.push(j >= b.length || (i < a.length && byStartLongestFirst(a[i], b[j]) <= 0) ? a[i++] : b[j++]);
  }
  return out;
}

// Every mention is made here: one object shape for all three kinds.
function mention(start: number, end: number, key: string, name: string, how: Mention['how']): Mention {
  return { start, end, key, name, how };
}
