/** Adds messages to the end of a request's `messages` array as bytes: everything before them stays as sent. */
import { locateContainerEnd } from '../engine/request/json-spans.ts';
import type { JsonObject } from '../types.ts';

/** `body` with `messages` appended after its last message (the retrieve loop's continuation). */
export function appendMessages(body: string, messages: readonly JsonObject[]): string {
  const end = locateContainerEnd(body, ['messages']);
  if (end === null) throw new TypeError('appendMessages: the request has no messages array');
  const text = messages.map((message) => JSON.stringify(message)).join(',');
  return `${body.slice(0, end.at)}${end.empty ? '' : ','}${text}${body.slice(end.at)}`;
}
