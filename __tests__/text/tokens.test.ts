import { buildArticle } from '../../src/ingest/article';
import { bodyTokens, bodyWords, dropPossessive, firstTokens, foldKey, lowerCaseWords, lowerPlain, rangeTokens, startsUpper, tokenize } from '../../src/text/tokens';
import { isSpaceCode } from '../../src/text/scan';
import { wordTokens } from '../../src/extract/people/runs';

// The tokenizer as a regex, as it was first written: the hand-written scan must give the same tokens.
function byRegex(text: string, from = 0, to = text.length) {
  const re = /[\p{L}\p{N}]+(?:[\u2019'.\-][\p{L}\p{N}]+)*\.?/gu;
  re.lastIndex = from;
  const out: { text: string; start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index >= to) break;
    let word = m[0];
    if (word.endsWith('.') && !/\.[\p{L}]\.$/u.test(word) && !/^\p{L}\.$/u.test(word)) word = word.slice(0, -1);
    const end = Math.min(m.index + word.length, to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return out;
}

function article(text: string) {
  const r = buildArticle('a.txt', '/x/a.txt', text);
  if (!r.ok) throw new Error('article');
  return r.value;
}

describe('tokenize', () => {
  test.each([
    ["The ferry doesn't sail to Porthaven.", ['The', 'ferry', "doesn't", 'sail', 'to', 'Porthaven']],
    ['U.S. officials and W. Roe met.', ['U.S.', 'officials', 'and', 'W.', 'Roe', 'met']],
    ['a two-decade war, version 3.0.', ['a', 'two-decade', 'war', 'version', '3.0']],
    ['Jos\u00e9 O\u2019Neil paid \u06f1\u06f2\u06f4 rials', ['Jos\u00e9', 'O\u2019Neil', 'paid', '\u06f1\u06f2\u06f4', 'rials']],
    // A letter outside the BMP is one code point of two units; a lone surrogate is no letter.
    ['\u{1D400}bc \ud835 x', ['\u{1D400}bc', 'x']],
    ['-- ... --', []],
  ])('%s', (text, words) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(words);
    expect(tokenize(text)).toEqual(byRegex(text));
  });

  test.each([
    ['The ferry sailed.', 4, 12],
    ['The ferry sailed.', 5, 17],
    ['U.S. ships', 0, 3],
    // From the middle of a surrogate pair a Unicode regex starts at the pair: so does tokenize.
    ['\u{1D400}bc d', 1, 6],
  ])('range of %s [%d, %d)', (text, from, to) => {
    expect(tokenize(text, from, to)).toEqual(byRegex(text, from, to));
  });

  test('the same tokens as the regex on generated text', () => {
    const chars = ['a', 'Z', '0', '.', '-', "'", '\u2019', ' ', '\n', '\u00e9', '\u{1D7CE}', '\ud835', '_', '\u0661'];
    let seed = 7;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 1000;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let i = next() % 25; i > 0; i--) text += chars[next() % chars.length];
      const from = next() % (text.length + 1);
      const to = next() % (text.length + 2);
      expect(tokenize(text, from, to)).toEqual(byRegex(text, from, to));
    }
  });

  test('firstTokens stops after `limit` tokens that `keep` accepts', () => {
    const text = 'said the harbor chief Helga Marsh on Monday';
    const caps = firstTokens(text, 0, text.length, 2, (t) => /^[A-Z]/.test(t.text));
    expect(caps.map((t) => t.text)).toEqual(['Helga', 'Marsh']);
  });
});

// A token's word and offsets: a body token also carries the people word data, which `tokenize` leaves out.
const plain = (ts: readonly { text: string; start: number; end: number }[]) => ts.map((t) => ({ text: t.text, start: t.start, end: t.end }));

