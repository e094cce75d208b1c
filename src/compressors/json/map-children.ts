/** Copy-on-write rewriting of a JSON value's children, for the lossy steps that change a few leaves of a big document. */
import type { JsonObject, JsonValue } from '../../types.ts';
import { assignKey } from './column-plan.ts';

/**
 * `node` with `visit` applied to each child (array items, object values; scalars have none). Returns
 * `node` itself when no child changed, and copies an object only from its first changed child on,
 * so that the big untouched parts of a document are never copied.
 */
export function mapChildren(node: JsonValue, visit: (child: JsonValue) => JsonValue): JsonValue {
  if (Array.isArray(node)) {
    const visited = node.map(visit);
    return visited.every((item, index) => item === node[index]) ? node : visited;
  }
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  let copy: JsonObject | null = null;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    const child = node[key] as JsonValue;
    const visited = visit(child);
    if (copy === null && visited !== child) {
      copy = {};
      for (const earlier of keys.slice(0, index)) assignKey(copy, earlier, node[earlier] as JsonValue);
    }
    if (copy !== null) assignKey(copy, key, visited);
  }
  return copy ?? node;
}
