/** The Anthropic Messages wire format for the retrieve loop. Translation only. */
import type { JsonObject } from '../../../types.ts';
import { sseBytes } from '../../sse-events.ts';
import type { ProviderWire, ToolAnswer, ToolCall } from '../wire.ts';
import { objectsOf, stringOf, sumUsage } from '../wire-values.ts';
import { AnthropicStreamRelay } from './anthropic-stream-relay.ts';

function callOf(block: JsonObject): ToolCall {
  return { id: stringOf(block.id), name: stringOf(block.name), args: block.input ?? {} };
}

function isCallTo(block: JsonObject, name: string): boolean {
  return block.type === 'tool_use' && block.name === name;
}

/** Content without calls to `hidden`; a turn left without any tool call ends normally. */
function withoutCalls(response: JsonObject, hidden: string): JsonObject {
  const content = objectsOf(response.content).filter((block) => !isCallTo(block, hidden));
  const stillCalls = content.some((block) => block.type === 'tool_use');
  return {
    ...response,
    content,
    ...(response.stop_reason === 'tool_use' && !stillCalls ? { stop_reason: 'end_turn' } : {}),
  };
}

/** Anthropic Messages. */
export const anthropicWire: ProviderWire = {
  provider: 'anthropic',
  toolCalls: (response) =>
    objectsOf(response.content)
      .filter((block) => block.type === 'tool_use')
      .map(callOf),
  assistantMessage: (response) => ({ role: 'assistant', content: objectsOf(response.content) }),
  toolResultMessages: (answers: readonly ToolAnswer[]) => [
    {
      role: 'user',
      content: answers.map(({ call, text }) => ({ type: 'tool_result', tool_use_id: call.id, content: text })),
    },
  ],
  mergeResponses(earlier, final, hidden) {
    const content = [
      ...earlier.flatMap((response) => objectsOf(withoutCalls(response, hidden).content)),
      ...objectsOf(final.content),
    ];
    const usage = sumUsage([...earlier.map((response) => response.usage), final.usage]);
    return { ...final, content, ...(usage === undefined ? {} : { usage }) };
  },
  withoutCallsTo: withoutCalls,
  streamRelay: (hidden) => new AnthropicStreamRelay(hidden),
  streamError: (message) =>
    sseBytes(
      JSON.stringify({ type: 'error', error: { type: 'api_error', message: `terse proxy: ${message}` } }),
      'error',
    ),
};
