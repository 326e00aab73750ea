import type { Extractor } from '../types';

/** Placeholder: finds nothing yet. */
export const quantityExtractor: Extractor = {
  id: 'quantities',
  kinds: ['quantity'],
  extract() {
    return [];
  },
};
