import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { removeTempDirs, tempDir } from '../gate/helpers';
import { privateKeyFolder } from '../trust/helpers';
import { decisionsReader } from '../../src/review/decisions';

/*
 * Inputs that once hung, ran out of memory, crashed with a stack or were misread: each is made here in a
 * temporary folder, run through the CLI in this process, and must end with its exit code and message.
 * None may print "internal error", which is kept for real bugs.
 */

afterAll(removeTempDirs);
jest.setTimeout(60_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as bin/corroborate.js runs it: a thrown error is an "internal error", exit 2. */
async function cli(cwd: string, args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    code = await main(['node', 'corroborate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  } catch (err) {
    stderr += `corroborate: internal error: ${(err as Error)?.stack ?? String(err)}\n`;
    code = 2;
  }
  return { code, stdout, stderr };
}

const A_TEXT = '---\npublished: 2026-03-02\n---\nThe ferry Marisol carried 1,200 passengers near Quillan harbor on Sunday, Mayor Ilse Brand said.\n';
const B_TEXT = '---\npublished: 2026-03-03\n---\nThe ferry Marisol carried 1,020 passengers near Quillan harbor on Sunday, Mayor Ilse Brand said.\n';

let template = '';
beforeAll(async () => {
  privateKeyFolder();
  template = tempDir('corroborate-hostile-');
  mkdirSync(join(template, 'articles'));
  writeFileSync(join(template, 'articles', 'a.md'), A_TEXT);
  writeFileSync(join(template, 'articles', 'b.md'), B_TEXT);
  const r = await cli(template, ['extract', 'articles', '--out', 'claims', '-q']);
  if (r.code !== 0) throw new Error(r.stderr);
});

/** A fresh copy of the workspace: articles/a.md (1,200 passengers), articles/b.md (1,020), claims/ of both. */
function workspace(): string {
  const dir = tempDir('corroborate-hostile-');
  cpSync(template, dir, { recursive: true });
  return dir;
}

const fifo = (path: string) => execFileSync('mkfifo', [path]);
/** A sparse file of `bytes` bytes: nothing is written, so 600 MB costs no disk and no time. */
const sparse = (path: string, bytes: number) => {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
};
const MB = 1024 * 1024;

type Row = [name: string, setup: (dir: string) => void, args: string[], code: number, stderr: RegExp];

const SPECIAL_FILES: Row[] = [
  ['a FIFO named as an article', (d) => fifo(join(d, 'articles', 'pipe.md')), ['check', 'articles/pipe.md', 'articles/a.md'], 2, /^articles\/pipe\.md:1:1: not a regular file/m],
  // Found in a folder or by a pattern, a special file is no article: left out with a warning naming it.
  ['a FIFO in the article folder', (d) => fifo(join(d, 'articles', 'pipe.md')), ['check', 'articles'], 1, /^warning: pipe\.md:1:1: not a regular file \(a device, FIFO or socket\), so not an article; skipped$/m],
  ['a FIFO matched by a pattern', (d) => fifo(join(d, 'articles', 'pipe.md')), ['check', 'articles/*.md', '--fail-on', 'never'], 0, /^warning: articles\/pipe\.md:1:1: not a regular file \(a device, FIFO or socket\), so not an article; skipped$/m],
  ['a FIFO as the store', (d) => fifo(join(d, 'store')), ['gate', 'articles/b.md', '--against', 'store'], 2, /^store:1:1: not a folder/m],
  ['a FIFO as a claims file in the store', (d) => fifo(join(d, 'claims', 'pipe.md.yaml')), ['validate', 'claims'], 2, /^claims\/pipe\.md\.yaml:1:1: not a regular file/m],
  ['a FIFO as --decisions', (d) => fifo(join(d, 'd.yaml')), ['check', 'articles', '--decisions', 'd.yaml'], 2, /^d\.yaml:1:1: not a regular file/m],
  ['a FIFO as the store\'s decisions.yaml', (d) => fifo(join(d, 'claims', 'decisions.yaml')), ['gate', 'articles/b.md', '--against', 'claims'], 2, /decisions\.yaml:1:1: not a regular file/m],
  ['a FIFO as corpus.yaml', (d) => fifo(join(d, 'articles', 'corpus.yaml')), ['check', 'articles'], 2, /^corpus\.yaml:1:1: not a regular file/m],
  ['a FIFO as --rules', (d) => fifo(join(d, 'r')), ['check', 'articles', '--rules', 'r'], 2, /^r:1:1: rules folder not found/m],
  ['a FIFO as a rule file', (d) => (mkdirSync(join(d, 'my-rules')), fifo(join(d, 'my-rules', 'x.yaml'))), ['check', 'articles', '--rules', 'my-rules'], 2, /^my-rules\/x\.yaml:1:1: not a regular file/m],
  ['a FIFO as --baseline', (d) => fifo(join(d, 'bl.yaml')), ['gate', 'articles/b.md', '--against', 'claims', '--baseline', 'bl.yaml'], 2, /^bl\.yaml:1:1: not a regular file/m],
  ['a FIFO as .corroboraterc.yaml', (d) => fifo(join(d, '.corroboraterc.yaml')), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:1:1: not a regular file/m],
  ['a FIFO as --files-from', (d) => fifo(join(d, 'list')), ['gate', '--files-from', 'list', '--against', 'claims'], 2, /^list:1:1: not a regular file/m],
  // The index is the store's own cache: one that cannot be read is rebuilt, and the gate still decides.
  ['a FIFO as the store index', (d) => fifo(join(d, 'claims', '.corroborate-index.json')), ['gate', 'articles/b.md', '--against', 'claims', '-q'], 1, /^$/],
  ['/dev/zero as an article', () => undefined, ['check', '/dev/zero', 'articles/a.md'], 2, /zero:1:1: not a regular file/m],
];

const SIZES: Row[] = [
  ['an article over --max-article-bytes', (d) => writeFileSync(join(d, 'articles', 'big.md'), A_TEXT + 'More words. '.repeat(200)), ['check', 'articles', '--max-article-bytes', '2000'], 2, /^big\.md:1:1: \d+ bytes, larger than the --max-article-bytes limit of 2000 bytes/m],
  ['the same, --skip-unreadable', (d) => writeFileSync(join(d, 'articles', 'big.md'), A_TEXT + 'More words. '.repeat(200)), ['check', 'articles', '--max-article-bytes', '2000', '--skip-unreadable', '--fail-on', 'never'], 0, /^warning: big\.md:1:1: .*limit of 2000 bytes; skipped$/m],
  ['a 600 MB article (refused before it is read)', (d) => sparse(join(d, 'articles', 'huge.md'), 600 * MB), ['check', 'articles/huge.md'], 2, /^articles\/huge\.md:1:1: 629145600 bytes, larger than the --max-article-bytes limit of 10 MiB/m],
  ['a 100 MB claims file', (d) => sparse(join(d, 'claims', 'huge.md.yaml'), 100 * MB), ['validate', 'claims'], 2, /^claims\/huge\.md\.yaml:1:1: 104857600 bytes, larger than the YAML file limit of 16 MiB/m],
  ['a 100 MB rule file', (d) => (mkdirSync(join(d, 'my-rules')), sparse(join(d, 'my-rules', 'x.yaml'), 100 * MB)), ['check', 'articles', '--rules', 'my-rules'], 2, /^my-rules\/x\.yaml:1:1: .*larger than the YAML file limit of 16 MiB/m],
  ['a 100 MB baseline', (d) => sparse(join(d, 'bl.yaml'), 100 * MB), ['gate', 'articles/b.md', '--against', 'claims', '--baseline', 'bl.yaml'], 2, /^bl\.yaml:1:1: .*larger than the YAML file limit of 16 MiB/m],
  ['a 100 MB decisions file', (d) => sparse(join(d, 'd.yaml'), 100 * MB), ['check', 'articles', '--decisions', 'd.yaml'], 2, /^d\.yaml:1:1: .*larger than the YAML file limit of 16 MiB/m],
];

/** Hostile YAML, each with where and what the refusal says. */
const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n');
const YAML_CASES: [string, string, RegExp][] = [
  ['an undefined alias *x', 'format: *x\n', /:1:9: alias \*x is not defined before it is used$/m],
  ['more than 100 aliases', `a: &x 1\nb: [${Array(101).fill('*x').join(', ')}]\n`, /:2:\d+: more than 100 aliases$/m],
  ['an alias bomb', BOMB, /:\d+:\d+: aliases expand to more than 100 copies \(an alias bomb\?\)$/m],
  ['flow nesting 5,000 deep', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /:1:\d+: nested (too deeply to read|deeper than 100 levels)/m],
  ['block nesting 5,000 deep', `a:\n${'- '.repeat(5000)}x\n`, /:2:\d+: nested (too deeply to read|deeper than 100 levels)/m],
  ['a line indented 5,000 columns', `a:\n${' '.repeat(5000)}b: 1\n`, /:2:1: indented more than 1000 columns$/m],
  ['a duplicate key', 'format: x\nformat: y\n', /:2:1: duplicate key "format": keys of a mapping must be unique$/m],
  ['a __proto__ key', '__proto__: { polluted: yes }\n', /:1:1: unknown key "__proto__"/m],
  ['.nan', 'format: .nan\n', /:1:9: \.nan is not a finite number$/m],
  ['-.inf', 'format: -.inf\n', /:1:9: -\.inf is not a finite number$/m],
];
/** Every kind of YAML file the CLI reads, where it goes and the command that reads it. */
const YAML_KINDS: [string, string, string[], string][] = [
  ['a claims file', 'claims/bad.md.yaml', ['validate', 'claims'], 'claims/bad\\.md\\.yaml'],
  ['a rule file', 'my-rules/bad.yaml', ['check', 'articles', '--rules', 'my-rules'], 'my-rules/bad\\.yaml'],
  ['.corroboraterc.yaml', '.corroboraterc.yaml', ['check', 'articles'], '\\.corroboraterc\\.yaml'],
  ['a decisions file', 'd.yaml', ['check', 'articles', '--decisions', 'd.yaml'], 'd\\.yaml'],
  ['a baseline', 'bl.yaml', ['gate', 'articles/b.md', '--against', 'claims', '--baseline', 'bl.yaml'], 'bl\\.yaml'],
  ['corpus.yaml', 'articles/corpus.yaml', ['check', 'articles'], 'corpus\\.yaml'],
];
const YAML_ROWS: Row[] = YAML_KINDS.flatMap(([kind, path, args, shown]) =>
  YAML_CASES.map(([what, text, message]): Row => [
    `${what} in ${kind}`,
    (d) => {
      mkdirSync(join(d, path, '..'), { recursive: true });
      writeFileSync(join(d, path), text);
    },
    args,
    2,
    new RegExp(`^${shown}${message.source.replace(/^\^?/, '')}`, 'm'),
  ]),
);

const RC: Row[] = [
  ['.corroboraterc.yaml: rules: 5', (d) => writeFileSync(join(d, '.corroboraterc.yaml'), 'rules: 5\n'), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:1:8: rules must be string$/m],
  ['.corroboraterc.yaml: an unknown key', (d) => writeFileSync(join(d, '.corroboraterc.yaml'), 'rule: my-rules\n'), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:1:1: unknown key "rule" \(did you mean rules\?\)$/m],
  ['.corroboraterc.yaml: malformed', (d) => writeFileSync(join(d, '.corroboraterc.yaml'), 'rules: [my-rules\n'), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:\d+:\d+: /m],
  ['.corroboraterc.yaml: a folder that is not there', (d) => writeFileSync(join(d, '.corroboraterc.yaml'), 'rules: my-rules\n'), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:1:8: rules folder "my-rules" not found$/m],
  ['.corroboraterc.yaml: a list', (d) => writeFileSync(join(d, '.corroboraterc.yaml'), '- rules\n'), ['check', 'articles'], 2, /^\.corroboraterc\.yaml:1:1: configuration must be object$/m],
];

/** A stored claims file with one line changed. */
const editClaims = (d: string, from: RegExp, to: string) => {
  const path = join(d, 'claims', 'a.md.yaml');
  const text = readFileSync(path, 'utf8');
  if (!from.test(text)) throw new Error(`no ${from} in the claims file`);
  writeFileSync(path, text.replace(from, to));
};
const CLAIMS: Row[] = [
  ['a claims file with id: ../../etc/passwd', (d) => editClaims(d, /^  id: a\.md$/m, '  id: ../../etc/passwd'), ['validate', 'claims'], 2, /^claims\/a\.md\.yaml:\d+:7: article\.id "\.\.\/\.\.\/etc\/passwd" must be a relative path inside the folder/m],
  ['a claims file with an absolute id', (d) => editClaims(d, /^  id: a\.md$/m, '  id: /etc/passwd'), ['check', 'claims'], 2, /^claims\/a\.md\.yaml:\d+:7: article\.id "\/etc\/passwd" must be a relative path/m],
  ['a claims file with .inf as a value', (d) => editClaims(d, /^(\s+)low: 1200$/m, '$1low: .inf'), ['validate', 'claims'], 2, /^claims\/a\.md\.yaml:\d+:\d+: \.inf is not a finite number$/m],
  ['validate: a decisions.yaml in the store that gate and review would refuse', (d) => writeFileSync(join(d, 'claims', 'decisions.yaml'), 'decisions: *x\n'), ['validate', 'claims'], 2, /^claims\/decisions\.yaml:1:12: alias \*x is not defined before it is used$/m],
  ['a claims file with .nan as a value', (d) => editClaims(d, /^(\s+)high: 1200$/m, '$1high: .nan'), ['gate', 'articles/b.md', '--against', 'claims'], 2, /^claims\/a\.md\.yaml:\d+:\d+: \.nan is not a finite number$/m],
];

/** An article of its own beside a.md (1,200 passengers): the run must find no conflict. */
const beside = (text: string, encoding?: 'utf32le' | 'utf32be') => (d: string) => {
  const path = join(d, 'articles', 'c.md');
  if (!encoding) return writeFileSync(path, text);
  const units = [0xfeff, ...Array.from(text, (ch) => ch.codePointAt(0) as number)];
  const buf = Buffer.alloc(units.length * 4);
  units.forEach((u, i) => (encoding === 'utf32le' ? buf.writeUInt32LE(u, i * 4) : buf.writeUInt32BE(u, i * 4)));
  writeFileSync(path, buf);
};
const same = (figure: string) => A_TEXT.replace('1,200', figure);
const TEXT: Row[] = [
  ['a zero-width space inside "1,200"', beside(same('1,2\u200b00')), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 0, /^$/],
  ['a zero-width joiner inside "1200"', beside(same('12\u200d00')), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 0, /^$/],
  ['right-to-left override around the figure', beside(same('\u202e1,200\u202c')), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 0, /^$/],
  ['Arabic-Indic digits', beside(same('\u0661\u0662\u0660\u0660')), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 0, /^$/],
  ['fullwidth digits', beside(same('\uff11\uff12\uff10\uff10')), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 0, /^$/],
  ['a UTF-32 LE article with a byte-order mark', beside(same('1,020'), 'utf32le'), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 1, /^$/],
  ['a UTF-32 BE article with a byte-order mark', beside(same('1,020'), 'utf32be'), ['check', 'articles/a.md', 'articles/c.md', '--fail-on', 'conflict', '-q'], 1, /^$/],
  ['a year past 9999', beside('---\npublished: 2026-03-02\n---\nThe dam at Quillan opened on January 1, 99999, the agency said.\n'), ['check', 'articles/c.md', '-q'], 0, /^warning: articles\/c\.md:4:30: "January 1, 99999" not read: a year past 9999 \(dates\)$/m],
];

const ALL: Row[] = [...SPECIAL_FILES, ...SIZES, ...YAML_ROWS, ...RC, ...CLAIMS, ...TEXT];

describe('hostile inputs: exit code and message, never an internal error', () => {
  test.each(ALL)('%s', async (_name, setup, args, code, stderr) => {
    const dir = workspace();
    setup(dir);
    const r = await cli(dir, args);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(code);
  });
});

describe('names and numbers with invisible characters are read as the names and numbers they show', () => {
  test.each([
    ['decomposed accents (NFD)', 'Jose\u0301 Garci\u0301a, the harbor master, said the quay was closed on Monday.', 'José García', 'Jose\u0301 Garci\u0301a'],
    ['a zero-width space inside a name', 'Ma\u200brit Olsen, the harbor master, said the quay was closed on Monday.', 'Marit Olsen', 'Ma\u200brit Olsen'],
  ])('%s: one person, named as shown, with a span of the text as written', async (_name, body, name, spanText) => {
    const dir = workspace();
    writeFileSync(join(dir, 'articles', 'c.md'), `---\npublished: 2026-03-02\n---\n${body}\n`);
    const r = await cli(dir, ['extract', 'articles/c.md', '--out', 'out', '-q']);
    expect(r.code).toBe(0);
    const { parse } = require('yaml') as typeof import('yaml');
    const file = parse(readFileSync(join(dir, 'out', 'articles', 'c.md.yaml'), 'utf8')) as { claims: { kind: string; span: { text: string }; value: { name?: string } }[] };
    const people = file.claims.filter((c) => c.kind === 'person');
    expect(people.map((c) => [c.value.name, c.span.text])).toEqual([[name, spanText]]);
  });
});

describe('the review server reads its decisions file again only when it changed', () => {
  test('same size, time and inode: the parse is kept; a save (a new file renamed in) is read', () => {
    const dir = tempDir('corroborate-hostile-');
    const path = join(dir, 'decisions.yaml');
    writeFileSync(path, 'format: corroborate/decisions@1\ndecisions:\n  "quantity:a1": { status: accepted }\n');
    const read = decisionsReader(path);
    const first = read();
    if (!first.ok) throw new Error('decisions');
    // A caller may change what it was given; the next read is not changed by it.
    first.value.clear();
    const again = read();
    expect(again.ok && [...again.value.keys()]).toEqual(['quantity:a1']);
    writeFileSync(join(dir, 'next.yaml'), 'format: corroborate/decisions@1\ndecisions:\n  "quantity:b2": { status: rejected }\n');
    require('node:fs').renameSync(join(dir, 'next.yaml'), path);
    const changed = read();
    expect(changed.ok && [...changed.value.keys()]).toEqual(['quantity:b2']);
  });
});

describe('a claims file no reader would open is not written', () => {
  test('claims past the YAML file limit: exit 2 naming the article, nothing written', () => {
    const { buildArticle } = require('../../src/ingest/article') as typeof import('../../src/ingest/article');
    const { writeClaimsToStore } = require('../../src/gate/store') as typeof import('../../src/gate/store');
    const { Failure } = require('../../src/util/problem') as typeof import('../../src/util/problem');
    const dir = tempDir('corroborate-hostile-');
    const article = buildArticle('long.md', join(dir, 'long.md'), 'The quay was closed on Monday.\n');
    if (!article.ok) throw new Error('article');
    // One claim whose quoted words alone pass 16 MiB (as the claims of a long, figure-dense article do).
    const claim = { id: 'quote@0-5', source: 'long.md', kind: 'quote', extractor: 'quotes', span: { start: 0, end: 5, text: 'The q', line: 1, column: 1 }, value: { type: 'quote', words: 'w'.repeat(17 * MB) } };
    let thrown: unknown;
    try {
      writeClaimsToStore(join(dir, 'store'), [article.value], new Map([['long.md', [claim as never]]]));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Failure);
    expect((thrown as Error).message).toMatch(/^long\.md:1:1: its claims take \d+ bytes of YAML, past the YAML file limit of 16 MiB/);
    expect(require('node:fs').existsSync(join(dir, 'store', 'long.md.yaml'))).toBe(false);
  });
});
