import type { Comparator } from '../../types';
import { dateInterval } from './date-interval';
import { numericTolerance } from './numeric-tolerance';
import { quoteWording } from './quote-wording';
import { quoteSpeaker } from './quote-speaker';
import { titleMatch } from './title-match';
import { nameSpelling } from './name-spelling';
import { entitySpelling } from './entity-spelling';
import { relationMatch } from './relation-match';

/** Every comparator a rule file may `extends`. One line per comparator. */
export const COMPARATORS: readonly Comparator[] = [
  dateInterval,
  numericTolerance,
  quoteWording,
  quoteSpeaker,
  titleMatch,
  nameSpelling,
  entitySpelling,
  relationMatch,
];

export function comparatorById(id: string): Comparator | undefined {
  return COMPARATORS.find((c) => c.id === id);
}
