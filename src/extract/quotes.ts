import type { Article, Claim, Extractor, QuoteClaim, QuoteValue, Speaker } from '../types';
import { claimAt } from './claim';
import { makeSpan } from '../text/span';
import { firstAtOrAfter, inSortedRanges } from '../text/lookup';
import { sentenceAt } from '../lang/context';
import { isSpaceCode } from '../text/scan';
import { tokenize } from '../text/tokens';
import { headlineRanges } from './people';
import { findMentions, type Mention } from './people/mentions';
import { nameKey } from './people/names';
import { ORG_WORDS } from './people/lexicon';
import { opensWithQuote, paragraphs, segmentsOf, type Paragraph, type Segment } from './quotes/marks';
import {
  afterAttribution,
  beforeAttribution,
  isReportingVerb,
  personInRange,
  resolveSpeaker,
  type SpeakerContext,
} from './quotes/speakers';

/** A whole quotation: one or more segments sharing a speaker. */
interface Quotation {
  segments: Segment[];
  post: boolean;
  speaker: Speaker | null;
  partial: boolean;
}

/**
 * Finds quotations and embedded social posts, one claim per run of words between quote marks (all its
 * sentences; a quote broken by an attribution is two claims of one quotation), each with its
 * speaker when the article says who spoke: '"We will rebuild," Roe said.' -> words "We will rebuild",
 * speaker Jane Roe (resolved from the surname), how "X said".
 */
export const quoteExtractor: Extractor = {
  id: 'quotes',
  kinds: ['quote'],
  extract(article, ctx, earlier) {
    try {
      return findQuotes(article, earlier);
    } catch {
      return [];
    }
  },
};

