import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { extractArticle } from '../../src/pipeline';
import { figureCandidates } from '../../src/extract/figures';
import type { QuantityValue } from '../../src/types';
import { VAGUE_COUNTS } from '../../src/lang/words';

const rules = { rules: [], data: [], vocabulary: emptyVocabulary() };

/** The figures extractor's claims in an invented sentence: [span text, dimension, low, high, attribute, subject]. */
function figures(body: string): [string, string, number, number, string | undefined, string | undefined][] {
  const r = buildArticle('a.txt', '/a.txt', `---\npublished: 2026-03-14\n---\n${body}`);
  if (!r.ok) throw new Error('bad article');
  return extractArticle(r.value, {})
    .filter((c) => c.extractor === 'figures')
    .map((c) => {
      const v = c.value as QuantityValue;
      return [c.span.text, v.dimension, v.low, v.high, c.attribute, c.subject?.text];
    });
}

describe('figures: counts and ages the amount extractor leaves alone', () => {
  test.each([
    ['The death toll rose to 93 on Sunday.', [['93', 'count', 93, 93, 'killed', 'people']]],
    ['Officials put the number of injuries at 1,175.', [['1,175', 'count', 1175, 1175, 'injured', 'people']]],
    ['The toll stood at nearly 40 by the evening.', [['nearly 40', 'count', 36, 40, 'killed', 'people']]],
    // The toll's phrase runs on before its verb: the figure is still the toll's.
    ["The death toll in Friday's ferry fire off Velmar Point climbed to 61 overnight.", [['61', 'count', 61, 61, 'killed', 'people']]],
    ['The toll from the Harl County floods has risen to about 30.', [['about 30', 'count', 27, 33, 'killed', 'people']]],
    ['Over 800 have been reported injured across the district.', [['Over 800', 'count', 800, 880, 'injured', 'people']]],
    ['Hospitals said 120 were discharged on Monday.', [['120', 'count', 120, 120, 'discharged', 'people']]],
    ['Hundreds of residents queued for water.', [['Hundreds of residents', 'count', 200, 999, undefined, 'residents']]],
    // The longest vague count wins: not "hundreds" of "thousands".
    ['Hundreds of thousands of residents queued for water.', [['Hundreds of thousands of residents', 'count', 200000, 999999, undefined, 'residents']]],
    // Plurals without an s count as well.
    ['Thousands of people lined the coast road.', [['Thousands of people', 'count', 2000, 9999, undefined, 'people']]],
    ['Hundreds of children sang at the pier.', [['Hundreds of children', 'count', 200, 999, undefined, 'children']]],
    ['The pilot, Mara Quell, 61, had flown the route before.', [['61', 'age', 61, 61.999, 'age', 'Mara Quell']]],
    ['The crew included Tomas Brandt (44) and two cadets.', [['44', 'age', 44, 44.999, 'age', 'Tomas Brandt']]],
    ['The 52-year-old engineer Ilse Varga led the team.', [['52-year-old', 'age', 52, 52.999, 'age', 'Ilse Varga']]],
  ] as [string, unknown[]][])('%s', (sentence, expected) => {
    expect(figures(sentence)).toEqual(expected);
  });

  test.each([
    'The station opened in 1998 and closed in 2004.',
    'Dozens of miles of track were flooded.',
    'The toll road opened to traffic in May.',
    // A toll's phrase followed by a figure that no toll verb gives: nothing.
    'The toll road across Velmar Bay carried 40 trucks an hour.',
    'The death toll in Harl was unclear; 12 boats searched the bay.',
    'In 2019 were counted the first arrivals.',
  ])('no figure in: %s', (sentence) => {
    expect(figures(sentence)).toEqual([]);
  });
});

