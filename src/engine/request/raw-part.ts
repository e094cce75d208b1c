/** What a wire adapter reports for one piece of content, before the engine's compressibility rule. */
import type { JsonObject, JsonValue, RequestPart } from '../../types.ts';

export type RawPart = Omit<RequestPart, 'compressible'>;

/** Compact JSON of a non-string value, for counting tool inputs and definitions. */
export function compactJson(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
