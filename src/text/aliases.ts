import type { Vocabulary } from '../types';
import { foldKey } from './tokens';

/** What `canonicalKey` found: the key names the same thing as `canonical`, by the alias rule `rule`. */
export interface AliasMatch {
  canonical: string;
  rule: string;
}

const LEADING_ARTICLE = /^(?:the|a|an) /;

/** The form alias keys are stored in (see the `alias` data kind): "The U.S." -> "the us". */
function aliasForm(key: string): string {
  return foldKey(key);
}

/**
 * The alias entry a name or speaker key falls under, if any: "bkq" -> { canonical: "bart k quillfeather" }
 * when a user's alias rule lists `[bart k. quillfeather, bkq]`; "the us" -> "united states" by the
 * shipped places rule (a leading article is ignored: "the U.S." said = "the United States" said).
 */
export function aliasOf(key: string, vocabulary: Vocabulary): AliasMatch | undefined {
  const form = aliasForm(key);
  if (!form) return undefined;
  const hit = vocabulary.aliases.get(form) ?? vocabulary.aliases.get(form.replace(LEADING_ARTICLE, ''));
  return hit ? { canonical: hit.canonical, rule: hit.rule } : undefined;
}

/**
 * The key comparators compare names and speakers by: the canonical name of an alias, else the key
 * itself. Two keys name one thing when their canonical keys are equal.
 */
export function canonicalKey(key: string, vocabulary: Vocabulary): string {
  return aliasOf(key, vocabulary)?.canonical ?? key;
}

/**
 * The alias rule that makes two different keys one name ("bkq" and "bart k quillfeather"), or undefined
 * when no alias joins them (equal keys need no rule).
 */
export function aliasJoining(a: string, b: string, vocabulary: Vocabulary): AliasMatch | undefined {
  if (a === b) return undefined;
  const x = aliasOf(a, vocabulary);
  const y = aliasOf(b, vocabulary);
  if (x && y && x.canonical === y.canonical) return x.rule === y.rule ? x : { canonical: x.canonical, rule: x.rule < y.rule ? x.rule : y.rule };
  if (x && !y && x.canonical === aliasForm(b)) return x;
  if (y && !x && y.canonical === aliasForm(a)) return y;
  return undefined;
}
