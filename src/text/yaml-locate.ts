import { isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import { computeLineStarts, lineColumn } from './span';

/**
 * Where a value of a parsed YAML document sits, as 1-based line and column: for a JSON pointer such as
 * "/params/sets/0" (ajv's `instancePath`). Falls back to the nearest ancestor that exists; `key` points at
 * the key instead of the value ("unknown key" messages).
 */
export function locateInYaml(
  doc: Document,
  source: string,
  pointer: string,
  options: { key?: string; lineStarts?: number[] } = {},
): { line: number; column: number } {
  const lineStarts = options.lineStarts ?? computeLineStarts(source);
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const part of parts) {
    const next = child(node, part);
    if (next === undefined) break;
    node = next.value;
    offset = rangeStart(next.value) ?? rangeStart(next.key) ?? offset;
  }
  if (options.key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === options.key);
    const at = pair ? rangeStart(pair.key) : undefined;
    if (at !== undefined) offset = at;
  }
  return lineColumn(lineStarts, offset);
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function child(node: unknown, part: string): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => String(scalarValue(p.key)) === part);
    return pair ? { key: pair.key, value: pair.value ?? pair.key } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(part)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
