/**
 * The `live` section of summary.json: what a model answered, per workload and config beside the
 * offline fidelity, paired against `none`, and per probe (so `terse compare` can pair two runs).
 * Present only in runs made with `--live` (docs/report-format.md).
 */
import type { LiveRunRow } from '../bench/live/live-rows.ts';
import type { PairedCounts } from './mcnemar.ts';
import type { PairedStatistic } from './paired-bootstrap.ts';

/** Live answers of a group of probes at one scoring point. */
export interface LiveCounts {
  /** Probes asked (rows): answered + not_run + errored. */
  readonly probes: number;
  readonly answered: number;
  readonly not_run: number;
  readonly errored: number;
  /**
   * Answered probes that ask for a fact (every kind but `negative`): `correct`, `wrong`, `refused` and
   * `accuracy` count these only. A near miss is apart: refusing it is its right answer, so a config that
   * hides everything would otherwise score on refusals.
   */
  readonly scored: number;
  readonly correct: number;
  readonly wrong: number;
  readonly refused: number;
  /** Of the correct ones, those only the model-graded rubric called correct. */
  readonly model_graded: number;
  /** correct / scored, 4 decimals; 0 when none was scored. */
  readonly accuracy: number;
  /** Near misses (negative probes) answered, and of them those answered right (rejected). */
  readonly near_misses: number;
  readonly near_misses_rejected: number;
  readonly retrieve_calls: number;
  readonly model_calls: number;
  readonly cached_calls: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  /** Answers and grading, USD, 6 decimals; null when the model is unpriced. */
  readonly cost_usd: number | null;
}

/** One (suite, workload, config) at one scoring point, with the offline figures of the same group. */
export interface LiveWorkloadSummary extends LiveCounts {
  readonly suite: string;
  readonly workload: string;
  readonly config: string;
  readonly point: string;
  readonly traces: number;
  /** cost_usd / traces, 6 decimals. */
  readonly cost_per_trace_usd: number | null;
  /** Offline, from `workloads`: discriminating probes, those survived or retrieved, effective reduction. */
  readonly offline: { readonly discriminating: number; readonly kept: number; readonly effective_reduction: number };
}

/** A config against `none` on the same probes (both answered), at one scoring point. */
export interface LiveComparison extends PairedCounts {
  readonly config: string;
  readonly baseline: string;
  readonly point: string;
  /** Probes both arms answered. */
  readonly n: number;
  /** Exact McNemar on correct vs not. */
  readonly mcnemar_p: number;
  /** Paired bootstrap of accuracy (config - baseline; fractions). */
  readonly accuracy_delta: PairedStatistic;
  /** Paired bootstrap of cost per 1,000 probes, USD (config - baseline); null when unpriced. */
  readonly cost_per_1k_delta: PairedStatistic | null;
  /** `statistically tied` unless McNemar's p < 0.05: then `more correct` or `fewer correct`. */
  readonly verdict: 'statistically tied' | 'more correct' | 'fewer correct';
}

/** One probe's live result, as compare pairs them. */
export interface LiveProbeSummary {
  readonly trace: string;
  readonly config: string;
  readonly probe: string;
  readonly kind: string;
  readonly point: string;
  readonly state: string;
  readonly outcome: string | null;
  readonly graded_by: string | null;
  readonly retrieve_calls: number;
  readonly cost_usd: number | null;
}

/** The whole live section. */
export interface LiveSummary {
  readonly run: LiveRunRow;
  readonly workloads: readonly LiveWorkloadSummary[];
  readonly comparisons: readonly LiveComparison[];
  readonly probes: readonly LiveProbeSummary[];
}
