/**
 * The one shared vocabulary of corroborate: articles, spans, claims, rules, findings.
 *
 * Offsets are 0-based JavaScript string indices into the article file's text as decoded from disk
 * (nothing stripped); ranges are `[start, end)`. Lines and columns are 1-based.
 */

/** An exact piece of an article: `text === article.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

/** Metadata from YAML front matter or from a `corpus.yaml` beside the articles. */
export interface ArticleMeta {
  title?: string;
  outlet?: string;
  url?: string;
  /** As given by the source; `ReferenceDate.date` holds the normalized day. */
  published?: string;
}

/** The day relative expressions ("Saturday", "yesterday") are resolved against. */
export interface ReferenceDate {
  /** ISO day, `YYYY-MM-DD`. */
  date: string;
  source: 'front-matter' | 'corpus' | 'text';
  /** Where the text states it, when `source` is `text`. */
  span?: Span;
}

/** A sentence of the article body, `[start, end)` into `Article.text`. */
export interface Sentence {
  start: number;
  end: number;
}

export interface Article {
  /** Path relative to the folder given on the command line, `/`-separated (the file name for a flat folder). */
  id: string;
  /** Absolute path of the file read. */
  path: string;
  /** The file's text exactly as decoded from disk (UTF-8; a BOM is kept). */
  text: string;
  /**
   * The text a reader sees, as long as `text` and at the same offsets: markup, code, boilerplate and a
   * line break inside a paragraph are spaces ("The ferry\nleft" reads "The ferry left"; `[Ana Rell](u)`
   * reads " Ana Rell    "). Extraction reads this; spans slice `text`.
   */
  reader: string;
  /** Offset where the body starts (after front matter; 0 without). */
  bodyStart: number;
  meta: ArticleMeta;
  referenceDate: ReferenceDate | null;
  sentences: Sentence[];
  /** Offset of the first character of each line, for line/column look-ups. */
  lineStarts: number[];
}

// ---------------------------------------------------------------------------------------------
// Values: intervals with a grain and a hedge, never bare points.

/**
 * How the text softens or bounds a value: "about 50" -> `approx`, "nearly two decades" -> `nearly`,
 * "more than 40" -> `more-than`, "the early 1950s" -> `early`.
 */
export type Hedge =
  | 'approx'
  | 'nearly'
  | 'more-than'
  | 'at-least'
  | 'less-than'
  | 'at-most'
  | 'up-to'
  | 'early'
  | 'mid'
  | 'late';

export type DateGrain = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

/**
 * A calendar interval. `start`/`end` are inclusive ISO days (`YYYY-MM-DD`). An unresolved relative date
 * ("Saturday" in an article without a reference date) has no `start`/`end` but keeps `weekday`.
 */
export interface DateValue {
  type: 'date';
  start?: string;
  end?: string;
  grain: DateGrain;
  hedge?: Hedge;
  /** `HH:MM` (24 h) when a time of day is stated. */
  time?: string;
  /** Time zone as written ("ET", "UTC", "+04:30"). */
  zone?: string;
  /** 0 = Sunday ... 6 = Saturday, when the text names a weekday. */
  weekday?: number;
  /** `MM-DD` of a day stated without a year when no reference date gives one ("July 14" in an undated article). */
  monthDay?: string;
  /** Present when the expression is relative: how it was (or was not) resolved. */
  relative?: {
    expression: string;
    /** The reference day used, `YYYY-MM-DD`; absent when unresolved. */
    referenceDate?: string;
    /** e.g. "Saturday (article of Sunday 2025-09-21) = 2025-09-20". */
    how: string;
  };
}

export type QuantityDimension =
  | 'length'
  | 'area'
  | 'volume'
  | 'mass'
  | 'speed'
  | 'temperature'
  | 'money'
  | 'percent'
  | 'duration'
  | 'count'
  /** A person's age in years ("Mara Quell, 61"): never compared with other durations. */
  | 'age';

