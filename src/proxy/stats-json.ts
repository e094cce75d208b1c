/** /stats: the snapshot as JSON, with the reduction the counts imply. */
import type { ProxyStatsSnapshot } from './proxy-stats.ts';
import type { SampleQuantiles } from './recent-samples.ts';

const roundMs = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 100) / 100);

function roundedQuantiles(q: SampleQuantiles): Record<string, number | null> {
  return { samples: q.samples, p50: roundMs(q.p50), p95: roundMs(q.p95), max: roundMs(q.max) };
}

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
      engine_ms: roundedQuantiles(snapshot.engineMs),
      count_ms: roundedQuantiles(snapshot.countMs),
      memory: { rss_bytes: snapshot.memory.rssBytes, heap_used_bytes: snapshot.memory.heapUsedBytes },
    },
    null,
    2,
  )}\n`;
}
