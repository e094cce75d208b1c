/**
 * The retrieve loop for whole (non-streamed) responses: while the model only calls `terse_retrieve`,
 * answer from the store and continue upstream (bounded rounds); the client gets one response built
 * from every round, without the hidden calls.
 */
import type { Store } from '../store/store.ts';
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';
import type { JsonObject, JsonValue } from '../types.ts';
import { appendMessages } from './append-messages.ts';
import { answerRetrieveCalls } from './answer-retrieve-calls.ts';
import type { ProxyStats } from './proxy-stats.ts';
import type { UpstreamResponse } from './upstream-client.ts';
import type { ProviderWire } from './wire/wire.ts';
import { isObject } from './wire/wire-values.ts';

/** What the loop needs besides the first response. */
export interface RetrieveLoopContext {
  readonly wire: ProviderWire;
  readonly store: Store;
  readonly stats: ProxyStats;
  readonly maxRounds: number;
  /** The body the first response answered (as sent upstream). */
  readonly sentBody: string;
  /** Sends a continuation body upstream with the client's headers. */
  send(body: string): Promise<UpstreamResponse>;
}

/** The client's response: upstream's bytes as they came, or a body built from several rounds. */
export type LoopOutcome =
  | { readonly kind: 'verbatim'; readonly upstream: UpstreamResponse; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'rewritten'; readonly upstream: UpstreamResponse; readonly body: JsonObject };

const decoder = new TextDecoder('utf-8');

function parseObject(bytes: Uint8Array): JsonObject | null {
  try {
    const value = JSON.parse(decoder.decode(bytes)) as JsonValue;
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** Runs the loop from the first upstream response (status 200 already checked by the caller). */
export async function runRetrieveLoop(first: UpstreamResponse, context: RetrieveLoopContext): Promise<LoopOutcome> {
  const { wire, maxRounds } = context;
  const earlier: JsonObject[] = [];
  let body = context.sentBody;
  let upstream = first;
  for (let round = 0; ; round++) {
    const bytes = new Uint8Array(await upstream.body.arrayBuffer());
    const response = upstream.status === 200 ? parseObject(bytes) : null;
    // An error or an unreadable body (on a continuation too) ends the loop: the client gets it as upstream sent it.
    if (response === null) return { kind: 'verbatim', upstream, bytes };
    const calls = wire.toolCalls(response);
    const hidden = calls.filter((call) => call.name === RETRIEVE_TOOL_NAME);
    if (hidden.length === 0) {
      if (earlier.length === 0) return { kind: 'verbatim', upstream, bytes };
      return { kind: 'rewritten', upstream, body: wire.mergeResponses(earlier, response, RETRIEVE_TOOL_NAME) };
    }
    // Calls to the client's own tools come back to it; so does everything once the rounds are spent.
    if (hidden.length < calls.length || round >= maxRounds) {
      const visible = wire.withoutCallsTo(response, RETRIEVE_TOOL_NAME);
      return {
        kind: 'rewritten',
        upstream,
        body: earlier.length === 0 ? visible : wire.mergeResponses(earlier, visible, RETRIEVE_TOOL_NAME),
      };
    }
    const answers = await answerRetrieveCalls(context.store, hidden, context.stats);
    body = appendMessages(body, [wire.assistantMessage(response), ...wire.toolResultMessages(answers)]);
    earlier.push(response);
    context.stats.retrieveRounds++;
    upstream = await context.send(body);
  }
}
