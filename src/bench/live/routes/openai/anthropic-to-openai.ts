/**
 * An Anthropic Messages request in Chat Completions form, so `--provider openai` can send every
 * trace to an OpenAI-compatible server: system prompt, text, tool calls and tool results carried
 * over as they are; thinking blocks, `is_error` flags and Anthropic-only fields left out (Chat
 * Completions has no place for them). Translation only.
 */
import type { JsonObject, JsonValue } from '../../../../types.ts';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a string or of text blocks. */
function textOf(content: JsonValue | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => (isObject(block) && typeof block.text === 'string' ? block.text : ''))
    .filter((t) => t !== '')
    .join('\n');
}

function userMessages(content: JsonValue | undefined): JsonObject[] {
  if (!Array.isArray(content)) return [{ role: 'user', content: textOf(content) }];
  const out: JsonObject[] = [];
  // Tool results answer the previous assistant turn's calls, so they come before the user's own text.
  for (const block of content) {
    if (isObject(block) && block.type === 'tool_result')
      out.push({
        role: 'tool',
        tool_call_id: typeof block.tool_use_id === 'string' ? block.tool_use_id : '',
        content: textOf(block.content),
      });
  }
  const text = textOf(content.filter((block) => isObject(block) && block.type === 'text'));
  if (text !== '') out.push({ role: 'user', content: text });
  return out;
}

function assistantMessage(content: JsonValue | undefined): JsonObject {
  const calls: JsonObject[] = [];
  if (Array.isArray(content)) {
    for (const block of content) {
      if (!isObject(block) || block.type !== 'tool_use') continue;
      calls.push({
        id: typeof block.id === 'string' ? block.id : '',
        type: 'function',
        function: {
          name: typeof block.name === 'string' ? block.name : '',
          arguments: JSON.stringify(block.input ?? {}),
        },
      });
    }
  }
  const text = Array.isArray(content)
    ? textOf(content.filter((block) => isObject(block) && block.type === 'text'))
    : textOf(content);
  return calls.length > 0
    ? { role: 'assistant', content: text === '' ? null : text, tool_calls: calls }
    : { role: 'assistant', content: text };
}

function functionTool(tool: JsonValue): JsonObject | null {
  if (!isObject(tool) || typeof tool.name !== 'string') return null;
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      parameters: tool.input_schema ?? { type: 'object' },
    },
  };
}

/** The Chat Completions form of an Anthropic Messages body. */
export function anthropicToOpenai(body: JsonObject): JsonObject {
  const messages: JsonObject[] = [];
  const system = textOf(body.system);
  if (system !== '') messages.push({ role: 'system', content: system });
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    if (!isObject(message)) continue;
    if (message.role === 'assistant') messages.push(assistantMessage(message.content));
    else messages.push(...userMessages(message.content));
  }
  const out: JsonObject = { model: typeof body.model === 'string' ? body.model : '', messages };
  const tools = (Array.isArray(body.tools) ? body.tools : [])
    .map(functionTool)
    .filter((tool): tool is JsonObject => tool !== null);
  if (tools.length > 0) out.tools = tools;
  if (typeof body.max_tokens === 'number') out.max_tokens = body.max_tokens;
  if (typeof body.temperature === 'number') out.temperature = body.temperature;
  return out;
}
