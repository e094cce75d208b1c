/**
 * Splits a provider request body into its countable parts (see RequestPart). The adapters only
 * translate wire shapes; which parts are compressible is decided here, by one rule for both.
 */
import type { JsonObject, Provider, RequestPart } from '../types.ts';
import { anthropicParts } from './anthropic-parts.ts';
import { openaiParts } from './openai-parts.ts';

/** A user text block at least this long is an attached blob, and compressible like a tool result. */
export const ATTACHED_BLOB_MIN_CHARS = 8_192;

/** Every countable part of a request, in document order. */
export function requestParts(provider: Provider, body: JsonObject): RequestPart[] {
  const raw = provider === 'anthropic' ? anthropicParts(body) : openaiParts(body);
  return raw.map((part) => ({
    ...part,
    compressible:
      part.isStringLeaf &&
      (part.type === 'tool_result' || (part.role === 'user' && part.type === 'text' && part.text.length >= ATTACHED_BLOB_MIN_CHARS)),
  }));
}

/** A stable string key for a path, e.g. `messages.3.content.0.content`. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}
