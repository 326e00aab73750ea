import type { Claim, Comparator, CompareContext, PairJudgement, QuoteValue } from '../../types';
import { differentStories } from '../link';
import { alignQuotes, alignSentences, containsRun, lcs, quoteSentences, quoteWords, contentLemmas, contradiction, foldWords, paraphraseRule, wordDiff } from '../quote-align';

const words = (c: Claim) => (c.value as QuoteValue).words;

/**
 * Compares the wording of quotes across sources. Same words after folding case, curly quotes and
 * punctuation agree; a fragment of a longer quote agrees ("part of"); other words with the same meaning
 * (a paraphrase rule, a second translation) are a variant with a word diff; a flipped negation, a
 * changed number or a changed name is a conflict.
 */
export const quoteWording: Comparator = {
  id: 'quote-wording',
  kinds: ['quote'],
  findingKind: 'quote',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
      'variant-similarity': {
        type: 'number', minimum: 0, maximum: 1, default: 0.45,
        description: 'Least word similarity (0..1) for two different wordings to be one quote told two ways; below it they are different parts of a longer quote.',
      },
    },
    additionalProperties: false,
  },
  accepts: (c) => c.kind === 'quote',
  blockKeys: (c, ctx) => contentLemmas(words(c), ctx.vocabulary).map((w) => `qw:${w}`),
  link: quoteLink,
  compare: compareWording,
  readingKey: (c) => foldWords(words(c)),
  display: (c) => words(c),
  readingValue: (c) => words(c),
  subject: (claims) => quoteSubject(claims),
  twinValue: quoteTwinValue,
  storyBound: true,
};

/** A quote's value for telling twins: its whole quotation's words, which its link reads, not its place. */
export function quoteTwinValue(c: Claim, ctx: CompareContext): unknown {
  return { ...(c.value as QuoteValue), quotation: quotationText(c, ctx) ?? null };
}

/** The whole quotation a segment belongs to, as written (attribution between segments included). */
function quotationText(c: Claim, ctx: CompareContext): string | undefined {
  const m = /^q@(\d+)-(\d+)$/.exec((c.value as QuoteValue).quotation);
  const text = ctx.articles.get(c.source)?.text;
  if (!m || text === undefined) return undefined;
  const [s, e] = [Number(m[1]), Number(m[2])];
  return e > s && e <= text.length && e - s < 5000 ? text.slice(s, e) : undefined;
}

/**
 * Link of two quote segments: their own alignment, or a weak 0.3 when one segment lies within the
 * other's whole quotation though not in the same sentence ("We will say no more... if they refuse"
 * against the first sentence of a two-sentence quotation holding both). None across two stories (articles
 * naming no name in common): "We will rebuild" said in Velmora and in Castrelle is two quotes.
 */
export function quoteLink(a: Claim, b: Claim, ctx: CompareContext): number {
  if (differentStories(a, b, ctx)) return 0;
  const own = passageLink(words(a), words(b), ctx);
  if (own >= 0.25) return own;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const whole = quotationText(y, ctx);
    if (!whole || whole === words(y)) continue;
    const al = alignQuotes(words(x), whole, ctx.vocabulary);
    if (al.link >= 0.75 && (al.relation === 'contained' || al.similarity >= 0.6)) return Math.max(own, 0.3);
  }
  return own;
}

/** "quote: We will say no more about the ..." from the longest claim: what the finding is about. */
export function quoteSubject(claims: readonly Claim[]): string {
  let best = '';
  for (const c of claims) {
    const w = words(c);
    if (w.length > best.length) best = w;
  }
  const ws = best.split(/\s+/);
  return ws.length > 8 ? `${ws.slice(0, 8).join(' ')} ...` : best;
}

function compareWording(a: Claim, b: Claim, ctx: CompareContext): PairJudgement {
  const judged = judgeWording(words(a), words(b), ctx);
  if (judged) return { relation: judged.relation, reason: judged.reason, ...(judged.rule ? { rule: judged.rule } : {}) };
  const qa = (a.value as QuoteValue).quotation;
  const qb = (b.value as QuoteValue).quotation;
  if (a.source === b.source && qa === qb) return { relation: 'agree', reason: 'two parts of one quotation' };
  return { relation: 'agree', reason: 'different parts of one longer quote (no words in common)' };
}

const OTHER_WORDING = 'other wording of the same quote';
const OTHER_TERMS = 'the same words in other terms';

/**
 * Two wordings: the same words, a part of the other, other words for the same, or (null) too little in
 * common to say. Quotations of several sentences that are not one run of the other are judged by the
 * sentences they share (comparePassages).
 */
/** A judgement with, for a variant, how the wordings differ and the word diff, kept apart for joining. */
type Judged = PairJudgement & { how?: string; diff?: string };

