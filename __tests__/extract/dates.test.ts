import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { dateCandidates, dateExtractor } from '../../src/extract/dates';
import type { Article, DateClaim } from '../../src/types';
import { DURATION_LEADS, FUTURE_MARKERS, NEIGHBOUR_DAYS, NEIGHBOUR_SHIFT_AFTER, NEIGHBOUR_SHIFT_BEFORE, RANGE_WORDS, TIME_HEDGES } from '../../src/lang/words';

const REF = '2025-09-21'; // a Sunday

function article(body: string, ref: string | null = REF): Article {
  const text = ref ? `---\npublished: ${ref}\n---\n${body}` : body;
  const r = buildArticle('t.txt', '/t.txt', text);
  if (!r.ok) throw new Error('bad article');
  return r.value;
}

function dates(body: string, ref: string | null = REF): DateClaim[] {
  const a = article(body, ref);
  return dateExtractor.extract(a, {}, []) as DateClaim[];
}

describe('dates: one expression per sentence', () => {
  test.each([
    // [sentence, span text, start, end, grain, hedge]
    ['The deal was signed on September 20, 2025, in Doha.', 'September 20, 2025', '2025-09-20', '2025-09-20', 'day', undefined],
    ['The post went up on 20 September 2025.', '20 September 2025', '2025-09-20', '2025-09-20', 'day', undefined],
    ['The file is dated 2025-09-21 at the top.', '2025-09-21', '2025-09-21', '2025-09-21', 'day', undefined],
    ['Talks resume Sept. 21 in Geneva.', 'Sept. 21', '2025-09-21', '2025-09-21', 'day', undefined],
    ['The post was stamped 20 Sep by the site.', '20 Sep', '2025-09-20', '2025-09-20', 'day', undefined],
    ['The flood came on March 3rd, 2019.', 'March 3rd, 2019', '2019-03-03', '2019-03-03', 'day', undefined],
    ['It happened on the 4th of July.', '4th of July', '2025-07-04', '2025-07-04', 'day', undefined],
    ['Troops left the valley in July 2021.', 'July 2021', '2021-07-01', '2021-07-31', 'month', undefined],
    ['The plant closed in July of 2019.', 'July of 2019', '2019-07-01', '2019-07-31', 'month', undefined],
    ['Prices rose in late July 2021.', 'late July 2021', '2021-07-21', '2021-07-31', 'month', 'late'],
    ['The bridge opened in 2021.', '2021', '2021-01-01', '2021-12-31', 'year', undefined],
    ['The rule has applied since 2019.', '2019', '2019-01-01', '2019-12-31', 'year', undefined],
    ['The mill was sold during 1998 to a rival.', '1998', '1998-01-01', '1998-12-31', 'year', undefined],
    ['The 2020 agreement set the terms.', '2020', '2020-01-01', '2020-12-31', 'year', undefined],
    ['Candidates prepare for the 2026 midterm elections.', '2026', '2026-01-01', '2026-12-31', 'year', undefined],
    ['Critics blamed her for the messy 2021 merger.', '2021', '2021-01-01', '2021-12-31', 'year', undefined],
    ['The dam was built in the 1980s by engineers.', 'the 1980s', '1980-01-01', '1989-12-31', 'decade', undefined],
    ['The fort was built in the early 1950s with loans.', 'the early 1950s', '1950-01-01', '1953-12-31', 'decade', 'early'],
    ['The army left in the late 1980s after a long war.', 'the late 1980s', '1987-01-01', '1989-12-31', 'decade', 'late'],
    ['Music from the mid-1960s filled the hall.', 'the mid-1960s', '1964-01-01', '1966-12-31', 'decade', 'mid'],
    ["Fashion from the '80s is back.", "the '80s", '1980-01-01', '1989-12-31', 'decade', undefined],
    ['The town grew by mid-2010 to its peak.', 'mid-2010', '2010-05-01', '2010-08-31', 'year', 'mid'],
    ['At the peak around 2010, the camp was huge.', 'around 2010', '2010-01-01', '2010-12-31', 'year', 'approx'],
    ['Sales slowed in early 2022 across the region.', 'early 2022', '2022-01-01', '2022-04-30', 'year', 'early'],
    ['The tower dates from the 19th century.', 'the 19th century', '1801-01-01', '1900-12-31', 'century', undefined],
    ['Villages emptied in the early twentieth century.', 'the early twentieth century', '1901-01-01', '1933-12-31', 'century', 'early'],
    ['The drought lasted between 2019 and 2021 in the south.', 'between 2019 and 2021', '2019-01-01', '2021-12-31', 'year', undefined],
    ['The survey ran from 2015 to 2018 nationwide.', 'from 2015 to 2018', '2015-01-01', '2018-12-31', 'year', undefined],
    ['The 2019-2021 drought was severe.', '2019-2021', '2019-01-01', '2021-12-31', 'year', undefined],
    ['Rain fell from March to May in the valley.', 'from March to May', '2025-03-01', '2025-05-31', 'month', undefined],
    ['Harvests failed in summer 2018 in the north.', 'summer 2018', '2018-06-01', '2018-08-31', 'season', undefined],
    ['Profits rose in the third quarter of 2024 again.', 'third quarter of 2024', '2024-07-01', '2024-09-30', 'quarter', undefined],
    ['Output fell in Q2 2023 sharply.', 'Q2 2023', '2023-04-01', '2023-06-30', 'quarter', undefined],
    ['The council met in March to vote.', 'March', '2025-03-01', '2025-03-31', 'month', undefined],
    ['By the end of 2021, the port was closed.', '2021', '2021-01-01', '2021-12-31', 'year', undefined],
  ])('%s -> %s', (sentence, span, start, end, grain, hedge) => {
    const found = dates(sentence);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    const v = found[0].value;
    expect([v.start, v.end, v.grain, v.hedge]).toEqual([start, end, grain, hedge]);
  });
});

