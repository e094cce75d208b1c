/**
 * What the proxy counts while it runs. Measuring only: `stats-json.ts` and `prometheus-text.ts` present
 * the same snapshot.
 */

/** Routes the proxy tells apart in its counts. */
export type ProxyRoute = 'anthropic-messages' | 'openai-chat' | 'passthrough';

import { RecentSamples, type SampleQuantiles } from './recent-samples.ts';

/** Counters since start; `snapshot()` freezes them for a presenter. */
export class ProxyStats {
  readonly startedAt = Date.now();
  readonly requests: Record<ProxyRoute, number> = { 'anthropic-messages': 0, 'openai-chat': 0, passthrough: 0 };
  /** Responses by status class (`2xx`, `4xx`...), whoever answered. */
  readonly responses = new Map<string, number>();
  /** Requests where at least one block was sent compressed. */
  compressedRequests = 0;
  tokensBefore = 0;
  tokensAfter = 0;
  /** Requests sent unchanged because the engine threw (fail open). */
  engineFailures = 0;
  /** Blocks sent unchanged because their compressor failed (fail open inside the engine). */
  blockFailures = 0;
  markers = 0;
  retrieveCalls = 0;
  /** Retrieve calls whose ref the store could not resolve (expired, evicted, unknown) or whose arguments were bad. */
  retrieveMisses = 0;
  /** Upstream continuations made to answer retrieve calls. */
  retrieveRounds = 0;
  /** Malformed or oversized requests answered by the proxy itself. */
  badRequests = 0;
  /** Upstream unreachable (the proxy answered 502). */
  upstreamErrors = 0;
  /** Clients gone before their response ended; their upstream request was aborted. */
  clientAborts = 0;
  recordErrors = 0;
  /** Wall time of the engine per request. */
  readonly engineMs = new RecentSamples();
  /** Time counting a request's tokens for the `x-terse-tokens-*` headers (done while upstream works). */
  readonly countMs = new RecentSamples();

  addResponse(status: number): void {
    const key = `${Math.floor(status / 100)}xx`;
    this.responses.set(key, (this.responses.get(key) ?? 0) + 1);
  }

  /** A plain copy, with time percentiles and process memory. */
  snapshot(sessions: { readonly count: number; readonly bytes: number }): ProxyStatsSnapshot {
    const memory = process.memoryUsage();
    return {
      uptimeSeconds: (Date.now() - this.startedAt) / 1000,
      requests: { ...this.requests },
      responses: Object.fromEntries(this.responses),
      sessions: sessions.count,
      sessionBytes: sessions.bytes,
      compressedRequests: this.compressedRequests,
      tokensBefore: this.tokensBefore,
      tokensAfter: this.tokensAfter,
      engineFailures: this.engineFailures,
      blockFailures: this.blockFailures,
      markers: this.markers,
      retrieveCalls: this.retrieveCalls,
      retrieveMisses: this.retrieveMisses,
      retrieveRounds: this.retrieveRounds,
      badRequests: this.badRequests,
      upstreamErrors: this.upstreamErrors,
      clientAborts: this.clientAborts,
      recordErrors: this.recordErrors,
      engineMs: this.engineMs.quantiles(),
      countMs: this.countMs.quantiles(),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
  }
}

/** The counters at one moment. */
export interface ProxyStatsSnapshot {
  readonly uptimeSeconds: number;
  readonly requests: Readonly<Record<ProxyRoute, number>>;
  readonly responses: Readonly<Record<string, number>>;
  readonly sessions: number;
  /** Estimated bytes the sessions' frozen decisions hold. */
  readonly sessionBytes: number;
  readonly compressedRequests: number;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly engineFailures: number;
  readonly blockFailures: number;
  readonly markers: number;
  readonly retrieveCalls: number;
  readonly retrieveMisses: number;
  readonly retrieveRounds: number;
  readonly badRequests: number;
  readonly upstreamErrors: number;
  readonly clientAborts: number;
  readonly recordErrors: number;
  readonly engineMs: SampleQuantiles;
  readonly countMs: SampleQuantiles;
  readonly memory: { readonly rssBytes: number; readonly heapUsedBytes: number };
}