/**
 * A measured amount, normalized to the canonical unit of its dimension: metres, square metres, litres,
 * kilograms, km/h, degrees Celsius, the currency code (no conversion between currencies), percent,
 * years for durations, plain numbers for counts.
 */
export interface QuantityValue {
  type: 'quantity';
  dimension: QuantityDimension;
  /** Canonical unit: "m", "m2", "l", "kg", "km/h", "degC", "USD", "percent", "year", "count". */
  unit: string;
  /** Interval in the canonical unit, hedges applied. */
  low: number;
  high: number;
  hedge?: Hedge;
  /** Each amount as written: "50 kilometers (31.06 miles)" gives two entries for one claim. */
  stated: { value: number; unit: string; text: string }[];
  /** What a count counts ("workers", "students"), singular lower case. */
  counted?: string;
}

export type SpeakerKind = 'person' | 'organization' | 'description' | 'unknown';

/** Who a quote is given to, and how that was found. */
export interface Speaker {
  /** As written, or the resolved full name for a pronoun or a surname. */
  name: string;
  /** Lower-case key used to compare speakers ("marit oyelaran", "ruritanian government"). */
  key: string;
  kind: SpeakerKind;
  /** The words in the article that name the speaker (the pronoun for a resolved pronoun). */
  span?: Span;
  /** "X said", "said X", "according to X", "pronoun she -> Marit Oyelaran", "none found", ... */
  how: string;
}

export interface QuoteValue {
  type: 'quote';
  /** The quoted words: the claim span without its quote marks. */
  words: string;
  /** Identifies the whole quotation this segment belongs to (`q@start-end` of the full quotation). */
  quotation: string;
  /** A fragment woven into a sentence of the reporter's ('warned of "hard times"'). */
  partial: boolean;
  /** Embedded social post, rather than a quotation in quote marks. */
  post?: boolean;
  speaker: Speaker | null;
}

export interface PersonValue {
  type: 'person';
  /** The full name as written, without honorifics ("Marit Oyelaran"). */
  name: string;
  /** Lower-case key, diacritics folded ("marit oyelaran"). */
  key: string;
  honorific?: string;
  given?: string;
  surname: string;
}

export interface TitleValue {
  type: 'title';
  /** Key of the person holding it (`PersonValue.key`). */
  person: string;
  /** The person's name as written in this article. */
  personName: string;
  /** The title as written ("Chief of Staff at Ruritania's Ministry of Defence"). */
  title: string;
  /** Normalized role words ("chief of staff", "president"). */
  role: string;
  /** Normalized organization or country the role belongs to ("ministry of defense"), when stated. */
  org?: string;
  /** Country or place qualifier ("ruritania", "united states"), when stated. */
  place?: string;
  former: boolean;
}

/** What a named thing that is not a person is: "Port Velmar Airport" -> place, "Northwind Air" -> organization. */
export type EntityKind = 'organization' | 'place' | 'vehicle' | 'event' | 'other';

/** A named place, organization, vehicle, product or mission: "Velmar-4", "Ministry of Fisheries". */
export interface EntityValue {
  type: 'entity';
  /** The name as written, without a leading "the" or a possessive ("Ministry of Fisheries"). */
  name: string;
  /** Lower-case key, diacritics folded, "X of Y" orgs turned "Y X", abbreviations spelled out ("fisheries ministry"). */
  key: string;
  entityKind: EntityKind;
  /** The short form the text gives in parentheses after the name: "Port Velmar Authority (PVA)" -> "PVA". */
  short?: string;
}

/**
 * A relation between named things: the subject (the flight, the ship, the company, on `Claim.subject`) has
 * `Claim.attribute` (operator, flag, owner, route-origin, route-destination) equal to this named thing.
 * "a Northwind Air flight" -> `{ value: 'Northwind Air', key: 'northwind air' }`, attribute operator.
 */
export interface RelationValue {
  type: 'relation';
  /** The named thing as written, or as the data names it ("Liberian" -> "Liberia"). */
  value: string;
  /** Normalized key compared across articles. */
  key: string;
}

export type ClaimValue = DateValue | QuantityValue | QuoteValue | PersonValue | TitleValue | EntityValue | RelationValue;
export type ClaimKind = ClaimValue['type'];

