/**
 * Trace v1: a recorded agent session as versioned JSONL (documented in docs/trace-format.md).
 *
 *   line 1   {"version":1,"type":"trace","id":..,"workload":..,"provider":..,"request":{..},"source":{..}}
 *   then     {"type":"message","message":{..provider-native message..}}
 *            {"type":"call"}      the agent called the model with every message so far
 *
 * `request` holds the request fields other than `messages` (model, system, tools, max_tokens...).
 */
import type { JsonObject, Provider } from '../types.ts';

export const TRACE_VERSION = 1;

/** The four agent workloads of the bench, plus `other` for sessions that fit none. */
export type Workload = 'code-search' | 'sre' | 'issue-triage' | 'exploration' | 'other';
export const WORKLOADS: readonly Workload[] = ['code-search', 'sre', 'issue-triage', 'exploration', 'other'];

/** Where a trace came from. */
export interface TraceSource {
  /** The importer that read it (`trace-v1`, `anthropic-request`, `mini-swe-agent`...). */
  readonly format: string;
  /** The file it was read from, as given. */
  readonly file: string;
}

export interface TraceHeader {
  readonly version: typeof TRACE_VERSION;
  readonly type: 'trace';
  readonly id: string;
  readonly workload: Workload;
  readonly provider: Provider;
  /** Request fields other than `messages`. */
  readonly request: JsonObject;
  readonly source: TraceSource;
}

/** One step of a session: a message added, or a model call with every message so far. */
export type TraceEvent = { readonly type: 'message'; readonly message: JsonObject } | { readonly type: 'call' };

/** A whole trace in memory. */
export interface Trace {
  readonly header: TraceHeader;
  readonly events: readonly TraceEvent[];
}

/** Number of messages in a trace. */
export function messageCount(trace: Trace): number {
  let n = 0;
  for (const event of trace.events) if (event.type === 'message') n++;
  return n;
}

/** Number of model calls (replayed requests) in a trace. */
export function callCount(trace: Trace): number {
  let n = 0;
  for (const event of trace.events) if (event.type === 'call') n++;
  return n;
}

/** Events of a session whose agent called the model before each assistant message, and once at the end. */
export function callBeforeEachAssistant(messages: readonly JsonObject[]): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (const message of messages) {
    if (message.role === 'assistant') events.push({ type: 'call' });
    events.push({ type: 'message', message });
  }
  events.push({ type: 'call' });
  return events;
}

/** How many messages each request of the trace carries, in order (without building the requests). */
export function requestMessageCounts(trace: Trace): number[] {
  const counts: number[] = [];
  let messages = 0;
  for (const event of trace.events) {
    if (event.type === 'message') messages++;
    else counts.push(messages);
  }
  return counts;
}

/** The requests a proxy would see: for each call, the header's fields plus every message so far. */
export function* requestsOf(trace: Trace): Generator<{ index: number; body: JsonObject; messageCount: number }> {
  const messages: JsonObject[] = [];
  let index = 0;
  for (const event of trace.events) {
    if (event.type === 'message') {
      messages.push(event.message);
      continue;
    }
    yield { index, body: { ...trace.header.request, messages: messages.slice() }, messageCount: messages.length };
    index++;
  }
}

/** The trace cut after its first `calls` model calls (a warm-up needs a few requests, not a whole long session). */
export function firstCallsOf(trace: Trace, calls: number): Trace {
  let seen = 0;
  const end = trace.events.findIndex((event) => event.type === 'call' && ++seen >= calls);
  return end === -1 ? trace : { header: trace.header, events: trace.events.slice(0, end + 1) };
}

/** The request of the trace's `index`-th call (or undefined past the last), built alone: no other request's history is copied. */
export function requestAt(
  trace: Trace,
  index: number,
): { index: number; body: JsonObject; messageCount: number } | undefined {
  const messages: JsonObject[] = [];
  let call = 0;
  for (const event of trace.events) {
    if (event.type === 'message') messages.push(event.message);
    else if (call++ === index)
      return { index, body: { ...trace.header.request, messages }, messageCount: messages.length };
  }
  return undefined;
}
