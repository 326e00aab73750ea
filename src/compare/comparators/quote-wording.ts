import type { Claim, Comparator, CompareContext, PairJudgement, QuoteValue } from '../../types';
import { alignQuotes, contentLemmas, contradiction, foldWords, paraphraseRule, wordDiff } from '../quote-align';

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
};

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
 * other's whole quotation though not in the same sentence ("We won't talk about that... if they don't"
 * against the first sentence of a two-sentence quotation holding both).
 */
export function quoteLink(a: Claim, b: Claim, ctx: CompareContext): number {
  const own = alignQuotes(words(a), words(b), ctx.vocabulary).link;
  if (own >= 0.25) return own;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const whole = quotationText(y, ctx);
    if (!whole || whole === words(y)) continue;
    const al = alignQuotes(words(x), whole, ctx.vocabulary);
    if (al.link >= 0.75 && (al.relation === 'contained' || al.similarity >= 0.6)) return Math.max(own, 0.3);
  }
  return own;
}

/** "quote: We won't talk about that ..." from the longest claim: what the finding is about. */
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
  const wa = words(a);
  const wb = words(b);
  if (wa === wb) return { relation: 'agree', reason: 'the same words' };
  if (foldWords(wa) === foldWords(wb)) return { relation: 'agree', reason: 'the same words; only punctuation or case differ' };
  const al = alignQuotes(wa, wb, ctx.vocabulary);
  if (al.a.plain.map((w) => w.w).join(' ') === al.b.plain.map((w) => w.w).join(' ')) {
    return { relation: 'agree', reason: `the same words; only contractions or spelling differ (${wordDiff(wa, wb)})` };
  }
  if (al.relation === 'contained') {
    const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    return { relation: 'agree', reason: `"${short}" is part of "${long}"` };
  }
  const threshold = Number(ctx.rule.params['variant-similarity'] ?? 0.45);
  if (al.relation === 'same' || al.similarity >= threshold) {
    const why = contradiction(al);
    if (why) return { relation: 'conflict', reason: `the same quote with different content: ${why}` };
    const rule = paraphraseRule(al);
    const diff = wordDiff(wa, wb);
    const how = al.relation === 'same' ? 'the same words in other terms' : 'other wording of the same quote';
    return { relation: 'variant', reason: `${how}: ${diff}`, ...(rule ? { rule } : {}) };
  }
  const qa = (a.value as QuoteValue).quotation;
  const qb = (b.value as QuoteValue).quotation;
  if (a.source === b.source && qa === qb) return { relation: 'agree', reason: 'two sentences of one quotation' };
  return { relation: 'agree', reason: 'different parts of one longer quote (no words in common)' };
}