describe('bodyTokens and rangeTokens: one tokenization per article', () => {
  const text = '---\npublished: 2025-09-21\n---\nThe ferry left at 9 a.m. on Monday. "We sailed," Roe said.\nU.S. crews waited.';
  const a = article(text);

  test('bodyTokens is tokenize from the body start', () => {
    expect(plain(bodyTokens(a))).toEqual(plain(tokenize(text, a.bodyStart)));
  });

  test('each sentence reads the tokens of tokenize', () => {
    for (const s of a.sentences) expect(plain(rangeTokens(a, s.start, s.end))).toEqual(plain(tokenize(text, s.start, s.end)));
  });

  test.each([
    // Inside a word, inside a trailing period, before the body, past the end.
    [text.indexOf('erry'), text.length],
    [text.indexOf('a.m.') + 2, text.indexOf('Monday')],
    [0, 20],
    [text.indexOf('crews'), text.length + 5],
  ])('a range [%d, %d) anywhere gives what tokenize gives', (from, to) => {
    expect(plain(rangeTokens(a, from, to))).toEqual(plain(tokenize(text, from, to)));
  });

  test('every range of the body gives what tokenize gives', () => {
    const wrong: [number, number][] = [];
    for (let from = a.bodyStart; from <= text.length; from++) {
      for (let to = from; to <= text.length + 1; to++) {
        if (JSON.stringify(plain(rangeTokens(a, from, to))) !== JSON.stringify(plain(tokenize(text, from, to)))) wrong.push([from, to]);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('body tokens carry the people word data in place', () => {
  const text = "Mayor Ilka Varn's office opened on Tuesday.\nVarn said the pier reopened.";

  test('the word data leaves every body token as tokenize gives it', () => {
    const a = article(text);
    const before = plain(tokenize(text, a.bodyStart));
    wordTokens(a);
    expect(plain(bodyTokens(a))).toEqual(before);
    for (const s of a.sentences) expect(plain(rangeTokens(a, s.start, s.end))).toEqual(plain(tokenize(text, s.start, s.end)));
  });

  test.each([
    // word, its word token's text, lower, cap, possessive, initial
    ['Mayor', 'Mayor', 'mayor', true, false, true],
    ["Varn's", 'Varn', 'varn', true, true, false],
    ['office', 'office', 'office', false, false, false],
    ['Varn', 'Varn', 'varn', true, false, true],
  ])('%s -> word token %s (%s, cap %s, possessive %s, initial %s)', (word, wText, lower, cap, possessive, initial) => {
    const a = article(text);
    const start = text.indexOf(word === 'Varn' ? '\nVarn' : word) + (word === 'Varn' ? 1 : 0);
    const w = wordTokens(a).find((t) => t.start === start)!;
    expect({ text: w.text, lower: w.lower, cap: w.cap, possessive: w.possessive, initial: w.initial }).toEqual({ text: wText, lower, cap, possessive, initial });
    // "Varn's" is the body token "Varn's" and the word token "Varn": two objects, the body's one untouched.
    const b = bodyTokens(a).find((t) => t.start === start)!;
    expect(b.text).toBe(word);
    expect(b === w).toBe(!possessive);
  });
});

describe('bodyWords: the word data read in the one scan of the body', () => {
  const text = 'The U.S. envoy met NATO staff in Z\u00fcrich.\nJos\u00e9 O\u2019Neil\u2019s aide said: "Talks resume." B52 crews left.';
  const a = article(text);

  test.each([
    // word as written, its word token's text, lower, cap, possessive, initial
    ['U.S.', 'U.S.', 'us', false, false, false],
    ['NATO', 'NATO', 'nato', false, false, false],
    ['Z\u00fcrich', 'Z\u00fcrich', 'z\u00fcrich', true, false, false],
    ['Jos\u00e9', 'Jos\u00e9', 'jos\u00e9', true, false, true],
    ['O\u2019Neil\u2019s', 'O\u2019Neil', "o'neil", true, true, false],
    ['Talks', 'Talks', 'talks', true, false, true],
    ['B52', 'B52', 'b52', false, false, true],
    ['staff', 'staff', 'staff', false, false, false],
  ])('%s -> %s (%s, cap %s, possessive %s, initial %s)', (word, wText, lower, cap, possessive, initial) => {
    const w = bodyWords(a).find((t) => t.start === text.indexOf(word))!;
    expect({ text: w.text, lower: w.lower, cap: w.cap, possessive: w.possessive, initial: w.initial }).toEqual({ text: wText, lower, cap, possessive, initial });
  });

  test('one word token per body token, in the same order', () => {
    expect(bodyWords(a).map((t) => t.start)).toEqual(bodyTokens(a).map((t) => t.start));
  });
});

describe('isSpaceCode matches /\\s/', () => {
  test.each([[' ', true], ['\t', true], ['\n', true], ['\u00a0', true], ['\u2009', true], ['\u3000', true], ['a', false], ['\u200b', false], ['_', false]])(
    '%j -> %s',
    (ch, space) => {
      expect(isSpaceCode(ch.charCodeAt(0))).toBe(space);
      expect(/\s/.test(ch)).toBe(space);
    },
  );
});

describe('word helpers', () => {
  test.each([
    ['Roe', true],
    ['roe', false],
    ['2021', false],
    ['\u00c9lise', true],
    ['\u00e9lise', false],
    ['', false],
  ])('startsUpper(%s)', (w, expected) => expect(startsUpper(w)).toBe(expected));

  test.each([
    ['O\u2019Neil', "o'neil"],
    ['Roe', 'roe'],
  ])('lowerPlain(%s)', (w, expected) => expect(lowerPlain(w)).toBe(expected));

  test.each([
    ["ruritania's", 'ruritania'],
    ['ruritania\u2019s', 'ruritania\u2019s'],
    ['boss', 'boss'],
  ])('dropPossessive(%s)', (w, expected) => expect(dropPossessive(w)).toBe(expected));
});

describe('foldKey: the key form of a name', () => {
  // The whole folding, each step as it is defined.
  const folded = (s: string) =>
    s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\./g, '').replace(/\s+/g, ' ').trim().toLowerCase();

  test.each([
    ['Dr. Jos\u00e9  O\u2019Neil', 'dr jose o\'neil'],
    ['Jane Roe', 'jane roe'],
    [' Jane\tRoe ', 'jane roe'],
    ['J.R. Harl', 'jr harl'],
    ['', ''],
  ])('%j -> %j', (name, key) => {
    expect(foldKey(name)).toBe(key);
  });

  test('generated names: the same key as every step of the folding', () => {
    const pieces = ['Jane', 'ROE', 'o', ' ', ' ', '  ', '\t', '\n', '.', "'", '\u2019', 'Jos\u00e9', 'e\u0301', '\u00a0', '-', '\u00c6', '\ufb01'];
    let seed = 9;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 3000; k++) {
      let name = '';
      for (let i = next(6); i > 0; i--) name += pieces[next(pieces.length)];
      expect([name, foldKey(name)]).toEqual([name, folded(name)]);
    }
  });
});

describe('lowerCaseWords: the words an article also writes in lower case', () => {
  test.each([
    ['The Harbor Board met by the harbor.', { harbor: true, board: false, the: true, met: true, tobin: false }],
    ['Port Tobin said. port officials agreed.', { port: true, tobin: false, said: true, officials: true }],
    ['Nothing Capitalized Here At All.', { nothing: false, here: false, at: false }],
    ['all lower case here', { all: true, lower: true, there: false }],
  ] as [string, Record<string, boolean>][])('%s', (body, expected) => {
    const words = lowerCaseWords(article(body));
    const got: Record<string, boolean> = {};
    for (const w of Object.keys(expected)) got[w] = words.has(w);
    expect(got).toEqual(expected);
  });

  test('generated text: the same answers as a set of every lower-case word', () => {
    const pieces = ['Harl', 'harl', 'Port', 'port', 'the', 'The', 'of', 'Of', "Roe's", "roe's", 'U.S.', 'us', 'Jos\u00e9', 'jos\u00e9', 'x2', 'X2'];
    let seed = 13;
    // A 32-bit LCG in integer arithmetic (Math.imul), so that every draw keeps its low bits.
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    for (let k = 0; k < 300; k++) {
      let body = '';
      for (let i = next(12) + 1; i > 0; i--) body += pieces[next(pieces.length)] + (next(5) === 0 ? '. ' : ' ');
      const a = article(body);
      const expected = new Set(bodyWords(a).filter((t) => !startsUpper(t.text)).map((t) => t.lower));
      const words = lowerCaseWords(a);
      for (const q of ['harl', 'port', 'the', 'of', 'roe', 'us', 'jos\u00e9', 'x2', 'none']) expect([body, q, words.has(q)]).toEqual([body, q, expected.has(q)]);
    }
  });
});

describe('a body is read into tokens once, however long, and let go of once its extraction is over', () => {
  const { forgetArticle } = require('../../src/text/lookup') as typeof import('../../src/text/lookup');
  const { extractArticle } = require('../../src/pipeline') as typeof import('../../src/pipeline');

  test('a 9 MB body: every extractor reads the one set of tokens (made afresh for each, they took 3x the time and more memory at once)', () => {
    const line = "On Monday, Mayor Ilse Brand's office said the ferry Marisol carried 1,200 passengers to Quillan.\n";
    const a = article(line.repeat(Math.ceil((9 << 20) / line.length)));
    const words = bodyWords(a);
    expect(bodyWords(a)).toBe(words);
    expect(bodyTokens(a)).toBe(bodyTokens(a));
    // The same word is one string wherever it stands: "Mayor" of the first line and of the last.
    const mayors = words.filter((w) => w.text === 'Mayor');
    expect(mayors.length).toBeGreaterThan(90_000);
    expect(new Set(mayors.map((w) => w.lower)).size).toBe(1);
    expect(mayors[mayors.length - 1].cap).toBe(true);
    forgetArticle(a);
    expect(bodyWords(a)).not.toBe(words);
  });

  test('extractArticle lets go of the memos of the article it read: asked again, the tokens are read afresh, the same', () => {
    const a = article('Port chief Ilse Brand said the ferry Marisol carried 1,200 passengers on May 3, 2024.\n');
    const before = bodyWords(a);
    const claims = extractArticle(a, {});
    expect(claims.length).toBeGreaterThan(2);
    const after = bodyWords(a);
    expect(after).not.toBe(before);
    expect(after.map((w) => [w.text, w.start, w.end, w.lower, w.cap, w.possessive, w.initial])).toEqual(before.map((w) => [w.text, w.start, w.end, w.lower, w.cap, w.possessive, w.initial]));
    // The claims are what a second run gives: memos only spare work.
    expect(extractArticle(a, {})).toEqual(claims);
  });
});
