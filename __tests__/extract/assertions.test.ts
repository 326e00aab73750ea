import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { quantityExtractor } from '../../src/extract/quantities';
import { dateExtractor } from '../../src/extract/dates';
import { describeAssertions, lastWord } from '../../src/extract/assertions';
import { assertionMatch } from '../../src/compare/link';
import { parseAttributeData } from '../../src/lang/attributes';
import type { Claim } from '../../src/types';

const ctx = {};

/** The quantity and date claims of `body` (an invented sentence) with their subject and attribute. */
function described(body: string, id = 'a.txt'): Claim[] {
  const r = buildArticle(id, `/${id}`, `---\npublished: 2026-03-14\n---\n${body}`);
  if (!r.ok) throw new Error('bad article');
  const found = [...quantityExtractor.extract(r.value, ctx, []), ...dateExtractor.extract(r.value, ctx, [])];
  return describeAssertions(found, r.value, ctx);
}

function claimOf(body: string, text: string, id = 'a.txt'): Claim {
  const c = described(body, id).find((x) => x.span.text === text);
  if (!c) throw new Error(`no claim "${text}" in: ${body} (found ${described(body, id).map((x) => x.span.text).join(' | ')})`);
  return c;
}

describe('attribute: what a figure states, from its clause', () => {
  test.each([
    // [sentence, claim text, attribute]
    ['At least six people were killed when the bridge at Harl collapsed.', 'At least six people', 'killed'],
    ['The blast killed 14 miners and injured 30 others.', '14 miners', 'killed'],
    ['The blast killed 14 miners and injured 30 workers.', '30 workers', 'injured'],
    ['Crews rescued more than 80 residents from the flooded valley.', 'more than 80 residents', 'rescued'],
    ['The storm caused at least nine deaths across the region.', 'at least nine deaths', 'killed'],
    ['Local officers confirmed three fatalities on the coast road.', 'three fatalities', 'killed'],
    ['The avalanche claimed the lives of at least 11 skiers.', 'at least 11 skiers', 'killed'],
    ['About 4,000 households were left without power overnight.', 'About 4,000 households', 'without-power'],
    ['Nearly 2,000 people took refuge in school gyms.', 'Nearly 2,000 people', 'sheltered'],
    ['The ferry was carrying 212 passengers.', '212 passengers', 'aboard'],
    ['Gusts of 140 km/h tore roofs from barns at landfall.', '140 km/h', 'wind'],
    ['Up to 12 inches of rain fell on the hills.', 'Up to 12 inches', 'rain'],
    // A counted noun of not-cues names nothing: the clause's verb says what happened to the buildings.
    ['At least 900 buildings were damaged in the Harl fire.', 'At least 900 buildings', 'damaged'],
    // An increment is compared only with increments: "added:" its attribute, or "added" alone.
    ['Five more people died in Harl on Tuesday.', 'Five more people', 'added:killed'],
    ['Officials sent 12 additional search dogs to Harl.', '12 additional search dogs', 'added'],
    ['Crews said 12 more cadaver dogs were on their way.', '12 more cadaver dogs', 'added'],
    // "as a" right before the figure continues the clause before it; "as a strike ... entered" does not.
    ['The Velmar tanker sank as a 300-metre wreck off Harl.', '300-metre', 'crash'],
    ['The village lies 40 miles north of Dunmore.', '40 miles', 'distance'],
    ['The new terminal will cost $450 million.', '$450 million', 'cost'],
    ['Shares of the lender plunged 41% on Friday.', '41%', 'fell'],
    // A partitive's whole keeps the word right after it.
    ['Only two of the 89 people killed have been named.', '89 people', 'killed'],
    ['The dam was built in 1962 by a state firm.', '1962', 'built'],
    ['The rocket lifted off on March 3 from the coast.', 'March 3', 'launch'],
    ['The dam was finished in 1964, engineers said.', '1964', 'event:finish'],
    ['The launch is scheduled for March 3 at the coast.', 'March 3', 'planned:launch'],
    ['The bridge is expected to cost $80 million.', '$80 million', 'planned:cost'],
    // A year naming an event dates that event, not what the clause says of another.
    ['The toll passed the 85 who died in the 2018 Tarrow Fire in Velmaria.', '2018', 'event:tarrow fire'],
  ])('%s [%s] -> %s', (sentence, text, attribute) => {
    expect(claimOf(sentence, text).attribute).toBe(attribute);
  });

  test.each([
    // a figure whose clause names nothing it states: no attribute, so it can agree but never conflict
    ['The town has 3,200 people and two bridges.', '3,200 people'],
    ['Some 500 people gathered at the square, the mayor said.', 'Some 500 people'],
    // The whole of a partitive: the verb speaks of the part.
    ['More than 500 of the 770 workers signed the letter.', '770 workers'],
    ['Nearly all of Velmar Air’s 700 employees signed the letter.', '700 employees'],
    ['Two of the three pilots were identified on Monday.', 'three pilots'],
  ])('%s [%s] -> no attribute', (sentence, text) => {
    expect(claimOf(sentence, text).attribute).toBeUndefined();
  });
});

