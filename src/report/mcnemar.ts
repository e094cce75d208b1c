/** The exact McNemar test on paired yes/no outcomes: a two-sided binomial test on the discordant pairs. */
import { binomialDistribution } from 'simple-statistics';
import { roundTo } from './round-to.ts';

/** Paired outcomes of two arms, a (the baseline) and b, on the same items. */
export interface PairedCounts {
  readonly both: number;
  /** b right, a wrong. */
  readonly only_b: number;
  /** a right, b wrong. */
  readonly only_a: number;
  readonly neither: number;
}

/** Counts the pairs of two equally long outcome lists. */
export function pairedCounts(a: readonly boolean[], b: readonly boolean[]): PairedCounts {
  const counts = { both: 0, only_b: 0, only_a: 0, neither: 0 };
  a.forEach((right, i) => {
    const other = b[i] === true;
    if (right && other) counts.both++;
    else if (other) counts.only_b++;
    else if (right) counts.only_a++;
    else counts.neither++;
  });
  return counts;
}

/** Two-sided exact p-value, 4 decimals: 1 when no pair is discordant. */
export function mcnemarExactP(counts: Pick<PairedCounts, 'only_a' | 'only_b'>): number {
  const n = counts.only_a + counts.only_b;
  if (n === 0) return 1;
  const probabilities = binomialDistribution(n, 0.5) ?? [];
  let tail = 0;
  for (let k = 0; k <= Math.min(counts.only_a, counts.only_b); k++) tail += probabilities[k] ?? 0;
  return roundTo(Math.min(1, 2 * tail), 4);
}
