import { entitySpelling, matchNames } from '../../src/compare/comparators/entity-spelling';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, EntityKind, EntityValue } from '../../src/types';

const ctx: CompareContext = {
  rule: { id: 'entity-spelling', extends: 'entity-spelling', appliesTo: ['entity'], severity: 'info', params: {}, file: '' },
  vocabulary: emptyVocabulary(),
  articles: new Map(),
};

function e(name: string, key: string, entityKind: EntityKind = 'other'): Claim {
  const value: EntityValue = { type: 'entity', name, key, entityKind };
  return {
    id: 'entity@0-1', source: 'a.txt', kind: 'entity', extractor: 'entities',
    span: { start: 0, end: name.length, text: name, line: 1, column: 1 }, value,
    context: { predicates: [], entities: [], words: [] },
  };
}

describe('matchNames', () => {
  test.each([
    ['velmar-4', 'velmar-4', 'same'],
    ['storm hawk', 'stormhawk', 'joined'],
    ['velmar-4', 'velmaar-4', 'respelled'],
    ['indian ocean', 'india ocean', 'respelled'],
    ['hurricane oda', 'hurricane oda', 'same'],
    ['ostrava junction', 'ostrava', 'shorter'],
    // Only a common noun differs: one name.
    ['tarrow air base', 'tarrow airbase', 'generic'],
    ['velmar airline', 'velmar airlines', 'generic'],
    ['black hawk', 'blackhawk', 'joined'],
    ['tarrow national airport', 'edda tarrow washington national airport', 'shorter'],
    // Two places that look alike, two numbers, two directions: never one name.
    ['northfield', 'northgate', 'different'],
    ['northfield airport', 'northgate airport', 'different'],
    ['velmar-4', 'velmar-5', 'different'],
    ['flight 5342', 'flight 5343', 'different'],
    ['north velmar', 'velmar', 'different'],
    ['velmar', 'delmar', 'different'],
    // A short word one letter off is another word: "Erie" / "Eric".
    ['lake erie', 'lake eric', 'different'],
    // One bare word a letter off, with no number: too little to call it a misspelling.
    ['velmar', 'velmor', 'different'],
  ])('%s ~ %s -> %s', (a, b, relation) => {
    expect(matchNames(a, b).relation).toBe(relation);
    expect(matchNames(b, a).relation).toBe(relation);
  });
});

describe('entity-spelling compare and link', () => {
  test.each([
    [e('Velmar-4', 'velmar-4', 'vehicle'), e('Velmaar-4', 'velmaar-4', 'vehicle'), 'variant', /spellings of one name: "velmar-4" \/ "velmaar-4"/],
    [e('Storm Hawk', 'storm hawk'), e('Stormhawk', 'stormhawk'), 'variant', /written apart and together/],
    [e('Ostrava Junction', 'ostrava junction', 'place'), e('Ostrava', 'ostrava', 'place'), 'agree', /in short/],
    [e('Ministry of Fisheries', 'fisheries ministry', 'organization'), e('Fisheries Ministry', 'fisheries ministry', 'organization'), 'agree', /one name written another way/],
  ])('%#', (a, b, relation, reason) => {
    expect(entitySpelling.link(a, b, ctx)).toBeGreaterThanOrEqual(0.5);
    const j = entitySpelling.compare(a, b, ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });

  test('one short form in parentheses: two wordings of one body', () => {
    const a = { ...e('Velmar Disaster Response Force', 'velmar disaster response force', 'organization') };
    const b = { ...e('Velmar Disaster Relief Force', 'velmar disaster relief force', 'organization') };
    (a.value as EntityValue).short = 'VDRF';
    expect(entitySpelling.link(a, b, ctx)).toBe(0);
    (b.value as EntityValue).short = 'VDRF';
    expect(entitySpelling.link(a, b, ctx)).toBe(0.9);
    expect(entitySpelling.compare(a, b, ctx)).toEqual({ relation: 'variant', reason: '"Velmar Disaster Response Force" and "Velmar Disaster Relief Force" are two wordings of one name, both given as VDRF' });
    // Most words must be shared: one short form for two unlike names is a coincidence.
    const c = e('Valley Dairy Research Fund', 'valley dairy research fund', 'organization');
    (c.value as EntityValue).short = 'VDRF';
    expect(entitySpelling.link(a, c, ctx)).toBe(0);
  });

  test.each([
    [e('Northfield Airport', 'northfield airport', 'place'), e('Northgate Airport', 'northgate airport', 'place')],
    // A place and an organization that share a name are two things.
    [e('Velmar Airport', 'velmar airport', 'place'), e('Velmar Airways', 'velmar airways', 'organization')],
    [e('Tarrow Bank', 'tarrow bank', 'organization'), e('Tarrow Valley', 'tarrow valley', 'place')],
  ])('never linked: %#', (a, b) => {
    expect(entitySpelling.link(a, b, ctx)).toBe(0);
  });

  test('names that may be one meet in a block', () => {
    const keys = (c: Claim) => entitySpelling.blockKeys(c, ctx);
    for (const [a, b] of [['storm hawk', 'stormhawk'], ['indian ocean', 'india ocean'], ['velmar-4', 'velmaar-4']]) {
      expect(keys(e(a, a)).some((k) => keys(e(b, b)).includes(k))).toBe(true);
    }
  });
});