/**
 * Words around a claim that say what it is about, used to decide whether two claims speak of the same fact.
 * "U.S. and NATO troops withdrew from Velmar in July 2021" -> predicates ["withdraw"], entities ["us", "nato", "velmar"].
 */
export interface ClaimContext {
  /** Lower-case lemmas of verbs and event nouns near the claim. */
  predicates: string[];
  /** Lower-case keys of names (people, places, organizations) near the claim. */
  entities: string[];
  /** Other content words near the claim, lower-case lemmas. */
  words: string[];
  /** True when the claim sits inside quotation marks. */
  inQuote?: boolean;
  /** True when the claim sits in a headline: a line of its own that ends with no sentence mark. */
  inHeadline?: boolean;
}

/**
 * What a claim is about, found from the sentence's structure: "the 61-year-old engineer Mara Quell" ->
 * `{ text: 'Mara Quell', key: 'mara quell' }`; "six crew members were killed" -> `{ text: 'crew members',
 * key: 'crew member' }`.
 */
export interface ClaimSubject {
  /** A phrase from the text a person would write: "the ferry", "Mara Quell", "the landfall". */
  text: string;
  /** Normalized key compared across articles (lower case, lemmas, diacritics folded): "ferry", "mara quell". */
  key: string;
  /** A place the fact is tied to ("died in Velmar County" -> "velmar county"), folded. */
  place?: string;
  /** A time the fact is tied to in its clause: a year ("died in 1921" -> "1921") or a span ("within three hours" -> "three hours"). */
  time?: string;
  /**
   * The named body a count belongs to, as its initials: "three teams of the Harbor Rescue Corps" and
   * "nine teams of HRC" -> "hrc".
   */
  owner?: string;
}

/** A claim as found in one article. */
export interface Claim<V extends ClaimValue = ClaimValue> {
  /** Unique within its article: `${kind}@${start}-${end}`. */
  id: string;
  /** Article id. */
  source: string;
  kind: V['type'];
  /** Id of the extractor that found it. */
  extractor: string;
  span: Span;
  value: V;
  context: ClaimContext;
  /** The entity or event the claim is about, when found. */
  subject?: ClaimSubject;
  /**
   * What is stated of the subject, a key from the attribute data ("killed", "injured", "aboard", "length",
   * "age", "landfall", "operator"), when found.
   */
  attribute?: string;
}

export type DateClaim = Claim<DateValue>;
export type QuantityClaim = Claim<QuantityValue>;
export type QuoteClaim = Claim<QuoteValue>;
export type PersonClaim = Claim<PersonValue>;
export type TitleClaim = Claim<TitleValue>;
export type EntityClaim = Claim<EntityValue>;
export type RelationClaim = Claim<RelationValue>;

// ---------------------------------------------------------------------------------------------
// Extraction

/**
 * What an extractor is given besides the article. It holds nothing of the rules: claims depend only on the
 * article text, the language data (lang/en) and the extractor version; the rules' vocabulary (event
 * synonyms, aliases, spellings) is applied when claims are compared.
 */
export interface ExtractContext {
  /**
   * Where an extractor lists what it saw and could not read, instead of reading it wrong: "January 1,
   * 99999" is no date of the reference year. The pipeline reports each as a warning with its place.
   */
  unread?: Unread[];
}

/** Text an extractor recognized and left unread, `[start, end)` of the article it was given. */
export interface Unread {
  start: number;
  end: number;
  /** Why, after the quoted text: "not read: a year past 9999". */
  message: string;
}

/**
 * One extractor finds one kind of claim. It may read the claims of extractors listed before it
 * (quotes read people to name speakers). It must not mutate `earlier`.
 */
export interface Extractor {
  id: string;
  kinds: ClaimKind[];
  extract(article: Article, ctx: ExtractContext, earlier: readonly Claim[]): Claim[];
}

/** A pure pass over one article's claims (chrono's refiners): returns a new array. */
export type Refiner = (claims: readonly Claim[], article: Article, ctx: ExtractContext) => Claim[];

