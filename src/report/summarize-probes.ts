/** Probe outcomes counted for summary.json: at the point each fact is first needed, and at the session's end. */
import type { ProbeRow } from '../bench/replay-rows.ts';
import type { EndProbeCounts, ProbeCounts } from './summary.ts';

export const EMPTY_PROBES: ProbeCounts = {
  total: 0,
  discriminating: 0,
  survived: 0,
  retrieved: 0,
  lost: 0,
  fabricated: 0,
  live_only: 0,
  negative: 0,
  non_discriminating: 0,
};
export const EMPTY_END: EndProbeCounts = { survived: 0, retrieved: 0, lost: 0, fabricated: 0 };

/** Counts at the first scoring point: each probe lands in exactly one of the four groups that add up to total. */
export function countProbes(rows: readonly ProbeRow[]): ProbeCounts {
  const counts = { ...EMPTY_PROBES };
  for (const row of rows) {
    if (row.point !== 'first') continue;
    counts.total++;
    if (row.live_only || row.outcome === null) counts.live_only++;
    else if (row.kind === 'negative') {
      counts.negative++;
      if (row.outcome === 'fabricated') counts.fabricated++;
    } else if (!row.discriminating) counts.non_discriminating++;
    else {
      counts.discriminating++;
      if (row.outcome === 'survived' || row.outcome === 'retrieved' || row.outcome === 'lost') counts[row.outcome]++;
    }
  }
  return counts;
}

/** The discriminating probes and the negatives, scored on the last request. */
export function countAtEnd(rows: readonly ProbeRow[]): EndProbeCounts {
  const counts = { ...EMPTY_END };
  for (const row of rows) {
    if (row.point !== 'last' || row.live_only || row.outcome === null) continue;
    if (row.outcome === 'fabricated') counts.fabricated++;
    else if (row.kind !== 'negative' && row.discriminating && row.outcome !== 'clean') counts[row.outcome]++;
  }
  return counts;
}

export function addCounts<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, number>;
  for (const [key, value] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + (value as number);
  return sum as T;
}
