import type { Article, Claim, DateValue, Finding, QuantityValue, QuoteValue, RelationValue, Span, TitleValue } from '../types';
import { lineColumn } from '../text/span';
import { splitSentences } from '../lang/sentences';
import { lang } from '../lang/load';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../lang/words';
import { displayDate, weekdayOf } from '../normalize/dates';
import { unitById } from '../normalize/units';
import { lemma } from '../lang/word-forms';

/**
 * What a report calls a fact and how it shows a value, built from the claims' subject and attribute with
 * the words of lang/en/labels.yaml: a count of workers with attribute `striking` is "workers on strike",
 * read "640 workers"; a sum with attribute `value` is "value", read "$4.5 million"; a date with attribute
 * `landfall` and a clock time is "time of landfall", read "Wednesday, October 9, 2024, 8:30 p.m. EDT".
 * Labels are for people: ids, keys and the comparators' displays stay as they are.
 */

const words = () => lang().labels;
const said = () => words()['label-words'];

/** "worker" -> "workers", "person" -> "people", "body" -> "bodies", "staff" -> "staff". */
export function pluralNoun(noun: string): string {
  const forms = lang()['word-forms'];
  if (forms['plural-without-s'].includes(noun)) return noun;
  for (const [plural, singular] of Object.entries(forms['irregular-plurals'])) if (singular === noun && plural !== noun) return plural;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** The values given, most often given first, ties in the order first given: ["a", "b", "b"] -> ["b", "a"]. */
function byFrequency(values: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number));
}

/** The value most claims give, ties to the first given. Undefined for none. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  return byFrequency(values)[0];
}

/** The first eight words of a quotation, with "…" when there are more. */
function shortQuote(text: string, max = 8): string {
  const w = text.trim().split(/\s+/);
  return w.length > max ? `${w.slice(0, max).join(' ')}…` : text.trim();
}

/**
 * A subject phrase cut into the thing counted, the place and the time the text ties it to:
 * "people in Velmar County (three hours)" -> things "people", place "Velmar County", time "three hours".
 */
function subjectParts(claim: Claim | undefined): { things: string; place?: string; time?: string } {
  const s = claim?.subject;
  if (!s) return { things: '' };
  let text = s.text.trim();
  let time: string | undefined;
  let place: string | undefined;
  const t = /\s*\(([^()]+)\)$/.exec(text);
  if (t && s.time) {
    time = t[1];
    text = text.slice(0, t.index);
  }
  const p = /(?:^|\s)in\s+(.+)$/.exec(text);
  if (p && s.place) {
    place = p[1];
    text = text.slice(0, p.index);
  }
  return { things: text.trim(), place, time };
}

/** The claims of a finding, in reading order, found by their article and claim id. */
export type ClaimLookup = (source: string, claimId: string) => Claim | undefined;

function claimsOf(f: Finding, find: ClaimLookup): Claim[] {
  const out: Claim[] = [];
  for (const r of f.readings) for (const c of r.claims) {
    const claim = find(c.source, c.claim);
    if (claim) out.push(claim);
  }
  return out;
}

/** A label for the finding, or undefined when its claims say too little (the comparator's subject stays). */
export function findingLabel(f: Finding, find: ClaimLookup): string | undefined {
  const claims = claimsOf(f, find);
  if (!claims.length) return undefined;
  switch (f.kind) {
    case 'quantity':
      return quantityLabel(claims);
    case 'date':
      return dateLabel(claims);
    case 'quote': {
      const speaker = mostCommon(claims.map((c) => speakerName(c)));
      const quoted = `“${shortQuote((claims[0].value as QuoteValue).words)}”`;
      return speaker ? `${speaker}: ${quoted}` : quoted;
    }
    case 'attribution':
      return `${said()['who-said']} “${shortQuote((claims[0].value as QuoteValue).words)}”`;
    case 'title': {
      const name = mostCommon(claims.map((c) => (c.value as TitleValue).personName));
      return name ? `${said()['title-of']} ${name}` : undefined;
    }
    case 'name':
      return `${said()['spelling-of']} ${f.readings[0]?.display ?? ''}`.trim();
    case 'relation': {
      const attr = mostCommon(claims.map((c) => c.attribute));
      const subject = mostCommon(claims.map((c) => c.subject?.text));
      const noun = attr ? words()['relation-labels'][attr] ?? attr : undefined;
      return noun && subject ? `${noun} of ${subject}` : undefined;
    }
    default:
      return undefined;
  }
}

function speakerName(c: Claim): string | undefined {
  const s = (c.value as QuoteValue).speaker;
  return s && s.kind !== 'unknown' ? s.name : undefined;
}

