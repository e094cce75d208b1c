/** Reading provider JSON without trusting its shape: a missing or odd field reads as absent. */
import { isObject } from '../../engine/request/raw-part.ts';
import type { JsonObject, JsonValue } from '../../types.ts';

export { isObject };

/** The objects of an array field (anything else skipped). */
export function objectsOf(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A string field, or `fallback`. */
export function stringOf(value: JsonValue | undefined, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** JSON text parsed, or the text itself when it is not JSON (the retrieve tool then says what is wrong). */
export function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Numeric fields of usage objects added up (a field missing in one counts as 0 there). */
export function sumUsage(usages: readonly (JsonValue | undefined)[]): JsonObject | undefined {
  const objects = usages.filter(isObject);
  if (objects.length === 0) return undefined;
  const total: JsonObject = { ...objects[objects.length - 1] };
  for (const key of Object.keys(total)) {
    if (typeof total[key] !== 'number') continue;
    total[key] = objects.reduce((sum, usage) => sum + (typeof usage[key] === 'number' ? (usage[key] as number) : 0), 0);
  }
  return total;
}

/** An SSE event's data as a JSON object, or null (`[DONE]`, a non-object, not JSON). */
export function parseEventData(data: string): JsonObject | null {
  if (!data.startsWith('{')) return null;
  try {
    const value = JSON.parse(data) as JsonValue;
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}
