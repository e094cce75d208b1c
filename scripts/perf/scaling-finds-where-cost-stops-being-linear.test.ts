import { describe, expect, it } from 'vitest';
import type { PerfRow } from './perf-measure.ts';
import { scalingOf } from './perf-scaling.ts';

/** A series timed by `cost(tokens)`, at the perf suite's sizes. */
function series(cost: (tokens: number) => number): PerfRow[] {
  return [1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000].map((tokens) => ({
    task: 't',
    group: 'compressor',
    input: 'x',
    size: tokens,
    tokens,
    chars: tokens * 4,
    samples: 5,
    p50Ms: cost(tokens),
    p99Ms: cost(tokens),
    meanMs: cost(tokens),
    tokensAfter: null,
  }));
}

describe('scaling of a series', () => {
  it('reads a linear cost as slope 1 and never steeper', () => {
    const linear = scalingOf(series((n) => n / 1_000));
    expect(linear.fitted).toBeCloseTo(1, 6);
    expect(linear.fittedTop).toBeCloseTo(1, 6);
    expect(linear.superlinearFrom).toBeNull();
  });

  it('calls a cost that turns quadratic past 100k tokens superlinear, with slope 2 over the last decade', () => {
    const bends = scalingOf(series((n) => (n <= 100_000 ? n / 1_000 : 100 * (n / 100_000) ** 2)));
    // Fitted from 10k to 1M the slope is already over 1.2 (the quadratic end outweighs the linear start); from 100k it is 2.
    expect(bends.superlinearFrom).toBe(10_000);
    expect(bends.fittedTop).toBeCloseTo(2, 6);
    expect(bends.steps.find((step) => step.tokens === 300_000)?.exponent).toBeCloseTo(2, 6);
  });

  it('takes one slow step on a linear series (a GC, a busy machine) for noise, not a bend', () => {
    expect(scalingOf(series((n) => (n === 30_000 ? 60 : n / 1_000))).superlinearFrom).toBeNull();
  });

  it('leaves sizes under 10k tokens out of the verdict, where the fixed cost of a call decides', () => {
    expect(scalingOf(series((n) => (n <= 3_000 ? 0.01 * (n / 1_000) ** 3 : n / 1_000))).superlinearFrom).toBeNull();
  });
});