describe('dates: relative expressions resolved against the reference day', () => {
  test.each([
    // [sentence, span, resolved day or interval start, end, how contains]
    ['The minister spoke on Saturday at the rally.', 'Saturday', '2025-09-20', '2025-09-20', 'most recent Saturday'],
    ['Officials said Sunday that talks had failed.', 'Sunday', '2025-09-21', '2025-09-21', 'on or before'],
    ['The mayor resigned on Friday, aides said.', 'Friday', '2025-09-19', '2025-09-19', 'Friday'],
    ['The committee will meet on Tuesday to decide.', 'Tuesday', '2025-09-23', '2025-09-23', 'future tense'],
    ['The ship docked last Sunday in the bay.', 'last Sunday', '2025-09-14', '2025-09-14', 'before it'],
    ['The vote is due next Monday in the house.', 'next Monday', '2025-09-22', '2025-09-22', 'after it'],
    ['The fire started yesterday near the river.', 'yesterday', '2025-09-20', '2025-09-20', 'yesterday'],
    ['Schools reopen today after the storm.', 'today', '2025-09-21', '2025-09-21', '2025-09-21'],
    ['The bill passed last week in the senate.', 'last week', '2025-09-08', '2025-09-14', 'week'],
    ['Inflation eased last month in the capital.', 'last month', '2025-08-01', '2025-08-31', 'August 2025'],
    ['Revenue doubled last year at the firm.', 'last year', '2024-01-01', '2024-12-31', '2024'],
    ['The well dried up three years ago in the village.', 'three years ago', '2022-01-01', '2022-12-31', '2022'],
    ['The road was cut 10 days ago by rebels.', '10 days ago', '2025-09-11', '2025-09-11', '2025-09-11'],
    ['Over the past week, prices rose.', 'Over the past week', '2025-09-14', '2025-09-21', 'week'],
    ['The court sits again in May for hearings.', 'May', '2025-05-01', '2025-05-31', 'reference date'],
  ])('%s -> %s', (sentence, span, start, end, how) => {
    const found = dates(sentence);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    const v = found[0].value;
    expect([v.start, v.end]).toEqual([start, end]);
    expect(v.relative?.referenceDate).toBe(REF);
    expect(v.relative?.how).toContain(how);
  });

  test.each([
    ['The minister spoke on Saturday at the rally.', 'Saturday', 6],
    ['The court ruled on Wednesday against the plan.', 'Wednesday', 3],
  ])('without a reference date "%s" keeps only its weekday', (sentence, span, weekday) => {
    const [c] = dates(sentence, null);
    expect(c.span.text).toBe(span);
    expect(c.value.start).toBeUndefined();
    expect(c.value.end).toBeUndefined();
    expect(c.value.weekday).toBe(weekday);
    expect(c.value.relative?.how).toContain('unresolved');
  });

  test('a month and day without a year and without a reference date stay unresolved', () => {
    const [c] = dates('The talks open Sept. 21 in Geneva.', null);
    expect(c.value.start).toBeUndefined();
    expect(c.value.relative?.how).toContain('unresolved');
    expect(c.value.monthDay).toBe('09-21');
  });

  test('"four years after the withdrawal" is recorded as an unresolved relation, not a date', () => {
    const [c] = dates('He spoke four years after the troops withdrew.');
    expect(c.span.text).toBe('four years after');
    expect(c.value.start).toBeUndefined();
    expect(c.value.relative?.how).toContain('4 years after an event');
  });
});

