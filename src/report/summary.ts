/**
 * summary.json v2: the stable contract other tools read (docs/report-format.md). Field names and
 * order are the contract; add fields only with a version bump. Every number is computed from the
 * run's rows by `summarize`. A v1 file is refused by name, never read as if it were v2.
 */
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { ConfigRole } from '../bench/bench-config.ts';
import type { Workload } from '../bench/trace.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import type { LiveSummary } from './summary-live.ts';

/** The version summary.json carries at its top. */
export const SUMMARY_VERSION = 2;

/**
 * Probe counts of one pair or one workload, at the probes' first scoring point (the request that
 * first carries their evidence). total = discriminating + non_discriminating + negative + live_only;
 * discriminating = survived + retrieved + lost; fabricated counts the negatives whose string appeared.
 */
export interface ProbeCounts {
  readonly total: number;
  /** Positive offline probes whose answer occurs only in tool output there: the ones counted. */
  readonly discriminating: number;
  readonly survived: number;
  readonly retrieved: number;
  readonly lost: number;
  readonly fabricated: number;
  /** Probes only a live model can score; the offline outcomes leave them out. */
  readonly live_only: number;
  /** Near-miss negatives: never counted as survived; `fabricated` says how many appeared. */
  readonly negative: number;
  /** Positive probes whose answer the model also sees outside tool output: not counted. */
  readonly non_discriminating: number;
}

/** The discriminating probes scored again on the session's last request. */
export interface EndProbeCounts {
  readonly survived: number;
  readonly retrieved: number;
  readonly lost: number;
  readonly fabricated: number;
}

/** What answering the probes through `terse_retrieve` cost, and the reduction net of it. */
export interface RetrievalCost {
  /** Calls the answer-blind reader made at the first scoring points. */
  readonly retrieval_calls: number;
  /** Their tokens: each call, what it returned, and one re-send of its request. */
  readonly retrieval_tokens: number;
  /** 1 - (tokens_after + retrieval_tokens) / tokens_before, 4 decimals. */
  readonly effective_reduction: number;
}

/**
 * Where tool-output tokens remain: each compressible block counted once (when first sent), grouped
 * by content kind or by the command that printed it, per suite and config. The next lever shows here.
 */
export interface RemainingRow {
  readonly suite: string;
  readonly config: string;
  readonly group: 'kind' | 'command';
  /** The content kind, or the command (`grep`, `cat`, `pytest`; `unknown` when the trace does not say). */
  readonly name: string;
  readonly blocks: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly reduction: number;
}

/**
 * What the requests cost under one provider's prompt-cache rules and prices (input tokens only),
 * beside what the client's own requests cost under the same rules: the saving is money, not tokens.
 */
export interface CacheCost {
  readonly provider: 'anthropic' | 'openai';
  readonly model: string;
  readonly cost_usd: number;
  /** The requests as the client sent them, through a cache of their own. */
  readonly cost_usd_without: number;
  /** 1 - cost_usd / cost_usd_without, 4 decimals; 0 when nothing was billed. */
  readonly saving: number;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  readonly uncached_tokens: number;
  /** Requests whose bytes sent before changed, so the prefix the cache held could not be read. */
  readonly cache_busts: number;
}

/** A configuration of the run; baselines are labelled apart in every table and chart. */
export interface SummaryConfig {
  readonly name: string;
  readonly role: ConfigRole;
  readonly description: string;
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
export interface PairSummary extends RetrievalCost {
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
  readonly probes_at_end: EndProbeCounts;
  /** One entry per provider's rules, Anthropic then OpenAI. */
  readonly cost: readonly CacheCost[];
  /** Most volatile values (dates, ids, timestamps) one request's system prompt and tool definitions held (the cache aligner's count; 0 when it is off). */
  readonly volatile_values: number;
  /** `kind:value` examples from the first request that held any. */
  readonly volatile_examples: readonly string[];
}

/** The pairs of one (suite, workload, config), added up. */
export interface WorkloadSummary extends RetrievalCost {
  readonly suite: string;
  readonly workload: Workload;
  readonly config: string;
  /** Traces that replayed without error under this config. */
  readonly traces: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly reduction: number;
  /**
   * Reduction of the compressible tokens alone (tool outputs and attached user text), summed over every
   * request as `reduction` is: what compressors can reach, without the system prompt and the model's turns.
   */
  readonly tool_output_reduction: number;
  readonly probes: ProbeCounts;
  readonly probes_at_end: EndProbeCounts;
  /** One entry per provider's rules, Anthropic then OpenAI. */
  readonly cost: readonly CacheCost[];
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
  readonly configs: readonly SummaryConfig[];
  /** Per suite: probes derived, dropped as non-discriminating, negatives replaced by near misses, kept. */
  readonly probe_screening: readonly ProbeScreening[];
  readonly results: readonly PairSummary[];
  readonly workloads: readonly WorkloadSummary[];
  readonly remaining: readonly RemainingRow[];
  readonly errors: readonly PairErrorSummary[];
  /** A model's answers (`--live` runs only; see summary-live.ts). Optional, so version 2 readers are unaffected. */
  readonly live?: LiveSummary;
}