// "— Jane Roe (@janeroe) March 3, 2024": the line under an embedded post names its author.
const POST_AUTHOR = /^[ \t]*[\u2014\u2013]{1,2}[ \t]*([^\n(]{1,120}?)[ \t]*\(@[A-Za-z0-9_]{1,30}\)/;

// POST_AUTHOR opens with spaces or tabs and a dash: "\u2014 Jane Roe (@janeroe)". Most paragraphs do not.
function dashOpens(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  // An empty last paragraph ends at the text's end: reading there gives NaN, and V8 deoptimized on it.
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return c === 0x2014 || c === 0x2013;
}

// In stages, each a function of its own: a run's first articles find each stage's loop compiled on its own
// (early, small), where one function of them all (2800 bytes of bytecode) was compiled late, at great cost.
function findQuotes(article: Article, earlier: readonly Claim[]): Claim[] {
  const text = article.reader;
  const heads = headlineRanges(article);
  const paras = paragraphs(text, article.bodyStart, (s) => inSortedRanges(heads, s));
  const mentions = findMentions(article, earlier);
  const quotations: Quotation[] = [];
  // Embedded posts first: their lines are post text, not prose with quote marks.
  const postParas = embeddedPosts(article, paras, mentions, quotations);
  groupSegments(article, paras, quotedSegments(text, paras, postParas), quotations);
  quotations.sort((a, b) => a.segments[0].open - b.segments[0].open);
  const groups: Speaker[] = [];
  const claims: QuoteClaim[] = [];
  for (const q of quotations) addQuotation(article, paras, mentions, groups, q, claims);
  claims.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  return claims.filter((c, i) => i === 0 || c.id !== claims[i - 1].id);
}

/** Finds the embedded posts, adds each as a quotation; returns the paragraphs they take up. */
function embeddedPosts(article: Article, paras: Paragraph[], mentions: readonly Mention[], quotations: Quotation[]): Set<number> {
  const text = article.reader;
  const postParas = new Set<number>();
  for (let i = 0; i < paras.length; i++) {
    if (!dashOpens(text, paras[i].start, paras[i].end)) continue;
    const m = POST_AUTHOR.exec(text.slice(paras[i].start, paras[i].end));
    if (!m) continue;
    let j = i - 1;
    while (j >= 0 && !text.slice(paras[j].start, paras[j].end).trim()) j--;
    if (j < 0 || postParas.has(j)) continue;
    const [s, e] = trimmed(text, paras[j].start, paras[j].end);
    if (!/\p{L}/u.test(text.slice(s, e))) continue;
    postParas.add(j);
    postParas.add(i);
    const authorStart = paras[i].start + m[0].indexOf(m[1]);
    quotations.push({
      segments: [{ open: s, close: -1, innerStart: s, innerEnd: e, paragraph: j, single: false }],
      post: true,
      partial: false,
      speaker: postAuthor(article, m[1], authorStart, mentions),
    });
  }
  return postParas;
}

/** The quoted segments of the paragraphs that hold no post, in text order. */
function quotedSegments(text: string, paras: Paragraph[], postParas: ReadonlySet<number>): Segment[] {
  const segs: Segment[] = [];
  // One push per segment: spreading a paragraph of 100k+ segments into push() would overflow the stack.
  for (let i = 0; i < paras.length; i++) if (!postParas.has(i)) for (const seg of segmentsOf(text, paras[i], i)) segs.push(seg);
  return segs;
}

/** Groups segments into quotations, added to `quotations`: continued over a paragraph break, or broken by an attribution. */
function groupSegments(article: Article, paras: Paragraph[], segs: Segment[], quotations: Quotation[]): void {
  const text = article.reader;
  let current: Segment[] = [];
  for (const s of segs) {
    const prev = current[current.length - 1];
    if (prev && continues(text, paras, prev, s)) current.push(s);
    else if (prev && brokenByAttribution(text, prev, s) && !isPartial(text, article, current[0])) current.push(s);
    else {
      if (current.length) quotations.push(quotation(current));
      current = [s];
    }
  }
  if (current.length) quotations.push(quotation(current));
}

// A quotation of prose: its speaker and whether it is partial still to be found.
function quotation(segments: Segment[]): Quotation {
  return { segments, post: false, partial: false, speaker: null };
}

/** Finds the speaker of a quotation and adds a claim for each line of each of its segments. */
function addQuotation(
  article: Article,
  paras: Paragraph[],
  mentions: readonly Mention[],
  groups: Speaker[],
  q: Quotation,
  claims: QuoteClaim[],
): void {
  const text = article.reader;
  const first = q.segments[0];
  const last = q.segments[q.segments.length - 1];
  const qStart = first.innerStart;
  const qEnd = last.innerEnd;
  if (!q.post) {
    q.partial = isPartial(text, article, first);
    const sctx: SpeakerContext = { article, mentions, groups, quoteStart: qStart, quoteEnd: qEnd };
    q.speaker = findSpeaker(text, article, paras, q, sctx);
  }
  if (q.speaker && (q.speaker.kind === 'organization' || q.speaker.kind === 'description')) groups.push(q.speaker);
  for (const s of q.segments) {
    for (const line of linesOf(text, s.innerStart, s.innerEnd)) {
      const [a, b] = trimmed(text, line.start, line.end, true);
      if (b <= a || !/\p{L}/u.test(text.slice(a, b))) continue;
      // Keys in this order (the order they are written out); `post` only for a post.
      // A run of spaces is one space: markup inside the quote ('"Two **navy** ships"') reads as spaces.
      const value = { type: 'quote', words: text.slice(a, b).replace(/\s{2,}/g, ' '), quotation: `q@${qStart}-${qEnd}`, partial: q.partial } as QuoteValue;
      if (q.post) value.post = true;
      value.speaker = q.speaker;
      claims.push(claimAt(article, 'quotes', a, b, value));
    }
  }
}

/**
 * The words between one pair of quote marks are one claim, all their sentences together: outlets quote
 * more or fewer sentences of the same words, and the comparator matches them sentence by sentence. Only a
 * line break parts them: the text of a post and the signature line under it ("- President Roe").
 */
function linesOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return out;
}

