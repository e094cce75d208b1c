/** Sends Chat Completions bodies through plain fetch (llama.cpp's server, vLLM, Ollama, OpenAI). */
import { ModelResponseError } from '../../../../errors.ts';
import type { JsonObject } from '../../../../types.ts';
import type { ModelTransport } from '../model-route.ts';
import { postWithRetry } from './fetch-with-retry.ts';
import { assembleStream } from './openai-stream.ts';

/** Where and how the fetch route sends. */
export interface OpenaiTransportOptions {
  /** Null for a local server that wants none. */
  readonly apiKey: string | null;
  /** Up to the version segment, e.g. `http://127.0.0.1:8080/v1`; `/chat/completions` is appended. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly stream: boolean;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

async function readJson(response: Response): Promise<JsonObject> {
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelResponseError('openai', `malformed response: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ModelResponseError('openai', 'the response is not a JSON object');
  return value as JsonObject;
}

/** A transport that POSTs to `<baseUrl>/chat/completions`, streamed or not. */
export function openaiTransport(options: OpenaiTransportOptions): ModelTransport {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.apiKey === null ? {} : { authorization: `Bearer ${options.apiKey}` }),
  };
  return {
    send(body) {
      const sent = options.stream ? { ...body, stream: true, stream_options: { include_usage: true } } : body;
      return postWithRetry(url, headers, JSON.stringify(sent), options.stream ? assembleStream : readJson, options);
    },
  };
}
