/**
 * Tool outputs of the corpus's mini-swe-agent trajectories (test-only): for each bash command an agent
 * ran that matches a pattern, the output as the model read it and what the conversation had said
 * before it (user and assistant turns that are no command's output, the one that ran the command last).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One command's output, and the conversation that asked for it. */
export interface AgentCommandOutput {
  /** `<trajectory file>#<message index>: <command>`. */
  readonly name: string;
  readonly command: string;
  readonly text: string;
  readonly conversation: string;
  /** The assistant turn that ran the command. */
  readonly latest: string;
}

const BASH_BLOCK = /```bash\n([\s\S]*?)\n```/;

/** The outputs of commands matching `command` in the `*.traj.json` files of `folder`, in file order; none when it is absent. */
export function agentCommandOutputs(folder: string, command: RegExp): AgentCommandOutput[] {
  if (!existsSync(folder)) return [];
  const found: AgentCommandOutput[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.traj.json'))
    .sort()) {
    const messages = (
      JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {
        messages: { role: string; content: unknown }[];
      }
    ).messages;
    const said: string[] = [];
    let ranBefore = false;
    messages.forEach((message, index) => {
      if (typeof message.content !== 'string') return;
      const ran = message.role === 'assistant' ? BASH_BLOCK.exec(message.content)?.[1] : undefined;
      // The user turn after a command is its output, a tool result the engine compresses, not conversation.
      const isOutput = message.role === 'user' && ranBefore;
      ranBefore = ran !== undefined;
      if ((message.role === 'user' && !isOutput) || message.role === 'assistant') said.push(message.content);
      const output = messages[index + 1]?.content;
      if (ran === undefined || !command.test(ran) || typeof output !== 'string') return;
      found.push({
        name: `${file}#${index + 1}: ${ran}`,
        command: ran,
        text: output,
        conversation: said.join('\n'),
        latest: message.content,
      });
    });
  }
  return found;
}
