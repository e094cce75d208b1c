/** OpenAI Chat Completions request -> parts. Translation only: no policy lives here. */
import type { JsonObject, PartRole } from '../../types.ts';
import { compactJson, isObject, type RawPart } from './raw-part.ts';
import { prefixMessagesReader, type ToolNames } from '../prefix-messages-reader.ts';

function roleOf(value: unknown): PartRole {
  if (value === 'system' || value === 'developer') return 'system';
  if (value === 'assistant') return 'assistant';
  if (value === 'tool' || value === 'function') return 'tool';
  return 'user';
}

function readMessage(message: JsonObject, index: number, toolNames: ToolNames, out: RawPart[]): void {
  const role = roleOf(message.role);
  const type = role === 'tool' ? 'tool_result' : 'text';
  const callId = typeof message.tool_call_id === 'string' ? message.tool_call_id : '';
  const toolName =
    role === 'tool'
      ? (toolNames.get(callId) ?? (typeof message.name === 'string' ? message.name : undefined))
      : undefined;
  const base = {
    role,
    type,
    messageIndex: index,
    ...(toolName ? { toolName } : {}),
    ...(role === 'tool' && callId !== '' ? { callId } : {}),
  } as const;
  const content = message.content;
  if (typeof content === 'string') {
    out.push({ ...base, path: ['messages', index, 'content'], text: content, isStringLeaf: true });
  } else if (Array.isArray(content)) {
    content.forEach((part, i) => {
      if (isObject(part) && typeof part.text === 'string') {
        out.push({ ...base, path: ['messages', index, 'content', i, 'text'], text: part.text, isStringLeaf: true });
      }
    });
  }
  if (!Array.isArray(message.tool_calls)) return;
  message.tool_calls.forEach((call, i) => {
    if (!isObject(call) || !isObject(call.function)) return;
    const fn = call.function;
    const name = typeof fn.name === 'string' ? fn.name : undefined;
    if (typeof call.id === 'string' && name) toolNames.set(call.id, name);
    const args = typeof fn.arguments === 'string' ? fn.arguments : compactJson(fn.arguments);
    out.push({
      path: ['messages', index, 'tool_calls', i, 'function', 'arguments'],
      role: 'assistant',
      type: 'tool_use',
      text: args,
      isStringLeaf: typeof fn.arguments === 'string',
      messageIndex: index,
      ...(name ? { toolName: name } : {}),
    });
  });
}

const readMessages = prefixMessagesReader(readMessage);

/** Parts of an OpenAI Chat request: tool definitions, then every message (system messages included). */
export function openaiParts(body: JsonObject): RawPart[] {
  const out: RawPart[] = [];
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    out.push({
      path: ['tools'],
      role: 'tools',
      type: 'tool_definitions',
      text: compactJson(body.tools),
      isStringLeaf: false,
      messageIndex: -1,
    });
  }
  readMessages(Array.isArray(body.messages) ? body.messages : [], out);
  return out;
}
