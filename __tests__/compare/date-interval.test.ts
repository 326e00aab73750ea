import { buildArticle } from '../../src/ingest/article';
import { emptyVocabulary } from '../../src/text/vocabulary';
import { dateExtractor } from '../../src/extract/dates';
import { describeAssertions } from '../../src/extract/assertions';
import { claimsUnder } from '../../src/compare/under-vocabulary';
import { dateInterval, compareDates } from '../../src/compare/comparators/date-interval';
import { UNSURE_ASSERTION } from '../../src/compare/link';
import type { Article, CompareContext, DateClaim, DateValue, Rule, Vocabulary } from '../../src/types';

const d = (start: string | undefined, end: string | undefined, grain: DateValue['grain'], extra: Partial<DateValue> = {}): DateValue => ({
  type: 'date', ...(start ? { start } : {}), ...(end ? { end } : {}), grain, ...extra,
});

describe('date-interval compare', () => {
  test.each([
    // [a, b, relation, reason contains]
    [d('2021-07-01', '2021-07-31', 'month'), d('2021-01-01', '2021-12-31', 'year'), 'agree', 'July 2021 lies within 2021'],
    [d('2021-01-01', '2021-12-31', 'year'), d('2021-07-01', '2021-07-31', 'month'), 'agree', 'July 2021 lies within 2021'],
    [d('2021-07-01', '2021-07-31', 'month'), d('2021-07-01', '2021-07-31', 'month'), 'agree', 'both say July 2021'],
    [d('1980-01-01', '1989-12-31', 'decade'), d('1950-01-01', '1953-12-31', 'decade', { hedge: 'early' }), 'conflict', 'the 1980s and the early 1950s do not overlap'],
    [d('1987-01-01', '1989-12-31', 'decade', { hedge: 'late' }), d('1980-01-01', '1989-12-31', 'decade'), 'agree', 'the late 1980s lies within the 1980s'],
    [d('2010-01-01', '2010-12-31', 'year', { hedge: 'approx' }), d('2011-01-01', '2011-12-31', 'year'), 'agree', 'around 2010'],
    [d('2010-01-01', '2010-12-31', 'year', { hedge: 'approx' }), d('2013-01-01', '2013-12-31', 'year'), 'conflict', 'even allowing for the hedge'],
    [d('1950-01-01', '1953-12-31', 'decade', { hedge: 'early' }), d('1954-01-01', '1954-12-31', 'year'), 'agree', '1954 lies within the early 1950s'],
    [d('2020-01-01', '2020-12-31', 'year'), d('2021-07-01', '2021-07-31', 'month'), 'conflict', '2020 and July 2021 do not overlap'],
    [d('2025-09-20', '2025-09-20', 'day', { weekday: 6 }), d(undefined, undefined, 'day', { weekday: 6 }), 'agree', '2025-09-20 is a Saturday'],
    [d('2025-09-21', '2025-09-21', 'day', { weekday: 0 }), d(undefined, undefined, 'day', { weekday: 6 }), 'conflict', 'Saturday'],
    [d(undefined, undefined, 'day', { weekday: 5 }), d(undefined, undefined, 'day', { weekday: 5 }), 'agree', 'both name a Friday'],
    [d(undefined, undefined, 'day', { weekday: 5 }), d(undefined, undefined, 'day', { weekday: 1 }), 'conflict', 'Monday'],
    [d('2025-09-20', '2025-09-20', 'minute', { time: '17:29', zone: 'ET' }), d('2025-09-20', '2025-09-20', 'minute', { time: '19:00', zone: 'ET' }), 'conflict', 'different times'],
    [d('2025-09-20', '2025-09-20', 'minute', { time: '17:29', zone: 'ET' }), d('2025-09-20', '2025-09-20', 'minute', { time: '21:29', zone: 'UTC' }), 'agree', 'same moment'],
    [d('2019-01-01', '2021-12-31', 'year'), d('2020-03-01', '2020-03-31', 'month'), 'agree', 'March 2020 lies within 2019 to 2021'],
  ])('%j vs %j -> %s', (a, b, relation, reason) => {
    const j = compareDates(a, b);
    expect(j.relation).toBe(relation);
    expect(j.reason).toContain(reason);
  });
});

