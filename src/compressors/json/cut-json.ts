/**
 * A JSON document cut short (`head -n 200 node-types.json`, `head -c 4096 grammar.json`): the value
 * its complete part stands for, closed after the last value that ended, and the text past that point.
 */
import { scanJson } from '../../detect/json-shape.ts';
import type { JsonValue } from '../../types.ts';
import { safeParseJson } from './safe-parse.ts';

/** What is left of a cut document. */
export interface CutJson {
  /** The document up to its last complete value, with the containers open there closed. */
  readonly value: JsonValue;
  /** Where in the value the text stops, as keys and indexes (marker text holds no brackets): `$.rules.chevron`, `$.57.fields`. */
  readonly path: string;
  /** The text past the last complete value: the unfinished rest, kept as it is. */
  readonly tail: string;
}

const WORD_KEY = /^[A-Za-z_$][\w$-]*$/;
const MAX_PATH_CHARS = 80;

/** The cut document `text` holds, or null when it is whole, not JSON, or holds no complete value. */
export function parseCutJson(text: string): CutJson | null {
  const scan = scanJson(text);
  if (scan.shape !== 'prefix' || scan.lastValueEnd < 0) return null;
  const parsed = safeParseJson(text.slice(0, scan.lastValueEnd) + scan.closersAtLastValue);
  if (!parsed.ok) return null;
  return {
    value: parsed.value,
    path: pathToCut(parsed.value, scan.closersAtLastValue.length),
    tail: text.slice(scan.lastValueEnd),
  };
}

/** The path of the innermost of `depth` open containers: down the last child of each from the root. */
function pathToCut(value: JsonValue, depth: number): string {
  let path = '$';
  let node = value;
  for (let level = 1; level < depth; level += 1) {
    if (Array.isArray(node)) {
      const index = node.length - 1;
      path += `.${index}`;
      node = node[index] as JsonValue;
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      const key = keys[keys.length - 1] as string;
      path += WORD_KEY.test(key) ? `.${key}` : `.${JSON.stringify(key)}`;
      node = node[key] as JsonValue;
    } else break;
    if (path.length > MAX_PATH_CHARS) return `${path.slice(0, MAX_PATH_CHARS)}...`;
  }
  return path;
}