describe('figures: each pattern is tried at every offset a global scan would match at', () => {
  // The matches a global scan of each pattern finds at an offset its candidates leave out: none.
  const missed = (body: string) => {
    const r = buildArticle('t.txt', '/t.txt', body);
    if (!r.ok) throw new Error('bad article');
    const a = r.value;
    const out: string[] = [];
    for (const { pattern, starts } of figureCandidates(a)) {
      const tried = new Set(starts);
      const re = new RegExp(pattern.source, pattern.flags);
      re.lastIndex = a.bodyStart;
      let m: RegExpExecArray | null;
      while ((m = re.exec(a.text)) !== null) {
        if (m[0].length === 0) re.lastIndex++;
        else if (!tried.has(m.index)) out.push(`${pattern.source.slice(0, 30)} @${m[0]}`);
      }
    }
    return out;
  };

  test.each([
    ['The death toll rose to 93; the TOLL stood at 80 and the tally at 12, the number of injuries at 1,175.'],
    ['Tens of thousands of people fled and hundreds of thousands of homes lost power; dozens of crews worked.'],
    ['Over 800 were injured, 40 died, 12 were hospitalised and 3 HOSPITALIZED; 9 were missing.'],
    // "\u017f" reads as "s" and "\u212a" as "k" to a case-insensitive Unicode pattern.
    ['Some 14 were mi\u017f\u017fing and 6 were \u212aILLED; tho\u017fands of residents left.'],
  ])('%s', (body) => {
    expect(missed(body)).toEqual([]);
  });

  test('generated text of counts, tolls and the verbs after them', () => {
    const words = [
      '5', '800', '1,175', 'two', 'Twelve', 'over', 'at least', 'death', 'toll', 'Toll', 'tally', 'number', 'of', 'the',
      'deaths', 'injuries', 'rose', 'to', 'at', 'were', 'have', 'been', 'killed', 'Killed', '\u212ailled', 'died', 'missing',
      'mi\u017fsing', 'dozens', 'hundreds', 'thousands', 'tens', 'residents', 'people', 'x5', '_5', 'rescued', 'treated',
    ];
    const seps = [' ', ' ', ' ', ', ', '-', '\n', ''];
    let seed = 11;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 400; k++) {
      let body = '';
      for (let i = next(30) + 1; i > 0; i--) body += words[next(words.length)] + seps[next(seps.length)];
      expect(missed(body)).toEqual([]);
    }
  });
});

describe('figures: the vague counts of lang/en/numbers.yaml', () => {
  // The openers are looked up by their first three letters, which a case-insensitive Unicode pattern could
  // read from a long s or a Kelvin sign ("\u017f" is "s"): no opener may have an "s" or "k" there.
  test.each([...VAGUE_COUNTS.keys()])('"%s" opens with no s or k among its first three letters', (phrase) => {
    expect(/[sk]/.test(phrase.slice(0, 3))).toBe(false);
  });

  test.each([...VAGUE_COUNTS])('"%s of boats" is %j boats', (phrase, [low, high]) => {
    expect(figures(`The harbour held ${phrase} of boats that week.`)).toEqual([[`${phrase} of boats`, 'count', low, high, undefined, 'boats']]);
  });
});

describe('figures: ranks of a series and of a record (invented sentences)', () => {
  /** The rank claims of `body`: [span text, unit, rank, counted]. */
  function ranks(body: string): [string, string, number, string | undefined][] {
    const r = buildArticle('a.txt', '/a.txt', `---\npublished: 2026-03-14\n---\n${body}`);
    if (!r.ok) throw new Error('bad article');
    return extractArticle(r.value, {})
      .filter((c) => c.extractor === 'figures' && ['rank', 'record'].includes((c.value as QuantityValue).unit))
      .map((c) => {
        const v = c.value as QuantityValue;
        return [c.span.text, v.unit, v.low, v.counted];
      });
  }

  test.each([
    // A series of its owner: a possessive determiner or a name's possessive.
    ['Tarrow Aerospace launched its third test flight on Thursday.', [['third test flight', 'rank', 3, 'flight']]],
    ["Velmar Air's second crash this year killed nine.", [['second crash', 'rank', 2, 'crash']]],
    ['The agency flew their fifth Kestrel orbital flight attempt at dawn.', [['fifth Kestrel orbital flight attempt', 'rank', 5, 'attempt']]],
    // A record: "the" after a linking verb, or a "to" verb after the noun (which names the record).
    ['Velmar became the fourth country to land on the Moon.', [['fourth country', 'record', 4, 'country to land']]],
    ['Velmar is the first nation in the world to land near the pole.', [['first nation', 'record', 1, 'nation to land']]],
    ['Orla was the fifth hurricane to make landfall this year.', [['fifth hurricane', 'record', 5, 'hurricane to make']]],
    ['This is the second attempt by the Velmar agency.', [['second attempt', 'record', 2, 'attempt']]],
    // A place in a list, a position in time, or a name: no rank.
    ['The third victim was named on Friday.', []],
    ['On its second day, the strike spread to Harl.', []],
    ['For the third time, the ferry turned back.', []],
    ['Delegates met at the 15th Velmar Summit in Harl.', []],
    ['Third, the board must approve the sale.', []],
  ])('%s', (body, expected) => {
    expect(ranks(body)).toEqual(expected);
  });
});

