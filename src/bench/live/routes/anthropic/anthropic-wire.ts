/** Anthropic Messages bodies and responses for the live bench. Translation only. */
import { ModelResponseError } from '../../../../errors.ts';
import { RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_NAME } from '../../../../retrieve/retrieve-tool.ts';
import type { JsonObject, JsonValue } from '../../../../types.ts';
import type { ModelReply, ModelWire, ToolCall, ToolOutput } from '../model-route.ts';

/** `max_tokens` is required by the API; a trace that lacks it gets this. */
export const DEFAULT_MAX_TOKENS = 1024;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messagesOf(body: JsonObject): JsonValue[] {
  return Array.isArray(body.messages) ? body.messages : [];
}

function count(value: JsonValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The Anthropic Messages wire: a trace's request as it is, plus the question and the retrieve tool. */
export const ANTHROPIC_WIRE: ModelWire = {
  provider: 'anthropic',

  askBody(body, model, questionTurn) {
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const offered = tools.some((tool) => isObject(tool) && tool.name === RETRIEVE_TOOL_NAME);
    // `stream` is the transport's business: the body stays the same either way, and so does its cache key.
    const { stream: _stream, ...rest } = body;
    return {
      ...rest,
      model,
      max_tokens: typeof body.max_tokens === 'number' ? body.max_tokens : DEFAULT_MAX_TOKENS,
      tools: offered ? tools : [...tools, RETRIEVE_TOOL_ANTHROPIC as unknown as JsonObject],
      messages: [...messagesOf(body), { role: 'user', content: questionTurn }],
    };
  },

  continueBody(body, response, outputs: readonly ToolOutput[]) {
    const content = Array.isArray(response.content) ? response.content : [];
    const results = outputs.map((output) => ({
      type: 'tool_result',
      tool_use_id: output.id,
      content: output.text,
      ...(output.isError ? { is_error: true } : {}),
    }));
    return {
      ...body,
      messages: [...messagesOf(body), { role: 'assistant', content }, { role: 'user', content: results }],
    };
  },

  promptBody(model, system, user, maxTokens) {
    return { model, max_tokens: maxTokens, system, messages: [{ role: 'user', content: user }] };
  },

  readReply(response): ModelReply {
    if (response.type !== 'message' || !Array.isArray(response.content)) {
      throw new ModelResponseError('anthropic', `not a message (type ${JSON.stringify(response.type ?? null)})`);
    }
    const texts: string[] = [];
    const toolCalls: ToolCall[] = [];
    for (const block of response.content) {
      if (!isObject(block)) continue;
      if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
      if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string')
        toolCalls.push({ id: block.id, name: block.name, input: block.input });
    }
    const usage = isObject(response.usage) ? response.usage : {};
    return {
      text: texts.join('\n'),
      toolCalls,
      usage: {
        input: count(usage.input_tokens),
        output: count(usage.output_tokens),
        cacheRead: count(usage.cache_read_input_tokens),
        cacheWrite: count(usage.cache_creation_input_tokens),
      },
    };
  },
};
