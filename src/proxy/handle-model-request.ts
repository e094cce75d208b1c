/**
 * POST /v1/messages and /v1/chat/completions: read, compress the live zone, forward, and answer the
 * model's `terse_retrieve` calls on the way back. The client's bytes go upstream as received except
 * the rewritten string slots (and the appended tool); upstream's answer comes back as sent unless the
 * retrieve loop had to rewrite it.
 */
import type { Context } from 'hono';
import { measureRequest, type RequestMeasure } from '../engine/measure-request.ts';
import type { JsonObject, Provider } from '../types.ts';
import { bufferedResponse, relayedStreamResponse, rewrittenJsonResponse, verbatimResponse } from './client-response.ts';
import { compressForUpstream, compressorsUsed, type PreparedRequest } from './compress-for-upstream.ts';
import { upstreamRequestHeaders } from './forwarded-headers.ts';
import { errorResponse } from './provider-errors.ts';
import type { ProxyContext } from './proxy-context.ts';
import type { ProxyRoute } from './proxy-stats.ts';
import { readClientRequest } from './read-client-request.ts';
import { runRetrieveLoop, type RetrieveLoopContext } from './retrieve-loop.ts';
import { relayRetrieveStream } from './retrieve-stream.ts';
import { SESSION_HEADER, sessionKey } from './session-key.ts';
import { decidedBytes, type ProxySession } from './session-registry.ts';
import { recordRequest } from './trace-recording.ts';
import { upstreamUrl, type UpstreamResponse } from './upstream-client.ts';
import { anthropicWire } from './wire/anthropic/anthropic-wire.ts';
import { openaiWire } from './wire/openai/openai-wire.ts';
import type { ProviderWire } from './wire/wire.ts';

const WIRES: Record<Provider, ProviderWire> = { anthropic: anthropicWire, openai: openaiWire };
const ROUTES: Record<Provider, ProxyRoute> = { anthropic: 'anthropic-messages', openai: 'openai-chat' };

/** terse's response headers for a request: token counts, compressors, session. */
function terseHeaders(context: ProxyContext, prepared: PreparedRequest, session: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-terse-session': session };
  const { compressed } = prepared;
  if (compressed === null) {
    headers['x-terse-bypass'] = 'engine-error';
    return headers;
  }
  let measure: RequestMeasure;
  const started = performance.now();
  try {
    measure = measureRequest(compressed, context.setup.ruler);
    context.stats.countMs.add(performance.now() - started);
  } catch (error) {
    // The request went upstream already; only the counts are missing.
    context.options.log(
      `counting tokens failed (session ${session}): ${error instanceof Error ? error.message : String(error)}`,
    );
    return headers;
  }
  const { stats } = context;
  stats.tokensBefore += measure.tokensBefore;
  stats.tokensAfter += measure.tokensAfter;
  stats.markers += compressed.stats.markers;
  stats.engineMs.add(compressed.stats.ms);
  if (compressed.stats.blocksChanged > 0) stats.compressedRequests++;
  headers['x-terse-tokens-before'] = String(measure.tokensBefore);
  headers['x-terse-tokens-after'] = String(measure.tokensAfter);
  headers['x-terse-compressors'] = compressorsUsed(compressed).join(',') || 'none';
  return headers;
}

/** Counted once the request is on its way: a real upstream takes far longer to answer than this takes. */
function measureAfterSending(
  context: ProxyContext,
  prepared: PreparedRequest,
  session: string,
): Promise<Record<string, string>> {
  return new Promise((resolve) => setImmediate(() => resolve(terseHeaders(context, prepared, session))));
}

/** Queues the request for the session's trace; a failed write is counted and logged, never the request's failure. */
function recordInBackground(
  context: ProxyContext,
  dir: string,
  session: ProxySession,
  provider: Provider,
  body: JsonObject,
): void {
  session.recorder
    .run(() => recordRequest(dir, session, provider, body))
    .catch((error: unknown) => {
      context.stats.recordErrors++;
      context.options.log(
        `recording session ${session.key} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
}

/** Handles one model request for `provider`. */
export async function handleModelRequest(context: ProxyContext, provider: Provider, c: Context): Promise<Response> {
  const { stats, options } = context;
  stats.requests[ROUTES[provider]]++;
  const received = new Uint8Array(await c.req.arrayBuffer());
  const read = readClientRequest(received, provider);
  if (!read.ok) {
    stats.badRequests++;
    options.log(`${c.req.method} ${c.req.path} 400 ${read.message}`);
    return errorResponse(provider, 'invalid-request', read.message);
  }
  const { request } = read;
  const key = sessionKey(provider, request.body, c.req.header(SESSION_HEADER) ?? null);
  const session = context.sessions.acquire(key);
  const prepared = await compressForUpstream(session, request, received, options.liveZoneOnly);
  if (prepared.compressed !== null) context.sessions.grew(session, decidedBytes(prepared.compressed));
  stats.blockFailures += prepared.blockFailures;
  if (prepared.engineError !== null) {
    stats.engineFailures++;
    options.log(`engine failed, request sent unchanged (session ${key}): ${prepared.engineError}`);
  }
  if (options.recordDir !== null) recordInBackground(context, options.recordDir, session, provider, request.body);
  const signal = c.req.raw.signal;
  const target = new URL(c.req.url);
  const url = upstreamUrl(
    provider === 'anthropic' ? options.anthropicUpstream : options.openaiUpstream,
    target.pathname + target.search,
  );
  const headers = upstreamRequestHeaders(c.req.raw.headers, { identity: prepared.retrieveOffered });
  const send = (body: string | Uint8Array): Promise<UpstreamResponse> =>
    context.upstream.send({ url, method: 'POST', headers, body, signal });
  const sent = send(prepared.body);
  const terse = measureAfterSending(context, prepared, key);
  let upstream: UpstreamResponse;
  try {
    upstream = await sent;
  } catch (error) {
    if (signal.aborted) throw error;
    stats.upstreamErrors++;
    const reason = error instanceof Error ? error.message : String(error);
    options.log(`${c.req.method} ${c.req.path} 502 upstream unreachable: ${reason}`);
    return errorResponse(provider, 'upstream-unreachable', `cannot reach ${new URL(url).origin}: ${reason}`);
  }
  const extra = await terse;
  options.log(
    `${c.req.method} ${c.req.path} ${upstream.status} session=${key} tokens=${extra['x-terse-tokens-before'] ?? '?'}->${extra['x-terse-tokens-after'] ?? '?'}`,
  );
  if (!prepared.retrieveOffered || upstream.status !== 200) return verbatimResponse(upstream, extra);
  const loop: RetrieveLoopContext = {
    wire: WIRES[provider],
    store: session.engine.store,
    stats,
    maxRounds: options.maxRetrieveRounds,
    sentBody: typeof prepared.body === 'string' ? prepared.body : (request.source ?? ''),
    send,
  };
  const contentType = String(upstream.headers['content-type'] ?? '');
  if (contentType.includes('text/event-stream'))
    return relayedStreamResponse(upstream, relayRetrieveStream(upstream, loop), extra);
  const outcome = await runRetrieveLoop(upstream, loop);
  return outcome.kind === 'verbatim'
    ? bufferedResponse(outcome.upstream, outcome.bytes, extra)
    : rewrittenJsonResponse(outcome.upstream, outcome.body, extra);
}
