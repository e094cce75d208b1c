/**
 * Two live runs compared probe by probe (same trace, probe, config and scoring point, answered in
 * both): exact McNemar on correct vs not, and a paired bootstrap of the accuracy change (b - a).
 */
import { mcnemarExactP, pairedCounts, type PairedCounts } from './mcnemar.ts';
import { pairedStatistic, type BootstrapOptions, type PairedStatistic } from './paired-bootstrap.ts';
import type { LiveProbeSummary } from './summary-live.ts';
import type { Summary } from './summary.ts';

/** One config at one scoring point, run b against run a. `only_a`: right in a only; `only_b`: right in b only. */
export interface LiveRunDelta extends PairedCounts {
  readonly config: string;
  readonly point: string;
  readonly n: number;
  readonly mcnemar_p: number;
  readonly accuracy_delta: PairedStatistic;
  readonly verdict: 'statistically tied' | 'more correct in b' | 'fewer correct in b';
}

const keyOf = (row: LiveProbeSummary): string => JSON.stringify([row.trace, row.probe, row.config, row.point]);

/** Null unless both summaries hold live answers. */
export function compareLiveRuns(
  a: Summary,
  b: Summary,
  options: BootstrapOptions = {},
): readonly LiveRunDelta[] | null {
  if (!a.live || !b.live) return null;
  // Fact-asking probes only, as the live tables count them: refusing a near miss is its right answer.
  const scored = (row: LiveProbeSummary): boolean => row.state === 'answered' && row.kind !== 'negative';
  const answeredB = new Map(b.live.probes.filter(scored).map((row) => [keyOf(row), row]));
  const pairs: { a: LiveProbeSummary; b: LiveProbeSummary }[] = [];
  for (const rowA of a.live.probes) {
    const rowB = scored(rowA) ? answeredB.get(keyOf(rowA)) : undefined;
    if (rowB) pairs.push({ a: rowA, b: rowB });
  }
  const groups = [...new Set(pairs.map(({ a: row }) => JSON.stringify([row.config, row.point])))];
  return groups.map((group) => {
    const [config, point] = JSON.parse(group) as [string, string];
    const mine = pairs.filter(({ a: row }) => row.config === config && row.point === point);
    const counts = pairedCounts(
      mine.map((pair) => pair.a.outcome === 'correct'),
      mine.map((pair) => pair.b.outcome === 'correct'),
    );
    const p = mcnemarExactP(counts);
    return {
      config,
      point,
      n: mine.length,
      ...counts,
      mcnemar_p: p,
      accuracy_delta: pairedStatistic(
        mine.map((pair) => Number(pair.b.outcome === 'correct') - Number(pair.a.outcome === 'correct')),
        options,
      ),
      verdict:
        p >= 0.05 ? 'statistically tied' : counts.only_b > counts.only_a ? 'more correct in b' : 'fewer correct in b',
    };
  });
}
