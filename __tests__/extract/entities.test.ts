import { buildArticle } from '../../src/ingest/article';
import { extractArticle } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import { entityKey, entityKindOf } from '../../src/extract/entities';
import type { EntityValue } from '../../src/types';
import { claimsUnder } from '../../src/compare/under-vocabulary';

const rules = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules do not load');
  return r.value;
})();

function entities(text: string): string[] {
  const built = buildArticle('a.txt', 'a.txt', text, { published: '2025-06-15' });
  if (!built.ok) throw new Error('article does not build');
  return extractArticle(built.value, {}).filter((c) => c.kind === 'entity').map((c) => {
    const v = c.value as EntityValue;
    expect(c.span.text).toBe(v.name);
    return `${v.name}|${v.key}|${v.entityKind}`;
  });
}

describe('entities: names of things that are not people', () => {
  test.each([
    ['The Velmar-4 probe reached orbit on Monday.', ['Velmar-4|velmar-4|vehicle']],
    ['A Storm Hawk helicopter landed at the pier on Monday.', ['Storm Hawk|storm hawk|vehicle']],
    ['Crews saw a Stormhawk helicopter over the pier.', ['Stormhawk|stormhawk|vehicle']],
    ['The train stopped at Ostrava Junction before noon.', ['Ostrava Junction|ostrava junction|place']],
    ['Officials at the Ministry of Fisheries said the quota stands.', ['Ministry of Fisheries|fisheries ministry|organization']],
    ['Officials at the Fisheries Ministry said the quota stands.', ['Fisheries Ministry|fisheries ministry|organization']],
    // Capitalized words after "<department> of" are the body's field, no person's name; the place before
    // the head stays first in the key.
    ['The Velmar Department of Financial Protection and Innovation closed the bank.', ['Velmar Department of Financial Protection and Innovation|velmar financial protection and innovation department|organization']],
    ['The Department of Coastal Safety closed the pier.', ['Department of Coastal Safety|coastal safety department|organization']],
    ['Shares of Tarrow Corp. fell after the report.', ['Tarrow Corp|tarrow corporation|organization']],
    ['The Dunmore & Keswick Fires burned for a week.', ['Dunmore & Keswick Fires|dunmore and keswick fires|event']],
    ['The storm hit land hours after Hurricane Oda formed.', ['Hurricane Oda|hurricane oda|event']],
    ['A ship sank near Fort Velmar in the night.', ['Fort Velmar|fort velmar|place']],
    // A person, a title and a weekday are not names of things.
    ['Harbor Chief Tomas Leclair said on Monday that the pier is closed.', []],
    ['Mara Quell flew home on Friday.', []],
    // One capitalized word alone is no name of a thing.
    ['Velmar is a quiet town.', []],
    // A label before a colon at the start of a line is not running text.
    ['Velmar-4 Launch: the probe reached orbit, the Velmar-4 team said.', ['Velmar-4|velmar-4|vehicle']],
  ])('%s', (text, expected) => {
    expect(entities(text)).toEqual(expected);
  });

  test('the key keeps the writer\'s spelling; the rules\' spellings make one key when comparing: "Defence" / "Defense"', () => {
    const text = 'Officials at the Ministry of Defence in Velmar said so.';
    expect(entities(text)).toEqual(['Ministry of Defence|defence ministry|organization']);
    const built = buildArticle('a.txt', 'a.txt', text, { published: '2025-06-15' });
    if (!built.ok) throw new Error('article does not build');
    const compared = claimsUnder(extractArticle(built.value, {}), rules.vocabulary).filter((c) => c.kind === 'entity');
    expect(compared.map((c) => (c.value as EntityValue).key)).toEqual(['defense ministry']);
  });

  test('a short form in parentheses is kept', () => {
    const built = buildArticle('a.txt', 'a.txt', 'Crews of the Velmar Disaster Response Force (VDRF) arrived.', {});
    if (!built.ok) throw new Error('article does not build');
    const [c] = extractArticle(built.value, {}).filter((x) => x.kind === 'entity');
    expect((c.value as EntityValue).short).toBe('VDRF');
  });

  test('one claim per name and article, at its first mention', () => {
    expect(entities('The Velmar-4 probe flew. Later the Velmar-4 probe landed near Ostrava Junction.')).toEqual([
      'Velmar-4|velmar-4|vehicle',
      'Ostrava Junction|ostrava junction|place',
    ]);
  });

  test('a thing named like a person is not a person', () => {
    const built = buildArticle('a.txt', 'a.txt', 'A Storm Hawk helicopter crashed near Fort Velmar, and Tarrow Memorial closed.', {});
    if (!built.ok) throw new Error('article does not build');
    expect(extractArticle(built.value, {}).filter((c) => c.kind === 'person').map((c) => c.span.text)).toEqual([]);
  });

  test.each([
    [['Ministry', 'of', 'Fisheries'], 'fisheries ministry', 'organization'],
    [['Northwind', 'Airlines'], 'northwind airlines', 'organization'],
    [['Port', 'Velmar', 'Airport'], 'port velmar airport', 'place'],
    [['Velmar', 'Inc.'], 'velmar incorporated', 'organization'],
    [['Kestrel', 'Express'], 'kestrel express', 'vehicle'],
    [['Tarrow', 'Valley'], 'tarrow valley', 'place'],
    [['Blue', 'Heron'], 'blue heron', 'other'],
  ])('key and kind of %j', (words, key, kind) => {
    expect(entityKey(words)).toBe(key);
    expect(entityKindOf(words)).toBe(kind);
  });
});
