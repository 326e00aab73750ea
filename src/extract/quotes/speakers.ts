import type { Article, Span, Speaker, SpeakerKind } from '../../types';
import { makeSpan } from '../../text/span';
import { sentenceAt } from '../../lang/context';
import { lemma } from '../../lang/word-forms';
import { firstTokens, lowerPlain, startsUpper, tokenize, type Token } from '../../text/tokens';
import { CLAUSE_OPENERS, NOT_NAMES, RANK_ADJECTIVES, SPEAKER_ADVERBS, SPEAKER_DETERMINERS, SPEAKER_MODIFIERS, STOPWORDS } from '../../lang/words';
import { ORG_HEADS, ORG_WORDS, PERSON_NOUNS, PRONOUNS, REPORTING_VERBS, ROLE_WORDS, SENTENCE_STARTERS } from '../people/lexicon';
import { TITLE_MODIFIERS } from '../people/runs';
import type { Mention } from '../people/mentions';
import { nameKey } from '../people/names';
import { firstAtOrAfter, lastAtOrBefore } from '../../text/lookup';

/** A noun phrase naming who speaks, as tokens of the article. */
interface NounPhrase {
  toks: Token[];
  verb?: string;
}

const DETERMINERS = SPEAKER_DETERMINERS;
// Words that hedge or rank a description without changing who it is: "a senior official" = "an official".
const HEDGE_ADJECTIVES = RANK_ADJECTIVES;
const NP_MODIFIERS = SPEAKER_MODIFIERS;
const ADVERBS = SPEAKER_ADVERBS;

/** Reporting verbs (lang/en/reporting-verbs.yaml), in any case. */
export function isReportingVerb(word: string): boolean {
  // Written lower case: "States" in "United States" is a name, not a verb.
  if (!/^[a-z]/.test(word)) return false;
  const w = word.toLowerCase();
  return REPORTING_VERBS.has(w);
}

function npWord(t: Token): boolean {
  const lower = lowerPlain(t.text);
  if (startsUpper(t.text)) return !SENTENCE_STARTERS.has(lower) || DETERMINERS.has(lower) || PRONOUNS.has(lower);
  return (
    DETERMINERS.has(lower) || NP_MODIFIERS.has(lower) || PERSON_NOUNS.has(lower) || ORG_HEADS.has(lower) ||
    ROLE_WORDS.has(lower) || TITLE_MODIFIERS.has(lower) || PRONOUNS.has(lower)
  );
}

function headOk(t: Token): boolean {
  const lower = t.text.toLowerCase();
  return startsUpper(t.text) || PERSON_NOUNS.has(lower) || ORG_HEADS.has(lower) || ROLE_WORDS.has(lower) || PRONOUNS.has(lower);
}

// Only spaces between two words of one phrase: a comma or quote mark ends it.
const joined = (text: string, a: Token, b: Token) => /^[ \t]+$/.test(text.slice(a.end, b.start)) || a.end === b.start;

/** The noun phrase ending at token `end` (inclusive), read backwards: "A Ruritanian defence official". */
function phraseBackward(text: string, toks: Token[], end: number): Token[] {
  let i = end;
  if (i < 0 || !headOk(toks[i])) return [];
  const lowerHead = toks[i].text.toLowerCase();
  if (PRONOUNS.has(lowerHead)) return [toks[i]];
  while (i - 1 >= 0 && joined(text, toks[i - 1], toks[i]) && npWord(toks[i - 1]) && end - i < 7) {
    i--;
    if (PRONOUNS.has(toks[i].text.toLowerCase())) {
      i++;
      break;
    }
  }
  // "a senior port official": plain nouns may modify the head when a determiner opens the phrase.
  if (!DETERMINERS.has(toks[i].text.toLowerCase())) {
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      const w = toks[k].text.toLowerCase();
      if (!joined(text, toks[k], toks[k + 1]) || STOPWORDS.has(w) && !DETERMINERS.has(w) || /(ed|ing|ly)$/.test(w)) break;
      if (DETERMINERS.has(w)) {
        i = k;
        break;
      }
    }
  }
  return toks.slice(i, end + 1);
}

