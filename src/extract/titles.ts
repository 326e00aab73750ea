import type { Extractor } from '../types';

/** Placeholder: finds nothing yet. */
export const titleExtractor: Extractor = {
  id: 'titles',
  kinds: ['title'],
  extract() {
    return [];
  },
};
