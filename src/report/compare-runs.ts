/** Compares two runs' summaries pair by pair: reduction deltas and paired statistics, overall and per config. */
import { compareLiveRuns, type LiveRunDelta } from './compare-live-runs.ts';
import { pairedStatistic, type BootstrapOptions, type PairedStatistic } from './paired-bootstrap.ts';
import { roundTo } from './round-to.ts';
import type { PairSummary, Summary } from './summary.ts';

/** One (trace, config) pair present in both runs. */
export interface PairDelta {
  readonly trace: string;
  readonly config: string;
  readonly suite: string;
  readonly workload: string;
  readonly reduction_a: number;
  readonly reduction_b: number;
  /** reduction_b - reduction_a, 4 decimals: positive means run b saves more. */
  readonly delta: number;
}

/** The comparison of run a (baseline) with run b. */
export interface RunComparison {
  readonly a: string;
  readonly b: string;
  readonly pairs: readonly PairDelta[];
  readonly overall: PairedStatistic;
  readonly by_config: readonly ({ readonly config: string } & PairedStatistic)[];
  /** Pairs one run has and the other lacks (a config added, a trace dropped, an errored pair). */
  readonly only_in_a: readonly { readonly trace: string; readonly config: string }[];
  readonly only_in_b: readonly { readonly trace: string; readonly config: string }[];
  /** Live answers probe by probe, when both runs were made with `--live`; else null. */
  readonly live: readonly LiveRunDelta[] | null;
}

const keyOf = (pair: PairSummary): string => JSON.stringify([pair.trace, pair.config]);

/** Pairs the results of `a` and `b` by (trace, config) and measures how b's reductions differ from a's. */
export function compareSummaries(a: Summary, b: Summary, options: BootstrapOptions = {}): RunComparison {
  const inB = new Map(b.results.map((pair) => [keyOf(pair), pair]));
  const inA = new Set(a.results.map(keyOf));
  const pairs: PairDelta[] = [];
  for (const pairA of a.results) {
    const pairB = inB.get(keyOf(pairA));
    if (pairB === undefined) continue;
    pairs.push({
      trace: pairA.trace,
      config: pairA.config,
      suite: pairA.suite,
      workload: pairA.workload,
      reduction_a: pairA.reduction,
      reduction_b: pairB.reduction,
      delta: roundTo(pairB.reduction - pairA.reduction, 4),
    });
  }
  // Configs in a's order: summaries list results by config in run order within each trace.
  const configs = [...new Set(pairs.map((pair) => pair.config))];
  return {
    a: a.run.id,
    b: b.run.id,
    pairs,
    overall: pairedStatistic(
      pairs.map((pair) => pair.delta),
      options,
    ),
    by_config: configs.map((config) => ({
      config,
      ...pairedStatistic(
        pairs.filter((pair) => pair.config === config).map((pair) => pair.delta),
        options,
      ),
    })),
    only_in_a: a.results.filter((pair) => !inB.has(keyOf(pair))).map(({ trace, config }) => ({ trace, config })),
    only_in_b: b.results.filter((pair) => !inA.has(keyOf(pair))).map(({ trace, config }) => ({ trace, config })),
    live: compareLiveRuns(a, b, options),
  };
}