// Trims spaces, and with `punct` also stray quote marks and a trailing comma: '"not possible,"' -> "not possible".
function trimmed(text: string, start: number, end: number, punct = false): [number, number] {
  const lead = punct ? /[\s"'\u201c\u201d\u2018\u2019\u201e]/ : /\s/;
  const trail = punct ? /[\s,;:\u2014\u2013"'\u201c\u201d\u2018\u201e-]/ : /\s/;
  while (start < end && lead.test(text[start])) start++;
  while (end > start && trail.test(text[end - 1])) end--;
  return [start, end];
}

// A paragraph that ends inside a quote continues in the next paragraph when that one opens with a mark.
function continues(text: string, paras: Paragraph[], prev: Segment, s: Segment): boolean {
  if (prev.close >= 0 || s.paragraph <= prev.paragraph) return false;
  let k = prev.paragraph + 1;
  while (k < s.paragraph && !text.slice(paras[k].start, paras[k].end).trim()) k++;
  if (k !== s.paragraph || !opensWithQuote(text, paras[k])) return false;
  return text.slice(paras[k].start, s.open).trim() === '';
}

// '"We will rebuild," Roe said. "It will take years."': one quotation in two segments.
function brokenByAttribution(text: string, prev: Segment, s: Segment): boolean {
  if (prev.close < 0 || prev.paragraph !== s.paragraph || prev.single !== s.single) return false;
  const between = text.slice(prev.close + 1, s.open);
  if (!/[,.:]\s*$/.test(between) || !/^\s*\p{Lu}/u.test(text.slice(s.innerStart, s.innerStart + 3))) return false;
  if (!/[,.!?]\s*$/.test(text.slice(prev.innerStart, prev.innerEnd))) return false;
  const toks = tokenize(text, prev.close + 1, s.open);
  return toks.length > 0 && toks.length <= 14 && toks.some((t) => isReportingVerb(t.text));
}

// 'warned of "hard times"' is a fragment in the reporter's sentence; 'Roe said, "We will..."' is not.
function isPartial(text: string, article: Article, s: Segment): boolean {
  const si = sentenceAt(article.sentences, s.open);
  const from = si >= 0 ? article.sentences[si].start : s.open;
  // Only the end of the words before the mark is read (a long sentence is not copied per quote).
  let e = s.open;
  while (e > from && /\s/.test(text[e - 1])) e--;
  const startsLower = /^\s*[\p{Ll}]/u.test(text.slice(s.innerStart, s.innerStart + 3));
  if (e === from) return startsLower;
  if (/[,:\u2014\u2013]/.test(text[e - 1])) return startsLower;
  const lastWord = lastLetters(text, from, e);
  if (isReportingVerb(lastWord)) return startsLower;
  return true;
}

// The run of letters ending at `end` (after `from`): "the mayor said" -> "said". Reads a short tail,
// and the whole stretch only when the tail is all letters.
function lastLetters(text: string, from: number, end: number): string {
  const tailStart = Math.max(from, end - 64);
  const m = /([\p{L}]+)$/u.exec(text.slice(tailStart, end));
  if (m && m.index <= 1 && tailStart > from) return /([\p{L}]+)$/u.exec(text.slice(from, end))?.[1] ?? '';
  return m?.[1] ?? '';
}

// `text.slice(from, to).trim() === ''`, read backwards from `to` so a long line is not copied per quote.
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let k = to - 1; k >= from; k--) if (!/\s/.test(text[k])) return false;
  return true;
}

