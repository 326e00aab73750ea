/** A word of the text with its offsets `[start, end)`. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Words with letters, digits, inner apostrophes, hyphens and periods: "doesn't", "two-decade", "U.S.", "3.0".
const WORD = /[\p{L}\p{N}]+(?:[\u2019'.\-][\p{L}\p{N}]+)*\.?/gu;

/** Word tokens of `text[from, to)` with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    if (m.index >= to) break;
    let word = m[0];
    // A trailing period belongs to the word only in abbreviations: "U.S." keeps it, "Porthaven." does not.
    if (word.endsWith('.') && !/\.[\p{L}]\.$/u.test(word) && !/^\p{L}\.$/u.test(word)) word = word.slice(0, -1);
    const end = Math.min(m.index + word.length, to);
    // The word itself unless the range cut it: no second copy of every token.
    out.push({ text: end === m.index + word.length ? word : text.slice(m.index, end), start: m.index, end });
  }
  return out;
}

const FIRST_WORD = new RegExp(WORD.source, WORD.flags);

/**
 * The first `limit` tokens of `text[from, to)` that `keep` accepts: the same as
 * `tokenize(text, from, to).filter(keep).slice(0, limit)`, but it stops reading once it has them.
 */
export function firstTokens(text: string, from: number, to: number, limit: number, keep: (t: Token) => boolean): Token[] {
  const out: Token[] = [];
  if (limit <= 0) return out;
  // Its own copy of WORD: `keep` may call tokenize, which moves WORD.lastIndex.
  FIRST_WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = FIRST_WORD.exec(text)) !== null) {
    if (m.index >= to) break;
    let word = m[0];
    if (word.endsWith('.') && !/\.[\p{L}]\.$/u.test(word) && !/^\p{L}\.$/u.test(word)) word = word.slice(0, -1);
    const end = Math.min(m.index + word.length, to);
    const t = { text: end === m.index + word.length ? word : text.slice(m.index, end), start: m.index, end };
    if (!keep(t)) continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without about as into onto over under after before ' +
    'than then that this these those there here it its it\'s he she they them his her their hers theirs we us our you your i me my ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'not no so if when while where which who whom whose what why how all any some each every both either neither ' +
    'also just only even very more most much many such own same other another up down out off again further once ' +
    'one s t said says say saying told tells tell according reported reports'
  ).split(/\s+/),
);

const IRREGULAR: Record<string, string> = {
  withdrew: 'withdraw', withdrawn: 'withdraw', withdrawal: 'withdraw', withdrawals: 'withdraw',
  built: 'build', building: 'build', built_: 'build', began: 'begin', begun: 'begin', fought: 'fight',
  took: 'take', taken: 'take', retook: 'retake', retaken: 'retake', gave: 'give', given: 'give', went: 'go', gone: 'go',
  came: 'come', made: 'make', said: 'say', told: 'tell', wrote: 'write', written: 'write', sent: 'send', held: 'hold',
  left: 'leave', lost: 'lose', won: 'win', sold: 'sell', bought: 'buy', paid: 'pay', met: 'meet', fell: 'fall',
  fallen: 'fall', rose: 'rise', risen: 'rise', ran: 'run', struck: 'strike', killed: 'kill', died: 'die', dead: 'die',
  death: 'die', deaths: 'die', born: 'bear', founded: 'found', seized: 'seize', opened: 'open', closed: 'close',
  elected: 'elect', election: 'elect', elections: 'elect', signed: 'sign', posted: 'post', posts: 'post',
  threatened: 'threaten', threats: 'threaten', threat: 'threaten', attacked: 'attack', attacks: 'attack',
};

/**
 * A crude English lemma for matching, not for display: "withdrew" -> "withdraw", "constructed" ->
 * "construct", "negotiations" -> "negotiat". Two forms of one word must meet; nothing more is promised.
 */
export function lemma(word: string): string {
  // Memoized: comparison asks for the same few thousand words millions of times.
  let l = LEMMA_MEMO.get(word);
  if (l === undefined) {
    l = computeLemma(word);
    if (LEMMA_MEMO.size >= 100000) LEMMA_MEMO.clear();
    LEMMA_MEMO.set(word, l);
  }
  return l;
}

const LEMMA_MEMO = new Map<string, string>();

function computeLemma(word: string): string {
  let w = word.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '');
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length <= 4) return w;
  for (const [suffix, keep] of [
    ['ations', 3], ['ation', 3], ['ments', 0], ['ment', 0], ['ings', 0], ['ing', 0], ['ions', 0], ['ion', 0],
    ['ies', -1], ['ied', -1], ['ed', 0], ['es', 0], ['s', 0],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      if (keep === -1) return w.slice(0, -suffix.length) + 'y';
      w = w.slice(0, w.length - suffix.length + keep);
      if (suffix === 'ations' || suffix === 'ation') w = w.slice(0, -3) + 'at';
      break;
    }
  }
  // "constructed" -> "construct", "planned" -> "plan"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * The key form of a name: accents folded, curly apostrophes plain, periods dropped, spaces single,
 * lower case. "Dr. José  O’Neil" -> "dr jose o'neil".
 */
export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Lower-case, curly quotes and dashes made plain, accents folded: for comparing wordings. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
