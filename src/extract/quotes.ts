import type { Extractor } from '../types';

/** Placeholder: finds nothing yet. */
export const quoteExtractor: Extractor = {
  id: 'quotes',
  kinds: ['quote'],
  extract() {
    return [];
  },
};
