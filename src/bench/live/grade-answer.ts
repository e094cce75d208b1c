/**
 * Grades a live answer: the offline matcher (normalised, whole-token) against the probe's answers;
 * count, causal and live-only probes also get the rubric, graded by the same model and labelled
 * model-graded. A negative probe is answered correctly by declining: the thing it asks about is not there.
 */
import { containsAnswer, containsLocation, normalizeForMatch } from '../answer-match.ts';
import type { Probe } from '../probe.ts';
import type { GradeSource, LiveOutcome } from './live-rows.ts';
import type { ModelCall } from './model-caller.ts';
import { GRADER_SYSTEM, gradingTurnText, verdictOf } from './grading-prompt.ts';
import { isDeclined } from './question-prompt.ts';
import type { ModelWire } from './routes/model-route.ts';

/** Tokens the grader may reply with: one word is asked for. */
const GRADER_MAX_TOKENS = 16;

/** A graded answer. */
export interface Grade {
  readonly outcome: LiveOutcome;
  readonly gradedBy: GradeSource;
  /** The rubric's verdict, when it was asked for and given. */
  readonly modelGrade: 'correct' | 'wrong' | null;
  /** 0 when no rubric call was made; null when the model is unpriced. */
  readonly gradingCostUsd: number | null;
}

/** True when `text` gives one of `probe`'s answers, as the offline scorer matches them. */
export function matchesAnswer(probe: Probe, text: string): boolean {
  const haystack = normalizeForMatch(text);
  return probe.answers.some((answer) => containsAnswer(haystack, answer) || containsLocation(text, answer));
}

/** Whether the rubric applies: answers a matcher cannot judge alone (a count in words, a cause in other words). */
export function wantsRubric(probe: Probe): boolean {
  return probe.kind !== 'negative' && (probe.kind === 'count' || probe.kind === 'causal' || probe.live_only === true);
}

/** The model that grades (the one that answered). */
export interface GradeOptions {
  readonly wire: ModelWire;
  readonly model: string;
  readonly call: ModelCall;
}

/** Asks the same model to grade `candidate` against the probe's answers; no verdict when the call is not made or fails. */
async function rubric(
  probe: Probe,
  candidate: string,
  options: GradeOptions,
): Promise<{ verdict: 'correct' | 'wrong' | null; costUsd: number | null }> {
  const body = options.wire.promptBody(
    options.model,
    GRADER_SYSTEM,
    gradingTurnText(probe.question, probe.answers, candidate),
    GRADER_MAX_TOKENS,
  );
  try {
    const result = await options.call(body);
    if (result.state === 'not-run') return { verdict: null, costUsd: 0 };
    return { verdict: verdictOf(result.reply.text), costUsd: result.costUsd };
  } catch {
    // The match still grades the answer; a failed rubric only leaves its column empty.
    return { verdict: null, costUsd: 0 };
  }
}

/**
 * Grades `text`, the model's final reply (`exhausted` when it still called tools at its last round).
 * A positive probe is correct when its answer matches, or when the rubric says so; declining is `refused`.
 */
export async function gradeAnswer(
  probe: Probe,
  text: string,
  exhausted: boolean,
  options: GradeOptions,
): Promise<Grade> {
  const declined = exhausted || isDeclined(text);
  if (probe.kind === 'negative') {
    const outcome: LiveOutcome = exhausted ? 'refused' : declined ? 'correct' : 'wrong';
    return { outcome, gradedBy: 'match', modelGrade: null, gradingCostUsd: 0 };
  }
  const matched = !declined && matchesAnswer(probe, text);
  if (declined) return { outcome: 'refused', gradedBy: 'match', modelGrade: null, gradingCostUsd: 0 };
  if (!wantsRubric(probe))
    return { outcome: matched ? 'correct' : 'wrong', gradedBy: 'match', modelGrade: null, gradingCostUsd: 0 };
  const { verdict, costUsd } = await rubric(probe, text, options);
  if (matched) return { outcome: 'correct', gradedBy: 'match', modelGrade: verdict, gradingCostUsd: costUsd };
  return {
    outcome: verdict === 'correct' ? 'correct' : 'wrong',
    gradedBy: verdict === null ? 'match' : 'model',
    modelGrade: verdict,
    gradingCostUsd: costUsd,
  };
}
