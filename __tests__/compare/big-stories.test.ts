import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Extracted, lookAlikes, manyOutlets, scoreReport, type StoryCorpus } from '../../src/bench/big-stories';
import type { BaseStory } from '../../src/bench/real-like';
import { MAX_BUCKET } from '../../src/compare/engine';
import { checkClaims } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import type { Article, Claim, RuleSet } from '../../src/types';

// The shipped example, one story told by four outlets, told again by many: by forty outlets at once, and
// as thirty look-alike stories of other towns and people. Both are larger than one block key can pair
// whole (MAX_BUCKET claims), so they exercise twins and the split by story; the measurements at full
// size (two hundred outlets, five hundred stories) are in `npm run bench`.
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'ferry-strike');
const example: BaseStory = {
  name: 'ferry-strike',
  articles: readdirSync(EXAMPLE)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(EXAMPLE, file), 'utf8') })),
};

const rules: RuleSet = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules');
  return r.value;
})();

function check(corpus: StoryCorpus, ex: Extracted) {
  const articles: Article[] = [];
  const claims = new Map<string, Claim[]>();
  for (const [id, text] of corpus.articles) {
    const got = ex.claims(id, text);
    articles.push(got.article);
    claims.set(id, got.claims);
  }
  return checkClaims(articles, claims, rules);
}

describe('big stories keep their findings', () => {
  test('one story told by forty outlets: every planted conflict and every conflict of the story alone, no claim unpaired', () => {
    const ex = new Extracted();
    const corpus = manyOutlets([example], 0, 40, 6, 11, rules, ex);
    expect(corpus.planted.length).toBeGreaterThanOrEqual(4);
    const report = check(corpus, ex);
    // Large enough that some block key holds more claims than one bucket pairs whole.
    expect(report.summary.claims / example.articles.length).toBeGreaterThan(MAX_BUCKET);
    expect(report.unpaired).toBeUndefined();
    const score = scoreReport(corpus, report.findings);
    expect(score.found).toBe(score.planted);
    expect(score.aloneKept).toBe(score.alonePairs);
    expect(score.alonePairs).toBeGreaterThan(0);
    expect(score.right).toBe(score.pairs);
  });

  test('thirty look-alike stories of three outlets: planted conflicts found, none across stories', () => {
    const ex = new Extracted();
    const corpus = lookAlikes([example], 30, 3, 12, rules, ex);
    expect(corpus.planted.length).toBeGreaterThanOrEqual(10);
    const report = check(corpus, ex);
    expect(report.unpaired).toBeUndefined();
    const score = scoreReport(corpus, report.findings);
    expect(score.found).toBe(score.planted);
    expect(score.right).toBe(score.pairs);
    expect(score.aloneKept).toBe(score.alonePairs);
  });
});
