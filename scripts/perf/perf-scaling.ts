/**
 * How a task's cost grows with its input: the local exponent between each pair of sizes (1 is
 * linear: ten times the tokens, ten times the time), the exponent fitted over 10k tokens and up, and
 * the first size whose step is clearly superlinear. Times under a millisecond are left out of the
 * verdict: there the timer and the call's fixed cost decide, not the input.
 */
import type { PerfRow } from './perf-measure.ts';

/** A step steeper than this is superlinear; V8's GC and cache effects make 1.0 exactly too strict. */
export const SUPERLINEAR = 1.2;
const MIN_MS = 1;
const FIT_FROM_TOKENS = 10_000;

/** One step of a series: from the previous size to this one. */
export interface ScalingStep {
  /** Tokens at the end of the step. */
  readonly tokens: number;
  readonly exponent: number;
  /** p50 at the start of the step. */
  readonly fromMs: number;
}

/** A task's growth over the sizes. */
export interface Scaling {
  readonly steps: readonly ScalingStep[];
  /** Least-squares slope of log(time) on log(tokens), from 10k tokens up; null with fewer than two sizes there. */
  readonly fitted: number | null;
  /** The size (tokens) at which the first superlinear step ends; null when none is. */
  readonly superlinearFrom: number | null;
}

/** The scaling of one series of rows (one task on one input), in size order. */
export function scalingOf(series: readonly PerfRow[]): Scaling {
  const rows = [...series].sort((a, b) => a.tokens - b.tokens);
  const steps: ScalingStep[] = [];
  for (let at = 1; at < rows.length; at++) {
    const [a, b] = [rows[at - 1] as PerfRow, rows[at] as PerfRow];
    if (a.p50Ms > 0 && b.p50Ms > 0 && b.tokens > a.tokens) steps.push({ tokens: b.tokens, exponent: Math.log(b.p50Ms / a.p50Ms) / Math.log(b.tokens / a.tokens), fromMs: a.p50Ms });
  }
  const fit = rows.filter((row) => row.tokens >= FIT_FROM_TOKENS && row.p50Ms > 0);
  let fitted: number | null = null;
  if (fit.length >= 2) {
    const xs = fit.map((row) => Math.log(row.tokens));
    const ys = fit.map((row) => Math.log(row.p50Ms));
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = ys.reduce((s, y) => s + y, 0) / ys.length;
    const sxy = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    fitted = sxx === 0 ? null : sxy / sxx;
  }
  const first = steps.find((step) => step.exponent > SUPERLINEAR && step.fromMs >= MIN_MS);
  return { steps, fitted, superlinearFrom: first?.tokens ?? null };
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
