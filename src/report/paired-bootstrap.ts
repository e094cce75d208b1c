/** A paired statistic over per-pair differences: mean, a seeded percentile-bootstrap 95% interval, signs. */
import { mean, quantile, sampleWithReplacement } from 'simple-statistics';
import { seededRandom } from './seeded-random.ts';
import { roundTo } from './round-to.ts';

/** How the bootstrap resamples. */
export interface BootstrapOptions {
  /** Resamples drawn. @default 2000 */
  readonly resamples?: number;
  /** Seed of the resampling, so two calls agree. @default 1 */
  readonly seed?: number;
}

const DEFAULTS: Required<BootstrapOptions> = { resamples: 2000, seed: 1 };

/** The paired statistic of a set of deltas (b - a). */
export interface PairedStatistic {
  readonly n: number;
  /** Mean delta, 4 decimals; 0 when n is 0. */
  readonly mean_delta: number;
  /** 95% percentile-bootstrap interval of the mean delta; null below two pairs, where it says nothing. */
  readonly ci95: { readonly low: number; readonly high: number } | null;
  readonly improved: number;
  readonly worsened: number;
  readonly unchanged: number;
}

/** Computes the paired statistic of `deltas`; deterministic for a given seed. */
export function pairedStatistic(deltas: readonly number[], options: BootstrapOptions = {}): PairedStatistic {
  const { resamples, seed } = { ...DEFAULTS, ...options };
  const signs = {
    improved: deltas.filter((delta) => delta > 0).length,
    worsened: deltas.filter((delta) => delta < 0).length,
    unchanged: deltas.filter((delta) => delta === 0).length,
  };
  if (deltas.length === 0) return { n: 0, mean_delta: 0, ci95: null, ...signs };
  const meanDelta = roundTo(mean(deltas), 4);
  if (deltas.length < 2) return { n: deltas.length, mean_delta: meanDelta, ci95: null, ...signs };
  const random = seededRandom(seed);
  const sample = [...deltas];
  const means: number[] = [];
  for (let draw = 0; draw < resamples; draw++) means.push(mean(sampleWithReplacement(sample, sample.length, random)));
  const [low = 0, high = 0] = quantile(means, [0.025, 0.975]);
  return { n: deltas.length, mean_delta: meanDelta, ci95: { low: roundTo(low, 4), high: roundTo(high, 4) }, ...signs };
}
