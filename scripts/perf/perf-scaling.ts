/**
 * How a task's cost grows with its input: the local exponent between each pair of sizes (1 is
 * linear: ten times the tokens, ten times the time), and slopes of log(time) on log(tokens) fitted
 * over the sizes from 10k tokens up and from 100k up. Single steps are noisy on a shared machine (a
 * GC, a neighbour's build), so the verdict reads fitted slopes only: cost stops being linear at the
 * first of 10k, 30k, 100k tokens from which the slope fitted to the largest size (three sizes at
 * least) is over 1.2. Below 10k tokens the call's fixed cost and the timer decide, not the input.
 */
import type { PerfRow } from './perf-measure.ts';

/** A slope steeper than this is superlinear; V8's GC and cache effects make 1.0 exactly too strict. */
export const SUPERLINEAR = 1.2;
// Sizes as asked for (an input holds a little more or less): the fits start at these.
const FIT_FROM_SIZE = 10_000;
const TOP_FROM_SIZE = 100_000;

/** One step of a series: from the previous size to this one. */
export interface ScalingStep {
  /** Tokens at the end of the step. */
  readonly tokens: number;
  readonly exponent: number;
}

/** A task's growth over the sizes. */
export interface Scaling {
  readonly steps: readonly ScalingStep[];
  /** Slope fitted from 10k tokens up; null with fewer than two sizes there. */
  readonly fitted: number | null;
  /** The same from 100k tokens up: the last decade, where a superlinear cost shows most. */
  readonly fittedTop: number | null;
  /** The size (tokens) from which cost stays superlinear; null when it never does. */
  readonly superlinearFrom: number | null;
}

/** Least-squares slope of log(time) on log(tokens); null with fewer than two sizes. */
function slope(rows: readonly PerfRow[]): number | null {
  if (rows.length < 2) return null;
  const xs = rows.map((row) => Math.log(row.tokens));
  const ys = rows.map((row) => Math.log(row.p50Ms));
  const mx = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const my = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0);
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return sxx === 0 ? null : sxy / sxx;
}

/** The scaling of one series of rows (one task on one input). */
export function scalingOf(series: readonly PerfRow[]): Scaling {
  const rows = [...series].filter((row) => row.p50Ms > 0).sort((a, b) => a.tokens - b.tokens);
  const steps: ScalingStep[] = [];
  for (let at = 1; at < rows.length; at++) {
    const [a, b] = [rows[at - 1] as PerfRow, rows[at] as PerfRow];
    if (b.tokens > a.tokens)
      steps.push({ tokens: b.tokens, exponent: Math.log(b.p50Ms / a.p50Ms) / Math.log(b.tokens / a.tokens) });
  }
  const from = rows.find(
    (row, at) =>
      row.size >= FIT_FROM_SIZE &&
      row.size <= TOP_FROM_SIZE &&
      rows.length - at >= 3 &&
      (slope(rows.slice(at)) ?? 0) > SUPERLINEAR,
  );
  return {
    steps,
    fitted: slope(rows.filter((row) => row.size >= FIT_FROM_SIZE)),
    fittedTop: slope(rows.filter((row) => row.size >= TOP_FROM_SIZE)),
    superlinearFrom: from?.tokens ?? null,
  };
}

/** Rows grouped by task and input, in the order they first appear. */
export function seriesOf(rows: readonly PerfRow[]): Map<string, PerfRow[]> {
  const series = new Map<string, PerfRow[]>();
  for (const row of rows) {
    const key = `${row.task} | ${row.input}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  return series;
}
