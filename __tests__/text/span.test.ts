import { computeLineStarts, lineColumn, makeSpan } from '../../src/text/span';
import { splitSentences } from '../../src/lang/sentences';

describe('computeLineStarts and lineColumn', () => {
  test.each([
    ['LF', 'ab\ncd', 3, { line: 2, column: 1 }],
    ['CRLF', 'ab\r\ncd', 4, { line: 2, column: 1 }],
    ['lone CR', 'ab\rcd', 4, { line: 2, column: 2 }],
    ['first char', 'abc', 0, { line: 1, column: 1 }],
    ['end of last line', 'ab\ncd', 5, { line: 2, column: 3 }],
    ['blank lines', 'a\n\n\nb', 4, { line: 4, column: 1 }],
  ])('%s', (_name, text, offset, expected) => {
    expect(lineColumn(computeLineStarts(text), offset)).toEqual(expected);
  });

  test('makeSpan slices exactly and refuses ranges outside the text', () => {
    const text = 'Mayor Lena Varga said\nthe bridge opened.';
    const span = makeSpan(text, computeLineStarts(text), 22, 32);
    expect(span).toEqual({ start: 22, end: 32, text: 'the bridge', line: 2, column: 1 });
    expect(() => makeSpan(text, computeLineStarts(text), 5, 999)).toThrow(RangeError);
  });
});

describe('splitSentences', () => {
  const cases: [string, string, string[]][] = [
    ['two plain sentences', 'The ferry left. It sank.', ['The ferry left.', 'It sank.']],
    ['abbreviation before a title', 'U.S. President Ada Ross spoke. She left.', ['U.S. President Ada Ross spoke.', 'She left.']],
    ['abbreviation before lower case', 'U.S. and allied troops left. Then calm.', ['U.S. and allied troops left.', 'Then calm.']],
    ['honorific', 'Dr. Omar Hale agreed. Nobody else did.', ['Dr. Omar Hale agreed.', 'Nobody else did.']],
    ['closing quote stays with its sentence', '"We will not go." He left.', ['"We will not go."', 'He left.']],
    ['curly closing quote', '\u201cNever again.\u201d She smiled.', ['\u201cNever again.\u201d', 'She smiled.']],
    ['ellipsis followed by lower case continues', 'We will see... if they come, we fight.', ['We will see... if they come, we fight.']],
    ['line break ends a headline', 'Ferry Strike Ends\nWorkers returned on Monday.', ['Ferry Strike Ends', 'Workers returned on Monday.']],
    ['decimal number is not a boundary', 'It rose 3.5 percent. Then fell.', ['It rose 3.5 percent.', 'Then fell.']],
    ['exclamations', 'BAD NEWS!!! Really? Yes.', ['BAD NEWS!!!', 'Really?', 'Yes.']],
    ['month abbreviation', 'It opened on Sept. 21 last year. Fine.', ['It opened on Sept. 21 last year.', 'Fine.']],
    // A time's "p.m." ends the sentence unless a zone, weekday, month or "Eastern" follows.
    ['time before a new sentence', 'It hit Harl at 8:31 p.m. Watch it here.', ['It hit Harl at 8:31 p.m.', 'Watch it here.']],
    ['time before its zone and day', 'It hit at 9 p.m. EDT Tuesday near Harl. Fine.', ['It hit at 9 p.m. EDT Tuesday near Harl.', 'Fine.']],
    ['time before "Eastern"', 'It hit at 9 p.m. Eastern, officials said. Fine.', ['It hit at 9 p.m. Eastern, officials said.', 'Fine.']],
    ['middle initial', 'Port official Mara J. Tennent said it left. Fine.', ['Port official Mara J. Tennent said it left.', 'Fine.']],
    ['middle initial after "said"', 'It left at noon, said Ivo K. Brandt. Fine.', ['It left at noon, said Ivo K. Brandt.', 'Fine.']],
    ['a letter before a sentence opener ends it', 'They chose Plan B. Then it failed.', ['They chose Plan B.', 'Then it failed.']],
    ['a letter after a lower-case word ends it', 'He got a grade of B. Tennent did not.', ['He got a grade of B.', 'Tennent did not.']],
    ['a letter before a lower-case word continues', 'Vitamin D. levels fell.', ['Vitamin D. levels fell.']],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  test('offsets respect the range given', () => {
    const text = '---\ntitle: x\n---\nOne. Two.';
    const out = splitSentences(text, 17);
    expect(out.map((s) => text.slice(s.start, s.end))).toEqual(['One.', 'Two.']);
    expect(out[0].start).toBe(17);
  });
});
