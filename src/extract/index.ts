import type { Extractor, Refiner } from '../types';
import { peopleExtractor } from './people';
import { titleExtractor } from './titles';
import { quoteExtractor } from './quotes';
import { dateExtractor } from './dates';
import { quantityExtractor } from './quantities';
import { describeAssertions } from './assertions';
import { figureExtractor } from './figures';
import { entityExtractor } from './entities';
import { relationExtractor } from './relations';

/**
 * Every extractor, in the order they run: later ones may read earlier claims (quotes read people to
 * name speakers, titles read people). One line per extractor.
 */
export const EXTRACTORS: readonly Extractor[] = [
  peopleExtractor,
  titleExtractor,
  quoteExtractor,
  dateExtractor,
  quantityExtractor,
  figureExtractor,
  entityExtractor,
  relationExtractor,
];

/** Pure passes over one article's claims, in order. */
export const REFINERS: readonly Refiner[] = [describeAssertions];
