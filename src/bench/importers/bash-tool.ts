/**
 * The `bash` tool that text-protocol agents (mini-swe-agent, SWE-agent) use without declaring it:
 * their actions are replayed as OpenAI tool calls of this one function.
 */
import type { JsonObject } from '../../types.ts';

/** OpenAI tool definition of the shell the agent typed into. */
export const BASH_TOOL_DEFINITION: JsonObject = {
  type: 'function',
  function: {
    name: 'bash',
    description: 'Run one shell command in the task environment and return its output.',
    parameters: {
      type: 'object',
      properties: { command: { type: 'string', description: 'The command to run.' } },
      required: ['command'],
    },
  },
};

/** An OpenAI `tool_calls` entry running `command` in bash. */
export function bashToolCall(id: string, command: string): JsonObject {
  return { id, type: 'function', function: { name: 'bash', arguments: JSON.stringify({ command }) } };
}