/** "planned:launch" -> { key: "launch", planned: true }. */
function attributeOf(claims: readonly Claim[]): { key?: string; planned: boolean } {
  const attr = mostCommon(claims.map((c) => c.attribute));
  if (!attr) return { planned: false };
  const planned = attr.startsWith('planned:');
  return { key: planned ? attr.slice('planned:'.length) : attr, planned };
}

function quantityLabel(claims: readonly Claim[]): string | undefined {
  const { key, planned } = attributeOf(claims);
  const withAttr = claims.filter((c) => c.attribute?.endsWith(key ?? '\u0000'));
  const rep = withAttr.find((c) => c.subject) ?? claims.find((c) => c.subject) ?? claims[0];
  const value = rep.value as QuantityValue;
  const data = words();
  let label: string;
  if (value.dimension === 'age') {
    const subjects = withAttr.length ? withAttr : claims;
    const named = mostCommon(subjects.map((c) => c.subject?.text));
    if (!named) return data['dimension-nouns'].age;
    return (data['quantity-labels'].age ?? 'age of {subject}').replace('{subject}', named);
  }
  const parts = subjectParts(rep);
  const counted = mostCommon(claims.map((c) => (c.value as QuantityValue).counted));
  if (value.dimension === 'count' && counted) {
    const things = parts.things || pluralNoun(counted);
    const template = key ? data['quantity-labels'][key] : undefined;
    if (key && data['people-labels'][key] && data['death-toll-nouns'].includes(counted)) label = data['people-labels'][key];
    else if (template?.includes('{things}')) label = template.replace('{things}', things);
    else if (key && data['quantity-nouns'][key]) label = `${data['quantity-nouns'][key]}: ${things}`;
    else label = `${said()['number-of']} ${things}`;
  } else {
    const template = key ? data['quantity-labels'][key] : undefined;
    label = (key && data['quantity-nouns'][key]) || (template && !template.includes('{') ? template : '') || data['dimension-nouns'][value.dimension] || value.dimension;
    if (parts.things) label += ` of ${parts.things}`;
  }
  if (parts.place) label += ` in ${parts.place}`;
  if (parts.time) label += ` (${parts.time})`;
  return planned ? `${said().planned} ${label}` : label;
}

/** "withdraw" -> "the withdrawal" (event-nouns, then word-forms' matching-lemmas backwards), else "the stranding". */
function eventNoun(verb: string): string | undefined {
  const known = words()['event-nouns'][verb];
  if (known) return known;
  for (const [noun, v] of Object.entries(lang()['word-forms']['matching-lemmas'])) if (v === verb && !noun.endsWith('s')) return `the ${noun}`;
  // "strand" -> "the stranding", only when the -ing form is a form of the verb ("event:aviation" is no verb).
  const gerund = `${/[^e]e$/.test(verb) ? verb.slice(0, -1) : verb}ing`;
  return lemma(gerund) === verb ? `the ${gerund}` : undefined;
}

function dateLabel(claims: readonly Claim[]): string {
  const when = claims.some((c) => (c.value as DateValue).time) ? said()['time-of'] : said()['date-of'];
  // The most common attribute that names an event: "event:aviation" names none, "killed" does.
  for (const attr of byFrequency(claims.map((c) => c.attribute))) {
    const planned = attr.startsWith('planned:');
    const key = planned ? attr.slice('planned:'.length) : attr;
    const event = key.startsWith('event:') ? eventNoun(key.slice('event:'.length)) : words()['date-events'][key] ?? eventNoun(key);
    if (!event) continue;
    const label = `${when} ${event}`;
    return planned ? `${said().planned} ${label}` : label;
  }
  return when.split(' ')[0];
}

// ---------------------------------------------------------------------------------------------
// Values as people write them

/** 4500000 -> "4.5 million", 1200 -> "1,200", 74.5612 -> "74.56". */
export function formatNumber(n: number): string {
  const scales = lang().numbers.scales;
  for (const word of words()['shown-scales']) {
    const factor = scales[word]?.factor;
    if (!factor) continue;
    const scaled = n / factor;
    if (Math.abs(scaled) >= 1 && Math.abs(Math.round(scaled * 1000) - scaled * 1000) < 1e-6) return `${trimmed(scaled)} ${word}`;
  }
  return trimmed(n);
}

