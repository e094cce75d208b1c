/** Tells an Anthropic Messages body from an OpenAI Chat body by its content, not its origin. */
import type { JsonObject, Provider } from '../../types.ts';
import { isObject } from './raw-part.ts';

const OPENAI_ROLES = new Set(['system', 'developer', 'tool', 'function']);
const ANTHROPIC_BLOCKS = new Set(['tool_use', 'tool_result', 'thinking', 'redacted_thinking', 'document']);

/** The provider whose request shape `body` has, or null when it has no `messages` array. */
export function detectProvider(body: JsonObject): Provider | null {
  if (!Array.isArray(body.messages)) return null;
  if (body.system !== undefined || body.anthropic_version !== undefined) return 'anthropic';
  for (const message of body.messages) {
    if (!isObject(message)) continue;
    if (typeof message.role === 'string' && OPENAI_ROLES.has(message.role)) return 'openai';
    if (message.tool_calls !== undefined || message.tool_call_id !== undefined) return 'openai';
    if (Array.isArray(message.content)) {
      for (const block of message.content) {
        if (isObject(block) && typeof block.type === 'string' && ANTHROPIC_BLOCKS.has(block.type)) return 'anthropic';
      }
    }
  }
  if (Array.isArray(body.tools)) {
    const first = body.tools[0];
    if (isObject(first)) return first.type === 'function' && isObject(first.function) ? 'openai' : 'anthropic';
  }
  return 'anthropic';
}