// ---------------------------------------------------------------------------------------------
// Rules and comparison

export type Verdict = 'agree' | 'variant' | 'conflict';
export type Severity = 'off' | 'info' | 'warning' | 'error';
export type FindingKind = 'quantity' | 'date' | 'quote' | 'attribution' | 'title' | 'name' | 'relation';

/** A rule instance from `rules/*.yaml`: a comparator in code plus parameters. */
export interface Rule {
  /** From the file name: `rules/quantity-tolerance.yaml` -> `quantity-tolerance`. */
  id: string;
  /** Comparator id. */
  extends: string;
  appliesTo: ClaimKind[];
  severity: Severity;
  description?: string;
  /** Parameters after schema defaults are filled in. */
  params: Record<string, unknown>;
  /** File the rule came from (absolute), for messages. */
  file: string;
}

/**
 * Data shared by all comparators and extractors, merged from every data rule:
 * "not possible" = "impossible" (paraphrase), "defence" = "defense" (spelling), units, title words.
 */
export interface Vocabulary {
  /** Each set: phrases that mean the same, lower-case; with the id of the rule that declared it. */
  paraphrases: { phrases: string[]; rule: string }[];
  /** Spelling variants: each variant -> preferred spelling, lower-case. */
  spellings: Map<string, { preferred: string; rule: string }>;
  /** Aliases for names: alias key -> canonical key. */
  aliases: Map<string, { canonical: string; rule: string }>;
  /** Verb and noun lemmas that mean the same event: "built" -> "build", "constructed" -> "build". */
  predicates: Map<string, string>;
  /**
   * Weak predicates: reporting verbs ("say", "tell") and verbs that name no event of their own ("begin",
   * "start"): weak evidence that two dates are the same fact.
   */
  reportingVerbs: Set<string>;
}

export interface RuleSet {
  /** Comparator rules in force, sorted by id. */
  rules: Rule[];
  /** Data rules in force (merged into `vocabulary`), sorted by id. */
  data: Rule[];
  vocabulary: Vocabulary;
}

/** What a comparator says of two claims. */
export interface PairJudgement {
  relation: Verdict;
  /** Human reason: "July 2021 lies within 2021". */
  reason: string;
  /** Id of the data rule that made two wordings equivalent, when one did. */
  rule?: string;
}

export interface CompareContext {
  rule: Rule;
  vocabulary: Vocabulary;
  articles: ReadonlyMap<string, Article>;
  /** Every claim this rule compares (set by the engine): for statistics such as "the only count of workers in its article". */
  pool?: readonly Claim[];
  /** Per-run memo for what a comparator derives from `pool`; keyed by the comparator's own names. */
  memo?: Map<string, unknown>;
}

/**
 * A comparator decides, for claims of its kinds, which speak of the same fact (`link`) and how their
 * values relate (`compare`). The engine clusters claims and builds findings from these two answers.
 */
