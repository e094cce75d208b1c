import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import type { JsonObject } from '../../types.ts';
import { sweAgentImporter } from './swe-agent-importer.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');
const defaultRun = path.join(dir, 'marshmallow-code__marshmallow-1867.default.traj.json');
const functionCallingRun = path.join(dir, 'marshmallow-code__marshmallow-1867.function_calling_replace.traj.json');
const gpt4Run = path.join(dir, 'pydicom__pydicom-1458.gpt4.traj.json');

interface HistoryEntry {
  role: string;
  content: string;
  thought?: string;
  action?: string;
  tool_calls?: JsonObject[];
  tool_call_ids?: string[];
}

const history = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { history: HistoryEntry[] }).history;
const messagesOf = async (file: string) =>
  (await sweAgentImporter.load(file, {})).events.flatMap((event) => (event.type === 'message' ? [event.message] : []));

describe.skipIf(!existsSync(dir))('SWE-agent importer', () => {
  it('replays a text-action run as thought plus a bash tool call, and the observation as its result', async () => {
    const messages = await messagesOf(defaultRun);
    const original = history(defaultRun);
    expect(messages[0]).toEqual({ role: 'system', content: original[0]?.content });
    expect(messages[1]).toEqual({ role: 'user', content: original[1]?.content });
    expect(messages[2]).toEqual({
      role: 'assistant',
      content: original[2]?.thought,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'bash', arguments: JSON.stringify({ command: 'ls -F' }) } },
      ],
    });
    expect(messages[3]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: original[3]?.content });
  });

  it('keeps the native tool calls of a function-calling run and answers them by their own ids', async () => {
    const trace = await sweAgentImporter.load(functionCallingRun, {});
    const messages = trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));
    const original = history(functionCallingRun);
    expect(messages[2]?.tool_calls).toEqual(original[2]?.tool_calls);
    expect(messages[3]).toEqual({
      role: 'tool',
      tool_call_id: original[3]?.tool_call_ids?.[0],
      content: original[3]?.content,
    });
    expect(messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_submit' });
    expect(trace.header.request.model).toBe('gpt-4o');
    const toolNames = (trace.header.request.tools as { function: { name: string } }[]).map(
      (tool) => tool.function.name,
    );
    expect(toolNames).toContain('submit');
    expect(new Set(toolNames).size).toBe(toolNames.length);
  });

  it('keeps the demonstration the model was shown as a user message', async () => {
    const messages = await messagesOf(gpt4Run);
    expect(messages[1]).toEqual({ role: 'user', content: history(gpt4Run)[1]?.content });
    expect(String(messages[1]?.content)).toMatch(/^Here is a demonstration/);
  });

  it('builds the session from the trajectory steps when the history lacks the system prompt', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'terse-swe-agent-'));
    try {
      const document = JSON.parse(readFileSync(defaultRun, 'utf8')) as {
        trajectory: { action: string; observation: string }[];
      };
      const file = path.join(temp, 'no-history.traj');
      await writeFile(file, JSON.stringify({ ...document, history: [] }));
      const trace = await sweAgentImporter.load(file, {});
      const steps = document.trajectory;
      expect(trace.events.filter((event) => event.type === 'call')).toHaveLength(steps.length);
      const tools = trace.events.flatMap((event) =>
        event.type === 'message' && event.message.role === 'tool' ? [event.message] : [],
      );
      expect(tools.map((tool) => tool.content)).toEqual(steps.map((step) => step.observation));
      expect(trace.header.id).toBe('no-history');
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });
});
