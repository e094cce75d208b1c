/**
 * The parts of a request's messages, read once per conversation: a replay (and any caller that
 * re-sends the same message objects) meets every earlier message again in each request, and re-reading
 * them all made a session of N calls cost O(N^2) reads. Message objects are taken as immutable once sent.
 */
import type { JsonObject } from '../types.ts';
import type { RawPart } from './request/raw-part.ts';

/** Tool call ids to tool names, as a request names them in order. */
export interface ToolNames {
  get(id: string): string | undefined;
  set(id: string, name: string): void;
}

/** An adapter's reader of one message. */
export type MessageReader = (message: JsonObject, index: number, toolNames: ToolNames, out: RawPart[]) => void;

/** Reads every message of a request into `out`, in order. */
export type MessagesReader = (messages: readonly unknown[], out: RawPart[]) => void;

/** What the last request starting with a given first message read: its messages, their parts, the names they declared. */
interface PrefixState {
  readonly messages: readonly unknown[];
  readonly length: number;
  readonly parts: RawPart[];
  readonly toolNames: Map<string, string>;
}

/**
 * A reader of whole message lists that starts where the last request of the same conversation (the
 * same first message object) stopped, when the new list begins with all of its messages: a session's
 * N-th request then costs its new messages plus one pointer comparison per old one, not a re-read.
 */
export function prefixMessagesReader(read: MessageReader): MessagesReader {
  const states = new WeakMap<JsonObject, PrefixState>();
  return (messages, out) => {
    const first = messages[0];
    const key = isMessage(first) ? first : null;
    const state = key === null ? undefined : states.get(key);
    const reuse = state !== undefined && startsWith(messages, state.messages, state.length);
    const parts = reuse ? state.parts : [];
    const toolNames = reuse ? state.toolNames : new Map<string, string>();
    for (let index = reuse ? state.length : 0; index < messages.length; index++) {
      const message = messages[index];
      if (isMessage(message)) read(message, index, toolNames, parts);
    }
    // The state moves on with this request (its arrays are extended in place by the next one).
    // The list itself, not a copy: its first `length` messages are what was read (a caller that pushes more to it is read from there).
    if (key !== null) states.set(key, { messages, length: messages.length, parts, toolNames });
    for (const part of parts) out.push(part);
  };
}

function isMessage(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startsWith(messages: readonly unknown[], prefix: readonly unknown[], length: number): boolean {
  if (length > messages.length || length > prefix.length) return false;
  if (messages === prefix) return true;
  for (let i = 0; i < length; i++) if (messages[i] !== prefix[i]) return false;
  return true;
}
