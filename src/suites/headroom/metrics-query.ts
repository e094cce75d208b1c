/**
 * Generated metrics query (`query_metrics`): 9 columns of per-minute service metrics, one row per
 * service and window. Rows are calm except where the caller asks for an incident: there error
 * rates and p99 latency jump, which gives the few outliers a compressor must keep.
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

/** The nine columns of the metrics query, in order. */
export const METRIC_COLUMNS = [
  'window_start',
  'service',
  'endpoint',
  'requests',
  'errors_5xx',
  'error_rate',
  'p50_ms',
  'p99_ms',
  'cpu_utilization',
] as const;

/** One row: a service's traffic, errors, latency and CPU over one minute. */
export type MetricRow = {
  window_start: string;
  service: string;
  endpoint: string;
  requests: number;
  errors_5xx: number;
  error_rate: number;
  p50_ms: number;
  p99_ms: number;
  cpu_utilization: number;
};

/** Which services, how many windows, and where the incident is. */
export interface MetricsOptions {
  readonly services: readonly { readonly name: string; readonly endpoint: string }[];
  readonly windows: number;
  /** Seconds after the session epoch of the first one-minute window. */
  readonly startSeconds: number;
  /** Rows of this service in windows [from, to) are outliers. */
  readonly incident: { readonly service: string; readonly from: number; readonly to: number };
}

/** A ratio rounded to 4 places, kept strictly between 0 and 1 so it prints as a float. */
function ratio(numerator: number, denominator: number): number {
  return Math.min(0.9999, Math.max(0.0001, Math.round((numerator / denominator) * 10_000) / 10_000));
}

/** `windows x services` rows, window-major. */
export function generateMetricRows(rng: SeededRandom, options: MetricsOptions): MetricRow[] {
  const rows: MetricRow[] = [];
  for (let w = 0; w < options.windows; w++) {
    for (const service of options.services) {
      const hot = service.name === options.incident.service && w >= options.incident.from && w < options.incident.to;
      const requests = rng.int(900, 4200);
      const errors = hot ? Math.round(requests * (0.18 + rng.next() * 0.3)) : rng.int(1, 9);
      const p50 = rng.int(9, 60);
      rows.push({
        window_start: isoSeconds(options.startSeconds + w * 60),
        service: service.name,
        endpoint: service.endpoint,
        requests,
        errors_5xx: errors,
        error_rate: ratio(errors, requests),
        p50_ms: hot ? p50 * rng.int(8, 20) : p50,
        p99_ms: hot ? rng.int(5000, 9800) : rng.int(120, 900),
        cpu_utilization: rng.int(12, 88) / 100,
      });
    }
  }
  return rows;
}

/** The `query_metrics` result: the query, its columns, then the rows. */
export type MetricsResult = {
  query: string;
  columns: string[];
  row_count: number;
  rows: MetricRow[];
  execution_time_ms: number;
};

/** The `query_metrics` result object. */
export function metricsResult(query: string, rows: readonly MetricRow[], executionMs: number): MetricsResult {
  return {
    query,
    columns: [...METRIC_COLUMNS],
    row_count: rows.length,
    rows: rows.slice(),
    execution_time_ms: executionMs,
  };
}
