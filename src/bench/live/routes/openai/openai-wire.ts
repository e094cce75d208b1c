/** OpenAI Chat Completions bodies and responses for the live bench (tools as functions). Translation only. */
import { ModelResponseError } from '../../../../errors.ts';
import { RETRIEVE_TOOL_NAME, RETRIEVE_TOOL_OPENAI } from '../../../../retrieve/retrieve-tool.ts';
import type { JsonObject, JsonValue } from '../../../../types.ts';
import type { ModelReply, ModelWire, ToolCall } from '../model-route.ts';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messagesOf(body: JsonObject): JsonValue[] {
  return Array.isArray(body.messages) ? body.messages : [];
}

function count(value: JsonValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function offersRetrieve(tools: readonly JsonValue[]): boolean {
  return tools.some((tool) => isObject(tool) && isObject(tool.function) && tool.function.name === RETRIEVE_TOOL_NAME);
}

/** Arguments arrive as JSON text; text that is not JSON is handed on as it is (terse_retrieve says what is wrong). */
function parseArguments(text: JsonValue | undefined): unknown {
  if (typeof text !== 'string') return text ?? {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A message's text: a string, or the text parts of an array. */
function textOf(content: JsonValue | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The first choice's message of a response, or a ModelResponseError. */
export function choiceMessage(response: JsonObject): JsonObject {
  const choice = Array.isArray(response.choices) ? response.choices[0] : undefined;
  if (!isObject(choice) || !isObject(choice.message))
    throw new ModelResponseError('openai', 'no choices[0].message in the response');
  return choice.message;
}

/** The Chat Completions wire: tools as functions, tool results as `tool` messages. */
export const OPENAI_WIRE: ModelWire = {
  provider: 'openai',

  askBody(body, model, questionTurn) {
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const { stream: _stream, stream_options: _options, ...rest } = body;
    return {
      ...rest,
      model,
      tools: offersRetrieve(tools) ? tools : [...tools, RETRIEVE_TOOL_OPENAI as unknown as JsonObject],
      messages: [...messagesOf(body), { role: 'user', content: questionTurn }],
    };
  },

  continueBody(body, response, outputs) {
    const message = choiceMessage(response);
    const assistant: JsonObject = {
      role: 'assistant',
      content: typeof message.content === 'string' ? message.content : null,
    };
    if (Array.isArray(message.tool_calls)) assistant.tool_calls = message.tool_calls;
    const results = outputs.map((output) => ({ role: 'tool', tool_call_id: output.id, content: output.text }));
    return { ...body, messages: [...messagesOf(body), assistant, ...results] };
  },

  promptBody(model, system, user, maxTokens) {
    return {
      model,
      max_tokens: maxTokens,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
    };
  },

  readReply(response): ModelReply {
    const message = choiceMessage(response);
    const toolCalls: ToolCall[] = [];
    for (const call of Array.isArray(message.tool_calls) ? message.tool_calls : []) {
      if (!isObject(call) || !isObject(call.function) || typeof call.function.name !== 'string') continue;
      toolCalls.push({
        id: typeof call.id === 'string' ? call.id : '',
        name: call.function.name,
        input: parseArguments(call.function.arguments),
      });
    }
    const usage = isObject(response.usage) ? response.usage : {};
    const details = isObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
    const cached = count(details.cached_tokens);
    return {
      text: textOf(message.content),
      toolCalls,
      // prompt_tokens holds the cached ones; they are billed apart.
      usage: {
        input: Math.max(0, count(usage.prompt_tokens) - cached),
        output: count(usage.completion_tokens),
        cacheRead: cached,
        cacheWrite: 0,
      },
    };
  },
};
