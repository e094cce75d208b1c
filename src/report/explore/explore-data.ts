/**
 * What report.html's page reads: the run's rows in compact column arrays (every request and block of
 * every pair, without their texts), embedded in the page as JSON. Block texts sit in explore/ beside
 * it (write-explore.ts), one script per trace, loaded when a trace is opened.
 */
import type { BlockRow, RequestRow, RunResult } from '../../bench/replay-rows.ts';
import type { RunComparison } from '../compare-runs.ts';
import type { Summary } from '../summary.ts';

/** Version of the embedded data, read by the page's script. */
export const EXPLORE_DATA_VERSION = 1;

/** Column order of `ExploreData.requests` rows. */
export const REQUEST_COLUMNS = [
  'trace',
  'config',
  'request',
  'messages',
  'tokens_before',
  'tokens_after',
  'compress_ms',
  'blocks_changed',
  'markers',
] as const;
/** Column order of `ExploreData.blocks` rows. */
export const BLOCK_COLUMNS = [
  'trace',
  'config',
  'request',
  'message',
  'path',
  'tool',
  'command',
  'kind',
  'compressor',
  'outcome',
  'reason',
  'tokens_before',
  'tokens_after',
  'lossy',
  'markers',
  'compress_ms',
] as const;

type Cell = string | number | boolean | null;

/** One trace of the run and the script holding its block texts (null when it has none). */
export interface ExploreTrace {
  readonly id: string;
  readonly suite: string;
  readonly workload: string;
  readonly requests: number;
  readonly texts: string | null;
}

export interface ExploreData {
  readonly version: typeof EXPLORE_DATA_VERSION;
  readonly run: Summary['run'];
  readonly configs: Summary['configs'];
  readonly workloads: Summary['workloads'];
  readonly pairs: Summary['results'];
  readonly errors: Summary['errors'];
  readonly traces: readonly ExploreTrace[];
  /** Rows in REQUEST_COLUMNS order; trace and config are indexes into `traces` and `configs`. */
  readonly requests: readonly (readonly Cell[])[];
  /** Rows in BLOCK_COLUMNS order, the same indexes. */
  readonly blocks: readonly (readonly Cell[])[];
  /** Blocks whose texts were left out to keep the report bounded. */
  readonly texts_left_out: number;
  /** Filled in when the page is served as a comparison (`terse view B --compare A`). */
  readonly comparison: RunComparison | null;
}

/** The file, relative to report.html, holding trace number `index`'s block texts. */
export function traceTextsFile(index: number): string {
  return `explore/trace-${String(index).padStart(4, '0')}.js`;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The page's data for `result`, whose summary is `summary`; `hasTexts(trace)` says whether explore/ holds its texts. */
export function exploreData(
  result: RunResult,
  summary: Summary,
  hasTexts: (trace: string) => boolean,
  textsLeftOut: number,
): ExploreData {
  const traceIndex = new Map(result.traces.map((trace, index) => [trace.trace, index]));
  const configIndex = new Map(summary.configs.map((config, index) => [config.name, index]));
  const requests: Cell[][] = [];
  const blocks: Cell[][] = [];
  for (const pair of result.pairs) {
    if (pair.state !== 'ok') continue;
    const t = traceIndex.get(pair.trace) ?? -1;
    const c = configIndex.get(pair.config) ?? -1;
    for (const r of pair.requests as readonly RequestRow[]) {
      requests.push([
        t,
        c,
        r.request_index,
        r.messages,
        r.tokens_before,
        r.tokens_after,
        round(r.compress_ms),
        r.blocks_changed,
        r.markers,
      ]);
    }
    for (const b of pair.blocks as readonly BlockRow[]) {
      blocks.push([
        t,
        c,
        b.request_index,
        b.message_index,
        b.path,
        b.tool_name,
        b.command,
        b.kind,
        b.compressor,
        b.outcome,
        b.reason,
        b.tokens_before,
        b.tokens_after,
        b.lossy,
        b.markers,
        round(b.compress_ms),
      ]);
    }
  }
  return {
    version: EXPLORE_DATA_VERSION,
    run: summary.run,
    configs: summary.configs,
    workloads: summary.workloads,
    pairs: summary.results,
    errors: summary.errors,
    traces: result.traces.map((trace, index) => ({
      id: trace.trace,
      suite: trace.suite,
      workload: trace.workload,
      requests: trace.requests,
      texts: hasTexts(trace.trace) ? traceTextsFile(index) : null,
    })),
    requests,
    blocks,
    texts_left_out: textsLeftOut,
    comparison: null,
  };
}

/** JSON that can sit inside a `<script>` element: no `<` survives to close it or open a comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
