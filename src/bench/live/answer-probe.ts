/**
 * One probe asked of a live model: the request as compressed at its scoring point, the question as a
 * last user turn, and `terse_retrieve` executed locally against the run's store whenever the model
 * calls it, for at most `maxRounds` model calls.
 */
import { retrieve, retrieveResultText } from '../../retrieve/retrieve.ts';
import { RETRIEVE_TOOL_NAME } from '../../retrieve/retrieve-tool.ts';
import type { Store } from '../../store/store.ts';
import type { JsonObject } from '../../types.ts';
import { addUsage, NO_USAGE, type TokenUsage } from './live-rows.ts';
import type { ModelCall } from './model-caller.ts';
import { questionTurnText } from './question-prompt.ts';
import type { ModelWire, ToolCall, ToolOutput } from './routes/model-route.ts';

/** What asking cost and took, whatever came of it. */
export interface AnswerEffort {
  readonly retrieveCalls: number;
  readonly modelCalls: number;
  readonly cachedCalls: number;
  readonly usage: TokenUsage;
  /** Null when the model is unpriced. */
  readonly costUsd: number | null;
}

/** The model's answer (`exhausted`: it still called tools at its last round), or why there is none. */
export type ProbeAnswer = AnswerEffort &
  (
    | { readonly state: 'answered'; readonly text: string; readonly exhausted: boolean }
    | { readonly state: 'not-run' }
    | { readonly state: 'errored'; readonly error: string }
  );

/** How a probe is asked. */
export interface AskOptions {
  readonly wire: ModelWire;
  readonly model: string;
  readonly call: ModelCall;
  readonly store: Store;
  /** Model calls per answer, tool rounds included. @default 4 */
  readonly maxRounds: number;
}

/** The tool's answer to one call: `terse_retrieve` runs on the store; any other tool is declined. */
async function runTool(call: ToolCall, store: Store): Promise<ToolOutput> {
  if (call.name !== RETRIEVE_TOOL_NAME) {
    return {
      id: call.id,
      text: `${call.name} cannot run here: only ${RETRIEVE_TOOL_NAME} is available while this question is answered.`,
      isError: true,
    };
  }
  const result = await retrieve(store, call.input);
  return { id: call.id, text: retrieveResultText(result), isError: result.state !== 'found' };
}

/** Asks `question` on `body` (a request in the wire's form) and follows the model's tool calls. */
export async function answerProbe(body: JsonObject, question: string, options: AskOptions): Promise<ProbeAnswer> {
  const { wire, call, store } = options;
  let effort: AnswerEffort = { retrieveCalls: 0, modelCalls: 0, cachedCalls: 0, usage: NO_USAGE, costUsd: 0 };
  let request = wire.askBody(body, options.model, questionTurnText(question));
  try {
    for (let round = 1; ; round++) {
      const result = await call(request);
      if (result.state === 'not-run') return { ...effort, state: 'not-run' };
      effort = {
        ...effort,
        modelCalls: effort.modelCalls + 1,
        cachedCalls: effort.cachedCalls + (result.cached ? 1 : 0),
        usage: addUsage(effort.usage, result.reply.usage),
        costUsd: effort.costUsd === null || result.costUsd === null ? null : effort.costUsd + result.costUsd,
      };
      const { text, toolCalls } = result.reply;
      if (toolCalls.length === 0) return { ...effort, state: 'answered', text, exhausted: false };
      if (round >= options.maxRounds) return { ...effort, state: 'answered', text, exhausted: true };
      const outputs: ToolOutput[] = [];
      for (const toolCall of toolCalls) {
        outputs.push(await runTool(toolCall, store));
        if (toolCall.name === RETRIEVE_TOOL_NAME) effort = { ...effort, retrieveCalls: effort.retrieveCalls + 1 };
      }
      request = wire.continueBody(request, result.response, outputs);
    }
  } catch (error) {
    return { ...effort, state: 'errored', error: error instanceof Error ? error.message : String(error) };
  }
}
