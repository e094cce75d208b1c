/**
 * /metrics: the snapshot in Prometheus text exposition format 0.0.4. Written here rather than with
 * prom-client, whose registry would keep a second copy of counters `/stats` already reads.
 */
import type { ProxyStatsSnapshot } from './proxy-stats.ts';

type Sample = readonly [labels: string, value: number];

function family(name: string, type: 'counter' | 'gauge', help: string, samples: readonly Sample[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  return lines.join('\n');
}

const one = (value: number): readonly Sample[] => [['', value]];

/** The text body of `/metrics`. */
export function prometheusText(s: ProxyStatsSnapshot): string {
  const families = [
    family(
      'terse_proxy_requests_total',
      'counter',
      'Requests received, by route.',
      Object.entries(s.requests).map(([route, n]) => [`{route="${route}"}`, n]),
    ),
    family(
      'terse_proxy_responses_total',
      'counter',
      'Responses sent, by status class.',
      Object.entries(s.responses).map(([code, n]) => [`{code="${code}"}`, n]),
    ),
    family('terse_proxy_sessions', 'gauge', 'Sessions held now.', one(s.sessions)),
    family('terse_proxy_session_bytes', 'gauge', 'Estimated bytes the sessions hold.', one(s.sessionBytes)),
    family(
      'terse_proxy_compressed_requests_total',
      'counter',
      'Requests sent with at least one block compressed.',
      one(s.compressedRequests),
    ),
    family(
      'terse_proxy_tokens_total',
      'counter',
      'Tokens of model requests as received (before) and as sent (after).',
      [
        ['{stage="before"}', s.tokensBefore],
        ['{stage="after"}', s.tokensAfter],
      ],
    ),
    family('terse_proxy_markers_total', 'counter', 'Markers carried by requests sent upstream.', one(s.markers)),
    family(
      'terse_proxy_retrieve_calls_total',
      'counter',
      'terse_retrieve calls answered by the proxy.',
      one(s.retrieveCalls),
    ),
    family(
      'terse_proxy_retrieve_misses_total',
      'counter',
      'terse_retrieve calls answered with not available.',
      one(s.retrieveMisses),
    ),
    family(
      'terse_proxy_retrieve_rounds_total',
      'counter',
      'Upstream continuations made for terse_retrieve.',
      one(s.retrieveRounds),
    ),
    family('terse_proxy_failures_total', 'counter', 'Failures, by kind (engine and blocks fail open).', [
      ['{kind="engine"}', s.engineFailures],
      ['{kind="block"}', s.blockFailures],
      ['{kind="upstream_unreachable"}', s.upstreamErrors],
      ['{kind="bad_request"}', s.badRequests],
      ['{kind="client_abort"}', s.clientAborts],
      ['{kind="recording"}', s.recordErrors],
    ]),
    family('terse_proxy_engine_ms', 'gauge', 'Engine time per request over recent requests, by quantile.', [
      ['{quantile="0.5"}', s.engineMs.p50 ?? 0],
      ['{quantile="0.95"}', s.engineMs.p95 ?? 0],
    ]),
    family(
      'terse_proxy_count_ms',
      'gauge',
      'Time counting tokens for the x-terse-tokens headers over recent requests, by quantile.',
      [
        ['{quantile="0.5"}', s.countMs.p50 ?? 0],
        ['{quantile="0.95"}', s.countMs.p95 ?? 0],
      ],
    ),
    family(
      'terse_proxy_resident_memory_bytes',
      'gauge',
      'Resident set size of the proxy process.',
      one(s.memory.rssBytes),
    ),
    family('terse_proxy_heap_used_bytes', 'gauge', 'V8 heap in use.', one(s.memory.heapUsedBytes)),
  ];
  return `${families.join('\n')}\n`;
}
