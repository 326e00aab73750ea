import { buildArticle } from '../../src/ingest/article';
import { peopleExtractor } from '../../src/extract/people';
import { titleExtractor } from '../../src/extract/titles';
import { VOCABULARY_KINDS, emptyVocabulary } from '../../src/text/vocabulary';
import type { Claim, TitleValue, Vocabulary } from '../../src/types';
import { claimsUnder } from '../../src/compare/under-vocabulary';

function vocab(): Vocabulary {
  const v = emptyVocabulary();
  VOCABULARY_KINDS.find((k) => k.id === 'alias')!.merge(v, { sets: [['ruritania', 'ruritanian']] }, 'places');
  VOCABULARY_KINDS.find((k) => k.id === 'spelling')!.merge(v, { sets: [['defense', 'defence']] }, 'spellings');
  return v;
}
const VOCABULARY = vocab();

/** The titles of `text` as compared: extracted from the text alone, then read with the rules' aliases and spellings. */
function titles(text: string): { span: string; value: TitleValue }[] {
  const r = buildArticle('a.txt', '/tmp/a.txt', `---\npublished: 2024-03-10\n---\n${text}`);
  if (!r.ok) throw new Error('bad article');
  const a = r.value;
  const ctx = {};
  let claims: Claim[] = [];
  for (const e of [peopleExtractor, titleExtractor]) claims = [...claims, ...e.extract(a, ctx, claims)];
  return claimsUnder(claims, VOCABULARY).filter((c) => c.kind === 'title').map((c) => {
    expect(a.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
    return { span: c.span.text, value: c.value as TitleValue };
  });
}

describe('titles', () => {
  test.each([
    // [text, span, role, org, place, former]
    ['Liesel Okonkwo, chief of staff at the harbor ministry, spoke.', 'chief of staff at the harbor ministry', 'chief of staff', 'harbor ministry', undefined, false],
    ['Liesel Okonkwo, Chief of Staff at Ruritania\u2019s Ministry of Defence, spoke.', 'Chief of Staff at Ruritania\u2019s Ministry of Defence', 'chief of staff', 'defense ministry', 'ruritania', false],
    ['Defense Ministry chief of staff, Liesel Okonkwo said it was over.', 'Defense Ministry chief of staff', 'chief of staff', 'defense ministry', undefined, false],
    ['Ruritanian Armed Forces Chief of Staff Liesel Okonkwo spoke.', 'Ruritanian Armed Forces Chief of Staff', 'chief of staff', 'armed forces', 'ruritania', false],
    ['The visit by former US President Amos Quill ended.', 'former US President', 'president', undefined, 'united states', true],
    ['The visit by U.S. President Amos Quill ended.', 'U.S. President', 'president', undefined, 'united states', false],
    ['The visit by United States President Amos Quill\u2019s aides ended.', 'United States President', 'president', undefined, 'united states', false],
    ['Officials including the Foreign Ministry\'s political director, Zora Vell, objected.', "Foreign Ministry's political director", 'political director', 'foreign ministry', undefined, false],
    ['Officials said Defense Minister Karim Abdul Haqqani agreed.', 'Defense Minister', 'defense minister', undefined, undefined, false],
    // A role word followed by another is one role: "deputy" alone says nothing of the post.
    ['Deputy Governor Mirela Kovac promised shelter.', 'Deputy Governor', 'deputy governor', undefined, undefined, false],
    // A grade after a rank word is the rank's: "Chief Warrant Officer 2".
    ['Officials named Chief Warrant Officer 2 Andrea Voss.', 'Chief Warrant Officer 2', 'chief', undefined, undefined, false],
    // A role said by "was": before the name (after "the" or a possessive), or after it.
    ["The Tarrow helicopter's crew chief was identified as Ryan Velt.", 'crew chief', 'chief', undefined, undefined, false],
    ['Officials said the co-pilot was Rebecca M. Harl.', 'co-pilot', 'co-pilot', undefined, undefined, false],
    ['Officials said Mara Quell was the crew chief on the helicopter.', 'crew chief', 'chief', undefined, undefined, false],
  ])('%s', (text, span, role, org, place, former) => {
    const [t] = titles(text);
    expect(t.span).toBe(span);
    expect(t.value).toMatchObject({ role, former });
    expect(t.value.org).toBe(org);
    expect(t.value.place).toBe(place);
  });

  test.each([
    // No role word: nothing is a title.
    'Officials said Jo Roe was the first to leave.',
    'Officials said the winner was Jo Roe.',
  ])('no predicate title: %s', (text) => {
    expect(titles(text)).toEqual([]);
  });

  test('a repeated title is one claim; a bare surname after a full name names the same person', () => {
    const ts = titles('President Amos Quill spoke. Later President Quill left. The former President Quill was not there.');
    expect(ts.map((t) => [t.span, t.value.person, t.value.former])).toEqual([
      ['President', 'amos quill', false],
      ['former President', 'amos quill', true],
    ]);
  });

  test.each([
    ['Amos Quill, who lives by the harbor, spoke.'],
    ['Amos Quill, for his part, stayed home.'],
    ['His predecessor, Amos Quill, left early.'],
    ['The harbor reopened on Monday.'],
  ])('no title: %s', (text) => {
    expect(titles(text)).toEqual([]);
  });
});
