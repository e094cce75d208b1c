/**
 * How deep a parsed JSON value nests, found without recursion. Parsing a document 5,000 levels deep
 * works, but every recursive step after it (serialising, copying, walking) overflows the stack, so
 * such input is refused at the edge with the field where it goes too deep.
 */
import type { JsonValue } from '../types.ts';

/** Deepest nesting terse accepts in a request or trace value; engines overflow past ~3,000. */
export const MAX_JSON_DEPTH = 1000;

/** Path segments shown in an error: enough to find the field, never the whole chain. */
const SHOWN_SEGMENTS = 6;

/**
 * The path (`messages.1.content.0.input.a...`) of the first value nested deeper than `max` levels,
 * or null when none is. `prefix` names where `value` sits.
 */
export function tooDeepAt(
  value: JsonValue,
  max: number = MAX_JSON_DEPTH,
  prefix: readonly string[] = [],
): string | null {
  const stack: { readonly value: JsonValue; readonly depth: number; readonly path: readonly string[] }[] = [
    { value, depth: 0, path: prefix },
  ];
  while (stack.length > 0) {
    const next = stack.pop() as (typeof stack)[number];
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= max) return `${next.path.join('.')}${next.path.length >= SHOWN_SEGMENTS ? '...' : ''}`;
    const entries: [string, JsonValue][] = Array.isArray(next.value)
      ? next.value.map((v, i) => [String(i), v])
      : Object.entries(next.value);
    for (const [key, child] of entries) {
      if (typeof child !== 'object' || child === null) continue;
      stack.push({
        value: child,
        depth: next.depth + 1,
        path: next.path.length < SHOWN_SEGMENTS ? [...next.path, key] : next.path,
      });
    }
  }
  return null;
}
