/**
 * tune.json v1: what one `terse tune` run found (docs/tune.md). The search split's scores of every
 * grid point and of the reference (`balanced`), the Pareto frontier, the point chosen on the search
 * split, and the held-out split's scores of the frontier, the chosen point and the reference, with
 * the verdict they give. Every figure comes from the two replays' summaries (tune-scores.ts).
 */
import { resolveEngineOptions, type EngineOptions } from '../engine/engine-options.ts';
import type { JsonValue } from '../types.ts';
import { formatReduction } from './format-figures.ts';
import type { Summary, SummaryRun } from './summary.ts';
import { chooseTunedPoint, paretoFrontier, tuneScores, type TuneScore } from './tune-scores.ts';

export const TUNE_SUMMARY_VERSION = 1;

/** A configuration the tune replayed: a grid point, or the reference. */
export interface TunePoint {
  readonly name: string;
  /** Its value on each axis of the grid; empty for the reference. */
  readonly settings: Readonly<Record<string, JsonValue>>;
  readonly options: Partial<EngineOptions>;
}

/**
 * `confirmed`: the chosen point beats the reference on the held-out traces too (higher effective
 * reduction, no more probes lost, no more near misses invented); `not-confirmed`: it does not;
 * `no-better-point`: no grid point beat the reference on the search traces.
 */
export type TuneVerdictState = 'confirmed' | 'not-confirmed' | 'no-better-point';

export interface TuneVerdict {
  readonly state: TuneVerdictState;
  /** One sentence with the figures behind it. */
  readonly text: string;
}

/** The whole tune.json document. */
export interface TuneSummary {
  readonly version: typeof TUNE_SUMMARY_VERSION;
  readonly run: SummaryRun;
  readonly suite: string;
  readonly grid: string;
  readonly reference: string;
  readonly held_out_share: number;
  /** Trace ids of each split. */
  readonly split: { readonly search: readonly string[]; readonly held_out: readonly string[] };
  readonly points: readonly TunePoint[];
  /** Every point and the reference over the search traces, in grid order (reference first). */
  readonly search: readonly TuneScore[];
  /** Names of the Pareto-optimal points over the search traces, by effective reduction. */
  readonly frontier: readonly string[];
  readonly chosen: string | null;
  /** The frontier, the chosen point and the reference over the held-out traces. */
  readonly held_out: readonly TuneScore[];
  readonly verdict: TuneVerdict;
}

/** What the search split decided: the scores, the frontier, the chosen point. */
export interface SearchOutcome {
  readonly scores: readonly TuneScore[];
  readonly frontier: readonly TuneScore[];
  readonly chosen: TuneScore | null;
}

/** How many engine options of `point` differ from the reference's, each compressor's profile counted apart. */
export function changesFromReference(point: TunePoint, reference: TunePoint): number {
  const resolved = (p: TunePoint) => {
    const options = resolveEngineOptions(p.options);
    const { profileByCompressor, ...rest } = options;
    const perCompressor = Object.fromEntries(
      Object.entries(profileByCompressor).filter(([, profile]) => profile !== options.profile),
    );
    return {
      ...rest,
      ...Object.fromEntries(
        Object.entries(perCompressor).map(([name, profile]) => [`profileByCompressor.${name}`, profile]),
      ),
    } as Record<string, unknown>;
  };
  const a = resolved(point);
  const b = resolved(reference);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  ).length;
}

/** Scores, frontier and choice from the search replay's summary; ties go to the point that changes least. */
export function searchOutcome(search: Summary, points: readonly TunePoint[], reference: string): SearchOutcome {
  const scores = tuneScores(search);
  const ref = points.find((point) => point.name === reference);
  const changes = (config: string): number => {
    const point = points.find((p) => p.name === config);
    return point === undefined || ref === undefined ? 0 : changesFromReference(point, ref);
  };
  return { scores, frontier: paretoFrontier(scores), chosen: chooseTunedPoint(scores, reference, changes) };
}

/** The configurations the held-out split replays: the reference, the frontier, the chosen point. */
export function heldOutNames(outcome: SearchOutcome, reference: string): string[] {
  return [
    ...new Set([
      reference,
      ...outcome.frontier.map((score) => score.config),
      ...(outcome.chosen ? [outcome.chosen.config] : []),
    ]),
  ];
}

function figures(score: TuneScore): string {
  return `effective ${formatReduction(score.effective_reduction)}, ${score.lost} of ${score.discriminating} probes lost, ${score.fabricated} near misses invented`;
}

/** Whether the held-out traces confirm the point the search traces chose. */
export function tuneVerdict(search: SearchOutcome, heldOut: readonly TuneScore[], reference: string): TuneVerdict {
  const refSearch = search.scores.find((score) => score.config === reference);
  if (search.chosen === null) {
    return {
      state: 'no-better-point',
      text: `No point of the grid beats ${reference} on the search traces (${refSearch ? figures(refSearch) : 'not replayed'}) at no more probes lost.`,
    };
  }
  const chosen = heldOut.find((score) => score.config === search.chosen?.config);
  const ref = heldOut.find((score) => score.config === reference);
  if (chosen === undefined || ref === undefined || chosen.errors > 0 || ref.errors > 0) {
    return {
      state: 'not-confirmed',
      text: `${search.chosen.config} could not be checked on the held-out traces: a pair errored (see held-out/summary.md).`,
    };
  }
  const holds =
    chosen.effective_reduction > ref.effective_reduction &&
    chosen.lost <= ref.lost &&
    chosen.fabricated <= ref.fabricated;
  const text = `${chosen.config} ${holds ? 'beats' : 'does not beat'} ${reference} on the held-out traces: ${figures(chosen)}, against ${figures(ref)}.`;
  return { state: holds ? 'confirmed' : 'not-confirmed', text };
}

/** The tune.json document of a finished tune. */
export function summarizeTune(input: {
  readonly run: SummaryRun;
  readonly suite: string;
  readonly grid: string;
  readonly reference: string;
  readonly heldOutShare: number;
  readonly split: TuneSummary['split'];
  readonly points: readonly TunePoint[];
  readonly search: SearchOutcome;
  readonly heldOut: Summary;
}): TuneSummary {
  const heldOut = tuneScores(input.heldOut);
  return {
    version: TUNE_SUMMARY_VERSION,
    run: input.run,
    suite: input.suite,
    grid: input.grid,
    reference: input.reference,
    held_out_share: input.heldOutShare,
    split: input.split,
    points: input.points,
    search: input.search.scores,
    frontier: input.search.frontier.map((score) => score.config),
    chosen: input.search.chosen?.config ?? null,
    held_out: heldOut,
    verdict: tuneVerdict(input.search, heldOut, input.reference),
  };
}
