/**
 * Corpora made from real news for the scaling bench: the articles under `../shared` (the dev stories and
 * the seeds), each story told again and again with its names and figures perturbed, so that stories look
 * alike (the same sentences) but are different events (other people, places and figures), as an
 * archive of many similar stories is. Same seed, same corpus. Conflicts are planted by changing one
 * figure of one outlet's copy, in place (same length, so every other offset stays).
 *
 * Nothing of these articles is kept in the project: they are read from `../shared` when it is there.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from './corpus';
import { MONTHS, TIME_ZONES, WEEKDAY_NAMES } from '../lang/words';
import { lang } from '../lang/load';

/** A story as found under ../shared: its articles, in file order. */
export interface BaseStory {
  name: string;
  articles: { file: string; text: string }[];
}

/**
 * The stories under `root` (a folder holding `eval/dev/<story>/*.txt` and `seeds/*.txt`), or null when
 * there are none.
 */
export function baseStories(root: string): BaseStory[] | null {
  const out: BaseStory[] = [];
  const read = (name: string, dir: string) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    if (files.length >= 2) out.push({ name, articles: files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })) });
  };
  const dev = join(root, 'eval', 'dev');
  if (existsSync(dev)) for (const d of readdirSync(dev).sort()) if (statSync(join(dev, d)).isDirectory()) read(d, join(dev, d));
  if (existsSync(join(root, 'seeds'))) read('seeds', join(root, 'seeds'));
  return out.length ? out : null;
}

/** A figure of a text that a plant may change: where it is, and whether it is a day of a month. */
export interface Site {
  start: number;
  end: number;
  kind: 'quantity' | 'date';
}

const SYLLABLES = ['ka', 'lo', 'mer', 'dun', 'vi', 'tor', 'sa', 'bel', 'rin', 'go', 'fal', 'ne', 'ost', 'quar', 'ted', 'mi', 'zan', 'por', 'lek', 'hu', 'bra', 'sel'];

let lexicon: Record<string, readonly string[] | undefined> | undefined;
function tagsOf(w: string): readonly string[] | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, readonly string[] | undefined>;
  return Object.prototype.hasOwnProperty.call(lexicon, w) ? lexicon[w] : undefined;
}

const CALENDAR = new Set([...Object.keys(MONTHS), ...WEEKDAY_NAMES.map((d) => d.toLowerCase())]);
const ZONES = new Set([...TIME_ZONES.keys()].map((z) => z.toLowerCase()));
const TITLE_ACRONYMS = new Set(lang()['title-abbreviations'].sets.map((set) => set[0]));

/**
 * Whether a capitalized word is a name to perturb: a word of a name the tool found in the story
 * (`nameWords`: "Air" and "Force" of "Air Force"), an acronym other than a title's ("NTSB", not "CEO"), or a
 * word that is no English word of the lexicon (or one it tags as a proper noun); never a month, weekday or
 * time zone, nor an abbreviation before its full stop ("Gen.").
 */
function isName(word: string, next: string, nameWords: ReadonlySet<string>): boolean {
  const w = word.toLowerCase();
  if (CALENDAR.has(w) || (ZONES.has(w) && word === word.toUpperCase())) return false;
  if (nameWords.has(w)) return true;
  if (word.length === 1) return false;
  if (next === '.' && word.length <= 4 && word !== word.toUpperCase()) return false;
  // An acronym names a body ("NTSB"), unless it is a title ("CEO").
  if (word.length >= 2 && word === word.toUpperCase()) return !TITLE_ACRONYMS.has(w);
  const tags = tagsOf(w);
  return tags === undefined || tags[0] === 'NNP' || tags[0] === 'NNPS';
}

/**
 * A made-up name for `word` in one story, the same throughout the story: syllables drawn from the word
 * and the story, then syllables of the story's number, so that no two stories share a made-up name. An
 * acronym ("NTSB") becomes capital letters, two more than it had; an initial ("J.") another letter.
 */
function madeUpName(word: string, story: number, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.toLowerCase().charCodeAt(i), 0x01000193);
  const r = seeded(h >>> 0);
  const mixed = seeded((h ^ Math.imul(story + 1, 0x9e3779b1)) >>> 0);
  if (word.length === 1) return String.fromCharCode(65 + Math.floor(mixed() * 26));
  if (word === word.toUpperCase()) {
    let letters = '';
    while (letters.length < word.length + 2) letters += String.fromCharCode(65 + Math.floor(mixed() * 26));
    return letters;
  }
  let s = SYLLABLES[Math.floor(r() * SYLLABLES.length)] + SYLLABLES[Math.floor(mixed() * SYLLABLES.length)] + SYLLABLES[Math.floor(mixed() * SYLLABLES.length)];
  let k = story;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s[0].toUpperCase() + s.slice(1);
}

