/** The proxy as a hono app: model routes, passthrough for the rest, and its own health and stats. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EngineSetup } from '../engine/engine-session.ts';
import type { Provider } from '../types.ts';
import { handleModelRequest } from './handle-model-request.ts';
import { handlePassthrough, providerByHeaders } from './handle-passthrough.ts';
import { prometheusText } from './prometheus-text.ts';
import { errorResponse } from './provider-errors.ts';
import type { ProxyContext } from './proxy-context.ts';
import { resolveProxyOptions, type ProxyOptions } from './proxy-options.ts';
import { ProxyStats } from './proxy-stats.ts';
import { SessionRegistry } from './session-registry.ts';
import { statsJson } from './stats-json.ts';
import { createUpstreamClient } from './upstream-client.ts';

/** A proxy ready to serve: `app.fetch` handles requests; `close` releases its upstream connections. */
export interface Proxy {
  readonly app: Hono;
  readonly stats: ProxyStats;
  readonly sessions: SessionRegistry;
  /** Resolves once every trace write queued so far is on disk. */
  recordingsWritten(): Promise<void>;
  /** Finishes the trace writes, then releases the upstream connections. */
  close(): Promise<void>;
}

/** Builds the proxy over an engine (whose store holds the originals behind markers). */
export function createProxy(setup: EngineSetup, options: Partial<ProxyOptions> = {}): Proxy {
  const resolved = resolveProxyOptions(options);
  const stats = new ProxyStats();
  const sessions = new SessionRegistry(setup, { sessions: resolved.maxSessions, bytes: resolved.maxSessionBytes });
  const upstream = createUpstreamClient();
  const context: ProxyContext = { options: resolved, setup, sessions, stats, upstream };
  const limit = (provider: Provider) =>
    bodyLimit({
      maxSize: resolved.maxBodyBytes,
      onError: () => {
        stats.badRequests++;
        return errorResponse(provider, 'request-too-large', `request body over ${resolved.maxBodyBytes} bytes`);
      },
    });
  const app = new Hono();
  app.use(async (c, next) => {
    // Counted once per request whose client left before its response ended (the upstream request is aborted with it).
    c.req.raw.signal.addEventListener('abort', () => stats.clientAborts++, { once: true });
    await next();
    stats.addResponse(c.res.status);
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/stats', (c) =>
    c.body(statsJson(stats.snapshot({ count: sessions.size, bytes: sessions.bytes })), 200, {
      'content-type': 'application/json',
    }),
  );
  app.get('/metrics', (c) =>
    c.body(prometheusText(stats.snapshot({ count: sessions.size, bytes: sessions.bytes })), 200, {
      'content-type': 'text/plain; version=0.0.4',
    }),
  );
  app.post('/v1/messages', limit('anthropic'), (c) => handleModelRequest(context, 'anthropic', c));
  app.post('/v1/chat/completions', limit('openai'), (c) => handleModelRequest(context, 'openai', c));
  app.all('/v1/messages/count_tokens', (c) => handlePassthrough(context, c, 'anthropic'));
  app.all('*', (c) => handlePassthrough(context, c));
  app.onError((error, c) => {
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    resolved.log(`${c.req.method} ${c.req.path} 500 ${error.message}`);
    return errorResponse(providerByHeaders(c.req.raw.headers), 'internal', `internal error: ${error.message}`);
  });
  const recordingsWritten = async (): Promise<void> => {
    await Promise.all([...sessions.all()].map((session) => session.recorder.run(async () => undefined)));
  };
  return {
    app,
    stats,
    sessions,
    recordingsWritten,
    async close() {
      await recordingsWritten();
      await upstream.close();
    },
  };
}
