/**
 * Every other path (count_tokens, models, batches, files...): forwarded untouched, body streamed both
 * ways, to the provider the request's headers name (`anthropic-version` or `x-api-key`: Anthropic;
 * otherwise OpenAI).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import type { Provider } from '../types.ts';
import { verbatimResponse } from './client-response.ts';
import { upstreamRequestHeaders } from './forwarded-headers.ts';
import { errorResponse } from './provider-errors.ts';
import type { ProxyContext } from './proxy-context.ts';
import { upstreamUrl, type UpstreamResponse } from './upstream-client.ts';

/** The provider a request without a model route is meant for, by its headers. */
export function providerByHeaders(headers: Headers): Provider {
  return headers.has('anthropic-version') || headers.has('x-api-key') ? 'anthropic' : 'openai';
}

/** Forwards the request as it is; `provider` fixes the upstream when the path says it. */
export async function handlePassthrough(
  context: ProxyContext,
  c: Context,
  provider: Provider = providerByHeaders(c.req.raw.headers),
): Promise<Response> {
  const { stats, options } = context;
  stats.requests.passthrough++;
  const url = new URL(c.req.url);
  const base = provider === 'anthropic' ? options.anthropicUpstream : options.openaiUpstream;
  const method = c.req.method;
  const stream = c.req.raw.body;
  const body =
    method === 'GET' || method === 'HEAD' || stream === null
      ? null
      : Readable.fromWeb(stream as NodeReadableStream<Uint8Array>);
  let upstream: UpstreamResponse;
  try {
    upstream = await context.upstream.send({
      url: upstreamUrl(base, url.pathname + url.search),
      method,
      headers: upstreamRequestHeaders(c.req.raw.headers, { identity: false }),
      body,
      signal: c.req.raw.signal,
    });
  } catch (error) {
    if (c.req.raw.signal.aborted) throw error;
    stats.upstreamErrors++;
    return errorResponse(
      provider,
      'upstream-unreachable',
      `cannot reach ${new URL(base).origin}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  options.log(`${method} ${url.pathname} ${upstream.status} passthrough`);
  return verbatimResponse(upstream, {}, { head: method === 'HEAD' });
}
