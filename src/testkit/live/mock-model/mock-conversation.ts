/**
 * What the mock model reads in a request, whichever API it came over: the context before the
 * question turn, the question, the terse_retrieve calls made since and what they returned, or a
 * grading request.
 */
import { requestParts } from '../../../engine/request/request-parts.ts';
import { RETRIEVE_TOOL_NAME } from '../../../retrieve/retrieve-tool.ts';
import type { JsonObject, Provider } from '../../../types.ts';
import type { ContextBlock } from '../../../bench/reader/marker-sites.ts';
import { GRADER_SYSTEM, readGradingTurn } from '../../../bench/live/grading-prompt.ts';
import { questionOfTurn } from '../../../bench/live/question-prompt.ts';

/** One retrieve call after the question, and the text it returned (null while unanswered). */
export interface MockRetrieval {
  readonly args: unknown;
  readonly result: string | null;
}

/** A request as the mock reads it: a question, a grading, or anything else. */
export type MockConversation =
  | {
      readonly kind: 'question';
      readonly question: string;
      /** The messages' parts before the question turn (system prompt and tool definitions left out). */
      readonly context: readonly ContextBlock[];
      /** Of those, the tool outputs: where the facts a question asks about are. */
      readonly toolOutputs: readonly string[];
      readonly retrievals: readonly MockRetrieval[];
      readonly offersRetrieve: boolean;
    }
  | { readonly kind: 'grading'; readonly references: readonly string[]; readonly candidate: string }
  | { readonly kind: 'other' };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Reads `body` as sent over `provider`'s API. */
export function readConversation(provider: Provider, body: JsonObject): MockConversation {
  const parts = requestParts(provider, body);
  const system = parts
    .filter((p) => p.role === 'system')
    .map((p) => p.text)
    .join('\n');
  if (system.includes(GRADER_SYSTEM)) {
    const turn = parts.find((p) => p.role === 'user');
    const grading = turn ? readGradingTurn(turn.text) : null;
    return grading === null
      ? { kind: 'other' }
      : { kind: 'grading', references: grading.references, candidate: grading.candidate };
  }
  let at = -1;
  let question: string | null = null;
  for (const part of parts) {
    const asked = part.role === 'user' && part.type === 'text' ? questionOfTurn(part.text) : null;
    if (asked !== null) {
      at = part.messageIndex;
      question = asked;
    }
  }
  if (question === null) return { kind: 'other' };
  const before = parts.filter((p) => p.messageIndex >= 0 && p.messageIndex < at);
  const context = before.map((p) => ({ text: p.text, messageIndex: p.messageIndex }));
  const toolOutputs = before.filter((p) => p.type === 'tool_result').map((p) => p.text);
  const retrievals: { args: unknown; result: string | null }[] = [];
  for (const part of parts.filter((p) => p.messageIndex > at)) {
    if (part.type === 'tool_use' && part.toolName === RETRIEVE_TOOL_NAME)
      retrievals.push({ args: parseJson(part.text), result: null });
    if (part.type === 'tool_result') {
      const open = retrievals.find((r) => r.result === null);
      if (open) open.result = part.text;
    }
  }
  const offersRetrieve = parts.some((p) => p.role === 'tools' && p.text.includes(`"${RETRIEVE_TOOL_NAME}"`));
  return { kind: 'question', question, context, toolOutputs, retrievals, offersRetrieve };
}