// A capitalized word: "Velmora", "DeSantis", "NTSB", "F1team", an initial ("J.") or a letter ("X"); or an
// acronym with full stops ("U.S.").
const NAME = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.)+\p{Lu}\.?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?![\p{L}\p{N}])/gu;
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** The figures of a text a story may perturb: not years, days of months, clock times, ordinals or codes. */
function figures(text: string): { start: number; end: number; text: string; day: boolean }[] {
  const out: { start: number; end: number; text: string; day: boolean }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    let s = m[0];
    while (s.endsWith(',')) s = s.slice(0, -1);
    const start = m.index;
    const end = start + s.length;
    const before = text[start - 1] ?? ' ';
    const after = text[end] ?? ' ';
    if (/[\p{L}\p{N}\-/:.]/u.test(before) || /[\p{L}:/]/u.test(after) || (after === '-' && /\d/.test(text[end + 1] ?? ''))) continue;
    if (s.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) continue;
    const value = Number(s.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const prevWord = /([\p{L}]+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
    const nextWord = /^,?\s+([\p{L}]+)/u.exec(text.slice(end, end + 12))?.[1]?.toLowerCase();
    const day = (prevWord !== undefined && Object.hasOwn(MONTHS, prevWord)) || (nextWord !== undefined && Object.hasOwn(MONTHS, nextWord));
    if (day) {
      if (/^\d{1,2}$/.test(s) && value >= 1 && value <= 31) out.push({ start, end, text: s, day: true });
      continue;
    }
    if (/^\d{4}$/.test(s) && value >= 1800 && value <= 2100) continue;
    out.push({ start, end, text: s, day: false });
  }
  return out;
}

/** "1,200" times 1.37 at the digits written: "1,600" (two significant digits), "67" -> "92". */
function scaled(written: string, factor: number): string {
  const value = Number(written.replace(/,/g, ''));
  const decimals = /\.(\d+)$/.exec(written)?.[1].length ?? 0;
  const digits = written.replace(/[,.]/g, '').replace(/^0+/, '');
  const significant = Math.max(1, decimals ? digits.length : digits.replace(/0+$/, '').length);
  const x = Number((value * factor).toPrecision(significant));
  const fixed = x.toFixed(decimals);
  if (!written.includes(',')) return fixed;
  const [whole, frac] = fixed.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}

/**
 * A story's articles with its names and figures perturbed, the same way in every article of the story
 * (so that what its outlets agree on they still agree on): each name (`isName`) becomes a made-up one of
 * the story, each figure of ten or more is scaled by one factor of the story (at the digits written);
 * days of months, years and small numbers stay.
 */
export function perturbStory(base: BaseStory, story: number, seed: number, nameWords: ReadonlySet<string> = new Set()): string[] {
  const r = seeded((seed ^ Math.imul(story + 7, 0x85ebca6b)) >>> 0);
  const factor = r() < 0.5 ? 0.6 + 0.25 * r() : 1.15 + 0.3 * r();
  return base.articles.map(({ text }) => {
    let out = text.replace(NAME, (word, offset: number) => {
      if (word.includes('.')) {
        // "U.S.", "D.C.": an acronym written with full stops, made up as the acronym is ("U.S." as "US").
        const letters = word.replace(/\./g, '');
        const made = isName(letters, '', nameWords) ? [...madeUpName(letters, story, seed)].map((l) => `${l}.`).join('') : word;
        return word.endsWith('.') ? made : made.slice(0, -1);
      }
      return isName(word, text[offset + word.length] ?? '', nameWords) ? madeUpName(word, story, seed) : word;
    });
    const parts: string[] = [];
    let at = 0;
    for (const f of figures(out)) {
      if (f.day || Number(f.text.replace(/,/g, '')) < 10) continue;
      parts.push(out.slice(at, f.start), scaled(f.text, factor));
      at = f.end;
    }
    parts.push(out.slice(at));
    out = parts.join('');
    return out;
  });
}

/** Figures of a text where a conflict can be planted: figures of ten or more, and days of months. */
export function plantSites(text: string): Site[] {
  return figures(text)
    .filter((f) => f.day || Number(f.text.replace(/,/g, '')) >= 10)
    .map((f) => ({ start: f.start, end: f.end, kind: f.day ? 'date' : 'quantity' }));
}

/**
 * The text with a conflict planted at `site`, same length: the leading digit of a figure moved by 3 to 5
 * ("1,600" -> "5,600", "92" -> "42"), a day of a month moved by 3 ("29" -> "26", "4" -> "7").
 */
export function plant(text: string, site: Site): string {
  const s = text.slice(site.start, site.end);
  let changed: string;
  if (site.kind === 'date') {
    const d = Number(s);
    const moved = s.length === 2 ? (d + 3 <= 28 ? d + 3 : d - 3) : d + 3 <= 9 ? d + 3 : d - 3;
    changed = String(moved).padStart(s.length, '0');
  } else {
    const d = Number(s[0]);
    const moved = ((d - 1 + 4) % 9) + 1;
    changed = String(moved) + s.slice(1);
  }
  return text.slice(0, site.start) + changed + text.slice(site.end);
}
