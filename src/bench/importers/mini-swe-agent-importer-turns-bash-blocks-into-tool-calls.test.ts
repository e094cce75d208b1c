import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import type { JsonObject } from '../../types.ts';
import { BASH_TOOL_DEFINITION } from './bash-tool.ts';
import { miniSweAgentImporter } from './mini-swe-agent-importer.ts';

const trajs = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const source = (id: string) => path.join(trajs, `${id}.traj.json`);
const sourceMessages = (id: string) =>
  (JSON.parse(readFileSync(source(id), 'utf8')) as { messages: { role: string; content: string }[] }).messages;

async function importedMessages(id: string): Promise<JsonObject[]> {
  const trace = await miniSweAgentImporter.load(source(id), {});
  return trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));
}

describe.skipIf(!existsSync(trajs))('mini-swe-agent importer', () => {
  it('keeps the system prompt and the task as they are', async () => {
    const [system, task] = await importedMessages('django__django-11099');
    const original = sourceMessages('django__django-11099');
    expect(system).toEqual({ role: 'system', content: original[0]?.content });
    expect(task).toEqual({ role: 'user', content: original[1]?.content });
  });

  it('turns THOUGHT plus one bash block into text and one bash tool call, and the output into its result', async () => {
    const messages = await importedMessages('django__django-11099');
    const original = sourceMessages('django__django-11099');
    const thought =
      "THOUGHT: I need to locate the `contrib.auth.validators` module mentioned in the PR description. I'll start by listing the files in the current directory to understand the project structure.";
    expect(original[2]?.content).toBe(thought + '\n\n```bash\nls -R | grep -i validators\n```');
    expect(messages[2]).toEqual({
      role: 'assistant',
      content: thought,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'bash', arguments: '{"command":"ls -R | grep -i validators"}' },
        },
      ],
    });
    expect(messages[3]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: original[3]?.content });
    expect(String(messages[3]?.content).startsWith('<returncode>0</returncode>')).toBe(true);
  });

  it('leaves a turn with several bash blocks as plain text and the format error after it as a user message', async () => {
    const messages = await importedMessages('sphinx-doc__sphinx-9229');
    const original = sourceMessages('sphinx-doc__sphinx-9229');
    // Turn 18 holds two ```bash blocks: mini-swe-agent ran nothing and answered with a format error.
    expect(messages[18]).toEqual({ role: 'assistant', content: original[18]?.content });
    expect(messages[19]).toEqual({ role: 'user', content: original[19]?.content });
    expect(String(messages[19]?.content)).toMatch(/^Please always provide EXACTLY ONE action/);
  });

  it('treats a timeout notice as the output of the command that timed out', async () => {
    const messages = await importedMessages('matplotlib__matplotlib-26208');
    const timeout = messages.find((m) => String(m.content).startsWith('The last command <command>pytest'));
    expect(timeout?.role).toBe('tool');
  });

  it('numbers tool calls call_1, call_2... in order and declares the bash tool with the run model', async () => {
    const trace = await miniSweAgentImporter.load(source('django__django-11099'), { workload: 'code-search' });
    const ids = trace.events.flatMap((event) =>
      event.type === 'message' && Array.isArray(event.message.tool_calls)
        ? [(event.message.tool_calls[0] as JsonObject).id]
        : [],
    );
    expect(ids).toEqual(ids.map((_, index) => `call_${index + 1}`));
    expect(trace.header.request).toEqual({ model: 'google/gemini-3-pro-preview', tools: [BASH_TOOL_DEFINITION] });
    expect(trace.header.workload).toBe('code-search');
    expect(trace.header.id).toBe('django__django-11099');
  });

  it('places a call before every assistant turn and none after the last one', async () => {
    const trace = await miniSweAgentImporter.load(source('django__django-11099'), {});
    trace.events.forEach((event, index) => {
      const next = trace.events[index + 1];
      if (event.type === 'call') expect(next?.type === 'message' && next.message.role).toBe('assistant');
    });
    expect(trace.events.at(-1)?.type).toBe('message');
  });
});