describe('subject: the counted noun with the place and time its clause ties it to', () => {
  test.each([
    ['Four people died in Tobin County after the flood.', 'Four people', { text: 'people in Tobin County', place: 'tobin county' }],
    ['In Harl, crews rescued 40 people from rooftops.', '40 people', { text: 'people in Harl', place: 'harl' }],
    ['Two warnings were issued by the weather office in Dunmore.', 'Two warnings', { text: 'warnings' }],
    ['Up to 9 inches of rain fell within three hours.', 'Up to 9 inches', { text: '(three hours)', time: 'three hours' }],
    ['The fire of 1921 killed 400 people in the valley.', '400 people', { text: 'people (1921)', time: '1921' }],
    ['A storm two weeks earlier left 200 people dead.', '200 people', { text: 'people (two weeks earlier)', time: 'two weeks earlier' }],
    // The named body a count belongs to, by its initials, however it is named.
    ['Three teams of the Harbor Rescue Corps (HRC) reached the pier.', 'Three teams', { text: 'teams of Harbor Rescue Corps', owner: 'hrc' }],
    ['Officials said 9 teams of HRC were at work.', '9 teams', { text: 'teams of HRC', owner: 'hrc' }],
    ['Officials said 5 HRC teams were at work.', '5 HRC teams', { text: 'teams of HRC', owner: 'hrc' }],
    ['Six units of the Coast Guard of Velmaria were sent.', 'Six units', { text: 'units of Coast Guard of Velmaria', owner: 'cgv' }],
    ['Velmar Air’s 700 employees wrote to the board.', '700 employees', { text: 'employees of Velmar Air', owner: 'va' }],
  ])('%s [%s]', (sentence, text, subject) => {
    expect(claimOf(sentence, text).subject).toMatchObject(subject);
  });
});

describe('assertionMatch: the same attribute of the same subject', () => {
  const pair = (x: [string, string], y: [string, string]) => assertionMatch(claimOf(x[0], x[1], 'a.txt'), claimOf(y[0], y[1], 'b.txt'));
  test.each([
    [['At least 12 people were killed in the quake.', 'At least 12 people'], ['The quake killed 15 people.', '15 people'], 'same'],
    [['At least 12 people were killed in the quake.', 'At least 12 people'], ['Rescuers saved 15 people.', '15 people'], 'different'],
    [['Four people died in Tobin County.', 'Four people'], ['Six people died in Harl County.', 'Six people'], 'different'],
    [['Four people died in Tobin County.', 'Four people'], ['Six people died in the storm.', 'Six people'], 'unknown'],
    [['Some 300 people live on the island.', 'Some 300 people'], ['The island has 320 people.', '320 people'], 'unknown'],
    [['The fire of 1921 killed 400 people in the valley.', '400 people'], ['The fire killed 89 people.', '89 people'], 'unknown'],
    // One named owner makes one count, stated by any verb or none; two owners, most likely two counts.
    [['Three teams of the Harbor Rescue Corps reached the pier.', 'Three teams'], ['Officials said 9 teams of HRC were at work.', '9 teams'], 'same'],
    [['Three teams of the Harbor Rescue Corps reached the pier.', 'Three teams'], ['Officials said 9 teams of the Fire Service were at work.', '9 teams'], 'unknown'],
    [['Three teams of the Harbor Rescue Corps reached the pier.', 'Three teams'], ['Nine teams were at work.', 'Nine teams'], 'unknown'],
  ] as [[string, string], [string, string], string][])('%j ~ %j -> %s', (x, y, expected) => {
    expect(pair(x, y)).toBe(expected);
  });
});

describe('lang/en/attributes.yaml is validated', () => {
  test('a well-formed file loads, cues as words', () => {
    const data = parseAttributeData('description: d\nattributes:\n  killed: [kill, lose life]\n  wind: { dimensions: [speed], cues: [gust] }\ngeneric-counted: [people]\nplace-prepositions: [in]\nplanned-cues: [scheduled]\nnot-cues: []\none-time-events: []\nclause-words: { phrase-skips: [], clause-openers: [], prepositions-before-article: [], auxiliaries: [], attaching: [], not-events: [], earlier: [] }\n', 'x.yaml');
    expect(data.attributes.map((a) => [a.key, a.cues, a.dimensions])).toEqual([
      ['killed', [['kill'], ['lose', 'life']], undefined],
      ['wind', [['gust']], ['speed']],
    ]);
  });
  test.each([
    ['description: d\nattributes: {}\n', 'generic-counted'],
    ['description: d\nattributes:\n  wind: { dimensions: [sound], cues: [gust] }\ngeneric-counted: []\nplace-prepositions: []\nplanned-cues: []\nnot-cues: []\none-time-events: []\nclause-words: { phrase-skips: [], clause-openers: [], prepositions-before-article: [], auxiliaries: [], attaching: [], not-events: [], earlier: [] }\n', '/attributes/wind'],
    ['attributes: [\n', 'x.yaml'],
  ])('%j is refused naming %s', (text, part) => {
    expect(() => parseAttributeData(text, 'x.yaml')).toThrow(part);
  });
});

describe('lastWord: the span\'s last word', () => {
  // What it must give: the span split on what is no letter, apostrophe or hyphen, the last piece.
  const bySplit = (s: string) => s.split(/[^\p{L}'\u2019-]+/u).filter(Boolean).pop() ?? '';

  test.each([
    ['At least six people', 'people'],
    ['12 trees, wind-blown.', 'wind-blown'],
    ["the crew's", "crew's"],
    ['40 caf\u00e9s', 'caf\u00e9s'],
    ['9,400', ''],
    ['', ''],
  ])('%s -> %s', (span, word) => {
    expect(lastWord(span)).toBe(word);
    expect(bySplit(span)).toBe(word);
  });

  test('generated spans: the same word as the split', () => {
    const pieces = ['six', 'People', ' ', '  ', '12', ',', '.', "'", '-', '\u2019', '\u00e9', '_', '@', '[', '`', '{', 'Z', 'a'];
    let seed = 3;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 2000; k++) {
      let span = '';
      for (let i = next(8); i > 0; i--) span += pieces[next(pieces.length)];
      expect([span, lastWord(span)]).toEqual([span, bySplit(span)]);
    }
  });
});
