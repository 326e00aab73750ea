import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasJoining, aliasOf, canonicalKey } from '../../src/text/aliases';
import { loadRules } from '../../src/rules/loader';
import { emptyVocabulary, VOCABULARY_KINDS } from '../../src/text/vocabulary';
import { buildArticle } from '../../src/ingest/article';
import { checkClaims, extractArticle } from '../../src/pipeline';
import type { Article, RuleSet } from '../../src/types';

function vocabulary(sets: string[][]) {
  const v = emptyVocabulary();
  VOCABULARY_KINDS.find((k) => k.id === 'alias')!.merge(v, { sets }, 'story-people');
  return v;
}

describe('canonicalKey / aliasOf / aliasJoining', () => {
  const v = vocabulary([['bartholomew k. quillfeather', 'bk quillfeather', 'bkq'], ['united states', 'us', 'u.s.']]);
  test.each([
    ['bkq', 'bartholomew k quillfeather'],
    ['BK Quillfeather', 'bartholomew k quillfeather'],
    ['Bartholomew K. Quillfeather', 'bartholomew k quillfeather'],
    ['the us', 'united states'],
    ['The U.S.', 'united states'],
    // Not an alias: the key itself, untouched.
    ['bart quillfeather', 'bart quillfeather'],
    ['', ''],
  ])('canonicalKey(%j) = %j', (key, expected) => {
    expect(canonicalKey(key, v)).toBe(expected);
  });

  test.each([
    ['bkq', 'bartholomew k quillfeather', 'story-people'],
    ['bk quillfeather', 'bkq', 'story-people'],
    ['the us', 'united states', 'story-people'],
    ['bkq', 'bkq', undefined],
    ['bkq', 'united states', undefined],
    ['bart quillfeather', 'bartholomew quillfeather', undefined],
  ])('aliasJoining(%j, %j) -> rule %j', (a, b, rule) => {
    expect(aliasJoining(a, b, v)?.rule).toBe(rule);
  });

  test('an empty vocabulary knows no alias', () => {
    expect(aliasOf('bkq', emptyVocabulary())).toBeUndefined();
  });
});

/** Two invented articles about one person under two names, compared with and without the user's alias rule. */
describe('an alias rule in a user folder joins two names end to end', () => {
  const userDir = mkdtempSync(join(tmpdir(), 'corroborate-alias-'));
  writeFileSync(join(userDir, 'story-people.yaml'), 'extends: alias\nparams:\n  sets:\n    - [bartholomew quillfeather, bart quillfeather, bkq]\n');
  const withAlias = loadRules([userDir], { cwd: userDir });
  const shipped = loadRules([]);
  if (!withAlias.ok || !shipped.ok) throw new Error('rules do not load');

  const A = 'Harbor master Bartholomew Quillfeather inspected the pier on Monday.\n"The pier will reopen in the spring," Bartholomew Quillfeather said.\n';
  const B = 'Former harbor master Bart Quillfeather inspected the pier on Monday.\n"The pier will reopen in the spring," BKQ said.\n';

  function findings(rules: RuleSet) {
    const articles: Article[] = [];
    for (const [id, text] of [['a.txt', A], ['b.txt', B]]) {
      const built = buildArticle(id, id, text, { published: '2025-06-15' });
      if (!built.ok) throw new Error(JSON.stringify(built.error));
      articles.push(built.value);
    }
    const claims = new Map(articles.map((a) => [a.id, extractArticle(a, {})]));
    const report = checkClaims(articles, claims, rules);
    return (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => ({ verdict: f.verdict, readings: f.readings.map((r) => r.display).sort(), rules: f.relations.map((r) => r.rule) }));
  }

  test.each([
    ['name-spelling', [{ verdict: 'variant', readings: ['Bart Quillfeather', 'Bartholomew Quillfeather'], rules: ['story-people'] }]],
    ['quote-speaker', [{ verdict: 'agree', readings: ['BKQ', 'Bartholomew Quillfeather'], rules: ['story-people'] }]],
    ['title-match', [{ verdict: 'conflict', readings: ['Former harbor master', 'Harbor master'], rules: [undefined] }]],
  ])('with the alias, %s', (rule, expected) => {
    expect(findings(withAlias.value)(rule)).toEqual(expected);
  });

  test.each([
    // Without the alias: "Bart" and "Bartholomew" are two given names, so no name or title finding joins them,
    // and the quote is given to two different speakers.
    ['name-spelling', []],
    ['title-match', []],
  ])('without the alias, %s finds nothing', (rule, expected) => {
    expect(findings(shipped.value)(rule)).toEqual(expected);
  });

  test('without the alias, the same words given to BKQ are not agreed to be one speaker', () => {
    const verdicts = findings(shipped.value)('quote-speaker').map((f) => f.verdict);
    expect(verdicts).not.toContain('agree');
  });
});
