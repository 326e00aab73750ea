import { createHash } from 'node:crypto';

/** Short stable hash of a string: the first `length` hex digits of its SHA-256. */
export function shortHash(s: string, length = 8): string {
  return createHash('sha256').update(s).digest('hex').slice(0, length);
}

/** Compares strings by UTF-16 code units, never by locale: the same order on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A kebab-case slug of at most `max` characters: "Withdrawal of US troops" -> "withdrawal-of-us-troops". */
export function slug(s: string, max = 48): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out.slice(0, max).replace(/-+$/, '') || 'fact';
}

/** An object whose prototype is null: keys like "__proto__" from YAML stay plain keys. */
export function safeRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
