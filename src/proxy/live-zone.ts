/**
 * The live zone of a request: the messages after the model's last reply (the tool results and user
 * text of the newest turn). Only blocks there may be compressed for the first time; everything before
 * was sent already and sits in the provider's prompt cache as it was sent.
 */
import type { JsonObject } from '../types.ts';
import { isObject } from '../engine/request/raw-part.ts';

/** Index of the first message of the newest turn (0 when the model has not replied yet). */
export function liveZoneStart(body: JsonObject): number {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (isObject(message) && message.role === 'assistant') return i + 1;
  }
  return 0;
}
