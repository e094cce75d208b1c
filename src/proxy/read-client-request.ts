/** A model request body read at the edge: UTF-8 JSON with `messages`, or the reason it is not one. */
import { parseRequest, type CanonicalRequest } from '../engine/request/canonical-request.ts';
import { InvalidRequestError } from '../errors.ts';
import type { Provider } from '../types.ts';

/** A request read, or why it could not be. */
export type ClientRequest =
  { readonly ok: true; readonly request: CanonicalRequest } | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Parses the received bytes; never throws for bad input. */
export function readClientRequest(bytes: Uint8Array, provider: Provider): ClientRequest {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'request body is not valid UTF-8' };
  }
  try {
    const request = parseRequest(text, provider);
    // Both providers require it; without it there is nothing to compress and nothing upstream accepts.
    if (!Array.isArray(request.body.messages)) throw new InvalidRequestError('messages', 'missing or not an array');
    return { ok: true, request };
  } catch (error) {
    if (error instanceof InvalidRequestError) return { ok: false, message: error.message };
    throw error;
  }
}
