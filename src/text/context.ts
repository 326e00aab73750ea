import type { Article, ClaimContext, Sentence, Vocabulary } from '../types';
import { STOPWORDS, lemma, tokenize } from './tokens';

/** Index of the sentence holding `offset`, or -1. Binary search: sentences are sorted and disjoint. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const QUOTE_OPEN = /["\u201c\u201e]/;
const QUOTE_CLOSE = /["\u201d]/;

/** True when `[start, end)` lies between an opening and a closing double quote of its sentence. */
export function insideQuotes(text: string, sentence: Sentence, start: number): boolean {
  let open = false;
  for (let i = sentence.start; i < start; i++) {
    const ch = text[i];
    if (ch === '"') open = !open;
    else if (QUOTE_OPEN.test(ch)) open = true;
    else if (QUOTE_CLOSE.test(ch)) open = false;
  }
  return open;
}

// Event words are recognised by form when no lexicon says otherwise: "withdrew", "constructed", "withdrawal".
const EVENT_SUFFIX = /(ed|ing|ion|ions|al|ment|ure)$/;

/**
 * The words around `[start, end)` (same sentence, `window` words each side) sorted into predicates,
 * entities and other words, each as a lemma, deduplicated and sorted.
 * "U.S. and NATO troops withdrew from Bagram in July 2021" around "July 2021" ->
 * predicates [withdraw], entities [bagram, nato, u.s.], words [troop].
 */
export function contextAround(
  article: Article,
  start: number,
  end: number,
  vocabulary: Vocabulary | undefined,
  window = 8,
): ClaimContext {
  const si = sentenceAt(article.sentences, start);
  const sentence = si >= 0 ? article.sentences[si] : { start: Math.max(0, start - 200), end: Math.min(article.text.length, end + 200) };
  const tokens = tokenize(article.text, sentence.start, sentence.end);
  const before = tokens.filter((t) => t.end <= start).slice(-window);
  const after = tokens.filter((t) => t.start >= end).slice(0, window);
  const predicates = new Set<string>();
  const entities = new Set<string>();
  const words = new Set<string>();
  for (const t of [...before, ...after]) {
    const raw = t.text;
    if (/^\p{N}/u.test(raw)) continue;
    const lower = raw.toLowerCase().replace(/\u2019/g, "'");
    const isEntity = /^\p{Lu}/u.test(raw) && !(t.start === sentence.start && STOPWORDS.has(lower));
    if (isEntity) {
      const key = entityKey(lower, vocabulary);
      if (!STOPWORDS.has(key)) entities.add(key);
      continue;
    }
    if (STOPWORDS.has(lower) || lower.length < 3) continue;
    const l = lemma(lower);
    const canonical = vocabulary?.predicates.get(l) ?? vocabulary?.predicates.get(lower);
    if (canonical) predicates.add(canonical);
    else if (EVENT_SUFFIX.test(lower)) predicates.add(l);
    else words.add(l);
  }
  return {
    predicates: [...predicates].sort(),
    entities: [...entities].sort(),
    words: [...words].sort(),
    inQuote: si >= 0 ? insideQuotes(article.text, sentence, start) : false,
  };
}

/** "U.S." and "US" meet, "Afghanistan's" and "Afghanistan" meet; aliases from the rules apply. */
export function entityKey(word: string, vocabulary: Vocabulary | undefined): string {
  const bare = word.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '').replace(/\./g, '');
  return vocabulary?.aliases.get(bare)?.canonical ?? bare;
}
