import { parseDocument, isMap } from 'yaml';
import type { Article, ArticleMeta, ReferenceDate, Result } from '../types';
import { computeLineStarts, lineColumn, makeSpan } from '../text/span';
import { splitSentences } from '../lang/sentences';
import { findStatedDate, normalizeDay } from './reference-date';
import { formatOf, readFile } from '../text/reader';

const META_KEYS = ['title', 'outlet', 'url', 'published'] as const;

/**
 * Builds an Article from a file's text. Front matter is a leading `---` line, YAML, and a closing `---`
 * line; the body starts after it. The text itself is never altered: offsets stay those of the file.
 * Claims are read from `reader` (see ingest/reader.ts), the text a reader sees at the same offsets; the
 * format is told by the extension of `id`.
 * `fallback` (from corpus.yaml) fills what the front matter leaves out.
 */
export function buildArticle(id: string, path: string, text: string, fallback: ArticleMeta = {}): Result<Article> {
  const lineStarts = computeLineStarts(text);
  // An HTML page has no front matter: its <title> and <meta> tags say what it is.
  const fm: Result<FrontMatter> = formatOf(id) === 'html' ? { ok: true, value: { meta: {}, bodyStart: 0 } } : readFrontMatter(id, text, lineStarts);
  if (!fm.ok) return fm;
  const { meta: own, bodyStart, publishedOffset } = fm.value;
  const read = readFile(id, text, bodyStart);
  const reader = read.reader;
  // A page's own day that is no day ("2026-02-30") is left out rather than failing the page.
  const page: ArticleMeta = { ...read.meta };
  if (page.published !== undefined && !normalizeDay(page.published)) delete page.published;
  const meta: ArticleMeta = { ...page, ...fallback, ...own };
  let referenceDate: ReferenceDate | null = null;
  if (meta.published !== undefined) {
    const day = normalizeDay(meta.published);
    if (!day) {
      const where = own.published !== undefined ? lineColumn(lineStarts, publishedOffset ?? 0) : { line: 1, column: 1 };
      return {
        ok: false,
        error: [{ file: id, ...where, message: `published date ${JSON.stringify(meta.published)} is not a date (use YYYY-MM-DD)` }],
      };
    }
    // The page's <meta> date is its front matter; corpus.yaml's comes from beside it.
    referenceDate = { date: day, source: own.published === undefined && fallback.published !== undefined ? 'corpus' : 'front-matter' };
  } else {
    const stated = findStatedDate(reader, bodyStart);
    if (stated) referenceDate = { date: stated.date, source: 'text', span: makeSpan(text, lineStarts, stated.start, stated.end) };
  }
  return {
    ok: true,
    value: { id, path, text, reader, bodyStart, meta, referenceDate, sentences: splitSentences(reader, bodyStart), lineStarts },
  };
}

interface FrontMatter {
  meta: ArticleMeta;
  bodyStart: number;
  publishedOffset?: number;
}

function readFrontMatter(id: string, text: string, lineStarts: number[]): Result<FrontMatter> {
  const open = /^\ufeff?---[ \t]*(\r\n|\n|\r)/.exec(text);
  if (!open) return { ok: true, value: { meta: {}, bodyStart: 0 } };
  const close = /(^|\r\n|\n|\r)---[ \t]*(\r\n|\n|\r|$)/g;
  close.lastIndex = open[0].length - open[1].length;
  const m = close.exec(text);
  if (!m) {
    return { ok: false, error: [{ file: id, line: 1, column: 1, message: 'front matter opened with --- is never closed' }] };
  }
  const yamlStart = open[0].length;
  const yamlEnd = m.index + m[1].length;
  const source = text.slice(yamlStart, yamlEnd);
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineColumn(lineStarts, yamlStart + offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.map((e) => ({ file: id, ...at(e.pos[0]), message: `front matter: ${e.message.split('\n')[0]}` })),
    };
  }
  const meta: ArticleMeta = {};
  let publishedOffset: number | undefined;
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return { ok: false, error: [{ file: id, ...at(0), message: 'front matter must be a mapping of keys to values' }] };
  }
  for (const item of isMap(contents) ? contents.items : []) {
    const key = String((item.key as { value?: unknown })?.value ?? item.key);
    const node = item.value as { value?: unknown; range?: [number, number, number] } | null;
    if (!(META_KEYS as readonly string[]).includes(key)) continue; // other keys are the author's own
    const value = node?.value;
    if (value === null || value === undefined) continue;
    const str = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (typeof value === 'object' && !(value instanceof Date)) {
      return { ok: false, error: [{ file: id, ...at(node?.range?.[0] ?? 0), message: `front matter ${key} must be text` }] };
    }
    meta[key as (typeof META_KEYS)[number]] = str;
    if (key === 'published') publishedOffset = yamlStart + (node?.range?.[0] ?? 0);
  }
  return { ok: true, value: { meta, bodyStart: m.index + m[0].length, publishedOffset } };
}