function findSpeaker(text: string, article: Article, paras: Paragraph[], q: Quotation, ctx: SpeakerContext): Speaker | null {
  // After a closing mark: '," Roe said' / '," said Roe'.
  for (let i = 0; i < q.segments.length; i++) {
    const s = q.segments[i];
    if (s.close < 0) continue;
    const nextOpen = i + 1 < q.segments.length ? q.segments[i + 1].open : paras[s.paragraph].end;
    // '"We won." He left.' -- after a closing period the next words start a new sentence; '"We won," he said.'
    if (endsWithPeriod(text, s.innerStart, s.innerEnd)) continue;
    const np = afterAttribution(text, s.close + 1, Math.min(nextOpen, paras[s.paragraph].end));
    if (np) {
      const sp = resolveSpeaker(np, ctx);
      if (sp) return sp;
    }
  }
  // Before the opening mark, in its sentence: 'Roe said, "..."', 'an official said the deal was "not possible"'.
  const first = q.segments[0];
  const si = sentenceAt(article.sentences, first.open);
  const sStart = si >= 0 ? article.sentences[si].start : paras[first.paragraph].start;
  const np = beforeAttribution(text, Math.max(sStart, paras[first.paragraph].start), first.open);
  if (np) {
    const sp = resolveSpeaker(np, ctx);
    if (sp) return statementHow(text, sStart, first.open, sp);
  }
  // The paragraph before ends with a colon: 'Roe told reporters:' then the quote on its own line.
  if (onlySpaceBetween(text, paras[first.paragraph].start, first.open) && first.paragraph > 0) {
    const p = paras[first.paragraph - 1];
    if (/:\s*$/.test(text.slice(p.start, p.end))) {
      const psi = sentenceAt(article.sentences, Math.max(p.start, p.end - 1));
      const from = psi >= 0 ? article.sentences[psi].start : p.start;
      const np2 = beforeAttribution(text, from, p.end);
      const sp = np2 ? resolveSpeaker(np2, ctx) : null;
      if (sp) return sp;
    }
  }
  // A fragment with no verb of saying: the person named earlier in its sentence is a guess worth making.
  if (q.partial && !paras[first.paragraph].headline) {
    const m: Mention | undefined = personInRange(ctx.mentions, sStart, first.open);
    if (m) return { name: m.name, key: m.key, kind: 'person', span: makeSpan(article.text, article.lineStarts, m.start, m.end), how: 'nearest person named in the sentence' };
  }
  return null;
}

// `/\.\s*$/.test(text.slice(from, to))`, read backwards from `to` without copying the quote.
function endsWithPeriod(text: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > from && text.charCodeAt(k - 1) === 46;
}

// "In a statement, the ministry said ..." says how the words were given.
function statementHow(text: string, from: number, to: number, sp: Speaker): Speaker {
  if (/\bin an? (?:official |written )?statement\b/i.test(text.slice(from, to))) return { ...sp, how: `in a statement, ${sp.how}` };
  return sp;
}

function postAuthor(article: Article, author: string, start: number, mentions: readonly Mention[]): Speaker {
  const end = start + author.length;
  const span = makeSpan(article.text, article.lineStarts, start, end);
  // Mentions are sorted by start: look only at those starting inside the author's words.
  let m: Mention | undefined;
  for (let i = firstAtOrAfter(mentions, start, (x) => x.start); i < mentions.length && mentions[i].start < end && !m; i++) {
    if (mentions[i].end <= end) m = mentions[i];
  }
  if (m && m.start === start && m.end === end) return { name: m.name, key: m.key, kind: 'person', span, how: 'post author' };
  // An account named after a person of the article ("Jane Roe Posts") carries that person's words.
  if (m) return { name: m.name, key: m.key, kind: 'person', span, how: `post author (account naming ${m.name})` };
  const ws = author.trim().split(/\s+/);
  const orgish = ws.some((w) => ORG_WORDS.has(w.toLowerCase())) || !ws.every((w) => /^\p{Lu}[\p{L}'\-]+$/u.test(w));
  // An account that is no person's name ("City Harbor Updates") may post anyone's words: kind unknown.
  if (orgish || ws.length < 2 || ws.length > 4) return { name: author, key: nameKey(author), kind: 'unknown', span, how: 'post author (an account)' };
  return { name: author, key: nameKey(author), kind: 'person', span, how: 'post author' };
}
