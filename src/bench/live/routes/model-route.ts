/**
 * How the live bench talks to a model: one small interface, one folder per implementation
 * (`anthropic/` through @anthropic-ai/sdk, `openai/` through plain fetch). A route only translates
 * and transports; what to ask, when to stop and how to grade live in the callers.
 */
import type { JsonObject, Provider } from '../../../types.ts';
import type { TokenUsage } from '../live-rows.ts';

/** A tool call in a model's reply. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments as the model sent them (an object, or the raw text when it was not JSON). */
  readonly input: unknown;
}

/** What a tool call gave back to the model. */
export interface ToolOutput {
  readonly id: string;
  readonly text: string;
  readonly isError: boolean;
}

/** A model response, read. */
export interface ModelReply {
  /** The text blocks of the reply, joined. */
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly usage: TokenUsage;
}

/** One wire format: builds request bodies and reads responses. Pure translation. */
export interface ModelWire {
  readonly provider: Provider;
  /** `body` (a request in this wire's form) sent to `model`, with terse_retrieve offered and `question` as a last user turn. */
  askBody(body: JsonObject, model: string, questionTurn: string): JsonObject;
  /** The request that follows `body` once the model replied `response` and its tool calls gave `outputs`. */
  continueBody(body: JsonObject, response: JsonObject, outputs: readonly ToolOutput[]): JsonObject;
  /** A standalone request: one system prompt, one user turn. */
  promptBody(model: string, system: string, user: string, maxTokens: number): JsonObject;
  /** Reads a response; throws ModelResponseError when it is not a response of this wire. */
  readReply(response: JsonObject): ModelReply;
}

/** Sends a body and resolves to the response in its non-streaming shape (streamed ones assembled). */
export interface ModelTransport {
  send(body: JsonObject): Promise<JsonObject>;
}

/** A wire and the transport that carries it. */
export interface ModelRoute {
  readonly wire: ModelWire;
  readonly transport: ModelTransport;
  /** The model this route asks. */
  readonly model: string;
}
