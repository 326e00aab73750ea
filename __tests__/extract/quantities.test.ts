import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { dateExtractor } from '../../src/extract/dates';
import { quantityCandidates, quantityExtractor } from '../../src/extract/quantities';
import type { QuantityClaim } from '../../src/types';
import { AMOUNT_RANGE_JOINERS, LONG_COMPOUND_UNITS, ONE_UNIT_NAMES, ONE_WORDS, SCALE_WORDS } from '../../src/lang/words';

function quantities(body: string): QuantityClaim[] {
  const r = buildArticle('t.txt', '/t.txt', `---\npublished: 2025-09-21\n---\n${body}`);
  if (!r.ok) throw new Error('bad article');
  const ctx = {};
  const earlier = dateExtractor.extract(r.value, ctx, []);
  return quantityExtractor.extract(r.value, ctx, earlier) as QuantityClaim[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);

describe('quantities: amounts with units, normalized', () => {
  test.each([
    // [sentence, span, dimension, unit, low, high, hedge]
    ['The town lies 50 kilometers north of the capital.', '50 kilometers', 'length', 'm', 50000, 50000, undefined],
    ['The road runs 12 km to the coast.', '12 km', 'length', 'm', 12000, 12000, undefined],
    ['The tower is 1,200 feet tall.', '1,200 feet', 'length', 'm', 365.76, 365.76, undefined],
    ['The trail is 3.5 miles long.', '3.5 miles', 'length', 'm', 5632.704, 5632.704, undefined],
    ['The wall rose 2.5m above the street.', '2.5m', 'length', 'm', 2.5, 2.5, undefined],
    ['The fire burned 300 hectares of forest.', '300 hectares', 'area', 'm2', 3e6, 3e6, undefined],
    ['The park covers 2 square miles near town.', '2 square miles', 'area', 'm2', 5179976.220672, 5179976.220672, undefined],
    ['The tank holds 500 liters of water.', '500 liters', 'volume', 'l', 500, 500, undefined],
    ['The field yields 10,000 barrels a day.', '10,000 barrels', 'volume', 'l', 1589872.94928, 1589872.94928, undefined],
    ['The bomb weighed 200 kg in total.', '200 kg', 'mass', 'kg', 200, 200, undefined],
    ['The catch weighed 200 pounds on the dock.', '200 pounds', 'mass', 'kg', 90.718474, 90.718474, undefined],
    ['Winds reached 120 km/h overnight.', '120 km/h', 'speed', 'km/h', 120, 120, undefined],
    ['Gusts hit 60 mph on the coast.', '60 mph', 'speed', 'km/h', 96.56064, 96.56064, undefined],
    ['The water was 20 degrees Celsius at noon.', '20 degrees Celsius', 'temperature', 'degC', 20, 20, undefined],
    ['It reached 212 °F in the kiln.', '212 °F', 'temperature', 'degC', 100, 100, undefined],
    ['Highs will be 46 to 48 degrees today.', '46 to 48 degrees', 'temperature', 'deg', 46, 48, undefined],
    ['The fund raised $5 million last year.', '$5 million', 'money', 'USD', 5e6, 5e6, undefined],
    ['The bank lent €3bn to the state.', '€3bn', 'money', 'EUR', 3e9, 3e9, undefined],
    ['He paid 200 pounds sterling for it.', '200 pounds sterling', 'money', 'GBP', 200, 200, undefined],
    ['The city spent 12 million dollars on roads.', '12 million dollars', 'money', 'USD', 12e6, 12e6, undefined],
    ['The fine was US$1.2 billion in the end.', 'US$1.2 billion', 'money', 'USD', 1.2e9, 1.2e9, undefined],
    ['Turnout was 45% in the city.', '45%', 'percent', 'percent', 45, 45, undefined],
    ['Turnout fell 3 percent in the city.', '3 percent', 'percent', 'percent', 3, 3, undefined],
    ['The army fought for 20 years in the hills.', '20 years', 'duration', 'year', 20, 20, undefined],
    ['For nearly two decades the base hosted planes.', 'nearly two decades', 'duration', 'year', 18, 20, 'nearly'],
    // A hedge makes a lone "one" before a unit a measure.
    ['The probe was lost roughly one hour into the flight.', 'roughly one hour', 'duration', 'year', 0.9 / 8766, 1.1 / 8766, 'approx'],
    ['The ridge is nearly one mile long.', 'nearly one mile', 'length', 'm', 1448.4096, 1609.344, 'nearly'],
    ['It was a two-decade war with no end.', 'two-decade', 'duration', 'year', 20, 20, undefined],
    ['The decade-long project ended well.', 'decade-long', 'duration', 'year', 10, 10, undefined],
    ['The siege lasted six months in all.', 'six months', 'duration', 'year', 0.5, 0.5, undefined],
    ['The road is about 100 km long.', 'about 100 km', 'length', 'm', 90000, 110000, 'approx'],
    ['The lake is roughly 40 km wide.', 'roughly 40 km', 'length', 'm', 36000, 44000, 'approx'],
    ['The ridge is almost 3,000 meters high.', 'almost 3,000 meters', 'length', 'm', 2700, 3000, 'nearly'],
    ['The march covered more than 30 km that day.', 'more than 30 km', 'length', 'm', 30000, 33000, 'more-than'],
    ['The strike will cost at least $2 million to fix.', 'at least $2 million', 'money', 'USD', 2e6, 2.2e6, 'at-least'],
    ['The river may rise up to 2 meters by night.', 'up to 2 meters', 'length', 'm', 0, 2, 'up-to'],
    ['The gap is between 10 and 12 km wide.', 'between 10 and 12 km', 'length', 'm', 10000, 12000, undefined],
    ['The trench is 10-12 km long.', '10-12 km', 'length', 'm', 10000, 12000, undefined],
  ])('%s -> %s', (sentence, span, dimension, unit, low, high, hedge) => {
    const found = quantities(sentence);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    const v = found[0].value;
    expect([v.dimension, v.unit, v.hedge]).toEqual([dimension, unit, hedge]);
    expect(close(v.low, low) && close(v.high, high)).toBe(true);
  });

  test('a stated conversion is one claim with two stated amounts', () => {
    const [c, ...rest] = quantities('The base lies 50 kilometers (31.06 miles) north of the city.');
    expect(rest).toEqual([]);
    expect(c.span.text).toBe('50 kilometers (31.06 miles)');
    expect(c.value.stated).toEqual([
      { value: 50, unit: 'km', text: '50 kilometers' },
      { value: 31.06, unit: 'mi', text: '31.06 miles' },
    ]);
    expect(c.value.low).toBe(50000);
  });
});

describe('quantities: counts', () => {
  test.each([
    ['Six workers were hurt in the blast.', 'Six workers', 6, 'worker'],
    ['The school admitted 124 new students this year.', '124 new students', 124, 'student'],
    ['About 2,000 people attended the rally.', 'About 2,000 people', 1800, 'person'],
    ['Some 1.6 million people fled the region.', 'Some 1.6 million people', 1.44e6, 'person'],
    ['The camp held 2000 people at its peak.', '2000 people', 2000, 'person'],
    ['Rescuers found twenty-one survivors.', 'twenty-one survivors', 21, 'survivor'],
    ['Police arrested a dozen protesters.', 'a dozen protesters', 12, 'protester'],
    ['The raid killed three hundred soldiers.', 'three hundred soldiers', 300, 'soldier'],
    ['The storm destroyed 40 churches in the area.', '40 churches', 40, 'church'],
    ['Officials counted 15 casualties after the crash.', '15 casualties', 15, 'casualty'],
    ['Nearly 500 US troops remain in the country.', 'Nearly 500 US troops', 450, 'troop'],
    // An increment word is read past ("12 more than last year" is no count of anything).
    ['Crews said 12 more cadaver dogs were on their way.', '12 more cadaver dogs', 12, 'dog'],
    ['Five more people died on Tuesday.', 'Five more people', 5, 'person'],
  ])('%s -> %s', (sentence, span, low, counted) => {
    const found = quantities(sentence);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    expect(found[0].value.dimension).toBe('count');
    expect(found[0].value.counted).toBe(counted);
    expect(close(found[0].value.low, low)).toBe(true);
  });

  test('Persian digits are read, with no counted noun', () => {
    const [c] = quantities('\u06f1\u06f2\u06f4 \u062a\u0646\u0647 \u0646\u0648\u064a \u0645\u062d\u0635\u0644\u06cc\u0646');
    expect(c.value.low).toBe(124);
    expect(c.value.dimension).toBe('count');
    expect(c.value.counted).toBeUndefined();
  });
});

describe('quantities: what is not an amount', () => {
  test.each([
    ['The toll was 12 more than the day before.'],
    ['Velmar and the Grand Plan 3.0 are unfolding.'],
    ['See pic.twitter.com/x55mv1cbZb for the photo.'],
    ['Follow @station42 for news.'],
    ['Call 202-555-0143 for tickets.'],
    ['The post was stamped 20 Sep 17:29 ET by the site.'],
    ['Troops left the valley in July 2021.'],
    ['The 2020 agreement set the terms.'],
    ['The veteran, in his 90s, still walks daily.'],
    ['The runner, aged 45, won the race.'],
    ['A 45-year-old man was held.'],
    ['The man is 45 years old.'],
    ['She finished 21st in the race.'],
    ['One of the guards fled.'],
    ['Not even an inch of the park will be sold.'],
    ['The town lies a mile away.'],
    ['He spoke four years after the troops withdrew.'],
    ['The well dried up three years ago in the village.'],
    ['They won 3-2 after extra time.'],
    ['Two of the men were released.'],
    ['The COVID-19 wards were full.'],
    ['Flight 370 vanished over the sea.'],
  ])('%s', (sentence) => {
    expect(quantities(sentence).map((c) => c.span.text)).toEqual([]);
  });

  test('never throws; spans slice the text; sorted by start', () => {
    const text = 'Some 20 km, then 30 km, then 5 workers. ' + '9'.repeat(400) + ' ,,, $ € 1e9 -- 0.0.0';
    const found = quantities(text);
    for (let i = 1; i < found.length; i++) expect(found[i].span.start).toBeGreaterThan(found[i - 1].span.start);
    expect(found.slice(0, 3).map((c) => c.span.text)).toEqual(['Some 20 km', '30 km', '5 workers']);
  });
});

describe('quantities: each pattern is tried wherever a global scan matches', () => {
  const missed = (body: string) => {
    const r = buildArticle('t.txt', '/t.txt', body);
    if (!r.ok) throw new Error('bad article');
    const a = r.value;
    const out: string[] = [];
    for (const { pattern, starts } of quantityCandidates(a)) {
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
    ['The pier cost US$5 million, \u20ac3bn, Rs. 500, A$3 and 2,000 dollars; \u06f1\u06f2\u06f4 boats.'],
    ['Twenty-one crews, a dozen tugs, two hundred and five nets and \u017fix masts.'],
    ['A decade of work, a decade-long dispute, one century and a year-long wait.'],
  ])('%s', (body) => {
    expect(missed(body)).toEqual([]);
  });

  test('generated text of numbers, currencies and number words', () => {
    const words = [
      '5', '2,000', '1.6', 'US', 'US$', 'USD', '$', '\u20ac', '\u00a3', 'Rs.', 'A$', 'C$', 'R$', 'CHF', 'twenty', 'twenty-one',
      'a', 'an', 'A', 'hundred', 'dozen', 'thousand', 'one', 'seven', 'SEVEN', '\u017feven', 'decade', 'decades', 'century',
      'year', 'month', 'week', 'long', '-long', 'km', 'per', 'and', 'to', 'x5', '_5', '\u0661\u0662',
    ];
    const seps = [' ', ' ', ', ', '-', '\n', ''];
    let seed = 7;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 400; k++) {
      let body = '';
      for (let i = next(30) + 1; i > 0; i--) body += words[next(words.length)] + seps[next(seps.length)];
      expect(missed(body)).toEqual([]);
    }
  });
});

