/**
 * A real CloudWatch series from NAB around its first labelled anomaly window, rendered the way
 * `aws cloudwatch get-metric-data` prints it, so a session can "query metrics" and read real data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidTraceError } from '../../errors.ts';
import { csvRecords } from './csv-records.ts';

/** The points of one series a session queried. */
export interface MetricWindow {
  /** `realAWSCloudwatch/<file>.csv`, as NAB's labels name it. */
  readonly series: string;
  readonly namespace: string;
  readonly metric: string;
  /** ISO timestamps, ascending, as the tool prints them. */
  readonly timestamps: readonly string[];
  readonly values: readonly number[];
  /** The labelled anomaly window inside the queried range, ISO. */
  readonly anomaly: readonly [string, string];
}

/** NAB file-name prefixes and the CloudWatch metric each series is. */
const METRICS: readonly { readonly prefix: string; readonly namespace: string; readonly metric: string }[] = [
  { prefix: 'ec2_cpu_utilization_', namespace: 'AWS/EC2', metric: 'CPUUtilization' },
  { prefix: 'ec2_disk_write_bytes_', namespace: 'AWS/EC2', metric: 'DiskWriteBytes' },
  { prefix: 'ec2_network_in_', namespace: 'AWS/EC2', metric: 'NetworkIn' },
  { prefix: 'elb_request_count_', namespace: 'AWS/ELB', metric: 'RequestCount' },
  { prefix: 'rds_cpu_utilization_', namespace: 'AWS/RDS', metric: 'CPUUtilization' },
];

/** `2014-02-18 16:02:00(.000000)` -> `2014-02-18T16:02:00+00:00`, the AWS CLI's form. */
function isoOf(stamp: string): string {
  return `${stamp.slice(0, 19).replace(' ', 'T')}+00:00`;
}

/** Reads `series` and keeps the points from `padHours` before its first anomaly window to as long after. */
export async function readMetricWindow(nabDir: string, series: string, padHours = 6): Promise<MetricWindow> {
  const kind = METRICS.find((m) => path.basename(series).startsWith(m.prefix));
  if (kind === undefined) throw new InvalidTraceError(series, null, 'not a CloudWatch series this suite knows');
  const windows = JSON.parse(await readFile(path.join(nabDir, 'labels', 'combined_windows.json'), 'utf8')) as Record<
    string,
    string[][]
  >;
  const [start = '', end = ''] = windows[series]?.[0] ?? [];
  if (start === '') throw new InvalidTraceError(series, null, 'no labelled anomaly window in combined_windows.json');
  const pad = padHours * 3_600_000;
  const from = Date.parse(`${isoOf(start).slice(0, 19)}Z`) - pad;
  const to = Date.parse(`${isoOf(end).slice(0, 19)}Z`) + pad;
  const rows = csvRecords(await readFile(path.join(nabDir, 'data', series), 'utf8')).filter((r) => {
    const at = Date.parse(`${(r.timestamp ?? '').replace(' ', 'T')}Z`);
    return at >= from && at <= to;
  });
  return {
    series,
    namespace: kind.namespace,
    metric: kind.metric,
    timestamps: rows.map((r) => isoOf(r.timestamp ?? '')),
    values: rows.map((r) => Number(r.value)),
    anomaly: [isoOf(start), isoOf(end)],
  };
}

/** The tool call's arguments for this window. */
export function metricQuery(window: MetricWindow): Record<string, string | number> {
  return {
    namespace: window.namespace,
    metric: window.metric,
    start: window.timestamps[0] ?? '',
    end: window.timestamps[window.timestamps.length - 1] ?? '',
    period: 300,
  };
}

/** `aws cloudwatch get-metric-data` output (four-space JSON) for the window. */
export function renderMetricData(window: MetricWindow): string {
  const id = `m_${path.basename(window.series, '.csv').split('_').pop() ?? 'series'}`;
  const result = {
    MetricDataResults: [
      { Id: id, Label: window.metric, Timestamps: window.timestamps, Values: window.values, StatusCode: 'Complete' },
    ],
    Messages: [],
  };
  return JSON.stringify(result, null, 4);
}

/** Index of the highest value (the first, if it repeats). */
export function peakIndex(window: MetricWindow): number {
  let best = 0;
  window.values.forEach((v, i) => {
    if (v > (window.values[best] ?? -Infinity)) best = i;
  });
  return best;
}
