/**
 * A synthetic newsroom for the scaling benchmark: many stories, each told by several outlets, with
 * planted agreements (same figure), variants (same fact in other words: "about 1,200" / "1,200",
 * "$4.5 million" / "4.5m dollars") and conflicts (one outlet gives another figure or day). Same seed,
 * same corpus. Every story has its own invented place and people, so stories do not meet in comparison.
 */
import { seeded } from './corpus';

/** A conflict planted in one story: which fact, and which outlet's article carries the odd value. */
export interface PlantedConflict {
  story: number;
  kind: 'quantity' | 'date';
  /** Article id (file name) of the outlet that disagrees. */
  odd: string;
}

export interface Newsroom {
  /** Article id (file name) -> text. */
  articles: Map<string, string>;
  /** Article id -> story number. */
  storyOf: Map<string, number>;
  planted: PlantedConflict[];
}

const SYLLABLES = ['ka', 'lo', 'mer', 'dun', 'vi', 'tor', 'sa', 'bel', 'rin', 'go', 'fal', 'ne', 'ost', 'quar', 'ted', 'mi', 'zan', 'por', 'lek', 'hu'];
const GIVEN = ['Amina', 'Carlos', 'Mei', 'Tomasz', 'Grace', 'Ibrahim', 'Lena', 'Rahul', 'Sofia', 'Kwame', 'Yuki', 'Pedro', 'Hana', 'Oliver', 'Ines', 'Jonas'];
const ROLES = ['Harbor Minister', 'Mayor', 'Transport Minister', 'police chief', 'Governor', 'Health Minister'];
const NOUNS = ['passengers', 'workers', 'residents', 'students', 'patients', 'families'];
const EVENTS = ['strike', 'flood', 'blackout', 'landslide', 'protest', 'fire'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const OUTLETS = ['wire', 'gazette', 'courier', 'post', 'herald', 'times'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `count` articles in stories of 3 to 6 outlets; about one story in three has a planted conflict. */
export function newsroom(seed: number, count: number): Newsroom {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  const articles = new Map<string, string>();
  const storyOf = new Map<string, number>();
  const planted: PlantedConflict[] = [];
  for (let story = 0; articles.size < count; story++) {
    const place = `${word(2)}${story}`.replace(/\d+$/, (d) => toLetters(Number(d)));
    const person = `${pick(GIVEN)} ${word(2)}${toLetters(story)}`;
    const role = pick(ROLES);
    const noun = pick(NOUNS);
    const event = pick(EVENTS);
    const amount = int(12, 95) * 100;
    const money = int(12, 95) / 10;
    const day = int(1, 26);
    const month = int(0, 11);
    const year = int(2019, 2025);
    const weekday = pick(WEEKDAYS);
    const quote = `The ${word(1).toLowerCase()}${word(2).toLowerCase()} of ${place} will ${pick(['stand', 'recover', 'hold', 'return'])} ${pick(['soon', 'again', 'this year', 'in time'])}`;
    const outlets = Math.min(int(3, 6), count - articles.size);
    if (outlets < 2) break;
    const conflict = r() < 0.35 ? (r() < 0.5 ? 'quantity' : 'date') : null;
    const oddOutlet = int(0, outlets - 1);
    for (let o = 0; o < outlets; o++) {
      const id = `s${String(story).padStart(5, '0')}-${OUTLETS[o]}.txt`;
      const odd = conflict !== null && o === oddOutlet;
      // The odd outlet's figure is far off (no rounding explains it); the others may hedge or round.
      const n = odd && conflict === 'quantity' ? amount + int(6, 9) * 100 : amount;
      const nText = !odd && r() < 0.3 ? `about ${n.toLocaleString('en-US')}` : n.toLocaleString('en-US');
      const d = odd && conflict === 'date' ? ((day + int(2, 4) - 1) % 27) + 1 : day;
      const moneyText = r() < 0.5 ? `$${money} million` : `${money}m dollars`;
      const lines = [
        `${place} ${event} leaves ${noun} stranded`,
        '',
        `The ${event} in ${place} began on ${MONTHS[month]} ${d}, ${year}, and left ${nText} ${noun} without service, officials in ${place} said.`,
        `${role} ${person} said the ${place} authority would spend ${moneyText} on ${place} repairs.`,
        `"${quote}," ${person.split(' ')[1]} told ${place} reporters on ${weekday}.`,
        `Crews from ${place} worked through the night, and the ${place} council met again later in the week.`,
      ];
      if (r() < 0.5) lines.push(`Residents of ${place} said the ${event} was the worst in years.`);
      articles.set(id, lines.join('\n') + '\n');
      storyOf.set(id, story);
      if (odd && conflict) planted.push({ story, kind: conflict, odd: id });
    }
  }
  return { articles, storyOf, planted };
}

// 0 -> "a", 25 -> "z", 26 -> "ba": a story number as letters, so names carry no digits.
function toLetters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}