describe('figures: numbers on a named scale (invented sentences)', () => {
  /** The scale claims of `body`: [span text, value, scale, attribute]. */
  function scales(body: string): [string, number, string | undefined, string | undefined][] {
    const r = buildArticle('a.txt', '/a.txt', `---\npublished: 2026-03-14\n---\n${body}`);
    if (!r.ok) throw new Error('bad article');
    return extractArticle(r.value, {})
      .filter((c) => c.extractor === 'figures' && (c.value as QuantityValue).unit === 'scale')
      .map((c) => [c.span.text, (c.value as QuantityValue).low, (c.value as QuantityValue).counted, c.attribute]);
  }

  test.each([
    // A changing scale takes the attribute of the event its clause names ("as a" continues the clause
    // before); a fixed one (a quake's magnitude) states itself.
    ['Storm Orla made landfall as a Category 3 storm near Harl.', [['Category 3', 3, 'category', 'landfall']]],
    ['Orla weakened to a Category 2 storm overnight.', [['Category 2', 2, 'category', undefined]]],
    ['A magnitude 6.9 earthquake struck off Tarrow on Monday.', [['magnitude 6.9', 6.9, 'magnitude', 'magnitude']]],
    ['The 7.1-magnitude quake shook Harl.', [['7.1-magnitude', 7.1, 'magnitude', 'magnitude']]],
    ['Officials raised the alert to Level 4 in Tarrow.', [['Level 4', 4, 'level', 'warned']]],
    // Not a number on a scale: a share, a year.
    ['The category 12 percent of sales fell.', []],
    ['Sales in the category 2024 rose.', []],
  ])('%s', (body, expected) => {
    expect(scales(body)).toEqual(expected);
  });
});

describe('figures: the part of a partitive (invented sentences)', () => {
  test.each([
    // [sentence, [span, counted, low, attribute]]: the part's own verb, not the whole's participle, says what is stated.
    ['Two of the victims have been identified.', [['Two', 'victim', 2, 'identified']]],
    ['Officials said two of the 89 people killed have been named.', [['two', 'person', 2, 'event:name']]],
    ['One of the three pilots survived the crash.', [['One', 'pilot', 1, 'event:survive']]],
    ['About 40 of the 300 workers were injured.', [['About 40', 'worker', 36, 'injured']]],
    // No plural noun, or a unit: no part.
    ['Three of the dead were children.', []],
    ['Two of the 12 miles were flooded.', []],
  ])('%s', (body, expected) => {
    const r = buildArticle('a.txt', '/a.txt', `---\npublished: 2026-03-14\n---\n${body}`);
    if (!r.ok) throw new Error('bad article');
    const parts = extractArticle(r.value, {})
      .filter((c) => c.extractor === 'figures' && c.kind === 'quantity')
      .map((c) => [c.span.text, (c.value as QuantityValue).counted, (c.value as QuantityValue).low, c.attribute]);
    expect(parts).toEqual(expected);
  });
});
