/**
 * Which session a request belongs to: the client's `x-terse-session` header, else a hash of what
 * starts the conversation (provider, system prompt, first message), which every later request of the
 * same conversation repeats.
 */
import { createHash } from 'node:crypto';
import type { JsonObject, Provider } from '../types.ts';

/** The header a client may send to name its session. */
export const SESSION_HEADER = 'x-terse-session';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The session key for a request: the header as given when it is a safe id, else a content hash. */
export function sessionKey(provider: Provider, body: JsonObject, header: string | null): string {
  if (header !== null && SAFE_ID.test(header)) return header;
  const hash = createHash('sha256');
  if (header !== null) hash.update(`header\n${header}`);
  else {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    hash.update(`${provider}\n${JSON.stringify(body.system ?? null)}\n${JSON.stringify(messages[0] ?? null)}`);
  }
  return `${header === null ? 'conversation' : 'session'}-${hash.digest('hex').slice(0, 16)}`;
}
