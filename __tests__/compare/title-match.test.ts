import { titleMatch } from '../../src/compare/comparators/title-match';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, CompareContext, TitleValue } from '../../src/types';

const ctx: CompareContext = {
  rule: { id: 'title-match', extends: 'title-match', appliesTo: ['title'], severity: 'error', params: {}, file: '' },
  vocabulary: emptyVocabulary(),
  articles: new Map(),
};

function t(person: string, title: string, role: string, extra: Partial<TitleValue> = {}): Claim {
  const value: TitleValue = { type: 'title', person, personName: person, title, role, former: false, ...extra };
  return {
    id: 'title@0-1', source: 'a.txt', kind: 'title', extractor: 'titles',
    span: { start: 0, end: title.length, text: title, line: 1, column: 1 }, value,
    context: { predicates: [], entities: [], words: [] },
  };
}

describe('title-match compare', () => {
  test.each([
    [t('liesel okonkwo', 'chief of staff at the harbor ministry', 'chief of staff', { org: 'harbor ministry' }),
      t('liesel okonkwo', 'Harbor Ministry chief of staff', 'chief of staff', { org: 'harbor ministry', place: 'ruritania' }), 'agree', /more or less detail/],
    [t('amos quill', 'President', 'president'), t('amos quill', 'US President', 'president', { place: 'united states' }), 'agree', /more or less detail/],
    [t('amos quill', 'US President', 'president', { place: 'united states' }), t('amos quill', 'US President', 'president', { place: 'united states' }), 'agree', /both call/],
    // Across articles "former" against a sitting title is the gap between an older and a newer text.
    [t('amos quill', 'former US President', 'president', { place: 'united states', former: true }), t('amos quill', 'US President', 'president', { place: 'united states' }), 'agree', /held then and left since/],
    [t('amos quill', 'former harbor president', 'president', { former: true }), t('amos quill', 'outgoing President', 'president'), 'agree', /being left/],
    [t('amos quill', 'outgoing President', 'president'), t('amos quill', 'President', 'president'), 'agree', /being left/],
    [t('amos quill', 'CEO', 'ceo'), t('amos quill', 'chief executive officer', 'chief executive officer'), 'agree', /both call amos quill ceo/],
    [t('amos quill', 'interim chief executive', 'interim chief executive'), t('amos quill', 'CEO', 'ceo'), 'agree', /more or less detail/],
    [t('amos quill', 'CFO', 'cfo'), t('amos quill', 'chief financial officer', 'chief financial officer'), 'agree', /both call/],
    [t('amos quill', 'co-founder of the live streaming company Vexo', 'co-founder', { org: 'live streaming company vexo' }),
      t('amos quill', 'co-founder of livestreaming company Vexo', 'co-founder', { org: 'livestreaming company vexo' }), 'agree', /more or less detail/],
    [t('liesel okonkwo', 'chief of staff at the harbor ministry', 'chief of staff', { org: 'harbor ministry' }),
      t('liesel okonkwo', 'Armed Forces Chief of Staff', 'chief of staff', { org: 'armed forces' }), 'conflict', /two different bodies/],
    [t('amos quill', 'Ruritanian President', 'president', { place: 'ruritania' }), t('amos quill', 'Velorian President', 'president', { place: 'veloria' }), 'conflict', /different places/],
    [t('amos quill', 'harbor minister', 'minister', { org: 'harbor ministry' }), t('amos quill', 'deputy harbor minister', 'deputy minister', { org: 'harbor ministry' }), 'conflict', /two posts/],
    [t('amos quill', 'party leader', 'leader', { org: 'green party' }), t('amos quill', 'mayor', 'mayor'), 'agree', /may both be held/],
    [t('amos quill', 'co-founder', 'co-founder'), t('amos quill', 'chief scientist', 'chief scientist'), 'agree', /may both be held/],
    // Places on one crew (lang/en/title-status.yaml positions-*): one at a time; a rank is no place.
    [t('mara quell', 'Tarrow helicopter crew chief', 'chief'), t('mara quell', 'pilot', 'pilot'), 'conflict', /two places on one crew: crew chief \/ pilot/],
    [t('mara quell', 'co-pilot', 'co-pilot'), t('mara quell', 'pilot', 'pilot'), 'conflict', /co-pilot \/ pilot/],
    [t('mara quell', 'Staff Sergeant', 'sergeant'), t('mara quell', 'pilot', 'pilot'), 'agree', /may both be held/],
    [t('mara quell', 'Chief Warrant Officer 2', 'chief'), t('mara quell', 'pilot Chief Warrant Officer', 'pilot chief'), 'agree', /more or less detail/],
  ])('%#', (a, b, relation, reason) => {
    const j = titleMatch.compare(a, b, ctx);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });
});

