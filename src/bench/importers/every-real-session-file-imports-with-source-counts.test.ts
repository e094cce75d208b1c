import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { messageCount, type Trace } from '../trace.ts';
import { loadTrace } from './load-session.ts';

const headroomDir = path.join(environment.sharedDir, 'reference', 'headroom-workloads');
const miniDir = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const sweDir = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');

interface SourceMessage {
  role: string;
  content: string;
  tool_calls?: unknown[];
}

const filesIn = (dir: string, ending: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(ending))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
const readSource = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const callsOf = (trace: Trace): number => trace.events.filter((event) => event.type === 'call').length;
const messagesOf = (trace: Trace) => trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));
const rolesOf = (trace: Trace): string[] => messagesOf(trace).map((message) => String(message.role));

describe.skipIf(!existsSync(headroomDir))('request files from the headroom reference workloads', () => {
  it('import with every message, the other fields as the request, and one call at the end', async () => {
    const files = filesIn(headroomDir, '.json');
    expect(files).toHaveLength(10);
    for (const file of files) {
      const source = readSource<{ messages: unknown[] } & Record<string, unknown>>(file);
      const trace = await loadTrace(file);
      const { messages, ...request } = source;
      expect(messagesOf(trace)).toEqual(messages);
      expect(trace.header.request).toEqual(request);
      expect(trace.events.at(-1)).toEqual({ type: 'call' });
      expect(callsOf(trace)).toBe(1);
      expect(trace.header.provider).toBe(path.basename(file) === 'code-search-100.json' ? 'anthropic' : 'openai');
    }
  });
});

// mini-swe-agent's action regex: a turn runs a command only when exactly one block matches.
const ACTION_BLOCK = /```bash\s*\n([\s\S]*?)\n```/g;
const runsOneCommand = (message: SourceMessage | undefined): boolean =>
  message?.role === 'assistant' && Array.from(message.content.matchAll(ACTION_BLOCK)).length === 1;

describe.skipIf(!existsSync(miniDir))('all 20 mini-swe-agent trajectories', () => {
  it('import with one message per source message and one call per assistant turn', async () => {
    const files = filesIn(miniDir, '.traj.json');
    expect(files).toHaveLength(20);
    for (const file of files) {
      const { messages } = readSource<{ messages: SourceMessage[] }>(file);
      const trace = await loadTrace(file);
      expect(messageCount(trace)).toBe(messages.length);
      expect(callsOf(trace)).toBe(messages.filter((m) => m.role === 'assistant').length);
      // Every output of an executed command is a tool message, and nothing else is.
      const outputs = messages.filter((m, i) => m.role === 'user' && runsOneCommand(messages[i - 1]));
      expect(rolesOf(trace).filter((role) => role === 'tool')).toHaveLength(outputs.length);
      const returnCodes = messages.filter(
        (m, i) => m.content.startsWith('<returncode>') && runsOneCommand(messages[i - 1]),
      );
      expect(returnCodes.length).toBeGreaterThan(0);
      expect(returnCodes.length).toBeLessThanOrEqual(outputs.length);
      expect(trace.header.provider).toBe('openai');
    }
  });

  it('answer each tool call with the tool message right after it', async () => {
    for (const file of filesIn(miniDir, '.traj.json')) {
      const messages = messagesOf(await loadTrace(file));
      messages.forEach((message, index) => {
        if (message.role !== 'tool') return;
        const previous = messages[index - 1] as { tool_calls?: { id: string }[] } | undefined;
        expect(previous?.tool_calls?.[0]?.id).toBe(message.tool_call_id);
      });
    }
  });
});

describe.skipIf(!existsSync(sweDir))('the three SWE-agent trajectories', () => {
  it('replay their history: one message per history entry, one call per assistant turn', async () => {
    const files = filesIn(sweDir, '.traj.json');
    expect(files).toHaveLength(3);
    for (const file of files) {
      const { history } = readSource<{ history: SourceMessage[] }>(file);
      const trace = await loadTrace(file);
      expect(messageCount(trace)).toBe(history.length);
      const assistantTurns = history.filter((m) => m.role === 'assistant').length;
      expect(callsOf(trace)).toBe(assistantTurns);
      // An observation is what follows an action: a tool message, or a user message after an assistant turn.
      const observations = history.filter(
        (m, i) => m.role === 'tool' || (m.role === 'user' && history[i - 1]?.role === 'assistant'),
      );
      expect(observations.length).toBeGreaterThanOrEqual(assistantTurns - 1);
      expect(rolesOf(trace).filter((role) => role === 'tool')).toHaveLength(observations.length);
    }
  });
});
