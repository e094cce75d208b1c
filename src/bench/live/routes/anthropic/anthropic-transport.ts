/**
 * Sends Anthropic Messages bodies through @anthropic-ai/sdk: its retries (429, 5xx, timeouts, with
 * `retry-after` honoured) are the rate-limit handling; streamed responses are assembled by the SDK.
 */
import Anthropic from '@anthropic-ai/sdk';
import { ModelResponseError } from '../../../../errors.ts';
import type { JsonObject } from '../../../../types.ts';
import type { ModelTransport } from '../model-route.ts';

/** Where and how the SDK client sends. */
export interface AnthropicTransportOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  /** Per attempt. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Ask for server-sent events and assemble them (the SDK's MessageStream). */
  readonly stream: boolean;
}

/** A JSON copy of what the SDK returned (its objects carry non-JSON extras such as `_request_id`). */
function asJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

/** A transport over one SDK client (its own retries and timeouts). */
export function anthropicTransport(options: AnthropicTransportOptions): ModelTransport {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    logLevel: 'off',
  });
  return {
    async send(body) {
      // The trace's own request, forwarded as it is: the API, not this cast, decides whether it is valid.
      const params = body as unknown as Anthropic.MessageCreateParamsNonStreaming;
      try {
        const message = options.stream
          ? await client.messages.stream(params).finalMessage()
          : await client.messages.create(params);
        return asJson(message);
      } catch (error) {
        // A 200 whose body is not JSON surfaces as a SyntaxError; API errors keep their own class and status.
        if (error instanceof SyntaxError)
          throw new ModelResponseError('anthropic', `malformed response: ${error.message}`);
        throw error;
      }
    },
  };
}
