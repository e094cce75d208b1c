/** Responses for the client built from upstream ones: passed through as bytes, or rewritten by the proxy. */
import type { Readable } from 'node:stream';
import type { JsonObject } from '../types.ts';
import { clientResponseHeaders } from './forwarded-headers.ts';
import type { UpstreamResponse } from './upstream-client.ts';

/** Statuses whose responses carry no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** Adds terse's own headers to `headers`. */
function withTerseHeaders(headers: Headers, terse: Readonly<Record<string, string>>): Headers {
  for (const [name, value] of Object.entries(terse)) headers.set(name, value);
  return headers;
}

/**
 * A web stream pulling from `source` one chunk at a time (so upstream is read no faster than the client
 * reads); the client going away returns the iterator, which destroys an upstream body and so aborts it.
 */
export function streamFrom(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

function streamOf(body: Readable): ReadableStream<Uint8Array> {
  return streamFrom(body as AsyncIterable<Uint8Array>);
}

/** Upstream's status, headers and body exactly as they came, streamed as they arrive. */
export function verbatimResponse(
  upstream: UpstreamResponse,
  terse: Readonly<Record<string, string>>,
  options: { readonly head: boolean } = { head: false },
): Response {
  const headers = withTerseHeaders(clientResponseHeaders(upstream.headers, { bodyRewritten: false }), terse);
  if (NO_BODY.has(upstream.status) || options.head) {
    upstream.body.resume();
    return new Response(null, { status: upstream.status, headers });
  }
  return new Response(streamOf(upstream.body), { status: upstream.status, headers });
}

/** Upstream's status and headers with a body already read (`bytes`, as they came). */
export function bufferedResponse(
  upstream: UpstreamResponse,
  bytes: Uint8Array<ArrayBuffer>,
  terse: Readonly<Record<string, string>>,
): Response {
  const headers = withTerseHeaders(clientResponseHeaders(upstream.headers, { bodyRewritten: false }), terse);
  return new Response(NO_BODY.has(upstream.status) ? null : bytes, { status: upstream.status, headers });
}

/** A JSON body the proxy built (several retrieve rounds merged), with upstream's other headers. */
export function rewrittenJsonResponse(
  upstream: UpstreamResponse,
  body: JsonObject,
  terse: Readonly<Record<string, string>>,
): Response {
  const headers = withTerseHeaders(clientResponseHeaders(upstream.headers, { bodyRewritten: true }), terse);
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status: upstream.status, headers });
}

/** An event stream the proxy relays (and may continue over several upstream rounds). */
export function relayedStreamResponse(
  upstream: UpstreamResponse,
  events: AsyncIterable<Uint8Array>,
  terse: Readonly<Record<string, string>>,
): Response {
  const headers = withTerseHeaders(clientResponseHeaders(upstream.headers, { bodyRewritten: true }), terse);
  return new Response(streamFrom(events), { status: upstream.status, headers });
}
