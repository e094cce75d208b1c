import { describe, expect, it } from 'vitest';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { compareSummaries } from './compare-runs.ts';
import { pairedStatistic } from './paired-bootstrap.ts';
import { roundTo } from './round-to.ts';
import { summarize } from './summarize.ts';
import type { Summary } from './summary.ts';

const a = summarize(SMOKE_RUN);
// Run b: json-minify saves 5 points more on every trace, and cs-find-handler x none went missing.
const b: Summary = {
  ...a,
  run: { ...a.run, id: 'run-b' },
  results: a.results
    .filter((pair) => !(pair.trace === 'cs-find-handler' && pair.config === 'none'))
    .map((pair) => (pair.config === 'json-minify' ? { ...pair, reduction: roundTo(pair.reduction + 0.05, 4) } : pair)),
};

describe('compareSummaries', () => {
  const comparison = compareSummaries(a, b);

  it('pairs results present in both runs by trace and config', () => {
    expect(comparison.a).toBe(a.run.id);
    expect(comparison.b).toBe('run-b');
    expect(comparison.pairs).toHaveLength(a.results.length - 1);
    expect(comparison.only_in_a).toEqual([{ trace: 'cs-find-handler', config: 'none' }]);
    expect(comparison.only_in_b).toEqual([]);
    const ripgrep = comparison.pairs.find((pair) => pair.trace === 'cs-ripgrep-auth' && pair.config === 'json-minify');
    expect(ripgrep).toMatchObject({ reduction_a: 0.4256, reduction_b: 0.4756, delta: 0.05 });
  });

  it('gives per-config statistics: +0.05 everywhere is an interval of exactly +0.05', () => {
    expect(comparison.by_config.map((row) => row.config)).toEqual(['json-minify', 'none']);
    expect(comparison.by_config[0]).toMatchObject({
      n: 3,
      mean_delta: 0.05,
      ci95: { low: 0.05, high: 0.05 },
      improved: 3,
    });
    expect(comparison.by_config[1]).toMatchObject({ n: 3, mean_delta: 0, unchanged: 3, worsened: 0 });
    expect(comparison.overall).toMatchObject({ n: 6, mean_delta: 0.025, improved: 3, unchanged: 3 });
  });
});

describe('pairedStatistic', () => {
  const deltas = [0.12, -0.03, 0.08, 0.2, 0.01, 0.05, -0.02, 0.15];

  it('brackets the mean delta, and is the same for the same seed', () => {
    const first = pairedStatistic(deltas, { resamples: 500, seed: 7 });
    expect(first.mean_delta).toBe(0.07);
    expect(first.ci95?.low).toBeLessThan(0.07);
    expect(first.ci95?.high).toBeGreaterThan(0.07);
    expect(first.ci95?.low).toBeGreaterThanOrEqual(-0.03);
    expect(first.ci95?.high).toBeLessThanOrEqual(0.2);
    expect(pairedStatistic(deltas, { resamples: 500, seed: 7 })).toEqual(first);
    expect(first).toMatchObject({ n: 8, improved: 6, worsened: 2, unchanged: 0 });
  });

  it('gives no interval below two pairs', () => {
    expect(pairedStatistic([])).toEqual({ n: 0, mean_delta: 0, ci95: null, improved: 0, worsened: 0, unchanged: 0 });
    expect(pairedStatistic([0.3])).toMatchObject({ n: 1, mean_delta: 0.3, ci95: null });
  });
});
