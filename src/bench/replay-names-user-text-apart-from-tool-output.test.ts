/**
 * The block rows say what printed each block: a tool's command, or `(user text)` for a task statement
 * the user wrote (an attached blob), which balanced sends with every line of its prose (user words).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { resolveBenchConfig } from './bench-config.ts';
import { loadTrace } from './importers/load-session.ts';
import { USER_TEXT } from './replay-trace.ts';
import { runReplay } from './run-replay.ts';
import { TRACE_VERSION, type Trace, type TraceEvent } from './trace.ts';
import type { JsonObject } from '../types.ts';
import { readFileSync } from 'node:fs';

const file = path.join(
  environment.sharedDir,
  'corpus',
  'mini-swe-agent-trajs',
  'trajs',
  'sphinx-doc__sphinx-9229.traj.json',
);

describe.skipIf(!existsSync(file))('block rows of a real session', () => {
  it('name the task statement user text, and every other block by the command that printed it', async () => {
    const result = await runReplay({
      traces: [{ suite: 'test', trace: await loadTrace(file) }],
      probes: [],
      configs: [resolveBenchConfig('balanced')],
      tokenizer: 'o200k_base',
      argv: 'test',
      projectRoot: environment.projectRoot,
      gitShaOverride: 'test',
    });
    const pair = result.pairs[0];
    if (pair?.state !== 'ok') throw new Error('the replay failed');
    const userText = pair.blocks.filter((block) => block.command === USER_TEXT);
    expect(userText.map((block) => [block.message_index, block.tool_name, block.reason])).toEqual([
      [1, null, 'user-words'],
    ]);
    const others = pair.blocks.filter((block) => block.command !== USER_TEXT);
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((block) => block.command === null)).toEqual([]);
    expect(new Set(others.map((block) => block.command))).toContain('grep');
  });

  it('name only the task user text in a loop that sends tool output back as user text', async () => {
    // pylint-8898's messages as mini-swe-agent sent them: no tools, every command's output a user message.
    const raw = path.join(path.dirname(file), 'pylint-dev__pylint-8898.traj.json');
    const messages = (JSON.parse(readFileSync(raw, 'utf8')) as JsonObject).messages as JsonObject[];
    const events: TraceEvent[] = [];
    for (const message of messages.slice(0, 14)) {
      if (message.role === 'assistant') events.push({ type: 'call' });
      events.push({ type: 'message', message });
    }
    events.push({ type: 'call' });
    const trace: Trace = {
      header: {
        version: TRACE_VERSION,
        type: 'trace',
        id: 'pylint-8898-text-protocol',
        workload: 'exploration',
        provider: 'openai',
        request: { model: 'gpt-4.1' },
        source: { format: 'test', file: raw },
      },
      events,
    };
    const result = await runReplay({
      traces: [{ suite: 'test', trace }],
      probes: [],
      configs: [resolveBenchConfig('balanced')],
      tokenizer: 'o200k_base',
      argv: 'test',
      projectRoot: environment.projectRoot,
      gitShaOverride: 'test',
    });
    const pair = result.pairs[0];
    if (pair?.state !== 'ok') throw new Error('the replay failed');
    const byMessage = new Map(pair.blocks.map((block) => [block.message_index, block]));
    expect(byMessage.get(1)?.command).toBe(USER_TEXT);
    // The 10,612-character cat output: no tool call says what printed it, and it is no user's words.
    expect(byMessage.get(13)?.command).toBeNull();
    expect(byMessage.get(13)?.outcome).toBe('compressed');
  });
});