export interface Comparator {
  id: string;
  kinds: ClaimKind[];
  /** The finding kind it reports under (a quote comparator may report `attribution`). */
  findingKind: FindingKind;
  /** JSON Schema of `params`, with defaults. */
  paramsSchema: Record<string, unknown>;
  /** Claims this comparator takes part in (default: every claim of its kinds). */
  accepts?(claim: Claim, ctx: CompareContext): boolean;
  /** Keys for candidate generation: only claims sharing a key are ever paired (no all-pairs). */
  blockKeys(claim: Claim, ctx: CompareContext): string[];
  /** How surely two claims speak of the same fact, 0 (different facts) to 1. */
  link(a: Claim, b: Claim, ctx: CompareContext): number;
  /** How the two values relate. Called for linked pairs. */
  compare(a: Claim, b: Claim, ctx: CompareContext): PairJudgement;
  /** Claims with the same reading key form one reading. */
  readingKey(claim: Claim, ctx: CompareContext): string;
  /** Short display of a reading ("July 2021", "50 km"). */
  display(claim: Claim, ctx: CompareContext): string;
  /** JSON value of a reading for the report. */
  readingValue(claim: Claim, ctx: CompareContext): unknown;
  /** What the fact is about, in a few words ("withdraw us nato velmar"). */
  subject(claims: readonly Claim[], ctx: CompareContext): string;
  /**
   * Which claims are twins, that link and compare alike with every other claim. Where a block key holds
   * too many claims to pair them all (a story told by two hundred outlets), the engine pairs one claim of
   * each set of twins and joins the others to it. 'telling' (default): claims of one telling (link.ts
   * `tellingKey`: the claim as written in its sentence, in an article naming the same names) with the same
   * `twinValue`; 'value': claims of one value wherever they stand (a name compared by itself).
   */
  twins?: 'telling' | 'value';
  /**
   * What of a claim, besides its telling, its link and judgement read (default: its value): a quote's words
   * and its whole quotation's, not the quotation's place in the article.
   */
  twinValue?(claim: Claim, ctx: CompareContext): unknown;
  /**
   * Narrower block keys of a claim under `key`, for a bucket too large to pair whole: "ns3:mar" (a
   * surname's first three letters) -> ["ns4:marw"]. Empty when the claim has none narrower.
   */
  refineKey?(key: string, claim: Claim, ctx: CompareContext): string[];
  /**
   * True when `link` is 0 for claims of two stories (link.ts `differentStories`): a block key holding
   * too many claims is then split by story groups (link.ts `storyGroups`) before pairing.
   */
  storyBound?: boolean;
  /*
   * The engine reads two params of every rule: `link-agree` (default 0.25), the least link for two
   * agreeing or varying claims to join one finding, and `link-conflict` (default 0.75), the least link
   * for two conflicting claims to be reported against each other.
   */
}

/** A claim as it appears in a report. */
export interface ClaimRef {
  source: string;
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
  /** Claim id within its article. */
  claim: string;
  /**
   * Where the article names the speaker of a quote whose own sentence gives only a pronoun ("…," he
   * said): the name in an earlier sentence ("Idris Calloway, the harbor master, said…"). Added by the report.
   */
  speaker?: Span;
}

export interface Reading {
  display: string;
  /**
   * The value as a reporter writes it, when that differs from `display` ("$4.5 million" for "4500000
   * USD", "640 workers" for "640 worker"): added by the report (src/report/labels.ts), for people.
   */
  label?: string;
  value: unknown;
  /** One claim per source: where each source states the reading most plainly. */
  claims: ClaimRef[];
  /**
   * The same reading stated again by a source already in `claims` (a headline and the body, a figure
   * repeated further down), when there are such: listed, never paired with other claims.
   */
  repeats?: ClaimRef[];
}

export interface ReadingRelation {
  between: [number, number];
  relation: Verdict;
  reason: string;
  rule?: string;
}

export interface Finding {
  /** Stable fingerprint: same input, same id. */
  id: string;
  kind: FindingKind;
  subject: string;
  /**
   * What the fact is, as an editor would write it, built from the claims' subject and attribute ("people
   * killed in Velmar County", "time of landfall", "age of Mara Quell"): added by the report when the claims
   * say enough (src/report/labels.ts); `subject` stays the comparator's.
   */
  label?: string;
  verdict: Verdict;
  severity: Exclude<Severity, 'off'>;
  /** Id of the rule that decided. */
  rule: string;
  message: string;
  readings: Reading[];
  relations: ReadingRelation[];
}

/** A loader's answer: no throwing across module bounds. */
export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };

/** A located problem in an input file: printed as `file:line:column: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * An extractor that threw on an article: the run goes on without that extractor's claims for it, and
 * the error is reported (stderr, and the JSON report's `errors`).
 * `{ article: 'a.md', extractor: 'dates', message: 'RangeError: Invalid time value' }`.
 */
export interface ExtractionError {
  article: string;
  extractor: string;
  message: string;
  /** Not a failure: text the extractor left unread (ExtractContext.unread), at this line and column. */
  unread?: boolean;
  line?: number;
  column?: number;
}
