/** Turns a run's rows into the numbers of summary.json, in TypeScript so every writer shows the same figures. */
import { quantile } from 'simple-statistics';
import { InvalidTraceError } from '../errors.ts';
import type { RequestRow, RunResult, TraceRow } from '../bench/replay-rows.ts';
import { summarizeLive } from './summarize-live.ts';
import {
  SUMMARY_VERSION,
  type PairErrorSummary,
  type PairSummary,
  type RemainingRow,
  type Summary,
  type WorkloadSummary,
} from './summary.ts';
import { roundTo } from './round-to.ts';
import { addCounts, countAtEnd, countProbes, EMPTY_END, EMPTY_PROBES } from './summarize-probes.ts';
import { addCosts, costsOf } from './summarize-cost.ts';

/** 1 - after/before to 4 decimals; 0 when nothing was there to reduce. */
export function reductionOf(before: number, after: number): number {
  return before === 0 ? 0 : roundTo(1 - after / before, 4);
}

/** 1 - (after + retrieval) / before, as `reductionOf` rounds it. */
export function effectiveReductionOf(before: number, after: number, retrievalTokens: number): number {
  return reductionOf(before, after + retrievalTokens);
}

function percentileMs(requests: readonly RequestRow[], p: number): number {
  if (requests.length === 0) return 0;
  return roundTo(
    quantile(
      requests.map((row) => row.compress_ms),
      p,
    ),
    3,
  );
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
  if (row === undefined) throw new InvalidTraceError(trace, null, "replayed, but absent from the run's traces");
  return row;
}

function workloadsOf(results: readonly PairSummary[]): WorkloadSummary[] {
  const groups = new Map<string, WorkloadSummary>();
  // Compressible tokens by group, for the tool-output reduction.
  const compressible = new Map<string, { before: number; after: number }>();
  for (const pair of results) {
    const key = JSON.stringify([pair.suite, pair.workload, pair.config]);
    const previous = groups.get(key);
    const before = (previous?.tokens_before ?? 0) + pair.tokens_before;
    const after = (previous?.tokens_after ?? 0) + pair.tokens_after;
    const retrievalTokens = (previous?.retrieval_tokens ?? 0) + pair.retrieval_tokens;
    const tools = compressible.get(key) ?? { before: 0, after: 0 };
    tools.before += pair.compressible_before;
    tools.after += pair.compressible_after;
    compressible.set(key, tools);
    groups.set(key, {
      suite: pair.suite,
      workload: pair.workload,
      config: pair.config,
      traces: (previous?.traces ?? 0) + 1,
      tokens_before: before,
      tokens_after: after,
      reduction: reductionOf(before, after),
      tool_output_reduction: reductionOf(tools.before, tools.after),
      probes: addCounts(previous?.probes ?? EMPTY_PROBES, pair.probes),
      probes_at_end: addCounts(previous?.probes_at_end ?? EMPTY_END, pair.probes_at_end),
      retrieval_calls: (previous?.retrieval_calls ?? 0) + pair.retrieval_calls,
      retrieval_tokens: retrievalTokens,
      effective_reduction: effectiveReductionOf(before, after, retrievalTokens),
      cost: addCosts(previous?.cost ?? [], pair.cost),
    });
  }
  return [...groups.values()];
}

/** Block tokens by suite x config x (kind | command), largest remainder first within each suite and config. */
function remainingOf(result: RunResult, traces: ReadonlyMap<string, TraceRow>): RemainingRow[] {
  const groups = new Map<
    string,
    {
      suite: string;
      config: string;
      group: RemainingRow['group'];
      name: string;
      blocks: number;
      before: number;
      after: number;
    }
  >();
  for (const pair of result.pairs) {
    if (pair.state !== 'ok') continue;
    const suite = traceOf(traces, pair.trace).suite;
    for (const block of pair.blocks) {
      for (const [group, name] of [
        ['kind', block.kind],
        ['command', block.command ?? 'unknown'],
      ] as const) {
        const key = JSON.stringify([suite, pair.config, group, name]);
        const entry = groups.get(key) ?? { suite, config: pair.config, group, name, blocks: 0, before: 0, after: 0 };
        entry.blocks++;
        entry.before += block.tokens_before;
        entry.after += block.tokens_after;
        groups.set(key, entry);
      }
    }
  }
  const rank = (config: string): number => {
    const index = result.run.configs.indexOf(config);
    return index === -1 ? result.run.configs.length : index;
  };
  return [...groups.values()]
    .sort(
      (a, b) =>
        (a.suite < b.suite ? -1 : a.suite > b.suite ? 1 : 0) ||
        rank(a.config) - rank(b.config) ||
        (a.group < b.group ? 1 : a.group > b.group ? -1 : 0) ||
        b.after - a.after ||
        (a.name < b.name ? -1 : 1),
    )
    .map(({ suite, config, group, name, blocks, before, after }) => ({
      suite,
      config,
      group,
      name,
      blocks,
      tokens_before: before,
      tokens_after: after,
      reduction: reductionOf(before, after),
    }));
}

/** The most volatile values one request held, and the examples of the first that held any. */
function volatileOf(requests: readonly RequestRow[]): Pick<PairSummary, 'volatile_values' | 'volatile_examples'> {
  const first = requests.find((row) => row.volatile_values > 0);
  return {
    volatile_values: requests.reduce((n, row) => Math.max(n, row.volatile_values), 0),
    volatile_examples: first === undefined || first.volatile_examples === '' ? [] : first.volatile_examples.split('; '),
  };
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
      errors.push({
        trace: pair.trace,
        config: pair.config,
        error: pair.error,
        suite: trace.suite,
        workload: trace.workload,
      });
      continue;
    }
    const before = sum(pair.requests, 'tokens_before');
    const after = sum(pair.requests, 'tokens_after');
    const first = pair.probes.filter((row) => row.point === 'first');
    const retrievalTokens = first.reduce((n, row) => n + row.retrieval_tokens, 0);
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
      probes_at_end: countAtEnd(pair.probes),
      retrieval_calls: first.reduce((n, row) => n + row.retrieval_calls, 0),
      retrieval_tokens: retrievalTokens,
      effective_reduction: effectiveReductionOf(before, after, retrievalTokens),
      cost: costsOf(pair.cache),
      ...volatileOf(pair.requests),
    });
  }
  results.sort(order);
  errors.sort(order);
  const workloadOrder = (a: WorkloadSummary, b: WorkloadSummary): number =>
    order({ ...a, trace: '' }, { ...b, trace: '' });
  const workloads = workloadsOf(results).sort(workloadOrder);
  return {
    version: SUMMARY_VERSION,
    run: {
      id: result.run.id,
      started_at: result.run.started_at,
      git_sha: result.run.git_sha,
      node: result.run.node,
      tokenizer: result.run.tokenizer,
    },
    configs: result.configs.map(({ name, role, description }) => ({ name, role, description })),
    probe_screening: result.screening.map((row) => ({ ...row })),
    results,
    workloads,
    remaining: remainingOf(result, traces),
    errors: errors.map(({ trace, config, error }) => ({ trace, config, error })),
    ...(result.live ? { live: summarizeLive(result.live, result.traces, workloads, result.run.configs) } : {}),
  };
}
