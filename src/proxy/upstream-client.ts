/** Sends requests to the providers with undici: keep-alive pools, bodies as streams, nothing decoded. */
import { Agent, request } from 'undici';
import type { Readable } from 'node:stream';
import type { UpstreamHeaders } from './forwarded-headers.ts';

/** A response head and its body, unread. */
export interface UpstreamResponse {
  readonly status: number;
  readonly headers: UpstreamHeaders;
  readonly body: Readable & { text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> };
}

/** One request to a provider. */
export interface UpstreamRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Bytes, or a stream for a body passed through unread. */
  readonly body: string | Uint8Array | Readable | null;
  /** Aborted when the client goes away: the upstream request is abandoned with it. */
  readonly signal: AbortSignal;
}

/** The proxy's HTTP client toward the providers. */
export interface UpstreamClient {
  send(upstream: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

/** A client with its own connection pools; nothing here follows redirects or retries (the client's SDK does). */
export function createUpstreamClient(): UpstreamClient {
  // Model responses can pause for minutes between events (long thinking): no body timeout.
  const agent = new Agent({ keepAliveTimeout: 30_000, headersTimeout: 600_000, bodyTimeout: 0, connections: 256 });
  return {
    async send(upstream) {
      const response = await request(upstream.url, {
        method: upstream.method as 'POST',
        headers: upstream.headers,
        body: upstream.body,
        signal: upstream.signal,
        dispatcher: agent,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    },
    close: () => agent.close(),
  };
}

/** `base` (an origin, maybe with a base path) joined with the request's path and query. */
export function upstreamUrl(base: string, pathAndQuery: string): string {
  return `${base.replace(/\/+$/, '')}${pathAndQuery}`;
}