/** The noun phrase starting at token `start`, read forwards: "said Jane Roe, a spokeswoman" -> "Jane Roe". */
function phraseForward(text: string, toks: Token[], start: number): Token[] {
  let i = start;
  if (i >= toks.length || !npWord(toks[i])) return [];
  if (PRONOUNS.has(toks[i].text.toLowerCase())) return [toks[i]];
  while (i + 1 < toks.length && joined(text, toks[i], toks[i + 1]) && npWord(toks[i + 1]) && i - start < 6) i++;
  while (i >= start && !headOk(toks[i])) i--;
  return i >= start ? toks.slice(start, i + 1) : [];
}

const hasLetter = (t: Token) => /[\p{L}]/u.test(t.text);

/** Tokens of `[from, to)` that are words. */
function words(text: string, from: number, to: number): Token[] {
  return tokenize(text, from, to).filter((t) => /[\p{L}]/u.test(t.text));
}

/** Who speaks, read from the words after a closing quote mark: '," Roe said.' / '," said Roe.' */
export function afterAttribution(text: string, from: number, to: number): NounPhrase | null {
  // A run of spaces counts as one: markup between the mark and the words reads as spaces
  // ('&rdquo; <b>Roe</b> said' in a page is '”    Roe     said').
  const head = text.slice(from, Math.min(to, from + 40)).replace(/\s+/g, ' ');
  if (!/^[\s,]*[\p{L}]/u.test(head.slice(0, 4))) {
    if (!/^[\s,]*[\u2014\u2013-]\s*\p{L}/u.test(head.slice(0, 5))) return null;
  }
  // The first 12 words only: the rest of a long paragraph is never tokenized.
  const toks = firstTokens(text, from, to, 12, hasLetter);
  if (!toks.length) return null;
  const first = toks[0].text.toLowerCase();
  if (isReportingVerb(toks[0].text)) {
    const np = phraseForward(text, toks, 1);
    return np.length ? { toks: np, verb: 'said X' } : null;
  }
  if (first === 'according' && toks[1]?.text.toLowerCase() === 'to') {
    const np = phraseForward(text, toks, 2);
    return np.length ? { toks: np, verb: 'according to X' } : null;
  }
  for (let k = 1; k < Math.min(toks.length, 9); k++) {
    if (!isReportingVerb(toks[k].text)) continue;
    let end = k - 1;
    while (end > 0 && (ADVERBS.has(toks[end].text.toLowerCase()) || /ly$/.test(toks[end].text))) end--;
    const np = phraseBackward(text, toks, end);
    if (np.length && np[0] === toks[0]) return { toks: np, verb: 'X said' };
    return null;
  }
  return null;
}

/** How far before an opening quote mark its speaker is looked for, in characters (some 100 words). */
const ATTRIBUTION_REACH = 600;

/**
 * Who speaks, read from the sentence words before an opening quote mark: 'Roe said, "...' /
 * 'An official said that the deal was "not possible"'. `sentenceStart` bounds the search.
 */
