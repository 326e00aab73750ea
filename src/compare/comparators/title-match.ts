import type { Comparator } from '../../types';

/** Placeholder: links nothing yet. */
export const titleMatch: Comparator = {
  id: 'title-match',
  kinds: ['title'],
  findingKind: 'title',
  paramsSchema: { type: 'object', properties: {}, additionalProperties: false },
  blockKeys: () => [],
  link: () => 0,
  compare: () => ({ relation: 'agree', reason: 'not compared yet' }),
  readingKey: (c) => c.span.text,
  display: (c) => c.span.text,
  readingValue: (c) => c.span.text,
  subject: () => '',
};
