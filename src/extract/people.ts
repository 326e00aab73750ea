import type { Extractor } from '../types';

/** Placeholder: finds nothing yet. */
export const peopleExtractor: Extractor = {
  id: 'people',
  kinds: ['person'],
  extract() {
    return [];
  },
};
