/** The plain rows a replay emits. `report/` turns them into tables, files and charts. */
import type { ContentKind } from '../types.ts';
import type { ProbeKind, ProbeOutcome, ScoringPoint } from './probe.ts';
import type { ConfigRole } from './bench-config.ts';
import type { ProbeScreening } from './probe-screening.ts';
import type { CacheRow } from './cache/cache-cost-ledger.ts';
export type { CacheRow } from './cache/cache-cost-ledger.ts';
import type { Workload } from './trace.ts';
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { LiveResult } from './live/live-rows.ts';

/** The context every measurement records (STYLE.md 13). */
export interface RunRow {
  readonly id: string;
  /** ISO-8601 UTC. */
  readonly started_at: string;
  readonly git_sha: string;
  readonly node: string;
  readonly tokenizer: TokenizerName;
  readonly configs: readonly string[];
  /** The command line that started the run. */
  readonly argv: string;
}

/** One configuration of the run, as reports label it. */
export interface ConfigRow {
  readonly name: string;
  readonly role: ConfigRole;
  readonly description: string;
}

export interface TraceRow {
  readonly trace: string;
  readonly workload: Workload;
  readonly suite: string;
  readonly provider: string;
  readonly source_format: string;
  readonly source_file: string;
  readonly messages: number;
  readonly requests: number;
}

/** One replayed request under one configuration. */
export interface RequestRow {
  readonly trace: string;
  readonly config: string;
  readonly request_index: number;
  readonly messages: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly compressible_before: number;
  readonly compressible_after: number;
  /** Wall time of the engine on this request, high-resolution clock. */
  readonly compress_ms: number;
  readonly blocks_changed: number;
  readonly markers: number;
  /** Volatile values (dates, ids, timestamps) the cache aligner found in the system prompt and tool definitions; 0 when it is off. */
  readonly volatile_values: number;
  /** The first three of them, `kind:value` joined with `; `; empty when none. */
  readonly volatile_examples: string;
  /** `cache_control` breakpoints the cache aligner sent in this request. */
  readonly breakpoints: number;
}

/** What happened to one compressible block the first time it was seen in a (trace, config). */
export type BlockRowOutcome = 'compressed' | 'unchanged' | 'failed';

export interface BlockRow {
  readonly trace: string;
  readonly config: string;
  /** The request in which the block first appeared. */
  readonly request_index: number;
  readonly message_index: number;
  readonly path: string;
  readonly tool_name: string | null;
  /** The program a shell tool ran (`grep`, `cat`, `pytest`), or the tool's name; `(user text)` for text the user attached; null when unknown. */
  readonly command: string | null;
  readonly kind: ContentKind;
  /** The compressor whose output was kept, or null. */
  readonly compressor: string | null;
  readonly outcome: BlockRowOutcome;
  /** Why a block passed unchanged or failed (`no-gain`, `not-json`, an error message...); for a compressed block, the compressors that threw before one compressed it. */
  readonly reason: string | null;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly lossy: boolean;
  readonly markers: number;
  readonly compress_ms: number;
}

/** One probe scored at one point of one (trace, config) replay. */
export interface ProbeRow {
  readonly trace: string;
  readonly config: string;
  readonly probe: string;
  readonly kind: ProbeKind;
  readonly live_only: boolean;
  readonly point: ScoringPoint;
  /** The replayed request it was scored on. */
  readonly request_index: number;
  /** Its answer occurs only in tool output at its first scoring point (judged on the uncompressed request). */
  readonly discriminating: boolean;
  /** Its answer occurs more than once in tool output there. */
  readonly ambiguous: boolean;
  /** Null for live-only probes, which the offline score leaves out. */
  readonly outcome: ProbeOutcome | null;
  /** `terse_retrieve` calls the answer-blind reader made. */
  readonly retrieval_calls: number;
  /** What they cost: call, returned text and one re-send of the request, per call. */
  readonly retrieval_tokens: number;
}

/** A (trace, config) pair: `ok` with its rows, or `errored` with the error; one failure never aborts a run. */
export type PairResult =
  | {
      readonly state: 'ok';
      readonly trace: string;
      readonly config: string;
      readonly requests: readonly RequestRow[];
      readonly blocks: readonly BlockRow[];
      readonly probes: readonly ProbeRow[];
      /** Each request's prompt-cache use and cost under each provider's rules. */
      readonly cache: readonly CacheRow[];
    }
  | { readonly state: 'errored'; readonly trace: string; readonly config: string; readonly error: string };

/** Everything one run produced, ready for `report/`. */
export interface RunResult {
  readonly run: RunRow;
  readonly configs: readonly ConfigRow[];
  /** What each suite's probe screening dropped and added (empty for probes given as files). */
  readonly screening: readonly ProbeScreening[];
  readonly traces: readonly TraceRow[];
  readonly pairs: readonly PairResult[];
  /** The answers a live model gave (`--live`); absent from offline runs. */
  readonly live?: LiveResult;
}
