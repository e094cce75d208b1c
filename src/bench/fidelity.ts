/**
 * Offline fidelity of one probe at one scoring point: the answer survived in the context, or the
 * answer-blind reader retrieved it with `terse_retrieve`, or it is lost; a negative (near-miss) probe
 * is `fabricated` when its string appears, else `clean`. The answers are used only to judge what the
 * context holds and what the reader's calls returned, never to make a call.
 */
import type { RetrieveArgs } from '../retrieve/retrieve.ts';
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';
import { containsAnswer, containsLocation, normalizeForMatch } from './answer-match.ts';
import type { Probe, ProbeOutcome } from './probe.ts';
import { readForQuestion, type RetrieveCall } from './reader/answer-blind-reader.ts';
import type { ScoringContext } from './scoring-context.ts';

export interface ProbeScore {
  /** Null for live-only probes, which only a model can score. */
  readonly outcome: ProbeOutcome | null;
  /** `terse_retrieve` calls the reader made (whatever they found). */
  readonly retrievalCalls: number;
  /**
   * What those calls cost: each call's own tokens, the tokens it returned, and one re-send of the
   * request it happened in (the extra model turn the call takes).
   */
  readonly retrievalTokens: number;
}

/** How a scorer counts tokens: the run's one ruler. */
export type CountTokens = (text: string) => number;

function holdsAnswer(probe: Probe, text: string): boolean {
  const haystack = normalizeForMatch(text);
  return probe.answers.some((answer) => containsAnswer(haystack, answer) || containsLocation(text, answer));
}

/** The tokens of a call as the model writes it: the tool's name and its arguments. */
function callTokens(args: RetrieveArgs, count: CountTokens): number {
  return count(`${RETRIEVE_TOOL_NAME}${JSON.stringify(args)}`);
}

/** Scores `probe` on `context`; `call` runs the real `terse_retrieve` handler on the run's store. */
export async function scoreProbe(
  probe: Probe,
  context: ScoringContext,
  call: RetrieveCall,
  count: CountTokens,
): Promise<ProbeScore> {
  if (probe.live_only) return { outcome: null, retrievalCalls: 0, retrievalTokens: 0 };
  if (probe.kind === 'negative') {
    const haystack = normalizeForMatch(context.withoutMarkers);
    const fabricated = probe.answers.some((answer) => containsAnswer(haystack, answer));
    return { outcome: fabricated ? 'fabricated' : 'clean', retrievalCalls: 0, retrievalTokens: 0 };
  }
  if (holdsAnswer(probe, context.withoutMarkers)) return { outcome: 'survived', retrievalCalls: 0, retrievalTokens: 0 };
  // The reader is handed the question alone.
  const calls = await readForQuestion({ question: probe.question }, context.blocks, call);
  let retrievalTokens = 0;
  let retrieved = false;
  for (const { args, answer } of calls) {
    retrievalTokens += callTokens(args, count) + count(answer.text) + context.resendTokens;
    retrieved ||= holdsAnswer(probe, answer.text);
  }
  return { outcome: retrieved ? 'retrieved' : 'lost', retrievalCalls: calls.length, retrievalTokens };
}
