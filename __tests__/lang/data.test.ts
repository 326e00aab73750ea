import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANG_DIR, LangDataError, loadLangData } from '../../src/lang/load';
import {
  CALENDAR_WORDS_SET, LONG_COMPOUND_UNITS, MONTHS, MONTH_NAMES, MONTH_SOURCE, NUMBER_NOUNS, NUMBER_WORDS, ONE_UNIT_NAMES, SCALE_WORDS, SENTENCE_ABBREVIATIONS,
  SPELLED_SCALES_AFTER_A, SPELLED_SCALES_INSIDE, WEEKDAYS, WEEKDAY_NAMES,
} from '../../src/lang/words';
import { lookupUnit } from '../../src/normalize/units';

describe('lang/en: the shipped data loads and fits its schemas', () => {
  // One loader for the whole folder: a YAML file in lang/en that it does not read would be data no schema
  // checks and no claims file's language fingerprint covers.
  test('every file of the folder is read', () => {
    const data = loadLangData();
    const files = readdirSync(LANG_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.length).toBe(20);
    expect(Object.keys(data).sort()).toEqual(files.sort());
  });

  test.each([
    ['sept', 9],
    ['september', 9],
    ['may', 5],
    ['dec', 12],
  ])('month %s -> %d', (word, n) => {
    expect(MONTHS[word]).toBe(n);
  });

  test('names for display and weekdays from Sunday', () => {
    expect(MONTH_NAMES[9]).toBe('September');
    expect(WEEKDAY_NAMES[0]).toBe('Sunday');
    expect(WEEKDAYS.thurs).toBe(4);
  });

  test.each([
    ['September', 'September'],
    ['Sept', 'Sept'],
    ['Jan', 'Jan'],
    ['May', 'May'],
  ])('the month regex reads %s whole', (text, matched) => {
    expect(new RegExp(`^${MONTH_SOURCE}`).exec(text)?.[0]).toBe(matched);
  });

  test.each([
    ['sept', true],
    ['monday', true],
    // "Sun Li said": a weekday abbreviation may start a name, so it is no calendar word here.
    ['sun', false],
    ['sat', false],
  ])('%s is a calendar word: %s', (w, yes) => {
    expect(CALENDAR_WORDS_SET.has(w)).toBe(yes);
  });

  test.each(['sept', 'sun', 'dr', 'u.s'])('"%s." ends no sentence', (w) => {
    expect(SENTENCE_ABBREVIATIONS.has(w)).toBe(true);
  });

  test.each(['two', 'forty', 'hundreds', 'dozens', 'third', 'half'])('%s is a number word', (w) => {
    expect(NUMBER_WORDS.has(w)).toBe(true);
  });
});

describe('lang/en: a mistake names its file, line and column', () => {
  function brokenCopy(file: string, edit: (s: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'lang-'));
    cpSync(LANG_DIR, dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return dir;
  }

  test.each([
    // A number noun whose value is a word.
    ['numbers.yaml', (s: string) => s.replace('number-nouns: {dozen: 12,', 'number-nouns: {dozen: twelve,'), /numbers\.yaml:\d+:\d+: \/number-nouns\/dozen must be integer/],
    // A word listed twice.
    ['stopwords.yaml', (s: string) => s.replace('negators: [not,', 'negators: [not, not,'), /stopwords\.yaml:\d+:\d+: \/negators: an entry is listed twice/],
    // An unknown key.
    ['word-forms.yaml', (s: string) => s + '\nplurals-typo: []\n', /word-forms\.yaml:\d+:1: file: unknown key "plurals-typo"/],
    // An upper-case word: every entry is lower case.
    ['people.yaml', (s: string) => s.replace('honorifics: [\n  mr,', 'honorifics: [\n  Mr,'), /people\.yaml:8:3: \/honorifics\/0 must match pattern/],
  ])('%s', (file, edit, message) => {
    const dir = brokenCopy(file, edit);
    expect(() => loadLangData(dir)).toThrow(LangDataError);
    expect(() => loadLangData(dir)).toThrow(message);
  });
});

describe('lang/en: lists that name entries of other lists', () => {
  test.each([...ONE_UNIT_NAMES, ...LONG_COMPOUND_UNITS])('"%s" is a duration unit of units.yaml', (name) => {
    expect(lookupUnit(name)?.dimension).toBe('duration');
  });
  test.each([...SPELLED_SCALES_AFTER_A, ...SPELLED_SCALES_INSIDE])('"%s" is a scale word or number noun of numbers.yaml', (w) => {
    expect(SCALE_WORDS[w] ?? NUMBER_NOUNS[w]).toBeDefined();
  });
});
