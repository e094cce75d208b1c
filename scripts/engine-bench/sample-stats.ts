/** Timing discipline for the engine bench: warm-up runs first, then n timed runs, then percentiles. */
import { max, min, quantile } from 'simple-statistics';

/** Percentiles of a sample, with its size: a figure without n is not a figure. */
export interface SampleSummary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** How many runs to throw away (JIT, caches of code) and how many to keep. */
export interface RunPlan {
  readonly warmup: number;
  readonly runs: number;
}

/** Summarises a non-empty sample. */
export function summarize(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const [p50, p95] = quantile(samples, [0.5, 0.95]) as [number, number];
  return { n: samples.length, min: min(samples as number[]), p50, p95, max: max(samples as number[]) };
}

/**
 * Runs `prepare` then times `run` on what it returned, `warmup + runs` times; only the last `runs`
 * are kept. `prepare` is untimed so that fresh state (a new ruler, a new session) costs nothing.
 */
export async function timeRuns<T>(
  plan: RunPlan,
  prepare: () => Promise<T> | T,
  run: (state: T) => Promise<unknown> | unknown,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    const state = await prepare();
    const started = performance.now();
    await run(state);
    const elapsed = performance.now() - started;
    if (i >= plan.warmup) samples.push(elapsed);
  }
  return samples;
}
