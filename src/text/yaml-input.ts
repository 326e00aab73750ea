import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { Problem } from '../types';
import { computeLineStarts, lineColumn } from './span';
import { MAX_YAML_BYTES, sizeName } from '../util/safe-read';

export { MAX_YAML_BYTES };

/**
 * Every YAML file a user hands the tool (claims files, rules, `.corroboraterc.yaml`, decisions, baselines,
 * `corpus.yaml`, front matter) is read through `parseYamlInput`: a file that is too big, too deep, full of
 * aliases or otherwise hostile is a located problem ("rules/x.yaml:4:9: alias *a is not defined"), never
 * a thrown ReferenceError or a stack overflow.
 */

/** The deepest nesting of mappings and sequences; a claims file needs about 6 levels. */
export const MAX_YAML_DEPTH = 100;
/** The most aliases (`*name`) one file may hold, and the most expansions when it is read. */
export const MAX_YAML_ALIASES = 100;
/**
 * The widest indentation of a line, in columns. A line indented 5,000 columns deep makes the YAML reader
 * build a pattern that size; nothing the tool writes or asks for is indented past a few dozen.
 */
const MAX_INDENT = 1000;

export interface YamlInput {
  doc: Document;
  /** The document as plain data (`doc.toJS()`), aliases expanded. */
  data: unknown;
  lineStarts: number[];
}

export type YamlResult = { ok: true; value: YamlInput } | { ok: false; error: Problem[] };

type Options = ParseOptions &
  DocumentOptions &
  SchemaOptions & {
    /**
     * The reader names a `__proto__` key itself, with more context ('unknown key "__proto__" in params'):
     * rule files, whose every mapping is checked against a list of keys.
     */
    readerRefusesProto?: boolean;
  };

/**
 * Parses `source` (the text of `file`) and checks what no reader of the tool accepts, in one pass over
 * the nodes, linear in the size of the file: duplicate keys (`a: 1` twice: the second would silently
 * win), `__proto__` keys, aliases that are not defined before use or too many of them, nesting past
 * `MAX_YAML_DEPTH`, and `.nan` / `.inf` numbers. The checks a particular file kind makes on its own
 * values (wrong types, unknown keys) stay with its reader.
 */
export function parseYamlInput(source: string, file: string, options: Options = {}): YamlResult {
  const { readerRefusesProto = false, ...parseOptions } = options;
  const lineStarts = computeLineStarts(source);
  const at = (offset: number, message: string): Problem => ({ file, ...lineColumn(lineStarts, offset), message });
  if (source.length > MAX_YAML_BYTES) {
    return { ok: false, error: [at(0, `larger than the YAML file limit of ${sizeName(MAX_YAML_BYTES)}`)] };
  }
  const indent = overIndented(source, lineStarts);
  if (indent !== undefined) return { ok: false, error: [at(indent, `indented more than ${MAX_INDENT} columns`)] };
  let doc: Document;
  try {
    // uniqueKeys is checked below with a Set: the library's own check compares every key with every
    // other and took seconds on a decisions file of 20,000 entries.
    doc = parseDocument(source, { prettyErrors: false, ...parseOptions, uniqueKeys: false });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, error: [at(0, `nested too deeply to read (limit ${MAX_YAML_DEPTH} levels)`)] };
    throw err;
  }
  if (doc.errors.length) {
    return {
      ok: false,
      error: doc.errors.map((e) =>
        at(e.pos[0], e.code === 'RESOURCE_EXHAUSTION' ? `nested too deeply to read (limit ${MAX_YAML_DEPTH} levels)` : e.message.split('\n')[0]),
      ),
    };
  }
  const problems = checkNodes(doc, at, !readerRefusesProto);
  if (problems.length) return { ok: false, error: problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // "a: &a [1,1,1]\nb: &b [*a,*a,*a]\n..." doubles with every line: the expansion count stops it.
    if (err instanceof ReferenceError) {
      return { ok: false, error: [at(firstAlias(doc) ?? 0, `aliases expand to more than ${MAX_YAML_ALIASES} copies (an alias bomb?)`)] };
    }
    throw err;
  }
  return { ok: true, value: { doc, data, lineStarts } };
}

/** The offset of the first line indented past MAX_INDENT columns, if any. */
function overIndented(source: string, lineStarts: readonly number[]): number | undefined {
  for (const start of lineStarts) {
    if (source.charCodeAt(start + MAX_INDENT) !== 32) continue; // quick: column MAX_INDENT+1 is not a space
    let i = start;
    while (source.charCodeAt(i) === 32) i++;
    if (i - start > MAX_INDENT) return start;
  }
  return undefined;
}

interface Frame {
  node: unknown;
  depth: number;
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return Array.isArray(range) ? range[0] : 0;
}

/** The checks of `parseYamlInput`, visiting nodes in document order with an explicit stack. */
function checkNodes(doc: Document, at: (offset: number, message: string) => Problem, refuseProto: boolean): Problem[] {
  const problems: Problem[] = [];
  const anchors = new Set<string>();
  let aliases = 0;
  const stack: Frame[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length && problems.length < 50) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (depth > MAX_YAML_DEPTH) {
      problems.push(at(rangeStart(node), `nested deeper than ${MAX_YAML_DEPTH} levels`));
      break;
    }
    if (isAlias(node)) {
      aliases++;
      if (aliases > MAX_YAML_ALIASES) {
        problems.push(at(rangeStart(node), `more than ${MAX_YAML_ALIASES} aliases`));
        break;
      }
      if (!anchors.has(node.source)) problems.push(at(rangeStart(node), `alias *${node.source} is not defined before it is used`));
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        problems.push(at(rangeStart(node), `${String(node.source ?? node.value)} is not a finite number`));
      }
      continue;
    }
    const children: unknown[] = [];
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key)) {
          const name = String(key.value);
          if (refuseProto && name === '__proto__') problems.push(at(rangeStart(key), 'unknown key "__proto__" (not allowed in any file)'));
          else if (keys.has(name)) problems.push(at(rangeStart(key), `duplicate key ${JSON.stringify(name)}: keys of a mapping must be unique`));
          keys.add(name);
        }
        children.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  return problems;
}

function firstAlias(doc: Document): number | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) return rangeStart(node);
    if (isMap(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value, node.items[i].key);
    else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return undefined;
}
