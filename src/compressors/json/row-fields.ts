/** A row seen as its scalar fields: the common ground on which the keep-rules judge JSON items and table rows. */
import type { JsonValue } from '../../types.ts';

/** A leaf value of a row. */
export type Scalar = string | number | boolean | null;

/** One scalar inside a row: `path` names its column (`metadata.host`), `key` its last key. */
export interface Field {
  readonly path: string;
  readonly key: string;
  readonly value: Scalar;
}

/** Enough to see errors and ids in any real row; a huge nested item is judged by its first fields. */
export const MAX_FIELDS = 400;

/**
 * Child paths by parent path and key. Thousands of rows spell the same few paths: one string per
 * path means the keep-rules' maps hash each once, not a fresh concatenation per row.
 */
const childPaths = new Map<string, Map<string, string>>();
// Objects keyed by ids would grow the cache without end: it is dropped whole past this many paths.
const MAX_CACHED_PATHS = 20_000;
let cachedPaths = 0;

function childPath(path: string, name: string): string {
  let children = childPaths.get(path);
  if (children === undefined) {
    children = new Map();
    childPaths.set(path, children);
  }
  let child = children.get(name);
  if (child === undefined) {
    child = path === '' ? name : `${path}.${name}`;
    if (cachedPaths >= MAX_CACHED_PATHS) {
      childPaths.clear();
      cachedPaths = 0;
      children = new Map();
      childPaths.set(path, children);
    }
    children.set(name, child);
    cachedPaths += 1;
  }
  return child;
}

/** The scalar fields of a JSON item, depth first; array elements share their array's path. */
export function jsonRowFields(item: JsonValue): Field[] {
  const fields: Field[] = [];
  const visit = (value: JsonValue, path: string, key: string): void => {
    if (fields.length >= MAX_FIELDS) return;
    if (Array.isArray(value)) {
      for (const element of value) visit(element, path, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) visit(child, childPath(path, name), name);
    } else {
      fields.push({ path, key, value });
    }
  };
  visit(item, '', '');
  return fields;
}