describe('dates: times and zones', () => {
  test.each([
    ['The blast came at 1:30 a.m. on Sunday near the port.', '1:30 a.m. on Sunday', '2025-09-21', '01:30', undefined],
    ['The post was stamped 20 Sep 17:29 ET by the site.', '20 Sep 17:29 ET', '2025-09-20', '17:29', 'ET'],
    ['Polls close on September 20, 2025 at 8 p.m. nationwide.', 'September 20, 2025 at 8 p.m.', '2025-09-20', '20:00', undefined],
    ['The launch is set for 2025-09-22T06:15Z at the pad.', '2025-09-22T06:15Z', '2025-09-22', '06:15', 'UTC'],
  ])('%s -> %s', (sentence, span, day, time, zone) => {
    const found = dates(sentence);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    expect([found[0].value.start, found[0].value.time, found[0].value.zone]).toEqual([day, time, zone]);
  });

  test.each([
    // [sentence, span text, time, zone, hedge, grain]
    ['The ferry docked at 6:04 p.m. near the pier.', '6:04 p.m.', '18:04', undefined, undefined, 'minute'],
    ['The probe touched down around 18.03 Hrs. IST on the plain.', 'around 18.03 Hrs. IST', '18:03', 'IST', 'approx', 'minute'],
    ['The burn began at 17:44 Hrs IST over the crater.', '17:44 Hrs IST', '17:44', 'IST', undefined, 'minute'],
    ['The balloon rose at around 06:05 PM from the field.', 'around 06:05 PM', '18:05', undefined, 'approx', 'minute'],
    ['The tram derailed around 7.20 PM near Ostrava Yard.', 'around 7.20 PM', '19:20', undefined, 'approx', 'minute'],
    ['The tram derailed at 7pm near Ostrava Yard.', '7pm', '19:00', undefined, undefined, 'hour'],
    ['The glider took off at 9:25 a.m. EDT from the strip.', '9:25 a.m. EDT', '09:25', 'EDT', undefined, 'minute'],
    ['The glider took off at 8:25 a.m. CT from the strip.', '8:25 a.m. CT', '08:25', 'CT', undefined, 'minute'],
    ['The storm came ashore around 8:30 in the evening near Velmor.', 'around 8:30 in the evening', '20:30', undefined, 'approx', 'minute'],
    ['The barge sank shortly before 9 p.m. in the bay.', 'shortly before 9 p.m.', '21:00', undefined, 'nearly', 'hour'],
    ['The quake struck at 2.15am local time in the valley.', '2.15am local time', '02:15', 'local time', undefined, 'minute'],
  ])('a time of day: %s -> %s', (sentence, span, time, zone, hedge, grain) => {
    const found = dates(sentence, null);
    expect(found.map((c) => c.span.text)).toEqual([span]);
    expect([found[0].value.time, found[0].value.zone, found[0].value.hedge, found[0].value.grain]).toEqual([time, zone, hedge, grain]);
  });

  test.each([['The cable measured 4.50 metres.'], ['Shares closed at 18.03 on the index.']])('no time in %s', (sentence) => {
    expect(dates(sentence, null).filter((c) => c.value.time !== undefined)).toEqual([]);
  });

  test.each([
    // [sentence, reference day, span, start, weekday]
    ['The storm moved inland Thursday morning after making landfall the night before near Velmor.', null, 'the night before', undefined, 3],
    ['The crew left on September 18, 2025 and returned the following day to the dock.', null, 'the following day', '2025-09-19', 5],
    ['The dam held on Saturday and broke the next morning in the rain.', REF, 'the next morning', '2025-09-21', 0],
  ])('a day told from another day of its sentence: %s', (sentence, ref, span, start, weekday) => {
    const found = dates(sentence, ref).filter((c) => c.span.text === span);
    expect(found.map((c) => [c.value.start, c.value.weekday])).toEqual([[start, weekday]]);
  });

  test('"the day before" with no day before it in its sentence is no date', () => {
    expect(dates('Rescuers had warned of this the day before, the mayor said.', null)).toEqual([]);
  });

  test.each([
    // [text, zones of its times]
    ['The glider took off at 9:25 a.m. EDT. Ground control lost contact at 10:31 a.m.', ['EDT', 'EDT']],
    ['The glider took off at 9:25 a.m. EDT. It landed at 8:40 a.m. CT and was towed at 10:31 a.m.', ['EDT', 'CT', undefined]],
    ['The glider took off at 2.15am local time. It was towed at 10:31 a.m.', ['local time', undefined]],
  ])('times with no zone take the article\'s only zone: %s', (text, zones) => {
    expect(dates(text, null).map((c) => c.value.zone)).toEqual(zones);
  });

  test('a time alone is kept with no day', () => {
    const [c] = dates('The alarm sounded at 5:45 p.m. in the hall.');
    expect([c.span.text, c.value.time, c.value.start]).toEqual(['5:45 p.m.', '17:45', undefined]);
  });
});