function trimmed(n: number): string {
  const fixed = Number(n.toFixed(2));
  const [int, frac] = String(Math.abs(fixed)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fixed < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "$" for USD, "€" for EUR: the shortest prefix that is not letters; the code otherwise ("CHF 5 million"). */
function moneyAmount(value: number, code: string): string {
  const currency = lang().units.currencies.find((c) => c.code === code);
  const symbol = currency?.prefixes.filter((p) => /[^A-Za-z.]/.test(p)).sort((a, b) => a.length - b.length)[0];
  return symbol ? `${symbol}${formatNumber(value)}` : `${formatNumber(value)} ${code}`;
}

/** "120 km", "30 years", "1 hour": the unit's symbol when it has one, else its name. */
function unitAmount(value: number, unitId: string): string {
  if (unitId === '%' || unitId === 'percent') return `${formatNumber(value)}%`;
  const unit = unitById(unitId);
  if (!unit || !('names' in unit)) return `${formatNumber(value)} ${unitId}`;
  const symbols = (unit as { symbols?: string[] }).symbols ?? [];
  if (symbols.length) return `${formatNumber(value)} ${symbols[0]}`;
  const names = unit.names.filter((n) => !n.includes('.'));
  const singular = [...names].sort((a, b) => a.length - b.length)[0] ?? unitId;
  const plural = names[0] ?? unitId;
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

/** A quantity as a reporter writes it: "about 1,200 passengers", "$4.5 million", "120 km (74.56 mi)". */
export function quantityText(v: QuantityValue): string {
  const shownAs = lang().hedges['shown-as'] as Record<string, string>;
  const hedge = v.hedge && shownAs[v.hedge] ? `${shownAs[v.hedge]} ` : '';
  const noun = (n: number) => (v.counted ? ` ${n === 1 ? v.counted : pluralNoun(v.counted)}` : '');
  const show = (s: { value: number; unit: string }): string => {
    if (v.dimension === 'count') return `${formatNumber(s.value)}${noun(s.value)}`;
    if (v.dimension === 'money') return moneyAmount(s.value, v.unit);
    if (v.dimension === 'age') return `${formatNumber(s.value)} ${said()['years-old']}`;
    return unitAmount(s.value, s.unit);
  };
  const first = v.stated[0];
  if (!first) return '';
  // "8 to 10 feet": one stated amount read as a range, shown in the unit it was stated in.
  const unit = unitById(first.unit);
  const factor = unit && 'factor' in unit && !unit.offset ? unit.factor : v.dimension === 'count' || v.dimension === 'money' ? 1 : undefined;
  if (!v.hedge && v.low !== v.high && v.stated.length === 1 && factor && v.dimension !== 'age') {
    const [low, high] = [v.low / factor, v.high / factor];
    const from = v.dimension === 'money' ? show({ value: low, unit: first.unit }) : formatNumber(low);
    return `${from} to ${show({ value: high, unit: first.unit })}`;
  }
  const rest = v.stated.slice(1).map(show);
  return `${hedge}${show(first)}${rest.length ? ` (${rest.join(', ')})` : ''}`;
}

/** "20:30" -> "8:30 p.m.", "09:00" -> "9 a.m.". */
function clock(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const half = h < 12 ? said().morning : said().afternoon;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${half}`;
}

function day(iso: string, weekday: boolean): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${weekday ? `${WEEKDAY_NAMES[weekdayOf(iso)]}, ` : ''}${MONTH_NAMES[m]} ${d}, ${y}`;
}

/** A clock time in words as written: "7 pm", "2:30 a.m.", "18.03 Hrs". */
const CLOCK = /\d(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b|hrs?\b)|\d:\d\d/i;

/** A date as a reporter writes it: "Monday, March 9, 2026", "July 2021", "8:30 p.m. EDT". */
export function dateText(v: DateValue): string {
  const hedge = v.hedge === 'approx' ? 'around ' : v.hedge === 'nearly' ? 'nearly ' : '';
  const time = v.time ? `${clock(v.time)}${v.zone ? ` ${v.zone}` : ''}` : '';
  if (!v.start || !v.end) {
    if (v.weekday !== undefined) return hedge + [WEEKDAY_NAMES[v.weekday], time].filter(Boolean).join(', ');
    // "around 2:30 a.m. (local time)" is shown as written: its words already hold the hedge and the time.
    const expression = v.relative?.expression ?? '';
    return CLOCK.test(expression) ? expression : [expression, time].filter(Boolean).join(', ');
  }
  const part = v.hedge === 'early' || v.hedge === 'mid' || v.hedge === 'late' ? `${v.hedge} ` : '';
  const [y1, m1] = v.start.split('-').map(Number);
  const [y2, m2] = v.end.split('-').map(Number);
  switch (v.grain) {
    case 'minute':
    case 'hour':
    case 'day':
      if (v.start === v.end) return hedge + [day(v.start, true), time].filter(Boolean).join(', ');
      return `${hedge}${day(v.start, false)} to ${day(v.end, false)}`;
    case 'week':
      return `${said()['week-of']} ${day(v.start, false)}`;
    case 'month':
      if (y1 === y2 && m1 === m2) return `${hedge}${part}${MONTH_NAMES[m1]} ${y1}`;
      return `${MONTH_NAMES[m1]}${y1 === y2 ? '' : ` ${y1}`} to ${MONTH_NAMES[m2]} ${y2}`;
    case 'season':
    case 'quarter':
      return `${MONTH_NAMES[m1]}${y1 === y2 ? '' : ` ${y1}`} to ${MONTH_NAMES[m2]} ${y2}`;
    default:
      return displayDate(v);
  }
}

/** A reading's value as people write it, from its first claim; undefined when the display already is. */
export function readingLabel(kind: Finding['kind'], claim: Claim | undefined, display: string): string | undefined {
  if (!claim) return undefined;
  let text: string | undefined;
  if (kind === 'quantity' && claim.value.type === 'quantity') text = quantityText(claim.value);
  else if (kind === 'date' && claim.value.type === 'date') text = dateText(claim.value);
  else if (kind === 'relation' && claim.value.type === 'relation') text = (claim.value as RelationValue).value;
  return text && text !== display ? text : undefined;
}

/**
 * Where the article names a quote's speaker, when the quote's own sentence does not: for
 * `"We will sail," he said.` after `Idris Calloway spoke at the pier.`, the "Idris Calloway" of the earlier
 * sentence. Undefined when the quote's sentence names the speaker itself, or no earlier mention is found.
 */
export function speakerNamed(claim: Claim, article: Article | undefined): Span | undefined {
  if (!article || claim.value.type !== 'quote') return undefined;
  const speaker = claim.value.speaker;
  if (!speaker || speaker.kind === 'unknown' || !speaker.name) return undefined;
  const sentences = article.sentences.length ? article.sentences : splitSentences(article.reader ?? article.text, article.bodyStart);
  const own = sentences.find((x) => x.start <= claim.span.start && claim.span.start < x.end) ?? { start: claim.span.start, end: claim.span.end };
  const from = Math.min(own.start, claim.span.start);
  const to = Math.max(own.end, claim.span.end);
  const surname = speaker.name.split(/\s+/).pop() as string;
  const names = (text: string) => text.toLowerCase().includes(surname.toLowerCase());
  if (names(article.text.slice(from, to))) return undefined;
  // The extractor's own span when it names the speaker outside the sentence ("said Calloway" in the next one).
  if (speaker.span && names(speaker.span.text)) return speaker.span;
  const text = article.text;
  for (const needle of [speaker.name, surname]) {
    let at = text.lastIndexOf(needle, from - needle.length);
    while (at >= 0) {
      const before = at === 0 ? ' ' : text[at - 1];
      const after = text[at + needle.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        const { line, column } = lineColumn(article.lineStarts, at);
        return { start: at, end: at + needle.length, text: needle, line, column };
      }
      at = at === 0 ? -1 : text.lastIndexOf(needle, at - 1);
    }
  }
  return undefined;
}

/**
 * Every finding with its `label` and each reading's `label` (when they say more than the subject and
 * display already do). Pure: the same findings and claims give the same labels.
 */
export function labelFindings(findings: readonly Finding[], find: ClaimLookup, articles?: ReadonlyMap<string, Article>): Finding[] {
  return findings.map((f) => {
    const label = findingLabel(f, find);
    const readings = f.readings.map((r) => {
      const first = r.claims[0];
      const shown = readingLabel(f.kind, first ? find(first.source, first.claim) : undefined, r.display);
      const rest = { ...r };
      if (f.kind === 'attribution' || f.kind === 'quote') {
        rest.claims = r.claims.map((c) => {
          const { speaker: _old, ...ref } = c;
          const claim = find(c.source, c.claim);
          const named = claim ? speakerNamed(claim, articles?.get(c.source)) : undefined;
          return named ? { ...ref, speaker: named } : ref;
        });
      }
      delete rest.label;
      if (!shown) return rest;
      // After the display it says better.
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) {
        out[k] = v;
        if (k === 'display') out.label = shown;
      }
      return out as unknown as typeof r;
    });
    // The label right after the subject it says better, so a reader of the JSON finds them together.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f)) {
      if (k === 'label') continue;
      out[k] = k === 'readings' ? readings : v;
      if (k === 'subject' && label && label !== f.subject) out.label = label;
    }
    return out as unknown as Finding;
  });
}