describe('role words and ranks', () => {
  const withSynonyms: CompareContext = {
    ...ctx,
    rule: { ...ctx.rule, params: { 'role-synonyms': [['chief', 'head', 'leader']] } },
    memo: new Map(),
  };
  test.each([
    [t('olle brandt', 'head of the port authority', 'head', { org: 'port authority' }), t('olle brandt', 'Port authority chief', 'chief', { org: 'port authority' }), 'agree', /more or less detail/],
    [t('olle brandt', 'party leader', 'leader', { org: 'green party' }), t('olle brandt', 'Green Party chief', 'chief', { org: 'green party' }), 'agree', /more or less detail/],
    [t('mirela kovac', 'Governor', 'governor'), t('mirela kovac', 'Deputy Governor', 'deputy governor'), 'conflict', /two ranks of one post/],
    [t('mirela kovac', 'Mayor', 'mayor'), t('mirela kovac', 'Acting Mayor', 'acting mayor'), 'conflict', /two ranks/],
    // Different bodies: a deputy at one and the head of another may both be true.
    [t('mirela kovac', 'governor of the central bank', 'governor', { org: 'central bank' }), t('mirela kovac', 'deputy governor of the harbor board', 'deputy governor', { org: 'harbor board' }), 'agree', /may both be held/],
  ])('%#', (a, b, relation, reason) => {
    const j = titleMatch.compare(a, b, withSynonyms);
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });

  test('without role-synonyms, head and chief are two posts at one body', () => {
    const j = titleMatch.compare(t('olle brandt', 'head of the port authority', 'head', { org: 'port authority' }), t('olle brandt', 'Port authority chief', 'chief', { org: 'port authority' }), ctx);
    expect(j.relation).toBe('conflict');
  });
});

describe('a bare title takes the body other sources name for the same post', () => {
  const bare = t('nadia vell', 'general secretary', 'general secretary');
  const full = { ...t('nadia vell', 'general secretary of the dockers union', 'general secretary', { org: 'dockers union' }), source: 'b.txt' };
  const president = { ...t('nadia vell', 'Dockers Union president', 'president', { org: 'dockers union' }), source: 'c.txt' };
  const otherBody = { ...t('nadia vell', 'general secretary of the sailors guild', 'general secretary', { org: 'sailors guild' }), source: 'd.txt' };
  test.each([
    ['another source names the union: two posts at one union', [bare, full, president], 'conflict', /two posts at dockers union/],
    ['no source names a body: two roles that may both be held', [bare, president], 'agree', /may both be held/],
    ['sources name two bodies: no guess', [bare, full, otherBody, president], 'agree', /may both be held/],
  ])('%s', (_name, pool, relation, reason) => {
    const j = titleMatch.compare(bare, president, { ...ctx, pool, memo: new Map() });
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });
});

describe('"former" against a sitting title, by the articles\' dates', () => {
  const article = (id: string, date?: string) => [id, { id, referenceDate: date ? { date, source: 'front-matter' } : null }] as const;
  const former = { ...t('ilse dorrance', 'former mayor', 'mayor', { former: true }), source: 'a.txt' };
  const sitting = { ...t('ilse dorrance', 'Mayor', 'mayor'), source: 'b.txt' };
  test.each([
    ['one day', '2025-06-15', '2025-06-15', 'conflict', /both articles are of 2025-06-15/],
    ['"former" in the older article', '2025-06-14', '2025-06-15', 'conflict', /the article saying "former" is the older/],
    ['"former" in the newer article: left since', '2025-06-16', '2025-06-15', 'agree', /held then and left since/],
    ['a date unknown', undefined, '2025-06-15', 'agree', /held then and left since/],
  ])('%s', (_name, da, db, relation, reason) => {
    const articles = new Map([article('a.txt', da), article('b.txt', db)]) as unknown as CompareContext['articles'];
    const j = titleMatch.compare(former, sitting, { ...ctx, articles, pool: [former, sitting], memo: new Map() });
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });
});

describe('"former" against a sitting title', () => {
  const former = t('ilse dorrance', 'former mayor', 'mayor', { former: true });
  const sitting = { ...t('ilse dorrance', 'Mayor', 'mayor'), id: 'title@40-45' };
  const elsewhere = { ...t('ilse dorrance', 'Mayor', 'mayor'), source: 'b.txt' };
  test.each([
    ['one article says both: a contradiction of the text', [former, sitting, elsewhere], 'conflict', /one article says both/],
    ['two articles, one older: agree', [former, elsewhere], 'agree', /held then and left since/],
  ])('%s', (_name, pool, relation, reason) => {
    const j = titleMatch.compare(former, elsewhere, { ...ctx, pool, memo: new Map() });
    expect(j.relation).toBe(relation);
    expect(j.reason).toMatch(reason);
  });
});

describe('title-match link and blocking', () => {
  test.each([
    ['fasihuddin okonkwo', 'fasihudin okonkwo', true],
    ['amos quill', 'quill', true],
    ['amos quill', 'amos quillon', false],
    ['jon smith', 'joan smith', false],
  ])('%s ~ %s', (a, b, linked) => {
    const ca = t(a, 'President', 'president');
    const cb = t(b, 'President', 'president');
    expect(titleMatch.link(ca, cb, ctx) >= 0.75).toBe(linked);
    if (linked) expect(titleMatch.blockKeys(ca, ctx)).toEqual(titleMatch.blockKeys(cb, ctx));
  });

  test('readings by normalized title', () => {
    expect(titleMatch.readingKey(t('amos quill', 'former US President', 'president', { place: 'united states', former: true }), ctx)).toBe('former united states president');
  });
});