describe('dates: what is not a date', () => {
  test.each([
    ['The army fought for 20 years in the hills.'],
    ['For nearly two decades the base hosted planes.'],
    ['It was a two-decade war with no end.'],
    ['The decade-long project ended well.'],
    ['The veteran, in his 90s, still walks daily.'],
    ['The runner, aged 45, won the race.'],
    ['The software reached version 3.0 last spring.'.replace('last spring', 'quickly')],
    ['Call 202-555-0143 for tickets.'],
    ['See pic.twitter.com/x55mv1cbZb for the photo.'],
    ['Follow @news2021 and #vote2024 online.'],
    ['You may leave early if you wish.'],
    ['Protesters march through the city.'],
    ['About 2,000 people attended the rally.'],
    ['The camp held 2000 people at its peak.'],
    ['The ridge rises 1500 meters above the plain.'],
    ['He scored 999 points in the season.'],
    ['A total of 1200 ballots were lost.'],
    ['Room 2019 is on the third floor.'.replace('Room 2019 is', 'The room is')],
    ['She lived at 1600 Pennsylvania Avenue.'.replace('1600 Pennsylvania Avenue', 'the big house')],
    ['The score was 21-14 at half time.'],
    ['Sat on the bench, he waited.'],
    ['The may-pole was raised in the square.'],
  ])('%s', (sentence) => {
    expect(dates(sentence).map((c) => c.span.text)).toEqual([]);
  });

  test('several dates in one text come out sorted, with contexts', () => {
    const found = dates('Rebels seized the town in 2014. Troops withdrew from the town in July 2021.');
    expect(found.map((c) => c.span.text)).toEqual(['2014', 'July 2021']);
    expect(found[1].context.predicates).toContain('withdraw');
    expect(found[0].id).toBe(`date@${found[0].span.start}-${found[0].span.end}`);
  });

  test('never throws and spans slice the text', () => {
    const weird = ['', '\u0000', '2021-13-45', 'February 30, 2021', ')))(((', 'in in in 2021 2021', '۱۲۴ ۲۰۲۱'];
    for (const w of weird) {
      const a = article(w);
      const found = dateExtractor.extract(a, {}, []);
      for (const c of found) expect(a.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    }
    expect(dates('It was February 30, 2021.').map((c) => c.value.start)).not.toContain('2021-02-30');
  });
});

// Offsets of a global scan's matches, the way extractDates read them before it tried candidates only.
function globalMatchStarts(pattern: RegExp, text: string, from: number): number[] {
  const re = new RegExp(pattern.source, pattern.flags);
  re.lastIndex = from;
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m.index);
  }
  return out;
}

