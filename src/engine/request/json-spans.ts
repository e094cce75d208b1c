/**
 * Finds where values sit in JSON source text, so an edited request can be written back by splicing
 * only the changed values into the original bytes (everything else stays byte for byte).
 */
import type { JsonPath } from '../../types.ts';

/** [start, end) character offsets of a value in the source. */
export type Span = readonly [number, number];

interface PathTrie {
  readonly children: Map<string, PathTrie>;
  key: string | null;
}

function buildTrie(paths: readonly JsonPath[]): PathTrie {
  const root: PathTrie = { children: new Map(), key: null };
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      const k = String(step);
      let next = node.children.get(k);
      if (!next) {
        next = { children: new Map(), key: null };
        node.children.set(k, next);
      }
      node = next;
    }
    node.key = path.join('.');
  }
  return root;
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/**
 * Offset just past the string that starts at `i` (a `"`). Quotes are found with indexOf (tool outputs
 * make strings of hundreds of KB); a quote closes the string when an even number of backslashes precede it.
 */
function skipString(s: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = s.indexOf('"', from);
    if (quote < 0) throw new SyntaxError(`unterminated string at offset ${i}`);
    let backslashes = 0;
    while (quote - backslashes - 1 > i && s.charCodeAt(quote - backslashes - 1) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Offset just past the value that starts at `i`. */
function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return skipString(s, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    while (i < s.length) {
      const d = s.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(s, i);
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new SyntaxError('unterminated container');
  }
  while (i < s.length && !',]} \n\r\t'.includes(s[i] as string)) i++;
  return i;
}

function walk(s: string, start: number, node: PathTrie, out: Map<string, Span>): number {
  const end = skipValueOrDescend(s, start, node, out);
  if (node.key !== null) out.set(node.key, [start, end]);
  return end;
}

function skipValueOrDescend(s: string, i: number, node: PathTrie, out: Map<string, Span>): number {
  if (node.children.size === 0) return skipValue(s, i);
  const open = s[i];
  if (open !== '{' && open !== '[') return skipValue(s, i);
  const close = open === '{' ? '}' : ']';
  let index = 0;
  i = skipWhitespace(s, i + 1);
  if (s[i] === close) return i + 1;
  for (;;) {
    let key = String(index);
    if (open === '{') {
      const keyEnd = skipString(s, i);
      key = JSON.parse(s.slice(i, keyEnd)) as string;
      i = skipWhitespace(s, keyEnd);
      i = skipWhitespace(s, i + 1); // past ':'
    }
    const child = node.children.get(key);
    i = child ? walk(s, i, child, out) : skipValue(s, i);
    i = skipWhitespace(s, i);
    if (s[i] === close) return i + 1;
    i = skipWhitespace(s, i + 1); // past ','
    index++;
  }
}

/** Spans of the values at `paths` (keyed by `path.join('.')`); paths absent from the source are missing from the map. */
export function locateValues(source: string, paths: readonly JsonPath[]): Map<string, Span> {
  const out = new Map<string, Span>();
  if (paths.length === 0) return out;
  walk(source, skipWhitespace(source, 0), buildTrie(paths), out);
  return out;
}

/**
 * Where a new element (array) or member (object) goes in the container at `path`: just past its last
 * value, so the whitespace before the closing bracket stays; `empty` when it has none, `object` for `{`. Null when the
 * path is absent or not a container.
 */
export function locateContainerEnd(
  source: string,
  path: JsonPath,
): { readonly at: number; readonly empty: boolean; readonly object: boolean } | null {
  const span = locateValues(source, [path]).get(path.join('.'));
  if (span === undefined) return null;
  const [start, end] = span;
  const open = source[start];
  if ((open !== '[' && open !== '{') || end - start < 2) return null;
  let last = end - 2;
  while (last > start && ' \n\r\t'.includes(source[last] as string)) last--;
  const object = open === '{';
  return last === start ? { at: start + 1, empty: true, object } : { at: last + 1, empty: false, object };
}

/** Replaces each located span with its new JSON text, leaving every other byte as it was. */
export function spliceValues(
  source: string,
  edits: ReadonlyMap<string, string>,
  spans: ReadonlyMap<string, Span>,
): string {
  const ordered = [...edits.entries()]
    .map(([key, json]) => ({ json, span: spans.get(key) }))
    .filter((e): e is { json: string; span: Span } => e.span !== undefined)
    .sort((a, b) => a.span[0] - b.span[0]);
  let out = '';
  let at = 0;
  for (const { json, span } of ordered) {
    out += source.slice(at, span[0]) + json;
    at = span[1];
  }
  return out + source.slice(at);
}
