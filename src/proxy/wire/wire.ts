/**
 * What the retrieve loop needs from a provider's wire format: tool calls read out of a response (whole
 * or streamed), the messages that answer them, and the response the client gets. One implementation
 * per folder (anthropic/, openai/); adapters only translate, the loop's policy lives in ../retrieve-*.ts.
 */
import type { JsonObject, Provider } from '../../types.ts';
import type { SseEvent } from '../sse-events.ts';

/** A tool call of the model, in either provider's shape. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** The parsed arguments (OpenAI's argument string parsed; left as the string when it is not JSON). */
  readonly args: unknown;
}

/** A call and the text that answers it. */
export interface ToolAnswer {
  readonly call: ToolCall;
  readonly text: string;
}

/**
 * Relays one streamed response, round after round, to the client. Events pass through as they come
 * until a call to the hidden tool starts; from then on they are held until the round ends and the
 * loop decides whether to continue upstream (the held calls vanish) or to release them.
 */
export interface StreamRelay {
  /** Starts reading a new upstream response (the first, or a continuation). */
  beginRound(): void;
  /** Bytes for the client now for one upstream event: the event itself, rewritten, or nothing when held. */
  push(event: SseEvent): readonly Uint8Array[];
  /** Every tool call of the round, once its stream ended. */
  calls(): readonly ToolCall[];
  /** The round's assistant message as the model wrote it, to send back upstream. */
  assistantMessage(): JsonObject;
  /** Held bytes for the client, calls to the hidden tool removed; `continuing` also drops the round's closing events. */
  release(continuing: boolean): readonly Uint8Array[];
}

/** One provider's wire format. */
export interface ProviderWire {
  readonly provider: Provider;
  /** Tool calls of a whole (non-streamed) response, in order. */
  toolCalls(response: JsonObject): ToolCall[];
  /** The response's assistant message as the model wrote it. */
  assistantMessage(response: JsonObject): JsonObject;
  /** The messages that answer `answers`, to follow the assistant message. */
  toolResultMessages(answers: readonly ToolAnswer[]): JsonObject[];
  /** The response the client gets: the earlier rounds' content (calls to `hidden` removed) before the final one's, usage summed. */
  mergeResponses(earlier: readonly JsonObject[], final: JsonObject, hidden: string): JsonObject;
  /** The response without calls to `hidden`; with no call left it ends its turn normally. */
  withoutCallsTo(response: JsonObject, hidden: string): JsonObject;
  /** A relay for a streamed response that may call `hidden`. */
  streamRelay(hidden: string): StreamRelay;
  /** An error event in the provider's stream shape (an upstream failure after the stream began). */
  streamError(message: string): Uint8Array;
}