describe('dates: each pattern is tried wherever a global scan matches', () => {
  const missed = (body: string) => {
    const a = article(body);
    const out: string[] = [];
    for (const { pattern, starts } of dateCandidates(a)) {
      const tried = new Set(starts);
      for (const at of globalMatchStarts(pattern, a.text, a.bodyStart)) if (!tried.has(at)) out.push(`${pattern.source.slice(0, 30)} @${a.text.slice(at, at + 20)}`);
    }
    return out;
  };

  test.each([
    ['The dock opened on Saturday, September 20, 2025 and closed 20 Sep 17:29 ET.'],
    ['Work ran from March to May, in late July 2021, and again in the early 1950s and the \'80s.'],
    ['The 19th century mill, the twentieth-century pier and mid-2010 repairs cost more in Q3 2021.'],
    ['Between 2019 and 2021, and from 2019 to 2021, the 2020 agreement held; 2019\u201321 too.'],
    ['Last Saturday, three years ago, earlier this week and over the past month the crew met at 5 p.m.'],
    ['In spring 2021 and the summer of 2019 the third quarter of 2020 was slow; 2025-09-21T08:00Z.'],
    ['A hundred days ago, yesterday and tonight; the 21st of September; Sept. 21; May 5th, 2024.'],
    ['On Monday, after the night before and THE Previous  day, the next morning and the day after, the crew rested.'],
  ])('%s', (body) => {
    expect(missed(body)).toEqual([]);
  });

  test('generated text of date words, numbers and punctuation', () => {
    const words = [
      'May', 'may', 'MARCH', 'Sept.', 'September', 'Monday', 'last', 'Next', 'this', 'the', 'The', 'early', 'mid', 'mid-',
      'late', 'in', 'of', 'from', 'between', 'and', 'to', 'until', 'through', '2021', '1999', '1990s', "'80s", '\u201990s',
      '21', '5th', '17:29', '5', 'p.m.', 'PM', 'ET', 'ago', 'days', 'weeks', 'years', 'earlier', 'later', 'week', 'past',
      'over', 'during', 'two', 'twenty-one', 'a', 'hundred', 'century', '19th', 'twentieth', 'Q2', 'quarter', 'first',
      'spring', 'summer', 'fall', 'today', 'yesterday', '2025-09-21', '-', '\u2013', ',', '.', "'", '\u017fix', '_2021',
      'day', 'night', 'Morning', 'before', 'after', 'previous', 'following', 'next',
    ];
    const seps = [' ', ' ', ', ', '-', '\n', '', ' \u2013 '];
    let seed = 20250921;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 400; k++) {
      let body = '';
      for (let i = next(30) + 1; i > 0; i--) body += words[next(words.length)] + seps[next(seps.length)];
      expect(missed(body)).toEqual([]);
    }
  });
});

describe('dates: the words around a date come from lang/en', () => {
  // Every phrase of hedges.yaml's time-hedges, before an invented time: the hedge is the data's.
  test.each([...TIME_HEDGES])('"%s 9 p.m." is %s', (phrase, hedge) => {
    const found = dates(`The barge sank ${phrase} 9 p.m. in the bay.`, null);
    expect(found.map((c) => [c.span.text, c.value.hedge])).toEqual([[`${phrase} 9 p.m.`, hedge]]);
  });

  // Each neighbour-day word moves the day by the data's shift: Saturday 20 September 2025 is the anchor.
  test.each([
    ...[...NEIGHBOUR_SHIFT_AFTER].flatMap(([w, shift]) => NEIGHBOUR_DAYS.map((d) => [`the ${d} ${w}`, shift] as const)),
    ...[...NEIGHBOUR_SHIFT_BEFORE].flatMap(([w, shift]) => NEIGHBOUR_DAYS.map((d) => [`the ${w} ${d}`, shift] as const)),
  ])('"%s" moves %d day', (phrase, shift) => {
    const found = dates(`The dam held on September 20, 2025, and broke ${phrase} in the rain.`, null).filter((c) => c.span.text === phrase);
    expect(found.map((c) => c.value.start)).toEqual([shift < 0 ? '2025-09-19' : '2025-09-21']);
  });

  test.each([
    // [sentence, span]: a range opens with a `between` word and an `and` word, or a `from` word and a `to` word.
    ...[...RANGE_WORDS.to].map((w) => [`The port was shut from 2019 ${w} 2021 by the strike.`, `from 2019 ${w} 2021`]),
    ['The port was shut between March and May by the strike.', 'between March and May'],
  ])('a range: %s', (sentence, span) => {
    expect(dates(sentence).map((c) => c.span.text)).toContain(span);
  });

  test.each([
    ['The port was shut in 2019 and 2021 by the strike.', ['2019']],
    ['The port was shut between March to May by the strike.', ['March', 'May']],
  ])('no range: %s', (sentence, spans) => {
    expect(dates(sentence).map((c) => c.span.text)).toEqual(spans);
  });

  // A future marker earlier in the sentence: Saturday is the one after Sunday 21 September 2025, else the one before.
  test.each(FUTURE_MARKERS)('"%s" puts a bare Saturday in the future', (marker) => {
    const lead = /^[a-z]/.test(marker) ? `The crew ${marker}` : `The crew${marker}`;
    expect(dates(`${lead} leave the dock on Saturday.`).map((c) => c.value.start)).toEqual(['2025-09-27']);
  });
  test('with no future marker a bare Saturday is the one before', () => {
    expect(dates('The crew left the dock on Saturday.').map((c) => c.value.start)).toEqual(['2025-09-20']);
  });

  // "for 20 years before the treaty" is a length of time, whatever duration word opens it.
  test.each(DURATION_LEADS)('"%s 20 years before the treaty" is no date', (w) => {
    expect(dates(`The garrison stayed ${w} 20 years before the treaty.`, null)).toEqual([]);
  });
});
