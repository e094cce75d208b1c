/** Turns a run's live rows into the `live` section of summary.json; pure, like `summarize`. */
import type { LiveProbeRow, LiveResult } from '../bench/live/live-rows.ts';
import type { TraceRow } from '../bench/replay-rows.ts';
import { mcnemarExactP, pairedCounts } from './mcnemar.ts';
import { pairedStatistic } from './paired-bootstrap.ts';
import { roundTo } from './round-to.ts';
import type { LiveComparison, LiveCounts, LiveProbeSummary, LiveSummary, LiveWorkloadSummary } from './summary-live.ts';
import type { WorkloadSummary } from './summary.ts';

/** The baseline every config is paired with: the uncompressed request. */
export const LIVE_BASELINE = 'none';

/** What one answer cost, grading included; null when unpriced. */
function totalCost(row: LiveProbeRow): number | null {
  return row.cost_usd === null || row.grading_cost_usd === null ? null : row.cost_usd + row.grading_cost_usd;
}

function sumCosts(costs: readonly (number | null)[]): number | null {
  let total = 0;
  for (const cost of costs) {
    if (cost === null) return null;
    total += cost;
  }
  return roundTo(total, 6);
}

/** A probe that asks for a fact; a near miss (`negative`) asks for one that is not there. */
function asksForAFact(row: LiveProbeRow): boolean {
  return row.kind !== 'negative';
}

/** Counts of `rows` (one scoring point). */
export function countLive(rows: readonly LiveProbeRow[]): LiveCounts {
  const answered = rows.filter((row) => row.state === 'answered');
  const scored = answered.filter(asksForAFact);
  const nearMisses = answered.filter((row) => !asksForAFact(row));
  const correct = scored.filter((row) => row.outcome === 'correct');
  const add = (pick: (row: LiveProbeRow) => number): number => rows.reduce((n, row) => n + pick(row), 0);
  return {
    probes: rows.length,
    answered: answered.length,
    not_run: rows.filter((row) => row.state === 'not-run').length,
    errored: rows.filter((row) => row.state === 'errored').length,
    scored: scored.length,
    correct: correct.length,
    wrong: scored.filter((row) => row.outcome === 'wrong').length,
    refused: scored.filter((row) => row.outcome === 'refused').length,
    model_graded: correct.filter((row) => row.graded_by === 'model').length,
    accuracy: scored.length === 0 ? 0 : roundTo(correct.length / scored.length, 4),
    near_misses: nearMisses.length,
    near_misses_rejected: nearMisses.filter((row) => row.outcome === 'correct').length,
    retrieve_calls: add((row) => row.retrieve_calls),
    model_calls: add((row) => row.model_calls),
    cached_calls: add((row) => row.cached_calls),
    input_tokens: add((row) => row.input_tokens),
    output_tokens: add((row) => row.output_tokens),
    cache_read_tokens: add((row) => row.cache_read_tokens),
    cache_write_tokens: add((row) => row.cache_write_tokens),
    cost_usd: sumCosts(rows.map(totalCost)),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function workloadsOf(
  rows: readonly LiveProbeRow[],
  traces: ReadonlyMap<string, TraceRow>,
  offline: readonly WorkloadSummary[],
): LiveWorkloadSummary[] {
  const groups = groupBy(rows, (row) => {
    const trace = traces.get(row.trace);
    return JSON.stringify([trace?.suite ?? '', trace?.workload ?? '', row.config, row.point]);
  });
  return [...groups.entries()].map(([key, group]) => {
    const [suite, workload, config, point] = JSON.parse(key) as [string, string, string, string];
    const counts = countLive(group);
    const traceCount = new Set(group.map((row) => row.trace)).size;
    const match = offline.find((w) => w.suite === suite && w.workload === workload && w.config === config);
    return {
      suite,
      workload,
      config,
      point,
      traces: traceCount,
      ...counts,
      cost_per_trace_usd:
        counts.cost_usd === null || traceCount === 0 ? null : roundTo(counts.cost_usd / traceCount, 6),
      offline: {
        discriminating: match?.probes.discriminating ?? 0,
        kept: (match?.probes.survived ?? 0) + (match?.probes.retrieved ?? 0),
        effective_reduction: match?.effective_reduction ?? 0,
      },
    };
  });
}

/** Every config against the baseline, on the fact-asking probes both answered, at each scoring point. */
function comparisonsOf(rows: readonly LiveProbeRow[], configs: readonly string[]): LiveComparison[] {
  const comparisons: LiveComparison[] = [];
  const answered = rows.filter((row) => row.state === 'answered' && asksForAFact(row));
  const byKey = new Map(answered.map((row) => [JSON.stringify([row.trace, row.probe, row.point, row.config]), row]));
  const points = [...new Set(rows.map((row) => row.point))].sort();
  for (const point of points) {
    for (const config of configs) {
      if (config === LIVE_BASELINE) continue;
      const pairs: { a: LiveProbeRow; b: LiveProbeRow }[] = [];
      for (const b of answered) {
        if (b.config !== config || b.point !== point) continue;
        const a = byKey.get(JSON.stringify([b.trace, b.probe, point, LIVE_BASELINE]));
        if (a) pairs.push({ a, b });
      }
      if (pairs.length === 0) continue;
      const counts = pairedCounts(
        pairs.map(({ a }) => a.outcome === 'correct'),
        pairs.map(({ b }) => b.outcome === 'correct'),
      );
      const p = mcnemarExactP(counts);
      const priced = pairs.every(({ a, b }) => a.cost_usd !== null && b.cost_usd !== null);
      comparisons.push({
        config,
        baseline: LIVE_BASELINE,
        point,
        n: pairs.length,
        ...counts,
        mcnemar_p: p,
        accuracy_delta: pairedStatistic(
          pairs.map(({ a, b }) => Number(b.outcome === 'correct') - Number(a.outcome === 'correct')),
        ),
        cost_per_1k_delta: priced
          ? pairedStatistic(pairs.map(({ a, b }) => ((b.cost_usd ?? 0) - (a.cost_usd ?? 0)) * 1000))
          : null,
        verdict: p >= 0.05 ? 'statistically tied' : counts.only_b > counts.only_a ? 'more correct' : 'fewer correct',
      });
    }
  }
  return comparisons;
}

function probeOf(row: LiveProbeRow): LiveProbeSummary {
  return {
    trace: row.trace,
    config: row.config,
    probe: row.probe,
    kind: row.kind,
    point: row.point,
    state: row.state,
    outcome: row.outcome,
    graded_by: row.graded_by,
    retrieve_calls: row.retrieve_calls,
    cost_usd: row.cost_usd === null ? null : roundTo(row.cost_usd, 6),
  };
}

/** The live section of a run: `offline` is the run's workload summaries, `configs` the run's config order. */
export function summarizeLive(
  live: LiveResult,
  traces: readonly TraceRow[],
  offline: readonly WorkloadSummary[],
  configs: readonly string[],
): LiveSummary {
  const byTrace = new Map(traces.map((row) => [row.trace, row]));
  const rank = (config: string): number => (configs.includes(config) ? configs.indexOf(config) : configs.length);
  const workloads = workloadsOf(live.probes, byTrace, offline).sort(
    (a, b) =>
      a.suite.localeCompare(b.suite) ||
      a.workload.localeCompare(b.workload) ||
      a.point.localeCompare(b.point) ||
      rank(a.config) - rank(b.config),
  );
  return {
    run: { ...live.run, spent_usd: roundTo(live.run.spent_usd, 6) },
    workloads,
    comparisons: comparisonsOf(live.probes, configs),
    probes: live.probes.map(probeOf),
  };
}
