/**
 * How many leading messages of a request the previous request of its session also carried: the part
 * the provider has cached. Found by content, not position, so a client that drops its first messages
 * (a shifted history) still has its earlier blocks recognised.
 */
import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '../types.ts';

const hashes = new WeakMap<JsonObject | JsonValue[], string>();

/** A content hash of a message (memoized by object: a replay sends the same objects again). */
export function messageHash(message: JsonValue): string {
  if (typeof message !== 'object' || message === null) return JSON.stringify(message);
  let hash = hashes.get(message);
  if (hash === undefined)
    hashes.set(message, (hash = createHash('sha1').update(JSON.stringify(message)).digest('base64')));
  return hash;
}

/** Where the previous request stopped, as its session remembers it. */
export interface PreviousRequest {
  /** Hash of its last message; null before the first request. */
  readonly lastMessage: string | null;
  /** How many messages it had (what a session that joins midway is told it already sent). */
  readonly messageCount: number;
}

/**
 * The number of leading messages of `messages` that were sent before: up to and including the last
 * occurrence of the previous request's last message; `previous.messageCount` when none is known yet
 * (a session told it joins midway); 0 when the history was rewritten and nothing matches.
 */
export function sentPrefixEnd(messages: readonly JsonValue[], previous: PreviousRequest): number {
  if (previous.lastMessage === null) return Math.min(previous.messageCount, messages.length);
  // The previous last message usually sits one or two from the end: searched from there.
  for (let at = messages.length - 1; at >= 0; at--) {
    if (messageHash(messages[at] as JsonValue) === previous.lastMessage) return at + 1;
  }
  return 0;
}
