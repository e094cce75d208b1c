/** /stats: the snapshot as JSON, with the reduction the counts imply. */
import type { ProxyStatsSnapshot } from './proxy-stats.ts';

const roundMs = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 100) / 100);

/** The JSON body of `/stats` (snake_case keys, like the bench's rows). */
export function statsJson(snapshot: ProxyStatsSnapshot): string {
  const saved = snapshot.tokensBefore - snapshot.tokensAfter;
  return `${JSON.stringify(
    {
      uptime_seconds: Math.round(snapshot.uptimeSeconds),
      requests: snapshot.requests,
      responses: snapshot.responses,
      sessions: snapshot.sessions,
      session_bytes: snapshot.sessionBytes,
      compressed_requests: snapshot.compressedRequests,
      tokens: {
        before: snapshot.tokensBefore,
        after: snapshot.tokensAfter,
        saved,
        reduction: snapshot.tokensBefore === 0 ? 0 : Number((saved / snapshot.tokensBefore).toFixed(4)),
      },
      markers: snapshot.markers,
      retrieve: { calls: snapshot.retrieveCalls, misses: snapshot.retrieveMisses, rounds: snapshot.retrieveRounds },
      failures: {
        engine: snapshot.engineFailures,
        blocks: snapshot.blockFailures,
        upstream_unreachable: snapshot.upstreamErrors,
        bad_requests: snapshot.badRequests,
        client_aborts: snapshot.clientAborts,
        recording: snapshot.recordErrors,
      },
      engine_ms: {
        samples: snapshot.engineMs.samples,
        p50: roundMs(snapshot.engineMs.p50),
        p95: roundMs(snapshot.engineMs.p95),
        max: roundMs(snapshot.engineMs.max),
      },
      memory: { rss_bytes: snapshot.memory.rssBytes, heap_used_bytes: snapshot.memory.heapUsedBytes },
    },
    null,
    2,
  )}\n`;
}
