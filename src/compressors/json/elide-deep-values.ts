/**
 * Lossy step for a cut document: containers nested deeper than a limit are written as `<4 keys>` or
 * `<3 items>`, so that a skim of a deep tree (`head` of a grammar.json) shows its outline, not its leaves.
 */
import type { JsonValue } from '../../types.ts';
import { assignKey } from './column-plan.ts';

/** A small object or array of scalars past the limit is kept: it costs about what its summary would. */
const MAX_FLAT_CHILDREN = 4;

function isScalar(value: JsonValue): boolean {
  return typeof value !== 'object' || value === null;
}

function isSmallFlat(children: readonly JsonValue[]): boolean {
  return children.length <= MAX_FLAT_CHILDREN && children.every(isScalar);
}

/** `value` with every container below `limit` levels (the root is level 0) summarised; `elided` counts them. */
export function elideDeeperThan(
  value: JsonValue,
  limit: number,
): { readonly value: JsonValue; readonly elided: number } {
  let elided = 0;
  const visit = (node: JsonValue, level: number): JsonValue => {
    if (isScalar(node)) return node;
    if (Array.isArray(node)) {
      if (level < limit) return node.map((child) => visit(child, level + 1));
      if (isSmallFlat(node)) return node;
      elided += 1;
      return `<${node.length} items>`;
    }
    const object = node as { [key: string]: JsonValue };
    const keys = Object.keys(object);
    if (level >= limit && !isSmallFlat(keys.map((key) => object[key] as JsonValue))) {
      elided += 1;
      return `<${keys.length} keys>`;
    }
    const copy: { [key: string]: JsonValue } = {};
    for (const key of keys) assignKey(copy, key, visit(object[key] as JsonValue, level + 1));
    return copy;
  };
  return { value: visit(value, 0), elided };
}
