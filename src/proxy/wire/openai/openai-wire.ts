/** The OpenAI Chat Completions wire format for the retrieve loop. Translation only. */
import type { JsonObject } from '../../../types.ts';
import { sseBytes } from '../../sse-events.ts';
import type { ProviderWire, ToolCall } from '../wire.ts';
import { isObject, objectsOf, parseArguments, stringOf, sumUsage } from '../wire-values.ts';
import { OpenAiStreamRelay } from './openai-stream-relay.ts';

/** The message of the first choice (the retrieve loop follows choice 0 only). */
function firstMessage(response: JsonObject): JsonObject {
  const choice = objectsOf(response.choices)[0];
  return choice !== undefined && isObject(choice.message) ? choice.message : {};
}

function callOf(call: JsonObject): ToolCall {
  const fn = isObject(call.function) ? call.function : {};
  return { id: stringOf(call.id), name: stringOf(fn.name), args: parseArguments(stringOf(fn.arguments)) };
}

/** The response with its first choice's message and finish reason replaced. */
function withFirstChoice(response: JsonObject, message: JsonObject, finishReason?: string): JsonObject {
  const [first, ...rest] = objectsOf(response.choices);
  if (first === undefined) return response;
  return {
    ...response,
    choices: [{ ...first, message, ...(finishReason === undefined ? {} : { finish_reason: finishReason }) }, ...rest],
  };
}

function withoutCalls(response: JsonObject, hidden: string): JsonObject {
  const message = firstMessage(response);
  const calls = objectsOf(message.tool_calls).filter((call) => callOf(call).name !== hidden);
  const { tool_calls: _dropped, ...rest } = message;
  if (calls.length > 0) return withFirstChoice(response, { ...rest, tool_calls: calls });
  const choice = objectsOf(response.choices)[0];
  return withFirstChoice(response, rest, choice?.finish_reason === 'tool_calls' ? 'stop' : undefined);
}

/** OpenAI Chat Completions. */
export const openaiWire: ProviderWire = {
  provider: 'openai',
  toolCalls: (response) => objectsOf(firstMessage(response).tool_calls).map(callOf),
  assistantMessage(response) {
    const message = firstMessage(response);
    return {
      role: 'assistant',
      content: message.content ?? null,
      ...(message.tool_calls === undefined ? {} : { tool_calls: message.tool_calls }),
    };
  },
  toolResultMessages: (answers) =>
    answers.map(({ call, text }) => ({ role: 'tool', tool_call_id: call.id, content: text })),
  mergeResponses(earlier, final, hidden) {
    const texts = [
      ...earlier.map((response) => firstMessage(withoutCalls(response, hidden)).content),
      firstMessage(final).content,
    ];
    const content = texts.filter((text): text is string => typeof text === 'string').join('');
    const usage = sumUsage([...earlier.map((response) => response.usage), final.usage]);
    const merged = withFirstChoice(final, {
      ...firstMessage(final),
      content: content === '' ? (firstMessage(final).content ?? null) : content,
    });
    return usage === undefined ? merged : { ...merged, usage };
  },
  withoutCallsTo: withoutCalls,
  streamRelay: (hidden) => new OpenAiStreamRelay(hidden),
  streamError: (message) =>
    sseBytes(
      JSON.stringify({ error: { message: `terse proxy: ${message}`, type: 'server_error', param: null, code: null } }),
    ),
};
