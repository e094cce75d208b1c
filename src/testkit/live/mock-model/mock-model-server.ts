/**
 * A model server for tests and demos, on loopback only: the Anthropic Messages API at `/v1/messages`
 * and the OpenAI Chat Completions API at `/v1/chat/completions`, whole or streamed (SSE). It answers
 * from what the request shows (mock-reader.ts), records every request it receives, and serves the
 * faults it is told to, in order, so clients are tested through their real retry paths.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { JsonObject, Provider } from '../../../types.ts';
import { responseKey } from '../../../bench/live/response-cache.ts';
import { readConversation } from './mock-conversation.ts';
import { errorBody, MALFORMED_BODY, type MockFault } from './mock-faults.ts';
import { decideReply } from './mock-reader.ts';
import {
  anthropicEvents,
  anthropicMessage,
  openaiCompletion,
  openaiEvents,
  type MockEvent,
  type ReplyInput,
} from './mock-replies.ts';

/** One request the server received, and what it served. */
export interface MockRequestRecord {
  readonly api: Provider;
  /** The response-cache key of the body (stream fields left out), as the live bench computes it. */
  readonly key: string;
  readonly body: JsonObject;
  readonly stream: boolean;
  /** `answered`, a status such as `429`, `hang` or `malformed`. */
  readonly served: string;
  /** The SDK's `x-stainless-retry-count` header: 0 on a first attempt. */
  readonly retry: number;
}

/** A running mock: its URLs, what it received, and its controls. */
export interface MockModelServer {
  /** `http://127.0.0.1:<port>`: the Anthropic base URL. */
  readonly url: string;
  /** `<url>/v1`: the OpenAI-compatible base URL. */
  readonly openaiBaseUrl: string;
  /** Every request received, in arrival order. */
  readonly requests: readonly MockRequestRecord[];
  /** Queues faults, served one per request to the next requests. */
  fail(faults: readonly MockFault[]): void;
  /** After `answered` more answered requests, every request hangs (a run to kill); null lifts it. */
  hangAfter(answered: number | null): void;
  /** Resolves once a request is hanging. */
  whenHanging(): Promise<void>;
  close(): Promise<void>;
}

/** How the mock starts. */
export interface MockModelOptions {
  /** Faults to serve first. @default [] */
  readonly faults?: readonly MockFault[];
  /** 0 picks a free one. @default 0 */
  readonly port?: number;
}

/** The body as keyed by the client: the streaming switch is transport, not content. */
function contentOf(api: Provider, body: JsonObject): JsonObject {
  const { stream: _stream, ...rest } = body;
  if (api === 'openai') delete rest.stream_options;
  return rest;
}

function sse(c: Context, events: readonly MockEvent[]): Response {
  return streamSSE(c, async (stream) => {
    for (const event of events)
      await stream.writeSSE(
        event.event === undefined ? { data: event.data } : { event: event.event, data: event.data },
      );
  });
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startMockModelServer(options: MockModelOptions = {}): Promise<MockModelServer> {
  const requests: MockRequestRecord[] = [];
  const faults: MockFault[] = [...(options.faults ?? [])];
  let hangLeft: number | null = null;
  const hanging = new Set<() => void>();
  let hangSeen: (() => void) | null = null;
  let hangPromise = new Promise<void>((resolve) => (hangSeen = resolve));

  const hang = (c: Context): Promise<Response> =>
    new Promise((resolve) => {
      const release = (): void => {
        hanging.delete(release);
        resolve(c.body(null, 503));
      };
      hanging.add(release);
      c.req.raw.signal.addEventListener('abort', release, { once: true });
      hangSeen?.();
    });

  const handle =
    (api: Provider) =>
    async (c: Context): Promise<Response> => {
      const text = await c.req.text();
      let body: JsonObject;
      try {
        body = JSON.parse(text) as JsonObject;
      } catch {
        return c.body(errorBody(api, 400), 400, { 'content-type': 'application/json' });
      }
      const stream = body.stream === true;
      const content = contentOf(api, body);
      const key = responseKey(api, content);
      const retry = Number(c.req.header('x-stainless-retry-count') ?? 0);
      const record = (served: string): void => void requests.push({ api, key, body: content, stream, served, retry });
      const fault = faults.shift();
      if (fault?.kind === 'status') {
        record(String(fault.status));
        return c.body(errorBody(api, fault.status), fault.status as 429, {
          'content-type': 'application/json',
          'retry-after-ms': '1',
        });
      }
      if (fault?.kind === 'malformed') {
        record('malformed');
        return c.body(MALFORMED_BODY, 200, { 'content-type': 'application/json' });
      }
      if (fault?.kind === 'hang' || hangLeft === 0) {
        record('hang');
        return hang(c);
      }
      if (hangLeft !== null) hangLeft--;
      record('answered');
      const input: ReplyInput = {
        decision: decideReply(readConversation(api, content)),
        digest: createHash('sha256').update(key).digest('hex'),
        model: typeof body.model === 'string' ? body.model : 'mock',
        inputTokens: Math.max(1, Math.ceil(text.length / 4)),
      };
      if (api === 'anthropic') return stream ? sse(c, anthropicEvents(input)) : c.json(anthropicMessage(input));
      const includeUsage =
        typeof body.stream_options === 'object' &&
        body.stream_options !== null &&
        (body.stream_options as JsonObject).include_usage === true;
      return stream ? sse(c, openaiEvents(input, includeUsage)) : c.json(openaiCompletion(input));
    };

  const app = new Hono();
  app.post('/v1/messages', handle('anthropic'));
  app.post('/v1/chat/completions', handle('openai'));

  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () =>
      resolve(started as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    requests,
    fail: (more) => void faults.push(...more),
    hangAfter: (answered) => {
      hangLeft = answered;
    },
    whenHanging: () => hangPromise,
    close: async () => {
      for (const release of [...hanging]) release();
      hangPromise = Promise.resolve();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
