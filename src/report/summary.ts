/**
 * summary.json v1: the stable contract other tools read. Field names and order are the contract;
 * add fields only with a version bump. Every number is computed from the run's rows by `summarize`.
 */
import type { TokenizerName } from '../config.ts';
import type { Workload } from '../bench/trace.ts';

/** The version summary.json carries at its top. */
export const SUMMARY_VERSION = 1;

/** Probe counts of one pair or one workload; survived+retrievable+lost+fabricated+live_only = total. */
export interface ProbeCounts {
  readonly total: number;
  readonly survived: number;
  readonly retrievable: number;
  readonly lost: number;
  readonly fabricated: number;
  /** Probes only a live model can score; the offline outcomes leave them out. */
  readonly live_only: number;
}

/** The context of the run the summary describes. */
export interface SummaryRun {
  readonly id: string;
  readonly started_at: string;
  readonly git_sha: string;
  readonly node: string;
  readonly tokenizer: TokenizerName;
}

/** One (trace, config) pair that replayed without error. */
export interface PairSummary {
  readonly trace: string;
  readonly workload: Workload;
  readonly suite: string;
  readonly config: string;
  readonly requests: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  /** 1 - after/before, 4 decimals; 0 when before is 0. */
  readonly reduction: number;
  readonly compressible_before: number;
  readonly compressible_after: number;
  /** Percentiles of per-request compress_ms (linear interpolation, R type 7), 3 decimals; 0 without requests. */
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly probes: ProbeCounts;
}

/** The pairs of one (suite, workload, config), added up. */
export interface WorkloadSummary {
  readonly suite: string;
  readonly workload: Workload;
  readonly config: string;
  /** Traces that replayed without error under this config. */
  readonly traces: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly reduction: number;
  readonly probes: ProbeCounts;
}

/** A pair whose replay failed; its rows are absent from results and workloads. */
export interface PairErrorSummary {
  readonly trace: string;
  readonly config: string;
  readonly error: string;
}

/** The whole summary.json document. */
export interface Summary {
  readonly version: typeof SUMMARY_VERSION;
  readonly run: SummaryRun;
  readonly results: readonly PairSummary[];
  readonly workloads: readonly WorkloadSummary[];
  readonly errors: readonly PairErrorSummary[];
}
