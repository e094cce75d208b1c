/** Anthropic Messages request -> parts. Translation only: no policy lives here. */
import type { JsonObject, JsonValue, PartRole } from '../../types.ts';
import { compactJson, isObject, type RawPart } from './raw-part.ts';
import { prefixMessagesReader, type ToolNames } from '../prefix-messages-reader.ts';

type Path = (string | number)[];

function textParts(
  value: JsonValue | undefined,
  path: Path,
  role: PartRole,
  messageIndex: number,
  out: RawPart[],
): void {
  if (typeof value === 'string') {
    out.push({ path, role, type: 'text', text: value, isStringLeaf: true, messageIndex });
    return;
  }
  if (!Array.isArray(value)) return;
  value.forEach((block, i) => {
    if (isObject(block) && typeof block.text === 'string') {
      out.push({ path: [...path, i, 'text'], role, type: 'text', text: block.text, isStringLeaf: true, messageIndex });
    }
  });
}

function toolResultParts(
  block: JsonObject,
  path: Path,
  messageIndex: number,
  toolName: string | undefined,
  out: RawPart[],
): void {
  const content = block.content;
  const callId = typeof block.tool_use_id === 'string' && block.tool_use_id !== '' ? block.tool_use_id : undefined;
  const base = {
    role: 'tool' as const,
    type: 'tool_result' as const,
    messageIndex,
    ...(toolName ? { toolName } : {}),
    ...(callId ? { callId } : {}),
  };
  if (typeof content === 'string') {
    out.push({ ...base, path: [...path, 'content'], text: content, isStringLeaf: true });
  } else if (Array.isArray(content)) {
    content.forEach((inner, j) => {
      if (isObject(inner) && typeof inner.text === 'string') {
        out.push({ ...base, path: [...path, 'content', j, 'text'], text: inner.text, isStringLeaf: true });
      }
    });
  }
}

function contentParts(message: JsonObject, index: number, toolNames: ToolNames, out: RawPart[]): void {
  const role: PartRole = message.role === 'assistant' ? 'assistant' : 'user';
  const content = message.content;
  const path: Path = ['messages', index, 'content'];
  if (typeof content === 'string') {
    out.push({ path, role, type: 'text', text: content, isStringLeaf: true, messageIndex: index });
    return;
  }
  if (!Array.isArray(content)) return;
  content.forEach((block, i) => {
    if (!isObject(block)) return;
    const at: Path = [...path, i];
    switch (block.type) {
      case 'text':
        if (typeof block.text === 'string')
          out.push({
            path: [...at, 'text'],
            role,
            type: 'text',
            text: block.text,
            isStringLeaf: true,
            messageIndex: index,
          });
        break;
      case 'thinking':
        if (typeof block.thinking === 'string')
          out.push({
            path: [...at, 'thinking'],
            role,
            type: 'thinking',
            text: block.thinking,
            isStringLeaf: true,
            messageIndex: index,
          });
        break;
      case 'tool_use':
        if (typeof block.id === 'string' && typeof block.name === 'string') toolNames.set(block.id, block.name);
        out.push({
          path: [...at, 'input'],
          role,
          type: 'tool_use',
          text: compactJson(block.input),
          isStringLeaf: false,
          messageIndex: index,
          ...(typeof block.name === 'string' ? { toolName: block.name } : {}),
        });
        break;
      case 'tool_result': {
        const id = typeof block.tool_use_id === 'string' ? block.tool_use_id : '';
        toolResultParts(block, at, index, toolNames.get(id), out);
        break;
      }
      default:
        break;
    }
  });
}

const readMessages = prefixMessagesReader(contentParts);

/** Parts of an Anthropic Messages request: system, tool definitions, then every message block. */
export function anthropicParts(body: JsonObject): RawPart[] {
  const out: RawPart[] = [];
  textParts(body.system, ['system'], 'system', -1, out);
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
