/**
 * The parts of one message, read once: a replay (and any caller that re-sends the same message
 * objects) meets every earlier message again in each request, and re-reading them all made a session
 * of N calls cost O(N^2) reads. A message's parts are reused while the message object, its index and
 * the tool names it looked up are the same. Message objects are taken as immutable once sent.
 */
import type { JsonObject } from '../types.ts';
import type { RawPart } from './raw-part.ts';

/** Tool call ids to tool names, as a request names them in order. */
export interface ToolNames {
  get(id: string): string | undefined;
  set(id: string, name: string): void;
}

/** An adapter's reader of one message. */
export type MessageReader = (message: JsonObject, index: number, toolNames: ToolNames, out: RawPart[]) => void;

interface Memo {
  readonly index: number;
  readonly parts: readonly RawPart[];
  /** Names the message looked up, and what it found: the memo holds only while they stay the same. */
  readonly lookups: readonly (readonly [string, string | undefined])[];
  /** Names the message declared, replayed into the request's map when the memo is used. */
  readonly declared: readonly (readonly [string, string])[];
}

/** Reads every message of a request into `out`, in order. */
export type MessagesReader = (messages: readonly unknown[], out: RawPart[]) => void;

/** What the last request starting with a given first message read: its messages, their parts, the names they declared. */
interface PrefixState {
  readonly messages: readonly unknown[];
  readonly parts: RawPart[];
  readonly toolNames: Map<string, string>;
}

/**
 * A reader of whole message lists that starts where the last request of the same conversation (the
 * same first message object) stopped, when the new list begins with all of its messages: a session's
 * N-th request then costs its new messages plus one pointer comparison per old one, not a re-read.
 */
export function prefixMessagesReader(read: MessageReader): MessagesReader {
  const readOne = memoizeMessageReader(read);
  const states = new WeakMap<JsonObject, PrefixState>();
  return (messages, out) => {
    const first = messages[0];
    const key = isMessage(first) ? first : null;
    const state = key === null ? undefined : states.get(key);
    const reuse = state !== undefined && startsWith(messages, state.messages);
    const parts = reuse ? state.parts : [];
    const toolNames = reuse ? state.toolNames : new Map<string, string>();
    for (let index = reuse ? state.messages.length : 0; index < messages.length; index++) {
      const message = messages[index];
      if (isMessage(message)) readOne(message, index, toolNames, parts);
    }
    // The state moves on with this request (its arrays are extended in place by the next one).
    if (key !== null) states.set(key, { messages: messages.slice(), parts, toolNames });
    for (const part of parts) out.push(part);
  };
}

function isMessage(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startsWith(messages: readonly unknown[], prefix: readonly unknown[]): boolean {
  if (prefix.length > messages.length) return false;
  for (let i = 0; i < prefix.length; i++) if (messages[i] !== prefix[i]) return false;
  return true;
}

/** A memoizing version of `read` (one cache per adapter). */
export function memoizeMessageReader(read: MessageReader): MessageReader {
  const memos = new WeakMap<JsonObject, Memo>();
  return (message, index, toolNames, out) => {
    const memo = memos.get(message);
    if (memo !== undefined && memo.index === index && memo.lookups.every(([id, name]) => toolNames.get(id) === name)) {
      for (const [id, name] of memo.declared) toolNames.set(id, name);
      for (const part of memo.parts) out.push(part);
      return;
    }
    const lookups: [string, string | undefined][] = [];
    const declared: [string, string][] = [];
    const recording: ToolNames = {
      get: (id) => {
        const name = toolNames.get(id);
        lookups.push([id, name]);
        return name;
      },
      set: (id, name) => {
        declared.push([id, name]);
        toolNames.set(id, name);
      },
    };
    const parts: RawPart[] = [];
    read(message, index, recording, parts);
    memos.set(message, { index, parts, lookups, declared });
    for (const part of parts) out.push(part);
  };
}
