import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sha256 } from '../../src/claims/io';
import { handWrittenCountClaims, removeTempDirs, tempDir, writeTree } from '../gate/helpers';
import { PORT_TEXT, corroborate, newsroom, portClaims } from './helpers';

/*
 * Fail closed, and stay inside the folders given: a claims file or article that cannot be read makes
 * check, gate and validate exit 2 naming it (or, with --skip-unreadable, is listed and left out); a
 * symlink out of the article folder or the store is skipped with a warning; a claims file's
 * article.file is read only inside the article root (--root, else the folder holding the store) and
 * only when it is a regular file.
 */

afterAll(removeTempDirs);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Ways a file in the store can be impossible to read. */
const UNREADABLE: [string, (path: string) => void][] = [
  ['a dangling symlink (git can commit one)', (p) => symlinkSync(join(p, '..', 'no-such-target.yaml'), p)],
  ['a FIFO', (p) => execFileSync('mkfifo', [p])],
  ...(isRoot ? [] : ([['a file without read permission', (p: string) => (writeFileSync(p, portClaims()), chmodSync(p, 0))]] as [string, (p: string) => void][])),
];

/** The commands that read a store, with what they give on a store that reads. */
const READERS: [string, (dir: string, ...extra: string[]) => Promise<{ code: number; stdout: string; stderr: string }>, number][] = [
  ['check claims/ --fail-on conflict', (dir, ...extra) => corroborate(dir, 'check', 'claims', '--fail-on', 'conflict', '-q', ...extra), 0],
  ['gate new/coast.md', (dir, ...extra) => corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '-q', ...extra), 1],
  ['gate --no-index', (dir, ...extra) => corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--no-index', '-q', ...extra), 1],
  ['validate claims/', (dir, ...extra) => corroborate(dir, 'validate', 'claims', ...extra), 0],
];

describe('a claims file that cannot be read fails the run, exit 2, naming it', () => {
  const cases = UNREADABLE.flatMap(([how, make]) => READERS.map(([cmd, run, ok]) => [how, cmd, make, run, ok] as const));
  test.each(cases)('%s, %s', async (_how, _cmd, make, run, ok) => {
    const dir = newsroom();
    make(join(dir, 'claims', 'ghost.md.yaml'));
    const r = await run(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims\/ghost\.md\.yaml:1:1: /m);
    // --skip-unreadable: listed, counted, and the run goes on without it.
    const skipped = await run(dir, '--skip-unreadable');
    expect(skipped.code).toBe(ok);
    expect(skipped.stderr).toMatch(/^warning: claims\/ghost\.md\.yaml:1:1: .*; skipped$/m);
    expect(skipped.stderr).toMatch(/^warning: 1 unreadable file skipped \(--skip-unreadable\)$/m);
  });

  test('a store whose only claims file cannot be read is still a store (told by its names), not an empty articles folder', async () => {
    const dir = tempDir('corroborate-trust-');
    mkdirSync(join(dir, 'claims'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'claims', 'port.md.yaml'));
    const r = await corroborate(dir, 'check', 'claims', '--fail-on', 'conflict');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claims\/port\.md\.yaml:1:1: cannot be read/m);
    expect(r.stdout).not.toMatch(/0 articles/);
  });
});

describe('an article that cannot be read fails the run, exit 2, naming it', () => {
  const ARTICLES: [string, (path: string) => void][] = [
    ['a dangling symlink', (p) => symlinkSync(join(p, '..', 'nowhere.md'), p)],
    ['a binary file', (p) => writeFileSync(p, Buffer.from([0x41, 0, 0x42]))],
    ...(isRoot ? [] : ([['a file without read permission', (p: string) => (writeFileSync(p, 'The ferry Marisol sailed.\n'), chmodSync(p, 0))]] as [string, (path: string) => void][])),
  ];
  test.each(ARTICLES)('%s: gate and check exit 2; --skip-unreadable lists it and goes on', async (_how, make) => {
    const dir = newsroom();
    make(join(dir, 'new', 'bad.md'));
    for (const args of [['gate', 'new', '--against', 'claims'], ['check', 'new']]) {
      const r = await corroborate(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bad\.md:1:1: /m);
      const skipped = await corroborate(dir, ...args, '--skip-unreadable', '--format', 'json');
      expect(skipped.stderr).toMatch(/^warning: bad\.md:1:1: .*; skipped$/m);
      expect(skipped.stderr).toMatch(/1 unreadable file skipped/);
    }
    // The gate without the bad file still finds the conflict with the store.
    const gate = await corroborate(dir, 'gate', 'new', '--against', 'claims', '--skip-unreadable', '-q');
    expect(gate.code).toBe(1);
  });
});

