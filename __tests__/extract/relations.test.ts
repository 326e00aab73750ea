import { buildArticle } from '../../src/ingest/article';
import { extractArticle } from '../../src/pipeline';
import { loadRules } from '../../src/rules/loader';
import { relationPatternLiterals, relationsIn } from '../../src/extract/relations';
import type { RelationValue } from '../../src/types';

const rules = (() => {
  const r = loadRules([]);
  if (!r.ok) throw new Error('rules do not load');
  return r.value;
})();

/** "subject.attribute=value <span>" for each relation claim of a one-article text. */
function relations(text: string): string[] {
  const built = buildArticle('a.txt', 'a.txt', text, { published: '2025-06-15' });
  if (!built.ok) throw new Error('article does not build');
  return extractArticle(built.value, {}).filter((c) => c.kind === 'relation').map((c) => {
    const v = c.value as RelationValue;
    return `${c.subject!.key}.${c.attribute}=${v.key} <${c.span.text}>`;
  });
}

describe('relations between named things', () => {
  test.each([
    // Which carrier operated the flight.
    ['A Northwind Air flight landed hard at Dunmore.', ['aircraft.operator=northwind air <Northwind Air flight>']],
    ['The Lakeline Airways plane landed hard at Dunmore.', ['aircraft.operator=lakeline airways <Lakeline Airways plane>']],
    ['Northwind Air\'s jet landed hard at Dunmore.', ['aircraft.operator=northwind air <Northwind Air\'s jet>']],
    ['The jet, operated by Northwind Air, landed hard.', ['aircraft.operator=northwind air <operated by Northwind Air>']],
    ['Northwind Connection Flight 212 landed hard.', ['aircraft.operator=northwind connection <Northwind Connection Flight 212>']],
    ['A Northwind Air-operated jet landed hard.', ['aircraft.operator=northwind air <Northwind Air-operated jet>']],
    ['A Storm Hawk helicopter flew over the bay.', []],
    // The flag a ship flies: the country, from a country or its adjective.
    ['A Liberia-flagged tanker ran aground near Keswick.', ['ship.flag=liberia <Liberia-flagged>']],
    ['The tanker, flying the Liberian flag, ran aground.', ['ship.flag=liberia <flying the Liberian flag>']],
    ['A Liberian-registered oil tanker ran aground.', ['ship.flag=liberia <Liberian-registered>']],
    ['The freighter was registered in Panama, officials said.', ['ship.flag=panama <registered in Panama>']],
    ['A Velmarian-flagged tanker ran aground.', []],
    // The route.
    ['The plane, flying from Dunmore to Keswick, landed hard.', [
      'aircraft.route-origin=dunmore <from Dunmore>',
      'aircraft.route-destination=keswick <to Keswick>',
    ]],
    ['The Dunmore-Keswick ferry sank on Monday.', [
      'ship.route-origin=dunmore <Dunmore-Keswick ferry>',
      'ship.route-destination=keswick <Dunmore-Keswick ferry>',
    ]],
    ['The museum is open from Monday to Friday.', []],
    // Who owns what.
    ['Velmar Bank, owned by Tarrow Group, closed on Friday.', ['velmar bank.owner=tarrow group <Velmar Bank, owned by Tarrow Group>']],
    ['Tarrow Group, the parent company of Velmar Bank, fell.', ['velmar bank.owner=tarrow group <Tarrow Group, the parent company of Velmar Bank>']],
    ['Shares of Tarrow Group, the parent company of Velmar Bank, fell.', ['velmar bank.owner=tarrow group <Tarrow Group, the parent company of Velmar Bank>']],
    ["Velmar Bank's parent company, Tarrow Group, fell.", ['velmar bank.owner=tarrow group <Velmar Bank\'s parent company, Tarrow Group>']],
    ['The tanker, owned by Tarrow Shipping, ran aground.', ['ship.owner=tarrow shipping <tanker, owned by Tarrow Shipping>']],
    ['The tanker, owned by the port, ran aground.', []],
    ["Tarrow Group's subsidiary Velmar Bank closed.", ['velmar bank.owner=tarrow group <Tarrow Group\'s subsidiary Velmar Bank>']],
  ])('%s', (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });

  test('an article that speaks of two trains claims no route of "the train"', () => {
    expect(relations('The train from Dunmore to Keswick derailed. Another train from Tarrow hit it.')).toEqual([]);
  });

  test('"the two aircraft" of a jet and a helicopter leaves the jet\'s operator', () => {
    expect(relations('A Northwind Air jet and an army helicopter collided. The two aircraft fell into the bay.')).toEqual([
      'aircraft.operator=northwind air <Northwind Air jet>',
    ]);
  });

  test('offsets are into the sentence', () => {
    const s = 'Yesterday a Northwind Air flight landed.';
    const [f] = relationsIn(s);
    expect(s.slice(f.start, f.end)).toBe('Northwind Air flight');
  });
});

describe('relations: a pattern is searched only in sentences holding one of its words', () => {
  test('generated sentences: every match holds one of its pattern\'s words', () => {
    const pieces = [
      'Northwind', 'Air', 'Tarrow', 'Group', 'Velmar', 'Bank', 'Flight', 'flight', '212', 'jet', 'tanker', '-operated', '-run', '-Operated',
      ',', ' owned by', ' Owned by', ' a subsidiary of', ' a unit of', ' part of', ' the parent company of', ' its parent', ' holding company',
      "'s", '\u2019s', ' subsidiary', ' unit', ' owner', ' the', ' which is', ' is', ' of', ' and', ' & ', ' new',
    ];
    const seps = [' ', ' ', '', '  ', '\t'];
    let seed = 17;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    const patterns = relationPatternLiterals();
    const missing: string[] = [];
    let matches = 0;
    for (let k = 0; k < 6000; k++) {
      let sentence = '';
      for (let i = next(10) + 2; i > 0; i--) sentence += pieces[next(pieces.length)] + seps[next(seps.length)];
      for (const { pattern, literals } of patterns) {
        for (const m of sentence.matchAll(new RegExp(pattern.source, pattern.flags))) {
          matches++;
          if (!literals.some((l) => m[0].includes(l))) missing.push(`${pattern.source.slice(0, 20)}: ${m[0]}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The sentences do hold matches of the patterns.
    expect(matches).toBeGreaterThan(200);
  });
});
