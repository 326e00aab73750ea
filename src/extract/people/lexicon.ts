import { lang } from '../../lang/load';

/**
 * General English word lists for finding people, their titles and the speakers of quotes, lower case,
 * read from lang/en/people.yaml and lang/en/reporting-verbs.yaml (each list is documented there).
 */

const people = lang().people;

/** Honorifics and forms of address kept apart from a name: "Qari Jane Roe" -> honorific "Qari". */
export const HONORIFICS = new Set(people.honorifics);

/** Head words of posts and roles: a title must hold one of these to be a title at all. */
export const ROLE_WORDS = new Set(people['role-words']);

/** Multi-word roles read as one: "chief of staff" is not a chief of a staff. */
export const MULTIWORD_ROLES: readonly string[] = people['multiword-roles'];

/** Words that make a capitalized run an organization or thing rather than a person: "Harbor Watch". */
export const ORG_WORDS = new Set(people['org-words']);

/** Lower-case name particles that may sit inside a name: "Osama bin Laden". */
export const NAME_PARTICLES = new Set(people['name-particles']);

/** Verbs that introduce or follow a quotation (lang/en/reporting-verbs.yaml). */
export const REPORTING_VERBS = new Set(lang()['reporting-verbs'].verbs);

/** Nouns that describe an unnamed speaker: "a senior defence official", "a spokesman". */
export const PERSON_NOUNS = new Set(people['person-nouns']);

/** Heads of organization noun phrases: "the Ruritanian government", "the ministry". */
export const ORG_HEADS = new Set(people['org-heads']);

/** Words that start a sentence but never a name: "However", "The", "When". */
export const SENTENCE_STARTERS = new Set(people['sentence-starters']);

/** Month and weekday names: "Sunday", "September" start no person names. */
export { CALENDAR_WORDS_SET as CALENDAR_WORDS } from '../../lang/words';

/** Subject pronouns that may name a speaker, resolved to a person or group named earlier. */
// A Map, not an object: `"constructor" in {...}` is true.
export const PRONOUNS: ReadonlyMap<string, 'person' | 'group'> = new Map(Object.entries(people.pronouns));
