/**
 * A minimal model server on loopback for the proxy's tests: it records every request (bytes and
 * headers, as received) and answers as a responder says, in the wire format of the path it was
 * called on, whole or streamed (in chunks of `chunkBytes`, so UTF-8 characters split across writes).
 * Kept small and in a file of its own so a fuller mock can replace it.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject, JsonValue } from '../../types.ts';
import {
  anthropicEvents,
  anthropicMessage,
  openaiChunks,
  openaiCompletion,
  type MockTurn,
} from './mock-model-replies.ts';

/** One request as the mock received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body as JSON, or null. */
  readonly json: JsonObject | null;
}

/** How the mock answers one request. */
export type MockReply =
  | ({ readonly kind: 'turn' } & MockTurn)
  | {
      readonly kind: 'raw';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body: string;
    }
  /** Sends the head and the first event of a stream, then waits for the client to go away. */
  | { readonly kind: 'hang' };

/** Decides the reply to each request (`index`: its position among all requests received). */
export type Responder = (request: RecordedRequest, index: number) => MockReply;

/** A running mock, what it received, and how it answers. */
export interface MockModelServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets how later requests are answered. @default a text turn "ok" */
  respond(responder: Responder): void;
  /** Streamed bytes are written in pieces of this size (1 splits every multi-byte character). @default 7 */
  chunkBytes: number;
  /** Resolves with each request whose connection closed before its answer ended, in order. */
  nextEarlyClose(): Promise<RecordedRequest>;
  /** Resolves with the next request to arrive after the call. */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

function parseJson(body: Buffer): JsonObject | null {
  try {
    const value = JSON.parse(body.toString('utf8')) as JsonValue;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

async function writeInPieces(res: ServerResponse, text: string, size: number): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) {
    if (!res.write(bytes.subarray(i, i + size))) await new Promise((resolve) => res.once('drain', resolve));
  }
}

/** Items handed to waiters in order, or kept until one asks. */
class EventQueue<T> {
  readonly #items: T[] = [];
  readonly #waiters: ((item: T) => void)[] = [];

  push(item: T): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(item);
    else this.#items.push(item);
  }

  next(): Promise<T> {
    return new Promise((resolve) => {
      if (this.#items.length > 0) resolve(this.#items.shift() as T);
      else this.#waiters.push(resolve);
    });
  }
}

/** Starts the mock on 127.0.0.1 and a free port. */
export async function startMockModelServer(): Promise<MockModelServer> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = () => ({ kind: 'turn', text: 'ok' });
  const earlyCloses = new EventQueue<RecordedRequest>();
  const arrivals: ((request: RecordedRequest) => void)[] = [];
  const mock: MockModelServer = {
    url: '',
    requests,
    respond: (next) => void (responder = next),
    chunkBytes: 7,
    nextEarlyClose: () => earlyCloses.next(),
    nextRequest: () => new Promise((resolve) => arrivals.push(resolve)),
    close: async () => undefined,
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
      json: parseJson(body),
    };
    requests.push(request);
    for (const arrived of arrivals.splice(0)) arrived(request);
    res.on('close', () => {
      if (!res.writableFinished) earlyCloses.push(request);
    });
    const reply = responder(request, requests.length - 1);
    const anthropic = request.url.startsWith('/v1/messages');
    const model = typeof request.json?.model === 'string' ? request.json.model : 'mock-model';
    const id = anthropic ? `msg_mock_${requests.length}` : `chatcmpl-mock-${requests.length}`;
    if (reply.kind === 'raw') {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
      return;
    }
    const streamed = request.json?.stream === true;
    if (reply.kind === 'hang') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(
        anthropic
          ? anthropicEvents({ text: 'wait' }, model, id)[0]
          : openaiChunks({ text: 'wait' }, model, id, false)[0],
      );
      return;
    }
    if (!streamed) {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
      res.end(JSON.stringify(anthropic ? anthropicMessage(reply, model, id) : openaiCompletion(reply, model, id)));
      return;
    }
    const options = request.json?.stream_options;
    const includeUsage =
      typeof options === 'object' && options !== null && !Array.isArray(options) && options.include_usage === true;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'request-id': `req_${requests.length}`,
    });
    const events = anthropic ? anthropicEvents(reply, model, id) : openaiChunks(reply, model, id, includeUsage);
    await writeInPieces(res, events.join(''), mock.chunkBytes);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(mock, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
