/** A request shaped like an agent's: system prompt, tools, a question, a tool call and its result. */
import type { JsonObject } from '../../types.ts';

/** Where the tool result's text sits in the body, for reading it back after emitting. */
export const TOOL_RESULT_MESSAGE = 2;

/** An Anthropic Messages body whose last message carries `text` as one tool result. */
export function toolResultRequest(text: string): JsonObject {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 4096,
    system: 'You are an SRE agent. Use the tools to find the cause of the incident.',
    tools: [
      {
        name: 'bash',
        description: 'Run a shell command',
        input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
      },
    ],
    messages: [
      { role: 'user', content: 'The payment service is failing. What happened?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me look at the output.' },
          { type: 'tool_use', id: 'toolu_01', name: 'bash', input: { command: 'cat output' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: text }] },
    ],
  };
}

/** The tool result's text in a body built by `toolResultRequest` (after a round trip through JSON). */
export function toolResultText(body: JsonObject): unknown {
  const messages = body.messages;
  if (!Array.isArray(messages)) return undefined;
  const message = messages[TOOL_RESULT_MESSAGE];
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const content = message.content;
  if (!Array.isArray(content)) return undefined;
  const block = content[0];
  return typeof block === 'object' && block !== null && !Array.isArray(block) ? block.content : undefined;
}
