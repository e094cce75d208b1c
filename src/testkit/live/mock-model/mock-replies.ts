/**
 * The mock's decision in each API's response shape, whole or as the server-sent events a streaming
 * client reads. Ids derive from the request bytes, so the same request always gets the same reply.
 */
import type { JsonObject } from '../../../types.ts';
import { RETRIEVE_TOOL_NAME } from '../../../retrieve/retrieve-tool.ts';
import type { MockDecision } from './mock-reader.ts';

/** One server-sent event. */
export interface MockEvent {
  readonly event?: string;
  readonly data: string;
}

/** What a reply is made from: the decision, the request's identity, and token counts the usage reports. */
export interface ReplyInput {
  readonly decision: MockDecision;
  /** Hex digest of the request: ids are cut from it. */
  readonly digest: string;
  readonly model: string;
  readonly inputTokens: number;
}

/** Tokens the mock says it wrote: a quarter of the characters, at least one. */
export function outputTokens(decision: MockDecision): number {
  const text = decision.kind === 'text' ? decision.text : JSON.stringify(decision.args);
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The whole Messages response. */
export function anthropicMessage(input: ReplyInput): JsonObject {
  const { decision, digest } = input;
  const content =
    decision.kind === 'text'
      ? [{ type: 'text', text: decision.text }]
      : [
          {
            type: 'tool_use',
            id: `toolu_${digest.slice(0, 24)}`,
            name: RETRIEVE_TOOL_NAME,
            input: decision.args as unknown as JsonObject,
          },
        ];
  return {
    id: `msg_${digest.slice(0, 24)}`,
    type: 'message',
    role: 'assistant',
    model: input.model,
    content,
    stop_reason: decision.kind === 'text' ? 'end_turn' : 'tool_use',
    stop_sequence: null,
    usage: {
      input_tokens: input.inputTokens,
      output_tokens: outputTokens(decision),
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    },
  };
}

/** The Messages stream of a reply: message_start, one content block in two deltas, message_delta, message_stop. */
export function anthropicEvents(input: ReplyInput): MockEvent[] {
  const message = anthropicMessage(input);
  const [block] = message.content as JsonObject[];
  const event = (type: string, data: JsonObject): MockEvent => ({
    event: type,
    data: JSON.stringify({ type, ...data }),
  });
  const piece = block?.type === 'text' ? String(block.text) : JSON.stringify(block?.input ?? {});
  const half = Math.ceil(piece.length / 2);
  const delta = (text: string): JsonObject =>
    block?.type === 'text' ? { type: 'text_delta', text } : { type: 'input_json_delta', partial_json: text };
  const start = block?.type === 'text' ? { type: 'text', text: '' } : { ...block, input: {} };
  return [
    event('message_start', {
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: { ...(message.usage as JsonObject), output_tokens: 1 },
      },
    }),
    event('content_block_start', { index: 0, content_block: start as JsonObject }),
    event('content_block_delta', { index: 0, delta: delta(piece.slice(0, half)) }),
    event('content_block_delta', { index: 0, delta: delta(piece.slice(half)) }),
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: message.stop_reason ?? null, stop_sequence: null },
      usage: { output_tokens: outputTokens(input.decision) },
    }),
    event('message_stop', {}),
  ];
}

/** The whole Chat Completions response. */
export function openaiCompletion(input: ReplyInput): JsonObject {
  const { decision, digest } = input;
  const message: JsonObject =
    decision.kind === 'text'
      ? { role: 'assistant', content: decision.text }
      : {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: `call_${digest.slice(0, 24)}`,
              type: 'function',
              function: { name: RETRIEVE_TOOL_NAME, arguments: JSON.stringify(decision.args) },
            },
          ],
        };
  const output = outputTokens(decision);
  return {
    id: `chatcmpl-${digest.slice(0, 24)}`,
    object: 'chat.completion',
    created: 0,
    model: input.model,
    choices: [{ index: 0, message, finish_reason: decision.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: { prompt_tokens: input.inputTokens, completion_tokens: output, total_tokens: input.inputTokens + output },
  };
}

/** The chunks of a Chat Completions stream, a usage chunk when asked for, then [DONE]. */
export function openaiEvents(input: ReplyInput, includeUsage: boolean): MockEvent[] {
  const whole = openaiCompletion(input);
  const base = { id: whole.id, object: 'chat.completion.chunk', created: 0, model: input.model };
  const chunk = (delta: JsonObject, finish: string | null): MockEvent => ({
    data: JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] }),
  });
  const { decision } = input;
  const events: MockEvent[] = [];
  if (decision.kind === 'text') {
    const half = Math.ceil(decision.text.length / 2);
    events.push(
      chunk({ role: 'assistant', content: decision.text.slice(0, half) }, null),
      chunk({ content: decision.text.slice(half) }, null),
      chunk({}, 'stop'),
    );
  } else {
    const args = JSON.stringify(decision.args);
    const half = Math.ceil(args.length / 2);
    const id = `call_${input.digest.slice(0, 24)}`;
    events.push(
      chunk(
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { index: 0, id, type: 'function', function: { name: RETRIEVE_TOOL_NAME, arguments: args.slice(0, half) } },
          ],
        },
        null,
      ),
      chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }, null),
      chunk({}, 'tool_calls'),
    );
  }
  if (includeUsage) events.push({ data: JSON.stringify({ ...base, choices: [], usage: whole.usage }) });
  events.push({ data: '[DONE]' });
  return events;
}
