/**
 * Splits a provider request body into its countable parts (see RequestPart). The adapters only
 * translate wire shapes; which parts are compressible is decided here, by one rule for both.
 */
import type { JsonObject, Provider, RequestPart } from '../../types.ts';
import type { RawPart } from './raw-part.ts';
import { anthropicParts } from './anthropic-parts.ts';
import { openaiParts } from './openai-parts.ts';

/** A user text block at least this long is an attached blob, and compressible like a tool result. */
export const ATTACHED_BLOB_MIN_CHARS = 8_192;

/** Every countable part of a request, in document order. */
export function requestParts(provider: Provider, body: JsonObject): RequestPart[] {
  const raw = provider === 'anthropic' ? anthropicParts(body) : openaiParts(body);
  // The previous request of a session shares most raw parts (prefix-messages-reader.ts): their parts are reused as they stand.
  const previous = lastRead.get(provider);
  const parts: RequestPart[] = new Array<RequestPart>(raw.length);
  for (let at = 0; at < raw.length; at++) {
    const part = raw[at] as RawPart;
    parts[at] =
      previous !== undefined && previous.raw[at] === part
        ? (previous.parts[at] as RequestPart)
        : withCompressible(part);
  }
  lastRead.set(provider, { raw, parts });
  return parts;
}

const lastRead = new Map<Provider, { readonly raw: readonly RawPart[]; readonly parts: readonly RequestPart[] }>();

// Raw parts of a message read before are the same objects (prefix-messages-reader.ts): so are their parts.
const decided = new WeakMap<RawPart, RequestPart>();

function withCompressible(part: RawPart): RequestPart {
  let full = decided.get(part);
  if (full === undefined) {
    full = {
      ...part,
      compressible:
        part.isStringLeaf &&
        (part.type === 'tool_result' ||
          (part.role === 'user' && part.type === 'text' && part.text.length >= ATTACHED_BLOB_MIN_CHARS)),
    };
    decided.set(part, full);
  }
  return full;
}

const keys = new WeakMap<readonly (string | number)[], string>();

/** A stable string key for a path, e.g. `messages.3.content.0.content` (joined once per path array). */
export function pathKey(path: readonly (string | number)[]): string {
  let key = keys.get(path);
  if (key === undefined) keys.set(path, (key = path.join('.')));
  return key;
}