describe('date-interval compare: clock times', () => {
  const t = (time: string, extra: Partial<DateValue> = {}): DateValue => d(undefined, undefined, 'minute', { time, ...extra });
  test.each([
    // [a, b, relation, reason contains]
    [t('18:04', { zone: 'IST' }), t('18:03', { zone: 'IST', hedge: 'approx' }), 'agree', 'same time'],
    [t('18:04'), t('18:05', { hedge: 'approx' }), 'agree', 'same time'],
    [t('21:00', { grain: 'hour', hedge: 'nearly' }), t('21:00', { grain: 'hour', hedge: 'approx' }), 'agree', 'same time'],
    [t('19:00', { grain: 'hour', hedge: 'approx' }), t('19:20', { hedge: 'approx' }), 'conflict', 'even allowing for the hedge'],
    [t('20:30', { hedge: 'approx' }), t('20:31'), 'agree', 'same time'],
    [t('20:30', { hedge: 'approx' }), t('02:30', { zone: 'local time', hedge: 'approx' }), 'conflict', 'different times'],
    [t('09:25', { zone: 'EDT' }), t('08:25', { zone: 'CT' }), 'agree', 'same moment'],
    [t('09:25', { zone: 'ET' }), t('09:25', { zone: 'CT' }), 'conflict', 'different times'],
    [t('10:31'), t('09:31', { zone: 'CDT' }), 'agree', 'one of them unknown'],
    [t('10:31', { zone: 'XYZT' }), t('09:31', { zone: 'CDT' }), 'agree', 'one of them unknown'],
    [t('23:58'), t('00:02', { hedge: 'approx' }), 'agree', 'same time'],
    [d('2024-10-09', '2024-10-09', 'minute', { time: '20:30', zone: 'EDT' }), d('2024-10-10', '2024-10-10', 'minute', { time: '02:30', zone: 'CEST' }), 'agree', 'same moment'],
    [d('2024-10-09', '2024-10-09', 'minute', { time: '20:30' }), d('2024-10-10', '2024-10-10', 'minute', { time: '20:30' }), 'conflict', 'different times'],
    [d('2024-10-09', '2024-10-09', 'minute', { time: '20:30' }), t('20:30'), 'agree', 'same time'],
  ])('%j vs %j -> %s', (a, b, relation, reason) => {
    const j = compareDates(a, b);
    expect(j.relation).toBe(relation);
    expect(j.reason).toContain(reason);
  });
});

function vocab(): Vocabulary {
  const v = emptyVocabulary();
  for (const [w, c] of [['built', 'build'], ['construct', 'build'], ['withdraw', 'withdraw'], ['withdrawal', 'withdraw']]) v.predicates.set(w, c);
  return v;
}

const VOCABULARY = vocab();

/** The dates of `body`, as the engine reads them: the vocabulary applied when comparing. */
function claims(id: string, body: string, ref = '2025-09-21'): { article: Article; claims: DateClaim[] } {
  const r = buildArticle(id, `/${id}`, `---\npublished: ${ref}\n---\n${body}`);
  if (!r.ok) throw new Error('bad');
  const ctx = {};
  return { article: r.value, claims: claimsUnder(describeAssertions(dateExtractor.extract(r.value, ctx, []), r.value, ctx), VOCABULARY) as DateClaim[] };
}

/** The dates of `body` in an article with no date of its own: weekdays stay unresolved. */
function undatedClaims(id: string, body: string): { article: Article; claims: DateClaim[] } {
  const r = buildArticle(id, `/${id}`, body);
  if (!r.ok) throw new Error('bad');
  return { article: r.value, claims: claimsUnder(describeAssertions(dateExtractor.extract(r.value, {}, []), r.value, {}), VOCABULARY) as DateClaim[] };
}

function context(articles: Article[]): CompareContext {
  const rule: Rule = { id: 'date-overlap', extends: 'date-interval', appliesTo: ['date'], severity: 'error', params: {}, file: '' };
  return { rule, vocabulary: VOCABULARY, articles: new Map(articles.map((a) => [a.id, a])) };
}