function judgeWording(wa: string, wb: string, ctx: CompareContext, asWhole = false): Judged | null {
  if (wa === wb) return { relation: 'agree', reason: 'the same words' };
  if (foldWords(wa) === foldWords(wb)) return { relation: 'agree', reason: 'the same words; only punctuation or case differ' };
  const al = alignQuotes(wa, wb, ctx.vocabulary);
  if (al.a.plain.map((w) => w.w).join(' ') === al.b.plain.map((w) => w.w).join(' ')) {
    return { relation: 'agree', reason: `the same words; only contractions or spelling differ (${wordDiff(wa, wb)})` };
  }
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const [ps, pl] = [al.a.plain, al.b.plain].map((q) => q.map((w) => w.w)).sort((x, y) => x.length - y.length);
  const partWord = al.relation === 'contained' && containsRun(pl, ps);
  if (partWord) return { relation: 'agree', reason: `"${short}" is part of "${long}"` };
  if (!asWhole && al.relation !== 'same' && (quoteSentences(wa).length > 1 || quoteSentences(wb).length > 1)) {
    const passage = comparePassages(wa, wb, ctx);
    if (passage) return passage;
  }
  if (al.relation === 'contained') {
    // '"impossible"' within "...is not possible.": a fragment taken up in other terms is still a part; the
    // words the sources differ in are reported where both quote them whole ("the same words in other terms").
    const rule = paraphraseRule(al);
    return { relation: 'agree', reason: `"${short}" is part of "${long}" in other terms${rule ? ` (${rule})` : ''}`, ...(rule ? { rule } : {}) };
  }
  if (al.relation === 'same' || al.similarity >= Number(ctx.rule.params['variant-similarity'] ?? 0.45)) {
    const why = contradiction(al);
    if (why) return { relation: 'conflict', reason: `the same quote with different content: ${why}` };
    const rule = paraphraseRule(al);
    const how = al.relation === 'same' ? OTHER_TERMS : OTHER_WORDING;
    const diff = wordDiff(wa, wb);
    return { relation: 'variant', reason: `${how}: ${diff}`, how, diff, ...(rule ? { rule } : {}) };
  }
  return null;
}

/**
 * Two quotations told in several sentences, judged by the sentences they share: a sentence quoted by one
 * outlet only is a shorter excerpt, not a difference ('"We won. We rebuild."' against '"We rebuild."'
 * agree); a shared sentence in other words makes a variant, a flipped negation or number in one makes a
 * conflict. Null when no sentence of one matches a sentence of the other.
 */
function comparePassages(wa: string, wb: string, ctx: CompareContext): Judged | null {
  const aligned = alignSentences(wa, wb, ctx.vocabulary);
  const { left, right, matches } = aligned;
  const leftTaken = new Set(matches.map(([i]) => i));
  const rightTaken = new Set(matches.map(([, j]) => j));
  const judged = matches
    .map(([i, j]) => {
      const nextRight = j + 1 < right.length && !rightTaken.has(j + 1) ? right[j + 1] : undefined;
      const nextLeft = i + 1 < left.length && !leftTaken.has(i + 1) ? left[i + 1] : undefined;
      return splitSentence(left[i], right[j], nextRight, false, ctx) ?? splitSentence(right[j], left[i], nextLeft, true, ctx) ?? judgeWording(left[i], right[j], ctx);
    })
    .filter((j): j is Judged => j !== null);
  if (!judged.length) return null;
  const conflict = judged.find((j) => j.relation === 'conflict');
  if (conflict) return conflict;
  const variants = judged.filter((j) => j.relation === 'variant');
  if (variants.length) {
    const rule = variants.find((v) => v.rule)?.rule;
    const how = variants.every((v) => v.how === OTHER_TERMS) ? OTHER_TERMS : OTHER_WORDING;
    const diff = variants.map((v) => v.diff ?? v.reason).join('; ');
    return { relation: 'variant', reason: `${how}: ${diff}`, how, diff, ...(rule ? { rule } : {}) };
  }
  const n = judged.length;
  const more = aligned.left.length !== n || aligned.right.length !== n ? '; one quotes more sentences than the other' : '';
  return { relation: 'agree', reason: `${n === 1 ? 'the sentence both quote reads' : `the ${n} sentences both quote read`} alike${more}` };
}

/**
 * One sentence told as two: "None of us know the size of it." against "None of us know. The extent of it
 * is still there." The shorter is the start of the longer, and its next sentence (matched to nothing)
 * carries on the longer's rest in at least two of its words, in order, and half of them: the two are
 * judged joined (here a variant, "size" / "extent"). "We will rebuild this town." against "We will
 * rebuild. Nobody leaves." is an excerpt: nothing of "this town" goes on. Null when it is no split, or the
 * joined sentence reads alike. `reversed`: the longer sentence is the second quote's.
 */
function splitSentence(long: string, short: string, next: string | undefined, reversed: boolean, ctx: CompareContext): Judged | null {
  if (next === undefined) return null;
  const plain = (x: string) => quoteWords(x, ctx.vocabulary).plain.map((w) => w.w);
  const lw = plain(long);
  const sw = plain(short);
  if (sw.length === 0 || sw.length >= lw.length || sw.some((w, k) => w !== lw[k])) return null;
  const rest = lw.slice(sw.length);
  const common = lcs(rest, plain(next));
  if (common < 2 || common * 2 < rest.length) return null;
  const joined = `${short} ${next}`;
  const judged = reversed ? judgeWording(joined, long, ctx, true) : judgeWording(long, joined, ctx, true);
  return judged && judged.relation !== 'agree' ? judged : null;
}

/** Link of two wordings: as wholes, or through their best-matching sentences. */
function passageLink(wa: string, wb: string, ctx: CompareContext): number {
  const whole = alignQuotes(wa, wb, ctx.vocabulary);
  if (whole.relation === 'same' || whole.relation === 'contained') return whole.link;
  const aligned = alignSentences(wa, wb, ctx.vocabulary);
  if (aligned.left.length < 2 && aligned.right.length < 2) return whole.link;
  return Math.max(whole.link, ...aligned.matches.map(([, , link]) => link));
}
