import type { Article } from '../types';
import { RecentArticles } from './lookup';
import { rangeTokens, type Token } from './tokens';

/**
 * The words of one sentence of an article, made once per article and shared by every claim of the sentence:
 * "Six people died in Harl on Monday" holds a date and a count, and both read its words and lemmas. Treat
 * as read-only (`lemmas` is filled by `lemmaAt`).
 */
export interface SentenceWords {
  /** `rangeTokens(article, sentence.start, sentence.end)`. */
  readonly tokens: readonly Token[];
  /** Each token's text in lower case: "Harl" -> "harl". */
  readonly lower: readonly string[];
  /** Each token's lemma once asked for, else undefined: a claim reads only the words of its clause. */
  readonly lemmas: (string | undefined)[];
}

const TABLES = new RecentArticles<(SentenceWords | undefined)[]>();

/** The words of sentence `si` of `article`. */
export function sentenceWords(article: Article, si: number): SentenceWords {
  let table = TABLES.get(article);
  if (table === undefined) {
    table = [];
    for (let i = 0; i < article.sentences.length; i++) table.push(undefined);
    TABLES.set(article, table);
  }
  let words = table[si];
  if (words === undefined) {
    const sentence = article.sentences[si];
    const tokens = rangeTokens(article, sentence.start, sentence.end);
    const lower: string[] = [];
    const lemmas: (string | undefined)[] = [];
    for (let i = 0; i < tokens.length; i++) {
      lower.push(tokens[i].text.toLowerCase());
      lemmas.push(undefined);
    }
    words = { tokens, lower, lemmas };
    table[si] = words;
  }
  return words;
}

/**
 * The lemma of word `k`, `lemmaOf(words.lower[k])`, asked for once per word and article: "withdrew" ->
 * "withdraw". (The lemmatizer is language data, above this layer: the caller passes it.)
 */
export function lemmaAt(words: SentenceWords, k: number, lemmaOf: (lower: string) => string): string {
  let l = words.lemmas[k];
  if (l === undefined) {
    l = lemmaOf(words.lower[k]);
    words.lemmas[k] = l;
  }
  return l;
}