describe('date-interval link, keys and display (made-up sentences)', () => {
  const a = claims('a.txt', 'Allied troops withdrew from the northern base in July 2021 under a new plan.');
  const b = claims('b.txt', 'Critics blamed the leader for the chaotic 2021 withdrawal from the northern base.');
  const c = claims('c.txt', 'The museum opened its new wing in 2021 with a concert.');
  const e = claims('e.txt', 'The dam was built in the early 1950s with foreign loans. Engineers say it was constructed by foreign firms in the 1980s.');
  const ctx = context([a.article, b.article, c.article, e.article]);

  test('a shared event word and place link two dates of one event', () => {
    expect(dateInterval.link(a.claims[0], b.claims[0], ctx)).toBeGreaterThanOrEqual(0.75);
    expect(dateInterval.compare(a.claims[0], b.claims[0], ctx).reason).toBe('July 2021 lies within 2021');
  });

  test('two unrelated 2021s do not link', () => {
    expect(dateInterval.link(b.claims[0], c.claims[0], ctx)).toBeLessThan(0.25);
  });

  test('built and constructed meet through the vocabulary; the early 1950s conflicts with the 1980s', () => {
    const [early, eighties] = e.claims;
    expect(dateInterval.link(early, eighties, ctx)).toBeGreaterThanOrEqual(0.5);
    expect(dateInterval.compare(early, eighties, ctx).relation).toBe('conflict');
  });

  test.each([
    // [a, b, linked]: the same resolved day adds to shared words, it is no link on its own.
    ['Soldiers began arriving in the valley on Saturday.', '"Every family will have a roof tonight," the governor said.', false],
    ['The ferry strike began on Saturday, the union said.', 'Crews walked off the ferries tonight in a strike over pay.', true],
  ])('same day: %s / %s -> linked %s', (x, y, linked) => {
    const p = claims('p.txt', x, '2025-09-20');
    const q = claims('q.txt', y, '2025-09-20');
    const qctx = context([p.article, q.article]);
    expect(p.claims[0].value.start).toBe(q.claims[0].value.start);
    expect(dateInterval.link(p.claims[0], q.claims[0], qctx) > 0).toBe(linked);
  });

  test('two clock times of one landing link and agree; a start time is another fact', () => {
    const p = claims('p.txt', 'The Veltra probe landed on the Arden plain at 6:04 p.m. IST.');
    const q = claims('q.txt', 'The Veltra probe landed on the Arden plain around 18.03 Hrs. IST.');
    const r = claims('r.txt', 'The Veltra probe started landing on the Arden plain at 5:20 p.m. IST.');
    const tctx = context([p.article, q.article, r.article]);
    const [pt, qt, rt] = [p.claims[0], q.claims[0], r.claims[0]];
    expect([pt.value.time, qt.value.time, rt.value.time]).toEqual(['18:04', '18:03', '17:20']);
    expect(dateInterval.link(pt, qt, tctx)).toBeGreaterThan(UNSURE_ASSERTION);
    expect(dateInterval.compare(pt, qt, tctx).relation).toBe('agree');
    expect(dateInterval.link(rt, qt, tctx)).toBeLessThanOrEqual(UNSURE_ASSERTION);
  });

  test.each([
    // [sentence, attribute]: a time set off by a comma at the end tells when the clause before it happened.
    ['Storm Orla made landfall near Harl, Tobin County, at 8:30 p.m.', 'landfall'],
    ['Storm Orla made landfall near Harl in Tobin County, on October 9, around 8:30 in the evening.', 'landfall'],
    ['The tram derailed near Ostrava Yard, at about 7.20 PM.', 'crash'],
    ['At around 7 pm, six cars of the Velmor Express derailed near Ostrava Yard.', 'crash'],
    ['The accident happened around 7.20 PM near Ostrava Yard.', 'crash'],
  ])('a time after a comma: %s -> %s', (sentence, attribute) => {
    const p = claims('p.txt', sentence);
    expect(p.claims.map((c) => c.attribute)).toEqual([attribute]);
  });

  test('two times of one landfall in two zones, one unknown, do not conflict', () => {
    const p = claims('p.txt', 'Storm Orla made landfall near Harl, Tobin County, at 8:30 p.m. EDT.');
    const q = claims('q.txt', 'Storm Orla made landfall near Harl, Tobin County, at 2:30 a.m.');
    const r = claims('r.txt', 'Storm Orla made landfall near Harl, Tobin County, at 8:30 p.m. CT.');
    const tctx = context([p.article, q.article, r.article]);
    expect(dateInterval.compare(p.claims[0], q.claims[0], tctx).relation).toBe('agree');
    expect(dateInterval.compare(p.claims[0], r.claims[0], tctx).relation).toBe('conflict');
  });

  test('two dates of one sentence are never one fact', () => {
    const s = claims('s.txt', 'The troops withdrew in July 2021 under a 2020 agreement on the withdrawal.');
    const sctx = context([s.article]);
    expect(dateInterval.link(s.claims[0], s.claims[1], sctx)).toBe(0);
  });

  test('a clock time of an unknown day and a day with no clock time are never linked: nothing to check', () => {
    const undated = buildArticle('u.txt', '/u.txt', 'The Veltra probe landed today at 6:04 p.m. on the Arden plain.');
    if (!undated.ok) throw new Error('bad');
    const [today] = claimsUnder(dateExtractor.extract(undated.value, {}, []), VOCABULARY) as DateClaim[];
    const dated = claims('d.txt', 'The Veltra probe landed on the Arden plain on July 14, 2023.');
    expect(today.value.start).toBeUndefined();
    expect(today.value.time).toBe('18:04');
    expect(dateInterval.link(today, dated.claims[0], context([undated.value, dated.article]))).toBe(0);
  });

  test.each([
    // [sentence a, sentence b, can conflict]: an event has one weekday, whatever week each report was
    // written in; a count has many days; a plan is another fact than what happened.
    ['Storm Orla made landfall near Harl on Wednesday night.', 'Storm Orla made landfall in Tobin County on Thursday.', true],
    ['The Velmar rocket launched from Tarrow on Friday.', 'The Velmar rocket lifted off from Tarrow on Saturday morning.', true],
    ['The toll from the Harl fire reached 40 on Saturday.', 'The Harl fire killed 40 people by Tuesday.', false],
    ['Velmar prepares to launch its rocket from Tarrow on Wednesday.', 'The Velmar rocket launched from Tarrow on Thursday.', false],
  ])('two unresolved weekdays: %s / %s -> can conflict %s', (x, y, canConflict) => {
    const p = undatedClaims('p.txt', x);
    const q = undatedClaims('q.txt', y);
    const [pd, qd] = [p.claims[0], q.claims[0]];
    expect([pd.value.start, qd.value.start]).toEqual([undefined, undefined]);
    expect(dateInterval.compare(pd, qd, context([p.article, q.article])).relation).toBe('conflict');
    expect(dateInterval.link(pd, qd, context([p.article, q.article])) > UNSURE_ASSERTION).toBe(canConflict);
  });

  test('an unresolved weekday meets a resolved day by its weekday key', () => {
    const u = claims('u.txt', 'The minister spoke on Saturday at the rally.');
    const r = buildArticle('n.txt', '/n.txt', 'The minister spoke on Saturday at the rally.');
    if (!r.ok) throw new Error('bad');
    const [unresolved] = dateExtractor.extract(r.value, {}, []) as DateClaim[];
    const uctx = context([u.article, r.value]);
    expect(dateInterval.blockKeys(unresolved, uctx)).toContain('date:weekday:6');
    expect(dateInterval.blockKeys(u.claims[0], uctx)).toContain('date:weekday:6');
    expect(dateInterval.compare(unresolved, u.claims[0], uctx).relation).toBe('agree');
    expect(dateInterval.readingKey(unresolved, uctx)).toBe('weekday:6');
    expect(dateInterval.display(unresolved, uctx)).toBe('Saturday (unresolved)');
  });

  test.each([
    [d('2021-07-01', '2021-07-31', 'month'), 'July 2021', '2021-07-01..2021-07-31'],
    [d('2025-09-20', '2025-09-20', 'day', { weekday: 6 }), '2025-09-20 (Saturday)', '2025-09-20..2025-09-20'],
    [d('1950-01-01', '1953-12-31', 'decade', { hedge: 'early' }), 'the early 1950s', '1950-01-01..1953-12-31~early'],
    [d('2021-01-01', '2021-12-31', 'year'), '2021', '2021-01-01..2021-12-31'],
    [d('2010-01-01', '2010-12-31', 'year', { hedge: 'approx' }), 'around 2010', '2010-01-01..2010-12-31~approx'],
  ])('display %j', (value, display, key) => {
    const claim = { ...a.claims[0], value };
    expect(dateInterval.display(claim, ctx)).toBe(display);
    expect(dateInterval.readingKey(claim, ctx)).toBe(key);
    expect(dateInterval.readingValue(claim, ctx)).toMatchObject({ start: value.start, end: value.end, grain: value.grain });
  });

  test('subject names the shared event and place', () => {
    expect(dateInterval.subject([a.claims[0], b.claims[0]], ctx)).toContain('withdraw');
  });

  test('accepts resolved dates and weekdays, not bare unresolved relations', () => {
    const rel = claims('r.txt', 'He spoke four years after the troops withdrew.');
    expect(dateInterval.accepts!(rel.claims[0], ctx)).toBe(false);
    expect(dateInterval.accepts!(a.claims[0], ctx)).toBe(true);
  });
});

