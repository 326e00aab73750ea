import { normalizeOrg, normalizePlace, parseTitle } from '../../../src/extract/people/title-parse';

describe('parseTitle: the place of a title is the country however written (lang/en/demonyms.yaml)', () => {
  test.each([
    ['former US President', { role: 'president', place: 'united states', former: true }],
    ['U.S. Trade Representative', { role: 'trade representative', place: 'united states', former: false }],
    ['United States Trade Representative', { role: 'trade representative', place: 'united states', former: false }],
    ['Kenyan Foreign Minister', { role: 'foreign minister', place: 'kenya', former: false }],
    ['Kenya Foreign Minister', { role: 'foreign minister', place: 'kenya', former: false }],
    ['South African Health Minister', { role: 'health minister', place: 'south africa', former: false }],
    ['New Zealand Prime Minister', { role: 'prime minister', place: 'new zealand', former: false }],
  ])('%j', (title, expected) => {
    const parsed = parseTitle(title);
    expect(parsed && { role: parsed.role, place: parsed.place, former: parsed.former }).toEqual(expected);
  });
});

describe('normalizePlace and normalizeOrg', () => {
  test.each([
    ['U.S.', 'united states'],
    ['America', 'united states'],
    ["Kenya's", 'kenya'],
    ['Kenyan', 'kenya'],
    ["Velmaria's", 'velmaria'],
  ])('normalizePlace(%j) is %j', (place, expected) => {
    expect(normalizePlace(place)).toBe(expected);
  });

  test.each([
    // "X of Y" heads of lang/en/org-words.yaml read as "Y X".
    ['Ministry of Defence', 'defence ministry'],
    ['the Department of Fisheries', 'fisheries department'],
    ['Office of the Harbor Master', 'harbor master office'],
    // Not a head of that list: kept as written.
    ['Bank of Velmaria', 'bank of velmaria'],
  ])('normalizeOrg(%j) is %j', (org, expected) => {
    expect(normalizeOrg(org)).toBe(expected);
  });
});
