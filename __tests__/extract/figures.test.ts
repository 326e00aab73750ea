import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { extractArticle } from '../../src/pipeline';
import type { QuantityValue } from '../../src/types';

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
