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
});
