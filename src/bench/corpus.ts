/**
 * A deterministic synthetic English news corpus for benchmarks: seeded, varied sentences with dates,
 * quantities, quotes and names. Same seed, same text.
 */

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Amina', 'Carlos', 'Mei', 'Tomasz', 'Grace', 'Ibrahim', 'Lena', 'Rahul', 'Sofia', 'Kwame', 'Yuki', 'Pedro', 'Hana', 'Oliver'];
const SURNAMES = ['Okafor', 'Lindqvist', 'Haddad', 'Moreno', 'Tanaka', 'Novak', 'Ferreira', 'Osei', 'Kowalski', 'Rahman', 'Dubois', 'Schmidt'];
const TITLES = ['Defense Minister', 'Mayor', 'spokesperson', 'chief of staff', 'Senator', 'police chief', 'governor', 'Foreign Minister'];
const PLACES = ['Valdoria', 'Port Amsel', 'the Kern valley', 'North Harbor', 'Lake Orin', 'Castel Rock', 'the Marva district', 'New Tarsk'];
const ORGS = ['the United Nations', 'the Red Cross', 'the central bank', 'the health ministry', 'NATO', 'the city council', 'the World Bank'];
const VERBS = ['built', 'opened', 'closed', 'attacked', 'withdrew from', 'visited', 'expanded', 'seized', 'evacuated', 'rebuilt'];
const THINGS = ['the bridge', 'the air base', 'the dam', 'the hospital', 'the port', 'the stadium', 'the refinery', 'the airport'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NOUNS = ['workers', 'students', 'soldiers', 'residents', 'protesters', 'families', 'patients', 'officials'];
const UNITS = ['kilometers', 'miles', 'meters', 'feet', 'tonnes', 'hectares', 'liters', 'km', 'mph', 'percent'];
const HEDGES = ['about', 'nearly', 'more than', 'at least', 'some', 'roughly', 'up to', 'almost', ''];
const QUOTES = [
  'We will not give up an inch of our land',
  'This is a difficult day for everyone',
  'The numbers speak for themselves',
  'We are ready to talk, but not under threat',
  'Nobody expected the water to rise so fast',
  'It should never have happened',
];

/** One article of `sentences` sentences, from the generator `r`. */
export function syntheticArticle(r: () => number, sentences: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const person = () => `${pick(GIVEN)} ${pick(SURNAMES)}`;
  const year = () => int(1950, 2025);
  const amount = () => (r() < 0.3 ? int(1000, 99999).toLocaleString('en-US') : String(int(2, 950)));
  const templates: (() => string)[] = [
    () => `${person()}, the ${pick(TITLES)} of ${pick(PLACES)}, said on ${pick(WEEKDAYS)} that ${pick(THINGS)} would reopen.`,
    () => `Engineers ${pick(VERBS)} ${pick(THINGS)} in ${pick(MONTHS)} ${year()}, according to ${pick(ORGS)}.`,
    () => `${pick(THINGS).replace(/^the/, 'The')} was ${pick(VERBS)} in the ${pick(['early ', 'late ', 'mid-', ''])}${int(195, 201)}0s with help from ${pick(ORGS)}.`,
    () => `"${pick(QUOTES)}," ${person()} told reporters on ${pick(MONTHS)} ${int(1, 28)}, ${year()}.`,
    () => `${pick(PLACES).replace(/^the/, 'The')} lies ${pick(HEDGES)} ${int(2, 400)} ${pick(UNITS)} from ${pick(PLACES)}.`.replace(/  +/g, ' '),
    () => `${pick(HEDGES).replace(/^./, (c) => c.toUpperCase()) || 'Exactly'} ${amount()} ${pick(NOUNS)} were evacuated from ${pick(PLACES)} last week.`,
    () => `The project cost $${int(2, 900)} million and took ${pick(['nearly two decades', 'four years', 'a decade', '18 months', 'six weeks'])} to finish.`,
    () => `Between ${int(1990, 2005)} and ${int(2006, 2024)}, ${pick(ORGS)} spent €${int(1, 40)}bn on ${pick(THINGS).replace(/^the /, '')} upgrades.`,
    () => `${person()} ${pick(VERBS)} ${pick(THINGS)} at ${int(1, 12)}:${String(int(0, 59)).padStart(2, '0')} ${pick(['a.m.', 'p.m.'])} on ${pick(WEEKDAYS)}, ${int(30, 70)} minutes after the alarm.`,
    () => `Temperatures reached ${int(20, 45)} to ${int(46, 50)} degrees as ${amount()} ${pick(NOUNS)} waited outside.`,
    () => `In a post on X, ${person()} (@${pick(SURNAMES).toLowerCase()}${int(1, 99)}) wrote that the ${year()} agreement was "${pick(QUOTES).toLowerCase()}."`,
    () => `The ${pick(['chaotic', 'hasty', 'planned', 'long-awaited'])} ${year()} withdrawal left ${pick(THINGS)} empty for ${int(2, 30)} years.`,
  ];
  const head = `${pick(PLACES).replace(/^the/, 'The')} \u2013 ${pick(WEEKDAYS)}, ${pick(MONTHS)} ${int(1, 28)}, ${int(2015, 2025)}\n`;
  const out: string[] = [head];
  for (let i = 0; i < sentences; i++) {
    out.push(pick(templates)());
    out.push(r() < 0.2 ? '\n\n' : ' ');
  }
  return out.join('');
}

/** Articles until their total length reaches `bytes` characters (ASCII mostly, so about bytes). */
export function syntheticCorpus(seed: number, bytes: number): string[] {
  const r = seeded(seed);
  const articles: string[] = [];
  let total = 0;
  while (total < bytes) {
    const a = syntheticArticle(r, 20 + Math.floor(r() * 40));
    articles.push(a);
    total += Buffer.byteLength(a, 'utf8');
  }
  return articles;
}
