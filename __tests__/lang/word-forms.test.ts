import { lemma, singularNoun } from '../../src/lang/word-forms';

// Forms a suffix stripper gets wrong, each with the dictionary form a reader would give.
const LEMMAS: [string, string][] = [
  // Words that end like an inflection or a derivation and are none.
  ['station', 'station'], ['nation', 'nation'], ['nations', 'nation'], ['evening', 'evening'],
  ['evenings', 'evening'], ['morning', 'morning'], ['ceiling', 'ceiling'], ['spring', 'spring'],
  ['thing', 'thing'], ['nothing', 'nothing'], ['during', 'during'], ['king', 'king'], ['news', 'news'],
  ['status', 'status'], ['crisis', 'crisis'], ['across', 'across'], ['press', 'press'], ['gas', 'gas'],
  ['bus', 'bus'], ['series', 'series'], ['species', 'species'], ['physics', 'physics'], ['politics', 'politics'],
  ['headquarters', 'headquarters'], ['hundred', 'hundred'], ['seed', 'seed'], ['bed', 'bed'], ['need', 'need'],
  ['speed', 'speed'], ['unit', 'unit'], ['unity', 'unity'], ['ship', 'ship'], ['declaration', 'declaration'],
  ['payment', 'payment'],
  // Regular verbs: "stated" must not meet "station".
  ['stated', 'state'], ['states', 'state'], ['stating', 'state'], ['united', 'unite'], ['unites', 'unite'],
  ['constructed', 'construct'], ['planned', 'plan'], ['carrying', 'carry'], ['carried', 'carry'],
  ['tied', 'tie'], ['tying', 'tie'], ['died', 'die'], ['dying', 'die'], ['used', 'use'], ['killing', 'kill'],
  ['rebuilding', 'rebuild'], ['reported', 'report'], ['sings', 'sing'],
  // Irregular verbs.
  ['led', 'lead'], ['fled', 'flee'], ['kept', 'keep'], ['withdrew', 'withdraw'], ['began', 'begin'],
  ['begun', 'begin'], ['said', 'say'], ['told', 'tell'], ['built', 'build'], ['met', 'meet'], ['sent', 'send'],
  ['spent', 'spend'], ['rose', 'rise'], ['risen', 'rise'], ['fell', 'fall'], ['fallen', 'fall'],
  ['lain', 'lie'], ['ate', 'eat'], ['eaten', 'eat'], ['wrote', 'write'], ['written', 'write'],
  ['thought', 'think'], ['brought', 'bring'], ['caught', 'catch'], ['taught', 'teach'], ['sought', 'seek'],
  ['fought', 'fight'], ['bought', 'buy'], ['struck', 'strike'], ['stuck', 'stick'], ['swam', 'swim'],
  ['went', 'go'], ['gone', 'go'], ['was', 'be'], ['were', 'be'], ['is', 'be'], ['been', 'be'], ['has', 'have'],
  ['does', 'do'], ['did', 'do'],
  // Regular and irregular plurals.
  ['buses', 'bus'], ['ties', 'tie'], ['analyses', 'analysis'], ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'], ['indices', 'index'], ['appendices', 'appendix'], ['crises', 'crisis'],
  ['women', 'woman'], ['children', 'child'], ['people', 'person'], ['feet', 'foot'], ['mice', 'mouse'],
  ['geese', 'goose'], ['knives', 'knife'], ['oxen', 'ox'], ['sheep', 'sheep'], ['fish', 'fish'],
  ['passengers', 'passenger'], ['families', 'family'], ['ferries', 'ferry'], ['harbors', 'harbor'],
  ['universities', 'university'], ['negotiations', 'negotiation'], ['agreements', 'agreement'],
  ['evictions', 'eviction'], ['officers', 'officer'], ['troops', 'troop'], ['crosses', 'cross'],
  // Comparatives.
  ['larger', 'large'], ['largest', 'large'], ['better', 'good'], ['worst', 'bad'],
  // Not in WordNet: the regular plural is undone.
  ['humvees', 'humvee'], ['f-16s', 'f-16'],
  // Case and possessives are not part of the word.
  ['Stated', 'state'], ["Velmar's", 'velmar'], ['Velmar\u2019s', 'velmar'],
  // A noun sent to the verb of its event (lang/en/word-forms.yaml, matching-lemmas), so the two meet.
  ['withdrawal', 'withdraw'], ['elections', 'elect'], ['deaths', 'die'],
  // A hyphenated compound the dictionary does not hold reads as its head, the last part.
  ['soft-landed', 'land'], ['re-elected', 'elect'], ['co-founded', 'found'], ['two-decade', 'decade'],
  // Not when the head is no word of letters, or the first part is one letter.
  ['velmar-4', 'velmar-4'], ['x-ray', 'x-ray'],
];

describe('lemma: the dictionary form, by the part of speech a word most often has', () => {
  test.each(LEMMAS)('%s -> %s', (word, expected) => {
    expect(lemma(word)).toBe(expected);
  });

  test('the table holds at least 100 forms', () => {
    expect(LEMMAS.length).toBeGreaterThanOrEqual(100);
  });

  test('"station" and "stated" do not share a lemma', () => {
    expect(lemma('station')).not.toBe(lemma('stated'));
  });
});

describe('singularNoun: the counted noun of a count', () => {
  test.each([
    ['workers', 'worker'], ['casualties', 'casualty'], ['buses', 'bus'], ['churches', 'church'],
    ['people', 'person'], ['lives', 'life'], ['leaves', 'leaf'], ['police', 'police'], ['staff', 'staff'],
    ['aircraft', 'aircraft'], ['series', 'series'], ['species', 'species'], ['news', 'news'],
    ['crosses', 'cross'], ['analyses', 'analysis'], ['humvees', 'humvee'],
  ])('%s -> %s', (word, expected) => {
    expect(singularNoun(word)).toBe(expected);
  });
});
