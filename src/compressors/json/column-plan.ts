/** Which columns an array of objects becomes: nested objects flatten into dotted paths, the rest stay whole. */
import type { JsonObject, JsonValue } from '../../types.ts';

/** A column: the key path from the row object down to the cell's value. */
export type ColumnPath = readonly string[];

/** Nested objects deeper than this stay one JSON cell: very deep flattening only makes long headers. */
const MAX_FLATTEN_DEPTH = 3;

/** A plain object with at least one key: only these flatten, so "no cells" always means "no key". */
export function isNonEmptyObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

/** Columns for `rows`: the ordered union of their keys, flattening a key where every row holds a non-empty object. */
export function planColumns(rows: readonly JsonObject[], prefix: ColumnPath = [], depth = 0): ColumnPath[] {
  const valuesByKey = new Map<string, JsonValue[]>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      let values = valuesByKey.get(key);
      if (values === undefined) {
        values = [];
        valuesByKey.set(key, values);
      }
      values.push(row[key] as JsonValue);
    }
  }
  const columns: ColumnPath[] = [];
  for (const [key, values] of valuesByKey) {
    const path = [...prefix, key];
    if (depth < MAX_FLATTEN_DEPTH && values.every(isNonEmptyObject)) {
      columns.push(...planColumns(values as JsonObject[], path, depth + 1));
    } else {
      columns.push(path);
    }
  }
  return columns;
}

/** The value at `path` inside `row`, or undefined when a key on the way is absent. */
export function readCell(row: JsonObject, path: ColumnPath): JsonValue | undefined {
  let current: JsonValue | undefined = row;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sets an own key; defineProperty, because plain assignment of "__proto__" would replace the prototype. */
export function assignKey(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Writes `value` at `path` inside `row`, creating the nested objects on the way. */
export function writeCell(row: JsonObject, path: ColumnPath, value: JsonValue): void {
  let current = row;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i] as string;
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (isNonEmptyObject(next)) {
      current = next;
    } else {
      const created: JsonObject = {};
      assignKey(current, key, created);
      current = created;
    }
  }
  assignKey(current, path[path.length - 1] as string, value);
}
