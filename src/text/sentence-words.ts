import type { Article } from '../types';
import { RecentArticles } from './lookup';
import { rangeTokens, type Token } from './tokens';

/**
 * The words of one sentence of an article, made once per article and shared by every claim of the sentence:
 * "Six people died in Harl on Monday" holds a date and a count, and both read its words. Treat as read-only.
 */
export interface SentenceWords {
  /** `rangeTokens(article, sentence.start, sentence.end)`. */
  readonly tokens: readonly Token[];
  /** Each token's text in lower case: "Harl" -> "harl". */
  readonly lower: readonly string[];
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
    for (let i = 0; i < tokens.length; i++) lower.push(tokens[i].text.toLowerCase());
    words = { tokens, lower };
    table[si] = words;
  }
  return words;
}
