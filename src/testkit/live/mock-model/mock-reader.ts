/**
 * How the mock model answers: like the answer-blind reader, it calls terse_retrieve on the markers
 * the question points at (planReaderCalls, one call per round) until a call returns something or the
 * plan is spent; then it replies with the line of tool output that best matches the question's
 * terms, preferring what the calls returned over what the context shows. A question nothing matches is declined. Graders get
 * CORRECT when the candidate holds every word of a reference answer.
 */
import type { RetrieveArgs } from '../../../retrieve/retrieve.ts';
import { RETRIEVE_TOOL_NAME } from '../../../retrieve/retrieve-tool.ts';
import { planReaderCalls, DEFAULT_READER_LIMITS } from '../../../bench/reader/answer-blind-reader.ts';
import { readQuestion, type QuestionTerm } from '../../../bench/reader/question-terms.ts';
import { DECLINE_REPLY } from '../../../bench/live/question-prompt.ts';
import type { MockConversation, MockRetrieval } from './mock-conversation.ts';

/** What the mock replies: text, or one terse_retrieve call. */
export type MockDecision =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'retrieve'; readonly args: RetrieveArgs };

const ANSWER_CHARS = 300;

/** A call returned something: an original, or at least one match. */
function returnedSomething(result: string | null): boolean {
  if (result === null || result.startsWith(`${RETRIEVE_TOOL_NAME}:`)) return false;
  return !/^(0 of \d+ lines matched|matched 0 of \d+ items)/.test(result);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function lineScore(line: string, terms: readonly QuestionTerm[]): number {
  const lower = line.toLowerCase();
  let score = 0;
  for (const term of terms) if (term.words.every((word) => lower.includes(word))) score += term.weight;
  return score;
}

/** The best line of `texts` for the question's terms, earliest among equals; null when none holds a telling term. */
function bestLine(texts: readonly string[], terms: readonly QuestionTerm[]): string | null {
  const specific = terms.filter((t) => t.weight >= 2 && !t.numeric);
  let best: { line: string; score: number } | null = null;
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || /^(\d+ of \d+ lines matched|matched \d+ of \d+ items)$/.test(line)) continue;
      // A question that names something specific is answered only by a line that holds it.
      if (specific.length > 0 && lineScore(line, specific) === 0) continue;
      const score = lineScore(line, terms);
      if (score > 0 && (best === null || score > best.score)) best = { line, score };
    }
  }
  return best === null ? null : best.line.slice(0, ANSWER_CHARS);
}

function answer(question: string, context: readonly string[], retrievals: readonly MockRetrieval[]): MockDecision {
  const { terms } = readQuestion(question);
  const returned = retrievals.map((r) => r.result).filter((r): r is string => returnedSomething(r));
  const line = bestLine(returned, terms) ?? bestLine(context, terms);
  return { kind: 'text', text: line ?? DECLINE_REPLY };
}

function grade(references: readonly string[], candidate: string): MockDecision {
  const said = new Set(wordsOf(candidate));
  const holds = references.some((reference) => {
    const words = wordsOf(reference);
    return words.length > 0 && words.every((word) => said.has(word));
  });
  return { kind: 'text', text: holds ? 'CORRECT' : 'WRONG' };
}

/** The mock's reply to a conversation. */
export function decideReply(conversation: MockConversation): MockDecision {
  if (conversation.kind === 'grading') return grade(conversation.references, conversation.candidate);
  if (conversation.kind === 'other') return { kind: 'text', text: 'OK' };
  const { question, context, toolOutputs, retrievals, offersRetrieve } = conversation;
  const plan = offersRetrieve ? planReaderCalls({ question }, context).slice(0, DEFAULT_READER_LIMITS.maxCalls) : [];
  const found = retrievals.some((r) => returnedSomething(r.result));
  const next = plan[retrievals.length];
  if (!found && next !== undefined) return { kind: 'retrieve', args: next };
  return answer(question, toolOutputs, retrievals);
}