export function beforeAttribution(text: string, sentenceStart: number, open: number): NounPhrase | null {
  // Read at most ATTRIBUTION_REACH characters back. A line of 10,000 quote marks and no sentence end
  // ('"said the "said the ...') made every quote read every word before it, and try the sentence's
  // subject at every "said": cubic. Cut short, the words read do not start the sentence, so no subject
  // is taken from their start.
  const from = Math.max(sentenceStart, open - ATTRIBUTION_REACH);
  const whole = from === sentenceStart;
  const toks = words(text, from, open);
  for (let k = toks.length - 1; k >= 0; k--) {
    const w = toks[k].text.toLowerCase();
    if (w === 'according' && toks[k + 1]?.text.toLowerCase() === 'to') {
      const np = phraseForward(text, toks, k + 2);
      if (np.length) return { toks: np, verb: 'according to X' };
    }
    if (!isReportingVerb(toks[k].text)) continue;
    // "Roe's Demand" in a headline is a noun, not a verb of saying.
    if (k > 0 && /['\u2019]s$/.test(toks[k - 1].text)) continue;
    // A participle belongs to the sentence's subject: 'Roe issued a threat, writing: "..."'.
    if (/ing$/.test(w)) {
      if (!whole) continue;
      const np = sentenceSubject(text, toks.slice(0, k));
      if (np.length) return { toks: np, verb: `X, ${w}` };
      continue;
    }
    let end = k - 1;
    while (end >= 0 && (ADVERBS.has(toks[end].text.toLowerCase()) || /ly$/.test(toks[end].text))) end--;
    if (end >= 0 && joined(text, toks[end], toks[Math.min(k, end + 1)])) {
      const np = phraseBackward(text, toks, end);
      if (np.length) return { toks: np, verb: 'X said' };
    }
    // "Roe, who has long criticised the plan, said ...": the subject opens the sentence.
    if (!whole) continue;
    const np = sentenceSubject(text, toks.slice(0, k));
    if (np.length) return { toks: np, verb: 'X said' };
  }
  return null;
}


/** The subject noun phrase at the start of a sentence, after an opening clause ("On Sunday, Roe ..."). */
export function sentenceSubject(text: string, toks: Token[]): Token[] {
  let i = 0;
  for (let guard = 0; guard < 3 && i < toks.length && CLAUSE_OPENERS.has(toks[i].text.toLowerCase()); guard++) {
    // Skip to just after the first comma that follows.
    let j = i;
    while (j + 1 < toks.length && joined(text, toks[j], toks[j + 1])) j++;
    if (j + 1 >= toks.length) return [];
    i = j + 1;
  }
  return phraseForward(text, toks, i);
}

/** What the article says of a speaker, before resolving names and pronouns. */
export interface SpeakerContext {
  article: Article;
  mentions: readonly Mention[];
  /** Speakers of quotes earlier in the article that are groups (for "they"). */
  groups: readonly Speaker[];
  /** Quotation range: mentions inside it never speak for it. */
  quoteStart: number;
  quoteEnd: number;
}

/** Turns a noun phrase into a Speaker: a named person, a pronoun resolved, an organization or a description. */
export function resolveSpeaker(np: NounPhrase, ctx: SpeakerContext): Speaker | null {
  const { article, mentions } = ctx;
  const text = article.reader;
  const toks = np.toks;
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  const how = np.verb ?? 'X said';
  if (toks.length === 1) {
    const pron = lowerPlain(toks[0].text);
    const which = PRONOUNS.get(pron);
    if (which !== undefined) return pronounSpeaker(pron, which, makeSpan(article.text, article.lineStarts, start, end), how, ctx);
  }
  // A person named in the phrase: "Defense Minister Jane Roe", "Roe".
  // Mentions are sorted by start: only those starting inside the phrase can lie in it; the last one counts.
  let inPhrase: Mention | undefined;
  for (let i = firstAtOrAfter(mentions, start, mStart); i < mentions.length && mentions[i].start < end; i++) {
    if (mentions[i].end <= end) inPhrase = mentions[i];
  }
  if (inPhrase) {
    const m = inPhrase;
    const resolved = m.how === 'surname' && nameKey(text.slice(m.start, m.end)) !== m.key ? `; surname ${text.slice(m.start, m.end)} -> ${m.name}` : '';
    return { name: m.name, key: m.key, kind: 'person', span: makeSpan(article.text, article.lineStarts, m.start, m.end), how: how + resolved };
  }
  // Each word's lower-case form, and the key from the words that are neither determiners nor hedges:
  // "a senior port official" -> key "port official". Loops into literal lists (see `joinTexts` in people.ts).
  const lower: string[] = [];
  let key = '';
  let content = 0;
  for (let i = 0; i < toks.length; i++) {
    const l = lowerPlain(toks[i].text);
    lower.push(l);
    if (DETERMINERS.has(l) || HEDGE_ADJECTIVES.has(l)) continue;
    const word = l.indexOf('.') < 0 ? l : l.replace(/\./g, '');
    key = content++ === 0 ? word : `${key} ${word}`;
  }
  const head = lower[lower.length - 1];
  const name = text.slice(start, end);
  const span = makeSpan(article.text, article.lineStarts, start, end);
  let kind: SpeakerKind;
  if (PERSON_NOUNS.has(head) || ROLE_WORDS.has(head)) kind = 'description';
  else if (ORG_HEADS.has(head) || ORG_WORDS.has(head) || DETERMINERS.has(lower[0])) kind = 'organization';
  else if (toks.every((t) => /^\p{Lu}/u.test(t.text)) && toks.length >= 2) kind = 'person';
  else kind = 'unknown';
  if (!key) return null;
  return { name, key, kind, span, how };
}

// "he said" -> the person named last before it (see `nearestPersonBefore`); "they said" -> the group that spoke last.
function pronounSpeaker(pron: string, which: 'person' | 'group', span: Span, how: string, ctx: SpeakerContext): Speaker | null {
  if (which === 'person') {
    const m = nearestPersonBefore(ctx.mentions, span.start, ctx);
    if (!m) return null;
    return { name: m.name, key: m.key, kind: 'person', span, how: `pronoun ${pron} -> ${m.name} (${how})` };
  }
  const g = ctx.groups[ctx.groups.length - 1];
  if (!g) return null;
  return { name: g.name, key: g.key, kind: g.kind, span, how: `pronoun ${pron} -> ${g.name} (${how})` };
}

/**
 * The person a "he" or "she" at `at` stands for: the subject (first person named) of its own sentence
 * when that sentence names one before the pronoun, else of the nearest sentence before that names one.
 * "Roe criticized Smith, whom he called ..." -> Roe; "Roe spoke. He said ..." -> Roe.
 */
function nearestPersonBefore(mentions: readonly Mention[], at: number, ctx: SpeakerContext): Mention | undefined {
  // Candidates are the mentions before `at` outside the quotation; found by binary search, not a filter.
  const candidate = (m: Mention) => !(m.start >= ctx.quoteStart && m.end <= ctx.quoteEnd);
  let li = lastAtOrBefore(mentions, at - 1, mStart);
  while (li >= 0 && !candidate(mentions[li])) li--;
  if (li < 0) return undefined;
  const sentences = ctx.article.sentences;
  const last = mentions[li];
  const si = sentenceAt(sentences, last.start);
  if (si < 0) return last;
  const first = firstAtOrAfter(mentions, sentences[si].start, mStart);
  // "Velkov posted a long statement about his quarrel with Roe. 'I regret it,' he said.": the pronoun stands
  // for the sentence's subject, a name not known as a person's; Roe is no safe guess.
  if (first <= li && unknownNameOpens(ctx.article.reader, sentences[si].start, mentions[first].start)) return undefined;
  for (let i = first; i <= li; i++) if (candidate(mentions[i])) return mentions[i];
  return last;
}

/**
 * Whether the sentence starting at `start` opens with a capitalized word that is no known word and no
 * person mention (the first mention starts at `firstMention`), followed by a verb in the past tense or a
 * reporting verb: the subject is a name the people extractor did not take for a person ("Velkov
 * published ..."). "Union president Mara Quell told ..." opens with a title, not a subject of its own.
 */
function unknownNameOpens(text: string, start: number, firstMention: number): boolean {
  const toks = firstTokens(text, start, Math.min(firstMention, start + 80), 2, () => true);
  if (toks.length < 2 || toks[0].end > firstMention) return false;
  const [w, next] = toks;
  const lower = lowerPlain(w.text);
  if (!startsUpper(w.text) || STOPWORDS.has(lower) || NOT_NAMES.has(lower) || SENTENCE_STARTERS.has(lower) || PRONOUNS.has(lower) || ORG_WORDS.has(lower)) return false;
  const verb = lowerPlain(next.text);
  const l = lemma(verb);
  return !startsUpper(next.text) && (REPORTING_VERBS.has(verb) || verb.endsWith('ed') || (l !== verb && !verb.endsWith('s')));
}

const mStart = (m: Mention) => m.start;

/** The nearest person named before `at` within `[from, at)`: a weak guess for a partial quote. */
export function personInRange(mentions: readonly Mention[], from: number, at: number): Mention | undefined {
  // The last mention starting before `at` (sorted by start), if it starts at or after `from`.
  const i = lastAtOrBefore(mentions, at - 1, mStart);
  return i >= 0 && mentions[i].start >= from ? mentions[i] : undefined;
}