describe('a special file is no article: found in a folder or by a pattern it is skipped with a warning; named, exit 2', () => {
  /** Ways to put a special file at `path`; each gives back what to undo once the runs are over. */
  const SPECIAL: [string, (path: string) => Promise<() => Promise<void>>, string[]][] = [
    ['a FIFO', async (p) => (execFileSync('mkfifo', [p]), async () => {}), []],
    [
      'a socket',
      (p) =>
        new Promise((done) => {
          const server = createServer().listen(p, () => done(() => new Promise<void>((closed) => server.close(() => closed()))));
        }),
      [],
    ],
    // A device node needs root to make: a symlink to /dev/null, followed, leads to one.
    ['a device (through a symlink, --follow-symlinks)', async (p) => (symlinkSync('/dev/null', p), async () => {}), ['--follow-symlinks']],
  ];
  const WARNING = (id: string) => `warning: ${id}:1:1: not a regular file (a device, FIFO or socket), so not an article; skipped\n`;

  test.each(SPECIAL)('%s in the article folder or matched by a pattern: a warning naming it, the run goes on', async (_kind, make, extra) => {
    const dir = newsroom();
    const undo = await make(join(dir, 'new', 'odd.md'));
    try {
      for (const [args, id, code] of [
        [['check', 'new'], 'odd.md', 0],
        [['check', 'new/*.md'], 'new/odd.md', 0],
        [['gate', 'new', '--against', 'claims'], 'odd.md', 1],
        [['gate', 'new/*.md', '--against', 'claims'], 'new/odd.md', 1],
      ] as [string[], string, number][]) {
        const r = await corroborate(dir, ...args, ...extra, '--format', 'json');
        expect({ args, code: r.code }).toEqual({ args, code });
        expect(r.stderr).toContain(WARNING(id));
        expect(JSON.parse(r.stdout).summary.articles).toBe(args[0] === 'gate' ? 2 : 1);
        // Quiet: no warning, the same exit.
        const quiet = await corroborate(dir, ...args, ...extra, '-q');
        expect({ args, code: quiet.code, stderr: quiet.stderr }).toEqual({ args, code, stderr: '' });
      }
    } finally {
      await undo();
    }
  });

  test.each(SPECIAL)('%s named on the command line: exit 2 naming it; --skip-unreadable lists it and goes on', async (_kind, make, extra) => {
    const dir = newsroom();
    const undo = await make(join(dir, 'new', 'odd.md'));
    try {
      for (const args of [['check', 'new/odd.md', 'new/coast.md'], ['gate', 'new/odd.md', 'new/coast.md', '--against', 'claims']]) {
        const r = await corroborate(dir, ...args, ...extra);
        expect({ args, code: r.code }).toEqual({ args, code: 2 });
        expect(r.stderr).toMatch(/^new\/odd\.md:1:1: not a regular file \(a device, FIFO or socket\)$/m);
        const skipped = await corroborate(dir, ...args, ...extra, '--skip-unreadable', '--fail-on', 'never');
        expect(skipped.code).toBe(0);
        expect(skipped.stderr).toMatch(/^warning: new\/odd\.md:1:1: not a regular file .*; skipped$/m);
        expect(skipped.stderr).toMatch(/1 unreadable file skipped/);
      }
    } finally {
      await undo();
    }
  });

  test('a dangling symlink matched by a pattern still fails the run (it is not a special file)', async () => {
    const dir = newsroom();
    symlinkSync(join(dir, 'new', 'nowhere.md'), join(dir, 'new', 'gone.md'));
    const r = await corroborate(dir, 'check', 'new/*.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^new\/gone\.md:1:1: cannot be read \(a dangling symlink\)$/m);
  });
});

describe('symlinks out of the folders given are skipped with a warning', () => {
  /** A file of the machine (here: invented, outside every folder given) a pull request could link to. */
  function secretElsewhere(): string {
    const outside = tempDir('corroborate-outside-');
    writeFileSync(join(outside, 'secret.md'), 'The vault code Quorvane-7731 opened the Brisk Street depot, said 14 people.\n');
    return join(outside, 'secret.md');
  }

  test.each([
    ['check articles/', ['check', 'articles', '--format', 'json']],
    ['gate with the link named on the command line', ['gate', 'articles/link.md', '--against', 'claims', '--format', 'json']],
    ['gate with the folder holding the link', ['gate', 'articles', '--against', 'claims', '--format', 'json']],
  ])('an article symlinked out of the folder: %s', async (_name, args) => {
    const dir = newsroom();
    symlinkSync(secretElsewhere(), join(dir, 'articles', 'link.md'));
    const r = await corroborate(dir, ...args);
    expect(r.stdout).not.toContain('Quorvane');
    expect(r.stderr).toMatch(/link\.md:1:1: symlink to outside (the folder|the working folder); skipped \(--follow-symlinks follows it\)/);
    expect(r.code).not.toBe(2);
    const followed = await corroborate(dir, ...args, '--follow-symlinks');
    expect(followed.stdout).toContain('link.md');
    expect(followed.stderr).not.toMatch(/symlink to outside/);
  });

  test('a symlink inside the article folder is followed as before', async () => {
    const dir = newsroom();
    symlinkSync(join(dir, 'articles', 'port.md'), join(dir, 'articles', 'alias.md'));
    const r = await corroborate(dir, 'check', 'articles', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['alias.md', 'port.md']);
  });

  test.each([
    ['check claims/', ['check', 'claims', '--format', 'json']],
    ['validate claims/', ['validate', 'claims']],
    ['gate', ['gate', 'new/coast.md', '--against', 'claims', '--format', 'json']],
  ])('a claims file symlinked out of the store: %s', async (_name, args) => {
    const dir = newsroom();
    const outside = tempDir('corroborate-outside-');
    writeTree(outside, { 'planted.md.yaml': portClaims().replace(/port\.md/g, 'planted.md') });
    symlinkSync(join(outside, 'planted.md.yaml'), join(dir, 'claims', 'planted.md.yaml'));
    const r = await corroborate(dir, ...args);
    expect(r.stderr).toMatch(/^warning: planted\.md\.yaml:1:1: symlink to outside the claims folder; skipped/m);
    expect(r.stdout).not.toContain('planted.md');
    expect(r.code).not.toBe(2);
  });
});

describe("a claims file's article.file is read only inside the stored articles' folder, and only as a regular file", () => {
  /** Claims for port.md whose article.file is `file`, and whose hash is that of `text` (so it would be used). */
  function claimsNaming(file: string, text: string): string {
    return handWrittenCountClaims({
      id: 'port.md',
      file,
      text: PORT_TEXT,
      phrase: '1,200 passengers',
      value: 1200,
      counted: 'passenger',
      predicates: ['carry'],
      words: ['aground', 'ferry', 'harbor', 'near', 'run'],
      attribute: 'aboard',
    }).replace(sha256(PORT_TEXT), sha256(text));
  }

  test.each([
    ['/dev/zero', '../../../../../../../../../../dev/zero'],
    ['/dev/stdin', '../../../../../../../../../../dev/stdin'],
  ])('article.file naming %s: validate, check and gate finish and exit as without the article', async (_name, file) => {
    const dir = newsroom();
    writeFileSync(join(dir, 'claims', 'port.md.yaml'), claimsNaming(file, PORT_TEXT));
    expect((await corroborate(dir, 'validate', 'claims')).code).toBe(0);
    expect((await corroborate(dir, 'check', 'claims', '-q')).code).toBe(0);
    expect((await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '-q')).code).toBe(1);
  });

  test('article.file naming a FIFO in the working folder: no hang', async () => {
    const dir = newsroom();
    execFileSync('mkfifo', [join(dir, 'articles', 'pipe.md')]);
    writeFileSync(join(dir, 'claims', 'port.md.yaml'), claimsNaming('../articles/pipe.md', PORT_TEXT));
    expect((await corroborate(dir, 'validate', 'claims')).code).toBe(0);
    expect((await corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '-q')).code).toBe(1);
  });

  test('article.file outside the folder the stored articles are in is not read into reports; the same file inside it is', async () => {
    // An article of the machine (invented here) whose text the claims file states exactly, hash and spans:
    // read, its sentence would show in the HTML report.
    const secret = 'Vault code Quorvane-7731: the ferry Marisol carried 1,020 passengers when it ran aground near Quillan harbor.\n';
    const outside = tempDir('corroborate-outside-');
    writeFileSync(join(outside, 'evil.md'), secret);
    const evil = (file: string) =>
      handWrittenCountClaims({
        id: 'evil.md',
        file,
        text: secret,
        phrase: '1,020 passengers',
        value: 1020,
        counted: 'passenger',
        predicates: ['carry'],
        words: ['aground', 'ferry', 'harbor', 'near', 'run'],
        attribute: 'aboard',
      });
    const dir = newsroom();
    // A second published article: the stored articles' folder (articles/) is the one most claims files name.
    const calm = 'The Orlen library opened 3 reading rooms on Tuesday.\n';
    writeTree(dir, {
      'articles/calm.md': calm,
      'claims/calm.md.yaml': handWrittenCountClaims({ id: 'calm.md', file: '../articles/calm.md', text: calm, phrase: '3 reading rooms', value: 3, counted: 'room', predicates: ['open'], words: ['library'] }),
    });
    writeFileSync(join(dir, 'claims', 'evil.md.yaml'), evil(`${'../'.repeat(12)}${outside.slice(1)}/evil.md`));
    const r = await corroborate(dir, 'check', 'claims', '--format', 'html', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1,020 passengers');
    expect(r.stdout).not.toContain('Quorvane');
    // Control: the same article inside the folder of the stored articles is read and shown.
    writeFileSync(join(dir, 'articles', 'evil.md'), secret);
    writeFileSync(join(dir, 'claims', 'evil.md.yaml'), evil('../articles/evil.md'));
    const inside = await corroborate(dir, 'check', 'claims', '--format', 'html');
    expect(inside.stdout).toContain('Quorvane');
  });
});

