/**
 * Model turns rendered the way Anthropic Messages and OpenAI Chat Completions send them, whole or
 * streamed. The stream shapes follow the providers' documented events, including what real streams
 * do that a naive client trips on: pings between deltas, an empty first `input_json_delta`, tool
 * arguments cut mid-string, usage in `message_delta` and a trailing usage chunk.
 */
import type { JsonObject, JsonValue } from '../../types.ts';

/** A tool call the mock model makes. */
export interface MockToolCall {
  readonly id: string;
  readonly name: string;
  readonly input: JsonValue;
}

/** What the mock model answers: thinking (Anthropic only), text, then tool calls. */
export interface MockTurn {
  readonly thinking?: { readonly text: string; readonly signature: string };
  readonly text?: string;
  readonly toolCalls?: readonly MockToolCall[];
}

const USAGE = { input_tokens: 843, output_tokens: 28 };

/** Cuts text in two (a stream sends most text in several deltas). */
function halves(text: string): string[] {
  const cut = Math.ceil(text.length / 2);
  return [...text].length <= 1 ? [text] : [text.slice(0, cut), text.slice(cut)];
}

/** A whole Anthropic Messages response. */
export function anthropicMessage(turn: MockTurn, model: string, id: string): JsonObject {
  const content: JsonObject[] = [];
  if (turn.thinking !== undefined)
    content.push({ type: 'thinking', thinking: turn.thinking.text, signature: turn.thinking.signature });
  if (turn.text !== undefined) content.push({ type: 'text', text: turn.text });
  for (const call of turn.toolCalls ?? [])
    content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input });
  const stop = (turn.toolCalls ?? []).length > 0 ? 'tool_use' : 'end_turn';
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage: USAGE,
  };
}

/** An Anthropic Messages stream, one string per event. */
export function anthropicEvents(turn: MockTurn, model: string, id: string): string[] {
  const events: JsonObject[] = [
    {
      type: 'message_start',
      message: {
        ...anthropicMessage({}, model, id),
        content: [],
        stop_reason: null,
        usage: { ...USAGE, output_tokens: 1 },
      },
    },
  ];
  let index = 0;
  if (turn.thinking !== undefined) {
    events.push({
      type: 'content_block_start',
      index,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    });
    for (const piece of halves(turn.thinking.text))
      events.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } });
    events.push(
      { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: turn.thinking.signature } },
      { type: 'content_block_stop', index },
    );
    index++;
  }
  if (turn.text !== undefined) {
    events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, { type: 'ping' });
    for (const piece of halves(turn.text))
      events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } });
    events.push({ type: 'content_block_stop', index });
    index++;
  }
  for (const call of turn.toolCalls ?? []) {
    events.push({
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
    });
    events.push(
      { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'ping' },
    );
    for (const piece of halves(JSON.stringify(call.input)))
      events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } });
    events.push({ type: 'content_block_stop', index });
    index++;
  }
  const stop = (turn.toolCalls ?? []).length > 0 ? 'tool_use' : 'end_turn';
  events.push(
    { type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: USAGE },
    { type: 'message_stop' },
  );
  return events.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
}

function openaiToolCalls(turn: MockTurn): JsonObject[] {
  return (turn.toolCalls ?? []).map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

/** A whole OpenAI chat completion. */
export function openaiCompletion(turn: MockTurn, model: string, id: string): JsonObject {
  const calls = openaiToolCalls(turn);
  const message: JsonObject = { role: 'assistant', content: turn.text ?? null, refusal: null, annotations: [] };
  if (calls.length > 0) message.tool_calls = calls;
  return {
    id,
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: calls.length > 0 ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 843, completion_tokens: 28, total_tokens: 871 },
  };
}

/** An OpenAI chat completion stream, one string per chunk, `[DONE]` last. */
export function openaiChunks(turn: MockTurn, model: string, id: string, includeUsage: boolean): string[] {
  const chunk = (delta: JsonObject, finish: string | null = null): JsonObject => ({
    id,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const chunks: JsonObject[] = [
    chunk({ role: 'assistant', content: turn.text === undefined ? null : '', refusal: null }),
  ];
  if (turn.text !== undefined) for (const piece of halves(turn.text)) chunks.push(chunk({ content: piece }));
  (turn.toolCalls ?? []).forEach((call, index) => {
    chunks.push(
      chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
    );
    for (const piece of halves(JSON.stringify(call.input)))
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, (turn.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop'));
  if (includeUsage)
    chunks.push({
      id,
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model,
      choices: [],
      usage: { prompt_tokens: 843, completion_tokens: 28, total_tokens: 871 },
    });
  return [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n'];
}
