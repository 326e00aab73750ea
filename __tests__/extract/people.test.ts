import { buildArticle } from '../../src/ingest/article';
import { peopleExtractor } from '../../src/extract/people';
import { emptyVocabulary } from '../../src/text/vocabulary';
import type { Article, PersonValue } from '../../src/types';

function article(text: string): Article {
  const r = buildArticle('a.txt', '/tmp/a.txt', `---\npublished: 2024-03-10\n---\n${text}`);
  if (!r.ok) throw new Error('bad article');
  return r.value;
}

function people(text: string): PersonValue[] {
  const a = article(text);
  const claims = peopleExtractor.extract(a, {}, []);
  for (const c of claims) expect(a.text.slice(c.span.start, c.span.end)).toBe(c.span.text);
  return claims.map((c) => c.value as PersonValue);
}

describe('people: full names found', () => {
  test.each([
    ['The harbor master, Liesel Okonkwo-Brandt, closed the port on Tuesday.', 'Liesel Okonkwo-Brandt', undefined],
    ['Officials said Dr. Amara Velasquez led the rescue.', 'Amara Velasquez', 'Dr'],
    ['Mullah Harun Zadran, the district elder, spoke first.', 'Harun Zadran', 'Mullah'],
    ['A statement came from Qari Nasrullah Wardak on Monday.', 'Nasrullah Wardak', 'Qari'],
    ['The visit by President Elena Marchetti ended early.', 'Elena Marchetti', 'President'],
    ['Mayor Tobias Renner and his aides left.', 'Tobias Renner', 'Mayor'],
    ['Port Minister Karim Abdul Haqqani resigned.', 'Karim Abdul Haqqani', 'Minister'],
    ['The deal was signed by Osman bin Tariq in the capital.', 'Osman bin Tariq', undefined],
    ['Okafor Lindqvist said the bridge would reopen.', 'Okafor Lindqvist', undefined],
    // After a title, initials and one surname are a name.
    ['Meanwhile, Port Chief K Varga thanked the crews.', 'K Varga', 'Chief'],
    ['The harbor chief K Varga spoke first.', 'K Varga', undefined],
  ])('%s -> %s', (text, name, honorific) => {
    const found = people(text);
    expect(found.map((p) => p.name)).toEqual([name]);
    expect(found[0].honorific).toBe(honorific);
    expect(found[0].key).toBe(name.toLowerCase());
    expect(found[0].surname).toBe(name.split(' ').pop());
  });

  // A middle initial stays in the name (its period too) and in the key; the surname is the last word.
  test.each([
    ['Port official Mara J. Tennent said the ferry left at noon.', 'Mara J. Tennent', 'mara j tennent', 'Mara J.'],
    ['The ferry left at noon, said Ivo K. Brandt, a port official.', 'Ivo K. Brandt', 'ivo k brandt', 'Ivo K.'],
    ['Jane W Roe spoke first.', 'Jane W Roe', 'jane w roe', 'Jane W'],
  ])('middle initial: %s -> %s', (text, name, key, given) => {
    expect(people(text)).toEqual([expect.objectContaining({ name, key, given, surname: name.split(' ').pop() })]);
  });

  test('given name and key with diacritics folded', () => {
    const [p] = people('The report quoted José Ñúñez Ortega at length.');
    expect(p).toMatchObject({ name: 'José Ñúñez Ortega', key: 'jose nunez ortega', given: 'José Ñúñez', surname: 'Ortega' });
  });

  test('a surname later is not a new person claim, each full mention is', () => {
    const found = people('Liesel Okonkwo met reporters. Okonkwo said little. Later Liesel Okonkwo left.');
    expect(found.map((p) => p.name)).toEqual(['Liesel Okonkwo', 'Liesel Okonkwo']);
  });
});

describe('people: not people', () => {
  test.each([
    // Initials and one word with no title before them are no name.
    'The report by K Varga arrived late.',
    ['He posted the message on Harbor Social before noon.'],
    ['Reporters waited outside the White House all day.'],
    ['The Air Force flew two planes over the Coral Sea.'],
    ['Groups such as Harbor Rights Watch and Amnesty International objected.'],
    ['Multiple Velorian officials rejected the plan.'],
    ['However Nobody came to the meeting.'],
    ['The Great Game went on for decades in the Middle East.'],
    ['Port Authority Rejects Governor\'s Demand For New Bridge\nThe governor spoke on Monday.'],
    ['They met on Sunday September 3 in the United Kingdom.'],
    // A capital letter that ends a sentence is no middle initial: "Then" opens the next one.
    ['They chose Plan B. Then it failed.'],
    ['The U.S. Treasury said so on Monday.'],
    ['"If Velora wants peace, it must talk," the envoy said.'],
  ])('%s', (text) => {
    expect(people(text)).toEqual([]);
  });

  test('a headline name counts only when the body names the person too', () => {
    const found = people('Mayor Tobias Renner Defends Budget\n\nOn Monday, Tobias Renner spoke.');
    expect(found.map((p) => p.name)).toEqual(['Tobias Renner', 'Tobias Renner']);
    expect(people('Mayor Tobias Renner Defends Budget\n\nThe mayor spoke.')).toEqual([]);
  });

  test('never throws on odd input', () => {
    for (const s of ['', '"', '\u201c\u201c\u201c', 'A B C D E F G H', '— (@x)', 'Dr.', 'Mr. Mr. Mr.']) expect(() => people(s)).not.toThrow();
  });
});

describe('a title of several capitalized words before the name', () => {
  const { buildArticle } = require('../../src/ingest/article') as typeof import('../../src/ingest/article');
  const { loadRules } = require('../../src/rules/loader') as typeof import('../../src/rules/loader');
  const { extractArticle } = require('../../src/pipeline') as typeof import('../../src/pipeline');
  const loaded = loadRules([]);
  if (!loaded.ok) throw new Error('rules');
  const people = (text: string) => {
    const r = buildArticle('a.txt', '/x/a.txt', text);
    if (!r.ok) throw new Error('article');
    return extractArticle(r.value, {}).filter((c) => c.kind === 'person').map((c) => c.span.text);
  };
  test.each([
    ['Fire Chief Helga Marsch said the roof fell.', ['Helga Marsch']],
    ['Crews fought on, Harbour Master Tomas Leclair said.', ['Tomas Leclair']],
    ['The Saltmere Grain Cooperative said it would rebuild.', []],
    ['Jane Roe King spoke first.', []],
  ])('%s', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });
});
