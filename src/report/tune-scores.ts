/**
 * The two figures `terse tune` weighs each configuration by, over one split of a suite, from the
 * summary of its replay: effective reduction (net of what the answer-blind reader's `terse_retrieve`
 * calls cost) and the discriminating probes lost when first needed (docs/fidelity.md), the same
 * definitions summary.json uses, summed over the split's traces.
 */
import { effectiveReductionOf, reductionOf } from './summarize.ts';
import type { Summary } from './summary.ts';

/** One configuration over one split. */
export interface TuneScore {
  readonly config: string;
  /** Traces that replayed without error. */
  readonly traces: number;
  /** Pairs that errored; a configuration with any is never chosen. */
  readonly errors: number;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly retrieval_tokens: number;
  readonly reduction: number;
  readonly effective_reduction: number;
  readonly discriminating: number;
  readonly survived: number;
  readonly retrieved: number;
  readonly lost: number;
  /** Near-miss negatives that appeared in the compressed context. */
  readonly fabricated: number;
}

/** The score of every configuration of `summary`, in the summary's config order. */
export function tuneScores(summary: Summary): TuneScore[] {
  return summary.configs.map(({ name }) => {
    const rows = summary.results.filter((row) => row.config === name);
    const add = (pick: (row: (typeof rows)[number]) => number): number => rows.reduce((n, row) => n + pick(row), 0);
    const before = add((row) => row.tokens_before);
    const after = add((row) => row.tokens_after);
    const retrieval = add((row) => row.retrieval_tokens);
    return {
      config: name,
      traces: rows.length,
      errors: summary.errors.filter((row) => row.config === name).length,
      tokens_before: before,
      tokens_after: after,
      retrieval_tokens: retrieval,
      reduction: reductionOf(before, after),
      effective_reduction: effectiveReductionOf(before, after, retrieval),
      discriminating: add((row) => row.probes.discriminating),
      survived: add((row) => row.probes.survived),
      retrieved: add((row) => row.probes.retrieved),
      lost: add((row) => row.probes.lost),
      fabricated: add((row) => row.probes.fabricated),
    };
  });
}

/**
 * The Pareto-optimal scores: none other has at least their effective reduction with at most their
 * lost probes and is better in one. Errored configurations take no part. Sorted by effective reduction.
 */
export function paretoFrontier(scores: readonly TuneScore[]): TuneScore[] {
  const valid = scores.filter((score) => score.errors === 0);
  const dominated = (a: TuneScore): boolean =>
    valid.some(
      (b) =>
        b.effective_reduction >= a.effective_reduction &&
        b.lost <= a.lost &&
        (b.effective_reduction > a.effective_reduction || b.lost < a.lost),
    );
  return valid
    .filter((score) => !dominated(score))
    .sort((a, b) => a.effective_reduction - b.effective_reduction || a.lost - b.lost || (a.config < b.config ? -1 : 1));
}

/**
 * The point tuning picks: the highest effective reduction among those that lose no more probes and
 * invent no more near misses than `reference`, and beat its effective reduction; null when none does.
 * Ties go to fewer lost probes, then to the point that changes least from the reference
 * (`changes`: settings that differ), then to the name.
 */
export function chooseTunedPoint(
  scores: readonly TuneScore[],
  reference: string,
  changes: (config: string) => number = () => 0,
): TuneScore | null {
  const ref = scores.find((score) => score.config === reference);
  if (ref === undefined) return null;
  const better = scores.filter(
    (score) =>
      score.config !== reference &&
      score.errors === 0 &&
      score.lost <= ref.lost &&
      score.fabricated <= ref.fabricated &&
      score.effective_reduction > ref.effective_reduction,
  );
  better.sort(
    (a, b) =>
      b.effective_reduction - a.effective_reduction ||
      a.lost - b.lost ||
      changes(a.config) - changes(b.config) ||
      (a.config < b.config ? -1 : 1),
  );
  return better[0] ?? null;
}