describe('quantities: the word lists of the patterns come from lang/en', () => {
  // Every scale word of numbers.yaml after an invented amount, money-only ones after a currency sign.
  test.each(Object.entries(SCALE_WORDS))('scale "%s"', (word, scale) => {
    const found = quantities(`The port paid $7 ${word} for the crane.`);
    expect(found.map((c) => [c.span.text, c.value.low])).toEqual([[`$7 ${word}`, 7 * scale.factor]]);
  });

  // "a decade", "one century": one unit with no numeral; "-long" compounds of every listed unit.
  test.each(ONE_UNIT_NAMES.flatMap((u) => ONE_WORDS.map((w) => `${w} ${u}`)))('"%s" is one unit', (phrase) => {
    const found = quantities(`The quarry ran for ${phrase} without a stop.`);
    expect(found.map((c) => [c.span.text, c.value.dimension])).toEqual([[phrase, 'duration']]);
  });
  test.each(LONG_COMPOUND_UNITS.flatMap((u) => [`${u}-long`, `${u}s-long`]))('"the %s wait" is one unit', (phrase) => {
    const found = quantities(`The crew ended the ${phrase} wait at the lock.`);
    expect(found.map((c) => [c.span.text, c.value.dimension])).toEqual([[phrase, 'duration']]);
  });

  // A range joined by a word of numbers.yaml's range-joiners; "and" only after "between".
  test.each([...AMOUNT_RANGE_JOINERS].map((w) => [`10 ${w} 12 km`, 10000, 12000]).concat([['between 10 and 12 km', 10000, 12000]]))(
    '"%s" is one range',
    (phrase, low, high) => {
      const found = quantities(`The trench is ${phrase} long.`);
      expect(found.map((c) => [c.span.text, c.value.low, c.value.high])).toEqual([[phrase, low, high]]);
    },
  );
  test('"10 and 12 km" with no "between" is no range', () => {
    expect(quantities('The trenches are 10 and 12 km long.').map((c) => c.span.text)).toEqual(['12 km']);
  });
});
