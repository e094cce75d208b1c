/** Turns a run's rows into the numbers of summary.json, in TypeScript so every writer shows the same figures. */
import { quantile } from 'simple-statistics';
import { InvalidTraceError } from '../errors.ts';
import type { ProbeOutcome } from '../bench/probe.ts';
import type { ProbeRow, RequestRow, RunResult, TraceRow } from '../bench/replay-rows.ts';
import {
  SUMMARY_VERSION,
  type PairErrorSummary,
  type PairSummary,
  type ProbeCounts,
  type Summary,
  type WorkloadSummary,
} from './summary.ts';

/** Rounds to a fixed number of decimals, so the JSON carries no float noise. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  // -0 would print as 0 in JSON but fails strict equality checks in callers.
  return rounded === 0 ? 0 : rounded;
}

/** 1 - after/before to 4 decimals; 0 when nothing was there to reduce. */
export function reductionOf(before: number, after: number): number {
  return before === 0 ? 0 : roundTo(1 - after / before, 4);
}

const EMPTY_PROBES: ProbeCounts = { total: 0, survived: 0, retrievable: 0, lost: 0, fabricated: 0, live_only: 0 };

function countProbes(rows: readonly ProbeRow[]): ProbeCounts {
  const byOutcome: Record<ProbeOutcome, number> = { survived: 0, retrievable: 0, lost: 0, fabricated: 0 };
  let liveOnly = 0;
  for (const row of rows) {
    // A probe without an offline outcome is scored only live; counting it apart keeps the sum equal to total.
    if (row.live_only || row.outcome === null) liveOnly++;
    else byOutcome[row.outcome]++;
  }
  return { total: rows.length, ...byOutcome, live_only: liveOnly };
}

function addProbes(a: ProbeCounts, b: ProbeCounts): ProbeCounts {
  return {
    total: a.total + b.total,
    survived: a.survived + b.survived,
    retrievable: a.retrievable + b.retrievable,
    lost: a.lost + b.lost,
    fabricated: a.fabricated + b.fabricated,
    live_only: a.live_only + b.live_only,
  };
}

function percentileMs(requests: readonly RequestRow[], p: number): number {
  if (requests.length === 0) return 0;
  return roundTo(quantile(requests.map((row) => row.compress_ms), p), 3);
}

function sum(requests: readonly RequestRow[], field: keyof RequestRow & `${string}_${'before' | 'after'}`): number {
  let total = 0;
  for (const row of requests) total += row[field];
  return total;
}

/** Orders by suite, workload, trace, then config as the run listed them (unlisted configs last, by name). */
function pairOrder(configs: readonly string[]) {
  const rank = (config: string): number => {
    const index = configs.indexOf(config);
    return index === -1 ? configs.length : index;
  };
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return (a: { suite: string; workload: string; trace: string; config: string }, b: typeof a): number =>
    text(a.suite, b.suite) ||
    text(a.workload, b.workload) ||
    text(a.trace, b.trace) ||
    rank(a.config) - rank(b.config) ||
    text(a.config, b.config);
}

function traceOf(traces: ReadonlyMap<string, TraceRow>, trace: string): TraceRow {
  const row = traces.get(trace);
  if (row === undefined) throw new InvalidTraceError(trace, null, 'replayed, but absent from the run\'s traces');
  return row;
}

function workloadsOf(results: readonly PairSummary[]): WorkloadSummary[] {
  const groups = new Map<string, WorkloadSummary>();
  for (const pair of results) {
    const key = JSON.stringify([pair.suite, pair.workload, pair.config]);
    const previous = groups.get(key);
    const before = (previous?.tokens_before ?? 0) + pair.tokens_before;
    const after = (previous?.tokens_after ?? 0) + pair.tokens_after;
    groups.set(key, {
      suite: pair.suite,
      workload: pair.workload,
      config: pair.config,
      traces: (previous?.traces ?? 0) + 1,
      tokens_before: before,
      tokens_after: after,
      reduction: reductionOf(before, after),
      probes: addProbes(previous?.probes ?? EMPTY_PROBES, pair.probes),
    });
  }
  return [...groups.values()];
}

/** Computes summary.json from a run's rows; pure, so tests and every writer share the numbers. */
export function summarize(result: RunResult): Summary {
  const traces = new Map(result.traces.map((row) => [row.trace, row]));
  const order = pairOrder(result.run.configs);
  const results: PairSummary[] = [];
  const errors: (PairErrorSummary & { suite: string; workload: string })[] = [];
  for (const pair of result.pairs) {
    const trace = traceOf(traces, pair.trace);
    if (pair.state === 'errored') {
      errors.push({ trace: pair.trace, config: pair.config, error: pair.error, suite: trace.suite, workload: trace.workload });
      continue;
    }
    const before = sum(pair.requests, 'tokens_before');
    const after = sum(pair.requests, 'tokens_after');
    results.push({
      trace: pair.trace,
      workload: trace.workload,
      suite: trace.suite,
      config: pair.config,
      requests: pair.requests.length,
      tokens_before: before,
      tokens_after: after,
      reduction: reductionOf(before, after),
      compressible_before: sum(pair.requests, 'compressible_before'),
      compressible_after: sum(pair.requests, 'compressible_after'),
      p50_ms: percentileMs(pair.requests, 0.5),
      p95_ms: percentileMs(pair.requests, 0.95),
      probes: countProbes(pair.probes),
    });
  }
  results.sort(order);
  errors.sort(order);
  const workloadOrder = (a: WorkloadSummary, b: WorkloadSummary): number => order({ ...a, trace: '' }, { ...b, trace: '' });
  return {
    version: SUMMARY_VERSION,
    run: {
      id: result.run.id,
      started_at: result.run.started_at,
      git_sha: result.run.git_sha,
      node: result.run.node,
      tokenizer: result.run.tokenizer,
    },
    results,
    workloads: workloadsOf(results).sort(workloadOrder),
    errors: errors.map(({ trace, config, error }) => ({ trace, config, error })),
  };
}
