/** The plain rows a live run emits: one per probe, config and scoring point. `report/` turns them into tables. */
import type { ProbeKind, ScoringPoint } from '../probe.ts';

/**
 * What the model's answer was worth: `correct` (it gives an answer, by match or by the model-graded
 * rubric; for a negative probe, it declines), `wrong`, or `refused` (it declined, or ran out of rounds).
 */
export type LiveOutcome = 'correct' | 'wrong' | 'refused';
export const LIVE_OUTCOMES: readonly LiveOutcome[] = ['correct', 'wrong', 'refused'];

/** Whether the model was asked: `answered`, `errored` (a call failed for good), or `not-run` (the budget ran out first). */
export type LiveState = 'answered' | 'errored' | 'not-run';
export const LIVE_STATES: readonly LiveState[] = ['answered', 'errored', 'not-run'];

/** Who decided the outcome: the normalised answer match, or the rubric the same model graded ("model-graded"). */
export type GradeSource = 'match' | 'model';

/** Tokens as the provider's `usage` reports them; cache reads and writes apart from plain input. */
export interface TokenUsage {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
}

export const NO_USAGE: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

/** Adds two usages. */
export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
  };
}

/** One probe answered (or not) by a live model at one scoring point of one (trace, config). */
export interface LiveProbeRow {
  readonly trace: string;
  readonly config: string;
  readonly probe: string;
  /** The API the question went over, and the model asked. */
  readonly provider: string;
  readonly model: string;
  readonly kind: ProbeKind;
  readonly live_only: boolean;
  readonly point: ScoringPoint;
  readonly request_index: number;
  readonly state: LiveState;
  /** Null unless answered. */
  readonly outcome: LiveOutcome | null;
  /** Who decided `outcome`; null unless answered. */
  readonly graded_by: GradeSource | null;
  /** The rubric's verdict where one was asked for (count, causal and live-only probes), else null. */
  readonly model_grade: 'correct' | 'wrong' | null;
  /** The model's final text, cut to 400 characters; null unless answered. */
  readonly answer: string | null;
  /** `terse_retrieve` calls the model made (each executed against the run's store). */
  readonly retrieve_calls: number;
  /** Model calls the answer took (1 + one per round of tool calls). */
  readonly model_calls: number;
  /** Of those, answered from the response cache (paid by an earlier run). */
  readonly cached_calls: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  /** What the answer's calls cost at the run's prices; null when the model has no price. */
  readonly cost_usd: number | null;
  /** What grading the answer cost (the rubric call); 0 when none was made, null when unpriced. */
  readonly grading_cost_usd: number | null;
  /** Why a call failed for good; null unless errored. */
  readonly error: string | null;
}

/** The endpoint one form of trace requests went to. */
export interface LiveRouteRow {
  /** The form the trace's requests came in. */
  readonly form: string;
  readonly provider: string;
  readonly model: string;
  readonly base_url: string;
}

/** The context of a live run (STYLE.md 13): where it asked, under which limits and prices. */
export interface LiveRunRow {
  readonly routes: readonly LiveRouteRow[];
  readonly max_rounds: number;
  readonly points: readonly ScoringPoint[];
  readonly budget_usd: number | null;
  /** Paid by this run (answers from the response cache cost nothing now). */
  readonly spent_usd: number;
  /** True when the budget stopped the run: the probes left were marked not-run. */
  readonly budget_stopped: boolean;
  readonly prices_as_of: string;
  readonly prices_source: string;
}

/** What a live run adds to a run's rows. */
export interface LiveResult {
  readonly run: LiveRunRow;
  readonly probes: readonly LiveProbeRow[];
}