describe('date-interval: a day stated without a year in an undated article (made-up sentences)', () => {
  test.each([
    // [undated sentence, dated sentence (article of 2025-09-21), relation, sure link]: the month and day
    // are compared whatever the year; one launch on two days is a conflict, a reopening and a launch are
    // two facts that may not conflict.
    ['The Velmar probe was launched on July 14 from Tarrow.', 'With the launch of the Velmar probe on July 14, 2023, a new era began.', 'agree', true],
    ['The Velmar probe was launched on July 14 from Tarrow.', 'The Velmar probe was launched from Tarrow on July 15, 2023.', 'conflict', true],
    ['The Velmar probe was launched on 14 July from Tarrow.', 'The Velmar probe was launched from Tarrow on July 14, 2023.', 'agree', true],
    ['The museum in Tarrow reopened on July 14.', 'The Velmar probe was launched from Tarrow on July 15, 2023.', 'conflict', false],
  ])('%s / %s -> %s, sure link %s', (undated, dated, relation, sure) => {
    const u = undatedClaims('u.txt', undated);
    const d = claims('d.txt', dated);
    const [ud, dd] = [u.claims[0], d.claims[d.claims.length - 1]];
    expect(ud.value.start).toBeUndefined();
    expect(ud.value.monthDay).toBe(undated.includes('14') ? '07-14' : undefined);
    const dctx = context([u.article, d.article]);
    expect(dateInterval.accepts!(ud, dctx)).toBe(true);
    expect(dateInterval.blockKeys(ud, dctx)).toContain('date:month-day:07-14');
    expect(dateInterval.compare(ud, dd, dctx).relation).toBe(relation);
    expect(dateInterval.link(ud, dd, dctx) > UNSURE_ASSERTION).toBe(sure);
  });

  test.each([
    // [value a, value b, relation, reason contains]
    [d(undefined, undefined, 'day', { monthDay: '07-14' }), d('2023-07-14', '2023-07-14', 'day'), 'agree', 'both name July 14 (one gives no year)'],
    [d(undefined, undefined, 'day', { monthDay: '07-14' }), d(undefined, undefined, 'day', { monthDay: '07-14' }), 'agree', 'both name July 14'],
    [d(undefined, undefined, 'day', { monthDay: '08-21' }), d('2023-08-20', '2023-08-20', 'day'), 'conflict', 'August 21 and August 20 are two days'],
    // A month, or a hedged day, has no single month and day: nothing to check.
    [d(undefined, undefined, 'day', { monthDay: '07-14' }), d('2023-07-01', '2023-07-31', 'month'), 'agree', 'cannot be checked'],
  ])('%j vs %j -> %s', (a, b, relation, reason) => {
    const j = compareDates(a, b);
    expect(j.relation).toBe(relation);
    expect(j.reason).toContain(reason);
  });

  test('the claims file keeps the month and day, and the schema accepts it', () => {
    const u = undatedClaims('u.txt', 'The Velmar probe was launched on February 29 from Tarrow.');
    expect(u.claims[0].value.monthDay).toBe('02-29');
    expect(undatedClaims('v.txt', 'The probe was launched on February 30 from Tarrow.').claims).toEqual([]);
  });
});