describe('the article root is --root or the folder holding the store, never where the claims files point', () => {
  // Articles of the machine (invented here) that every claims file of the store names, hash and spans
  // exact: read, their sentences would show in the HTML report.
  const SECRETS = ['harbor', 'quay', 'pier'].map((place, i) => ({
    id: `${place}.md`,
    text: `Vault code Quorvane-77${i}1: the ferry Marisol carried ${i + 1},020 passengers to the ${place} at Quillan.\n`,
    phrase: `${i + 1},020 passengers`,
    value: (i + 1) * 1000 + 20,
  }));

  /** A newsroom whose store's claims files all name articles in a folder outside it (`outside`). */
  function capturedStore(): { dir: string; outside: string } {
    const outside = tempDir('corroborate-outside-');
    const dir = tempDir('corroborate-captured-');
    const files: Record<string, string> = { 'new/coast.md': '---\npublished: 2026-03-03\n---\nThe ferry Marisol carried 1,020 passengers, the coast guard said.\n' };
    for (const s of SECRETS) {
      writeFileSync(join(outside, s.id), s.text);
      files[`claims/${s.id}.yaml`] = handWrittenCountClaims({
        id: s.id,
        file: `${'../'.repeat(12)}${outside.slice(1)}/${s.id}`,
        text: s.text,
        phrase: s.phrase,
        value: s.value,
        counted: 'passenger',
        predicates: ['carry'],
        words: ['ferry'],
        attribute: 'aboard',
      });
    }
    writeTree(dir, files);
    return { dir, outside };
  }

  test.each([
    ['check claims/', (dir: string, ...extra: string[]) => corroborate(dir, 'check', 'claims', '--format', 'html', '--fail-on', 'never', ...extra)],
    ['gate new/coast.md', (dir: string, ...extra: string[]) => corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--format', 'html', '--fail-on', 'never', ...extra)],
    ['gate --no-index', (dir: string, ...extra: string[]) => corroborate(dir, 'gate', 'new/coast.md', '--against', 'claims', '--no-index', '--format', 'html', '--fail-on', 'never', ...extra)],
  ])('%s: a store whose every claims file points outside still reads nothing there, and says so per file', async (_name, run) => {
    const { dir, outside } = capturedStore();
    const r = await run(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2,020 passengers');
    expect(r.stdout).not.toContain('Quorvane');
    for (const s of SECRETS) {
      expect(r.stderr).toContain(`warning: claims/${s.id}.yaml:1:1: article.file "${'../'.repeat(12)}${outside.slice(1)}/${s.id}" lies outside the article root "."; not read`);
    }
    // Control: named as the root on the command line, the same folder is read (the test would see a read).
    const given = await run(dir, '--root', outside);
    expect(given.stdout).toContain('Quorvane');
    expect(given.stderr).not.toContain('lies outside');
  });

  test('validate says which claims files point outside the root, and still passes them', async () => {
    const { dir } = capturedStore();
    const r = await corroborate(dir, 'validate', 'claims');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('3 claims files valid\n');
    expect(r.stderr.match(/lies outside the article root/g)).toHaveLength(3);
    expect((await corroborate(dir, 'validate', 'claims', '-q')).stderr).toBe('');
  });

  test('a symlink inside the root that leads out of it is outside too', async () => {
    const { dir, outside } = capturedStore();
    mkdirSync(join(dir, 'articles'));
    symlinkSync(join(outside, 'harbor.md'), join(dir, 'articles', 'harbor.md'));
    const harbor = SECRETS[0];
    writeFileSync(
      join(dir, 'claims', 'harbor.md.yaml'),
      handWrittenCountClaims({ id: harbor.id, file: '../articles/harbor.md', text: harbor.text, phrase: harbor.phrase, value: harbor.value, counted: 'passenger', predicates: ['carry'], words: ['ferry'], attribute: 'aboard' }),
    );
    const r = await corroborate(dir, 'check', 'claims', '--format', 'html', '--fail-on', 'never');
    expect(r.stdout).not.toContain('Quorvane');
    expect(r.stderr).toContain('warning: claims/harbor.md.yaml:1:1: article.file "../articles/harbor.md" lies outside the article root');
  });

  test('a store inside a newsroom folder reads the articles beside it, from any working folder', async () => {
    const dir = tempDir('corroborate-beside-');
    // Two accounts of one opening: their conflict shows each article's sentence, when its text is read.
    const calm = 'The Orlen library opened 3 reading rooms on Tuesday, said Vesna Tarkovic.\n';
    const other = 'The Orlen library opened 5 reading rooms on Tuesday.\n';
    const claims = (id: string, text: string, phrase: string, value: number) =>
      handWrittenCountClaims({ id, file: `../articles/${id}`, text, phrase, value, counted: 'room', predicates: ['open'], words: ['library'], attribute: 'opened' });
    writeTree(dir, {
      'news/articles/calm.md': calm,
      'news/articles/other.md': other,
      'news/claims/calm.md.yaml': claims('calm.md', calm, '3 reading rooms', 3),
      'news/claims/other.md.yaml': claims('other.md', other, '5 reading rooms', 5),
    });
    for (const [cwd, store] of [[dir, 'news/claims'], [join(dir, 'news'), 'claims'], [join(dir, 'news', 'claims'), '.']]) {
      const r = await corroborate(cwd, 'check', store, '--format', 'html', '--fail-on', 'never');
      expect(r.stderr).not.toContain('lies outside');
      expect(r.stdout).toContain('Vesna Tarkovic');
    }
  });
});

describe('a rules folder holding a symlink to a device', () => {
  test('is refused by name, exit 2, never read', async () => {
    const dir = newsroom();
    mkdirSync(join(dir, 'my-rules'));
    symlinkSync('/dev/zero', join(dir, 'my-rules', 'dates.yaml'));
    const r = await corroborate(dir, 'check', 'articles', '--rules', 'my-rules');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my-rules\/dates\.yaml:1:1: not a regular file/);
  });
});
