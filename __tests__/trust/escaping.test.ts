import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControls, oneLine } from '../../src/util/control';
import { removeTempDirs } from '../gate/helpers';
import { COAST_TEXT, corroborate, newsroom } from './helpers';

/*
 * Names and text from strangers are escaped where they go: control characters on stdout and stderr
 * (a terminal would obey ESC c, ESC ( 0, a DCS), line breaks in the claims file's header comment,
 * workflow-command properties and SARIF URIs.
 */

afterAll(removeTempDirs);

// Raw control characters a terminal would act on: C0 but tab and line feed, DEL, C1, a CR not before LF.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

describe('escapeControls and oneLine', () => {
  test.each([
    ['plain text', 'The ferry, 1,200 aboard.\n', 'The ferry, 1,200 aboard.\n', 'The ferry, 1,200 aboard.\\u000a'],
    ['ESC c (reset)', 'a\u001bcb', 'a\\u001bcb', 'a\\u001bcb'],
    ['ESC ( 0 (line drawing)', '\u001b(0x', '\\u001b(0x', '\\u001b(0x'],
    ['a DCS string', '\u001bP1$r\u001b\\', '\\u001bP1$r\\u001b\\', '\\u001bP1$r\\u001b\\'],
    ['C1 CSI', '\u009b31m', '\\u009b31m', '\\u009b31m'],
    ['a lone CR', 'failed\rpassed', 'failed\\u000dpassed', 'failed\\u000dpassed'],
    ['CRLF and tab kept on the terminal', 'a\tb\r\nc', 'a\tb\r\nc', 'a\tb\\u000d\\u000ac'],
    ['DEL and BEL', 'x\u007f\u0007', 'x\\u007f\\u0007', 'x\\u007f\\u0007'],
    ['Unicode line separators', 'a\u2028b\u2029c', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('%s', (_name, input, terminal, comment) => {
    expect(escapeControls(input)).toBe(terminal);
    expect(oneLine(input)).toBe(comment);
    expect(oneLine(input)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  test('JSON with C1 characters escaped parses to the same value', () => {
    const value = { text: 'a\u009bb\u0085c' };
    expect(JSON.parse(escapeControls(JSON.stringify(value)))).toEqual(value);
  });
});

/** File names a pull request could add. */
const HOSTILE_NAMES: [string, string][] = [
  ['a newline and a YAML key', 'coast\nformat: other.md'],
  ['ESC c', 'coast\u001bc.md'],
  ['ESC ( 0', 'coast\u001b(0.md'],
  ['a DCS string', 'coast\u001bP0;1|x\u001b\\.md'],
  ['a CR that rewrites the line', 'coast\rgate passed.md'],
  ['a C1 CSI', 'coast\u009b2J.md'],
  ['workflow-command syntax', 'coast::error::x,line=1%0A.md'],
];

/** The coast article, its text seeded with terminal escapes too. */
const HOSTILE_TEXT = COAST_TEXT.replace('the coast guard said', 'the coast guard \u001b]0;owned\u0007said \u001bc');

describe.each(HOSTILE_NAMES)('an article named with %s', (_label, name) => {
  function room(): string {
    const dir = newsroom();
    writeFileSync(join(dir, 'new', name), HOSTILE_TEXT);
    return dir;
  }

  test('extract writes a claims file that validates (the name does not break its header comment)', async () => {
    const dir = room();
    expect((await corroborate(dir, 'extract', 'new', '--out', 'claims', '-q')).code).toBe(0);
    expect(readdirSync(join(dir, 'claims'))).toContain(`${name}.yaml`);
    const text = readFileSync(join(dir, 'claims', `${name}.yaml`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# corroborate claims for ${oneLine(name)}`);
    const v = await corroborate(dir, 'validate', 'claims');
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  test('gate: no raw control character on stdout or stderr, in any format', async () => {
    const dir = room();
    for (const format of ['markdown', 'json', 'sarif', 'github', 'junit']) {
      const r = await corroborate(dir, 'gate', `new/${name}`, '--against', 'claims', '--format', format);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
  });

  test('gate --format github: one workflow command per line, the name escaped inside its property', async () => {
    const dir = room();
    const r = await corroborate(dir, 'gate', `new/${name}`, '--against', 'claims', '--format', 'github');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    // Workflow commands, and the renderer's one plain summary line.
    for (const line of lines) expect(line).toMatch(/^(::(error|warning|notice) |corroborate: \d+ articles)/);
    const error = lines.find((l) => l.startsWith('::error '))!;
    const file = /file=([^,]*)/.exec(error)![1];
    expect(file).not.toMatch(/[:\n\r]/);
  });

  test('gate --format sarif: valid JSON whose URI decodes to the file', async () => {
    const dir = room();
    const r = await corroborate(dir, 'gate', `new/${name}`, '--against', 'claims', '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    const uris: string[] = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.map((u) => decodeURIComponent(u))).toContain(`new/${name}`);
  });
});
