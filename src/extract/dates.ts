import type { Extractor } from '../types';

/** Placeholder: finds nothing yet. */
export const dateExtractor: Extractor = {
  id: 'dates',
  kinds: ['date'],
  extract() {
    return [];
  },
};
