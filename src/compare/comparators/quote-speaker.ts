import type { Claim, Comparator, PairJudgement, QuoteValue, Speaker, Vocabulary } from '../../types';
import { aliasJoining } from '../../text/aliases';
import { nameSimilarity, SAME_PERSON } from '../../extract/people/names';
import { contentLemmas } from '../quote-align';
import { quoteLink, quoteSubject, quoteTwinValue } from './quote-wording';
import { GENERIC_SPEAKER_WORDS } from '../../lang/words';

const quote = (c: Claim) => c.value as QuoteValue;
const speaker = (c: Claim) => quote(c).speaker as Speaker;

const GENERIC = GENERIC_SPEAKER_WORDS;

/**
 * Who the same words are given to, across sources. Quotes are aligned as by quote-wording; the readings
 * are speakers. One person (any spelling) agrees; an organization and a described member of it
 * ("the Ruritanian government" / "a Ruritanian government official") are a variant; a named person against an
 * organization, or two different people, is a conflict: the same words given to a different speaker.
 */
export const quoteSpeaker: Comparator = {
  id: 'quote-speaker',
  kinds: ['quote'],
  findingKind: 'attribution',
  paramsSchema: {
    type: 'object',
    properties: {
      // link-agree and link-conflict are added to every comparator's schema by the rule loader.
    },
    additionalProperties: false,
  },
  accepts: (c) => c.kind === 'quote' && !!quote(c).speaker && !!quote(c).speaker?.key,
  blockKeys: (c, ctx) => contentLemmas(quote(c).words, ctx.vocabulary).map((w) => `qs:${w}`),
  link: quoteLink,
  compare: (a, b, ctx) => compareSpeakers(speaker(a), speaker(b), ctx.vocabulary),
  readingKey: (c) => speaker(c).key,
  display: (c) => speaker(c).name,
  readingValue: (c) => ({ name: speaker(c).name, key: speaker(c).key, kind: speaker(c).kind }),
  subject: (claims) => `who said: ${quoteSubject(claims)}`,
  twinValue: quoteTwinValue,
  storyBound: true,
};

function words(key: string): string[] {
  return key.split(' ').filter((w) => w && !GENERIC.has(w));
}

/** How two speakers of the same words relate; an alias rule ("BKQ" = "Bart K. Quillfeather") makes two names one speaker. */
export function compareSpeakers(x: Speaker, y: Speaker, vocabulary?: Vocabulary): PairJudgement {
  if (x.key === y.key) return { relation: 'agree', reason: `both give the words to ${x.name}` };
  const alias = vocabulary && aliasJoining(x.key, y.key, vocabulary);
  if (alias) return { relation: 'agree', reason: `${x.name} and ${y.name} are one speaker (alias of ${alias.canonical})`, rule: alias.rule };
  const kinds = [x.kind, y.kind].sort().join('+');
  switch (kinds) {
    case 'person+person':
      return nameSimilarity(x.key, y.key) >= SAME_PERSON
        ? { relation: 'agree', reason: `${x.name} and ${y.name} are one person spelled two ways` }
        : { relation: 'conflict', reason: `the same words given to a different speaker: ${x.name} / ${y.name}` };
    case 'organization+person':
      return { relation: 'conflict', reason: `the same words given to a different speaker: ${x.name} (${x.kind}) / ${y.name} (${y.kind})` };
    case 'description+organization': {
      const [d, o] = x.kind === 'description' ? [x, y] : [y, x];
      const shared = words(o.key).filter((w) => d.key.split(' ').includes(w));
      return shared.length || words(o.key).length === 0
        ? { relation: 'variant', reason: `"${d.name}" is described as a member of ${o.name}` }
        : { relation: 'variant', reason: `"${d.name}" may speak for ${o.name}; the sources differ in detail` };
    }
    case 'description+description': {
      const wx = x.key.split(' ');
      const wy = y.key.split(' ');
      const [short, long] = wx.length <= wy.length ? [wx, wy] : [wy, wx];
      if (short.every((w) => long.includes(w))) return { relation: 'agree', reason: `"${x.name}" and "${y.name}" describe one speaker with more or less detail` };
      return { relation: 'variant', reason: `"${x.name}" and "${y.name}" may be one speaker, described differently` };
    }
    case 'description+person': {
      // "the Republican leader" / "Jane Roe": a description fits a named person; it says less, not otherwise.
      const [d, p] = x.kind === 'description' ? [x, y] : [y, x];
      return { relation: 'agree', reason: `"${d.name}" may describe ${p.name}: less detail, no contradiction` };
    }
    case 'organization+organization': {
      const wx = words(x.key);
      const wy = words(y.key);
      return wx.some((w) => wy.includes(w)) || !wx.length || !wy.length
        ? { relation: 'variant', reason: `${x.name} and ${y.name} name one body with more or less detail` }
        : { relation: 'variant', reason: `the words are given to ${x.name} and to ${y.name}` };
    }
    default:
      return { relation: 'variant', reason: `the words are given to ${x.name} and to ${y.name}; one speaker is unclear` };
  }
}
