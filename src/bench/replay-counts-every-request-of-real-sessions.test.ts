import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { resolveBenchConfig } from './bench-config.ts';
import { loadTrace } from './importers/load-session.ts';
import { runReplay, type SuiteTrace } from './run-replay.ts';

const trajDir = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const referenceDir = path.join(environment.sharedDir, 'reference', 'headroom-workloads');
const present = existsSync(trajDir) && existsSync(referenceDir);

/** Tokens of a request counted the plain way, with the encoder itself: every string the model reads. */
function independentCount(body: Record<string, unknown>): number {
  const count = (text: string) => encode(text, { disallowedSpecial: new Set() }).length;
  let total = 0;
  if (Array.isArray(body.tools) && body.tools.length > 0) total += count(JSON.stringify(body.tools));
  if (typeof body.system === 'string') total += count(body.system);
  for (const message of body.messages as Record<string, unknown>[]) {
    const content = message.content;
    if (typeof content === 'string') total += count(content);
    if (Array.isArray(content)) {
      for (const block of content as Record<string, unknown>[]) {
        if (typeof block.text === 'string') total += count(block.text);
        if (block.type === 'tool_use') total += count(JSON.stringify(block.input));
        if (typeof block.content === 'string') total += count(block.content);
      }
    }
    for (const call of (message.tool_calls as { function: { arguments: string } }[] | undefined) ?? [])
      total += count(call.function.arguments);
  }
  return total;
}

describe.skipIf(!present)('replay with --config none over real sessions', async () => {
  const files = present
    ? [
        ...readdirSync(trajDir)
          .filter((f) => f.endsWith('.traj.json'))
          .map((f) => path.join(trajDir, f)),
        ...readdirSync(referenceDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(referenceDir, f)),
      ].sort()
    : [];
  const traces: SuiteTrace[] = [];
  for (const file of files) traces.push({ suite: 'test', trace: await loadTrace(file) });
  const result = await runReplay({
    traces,
    probes: [],
    configs: [resolveBenchConfig('none')],
    tokenizer: 'o200k_base',
    argv: 'test',
    projectRoot: environment.projectRoot,
    gitShaOverride: 'test',
  });

  it('replays all 20 trajectories and the 10 reference requests without an error', () => {
    expect(files.filter((f) => f.endsWith('.traj.json'))).toHaveLength(20);
    expect(result.pairs).toHaveLength(30);
    expect(result.pairs.filter((p) => p.state === 'errored')).toEqual([]);
  });

  it('sends one request per model call, each with every message so far', () => {
    for (const { trace } of traces) {
      const pair = result.pairs.find((p) => p.trace === trace.header.id);
      if (pair?.state !== 'ok') throw new Error(`no ok pair for ${trace.header.id}`);
      const calls = trace.events.filter((e) => e.type === 'call').length;
      expect(pair.requests).toHaveLength(calls);
      const sizes = pair.requests.map((r) => r.messages);
      expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    }
  });

  it.each(['code-search-100.json', 'sre-incident-debugging-seed0.json', 'github-issue-triage-seed1.json'])(
    '%s: the ruler count equals an independent count of the raw request file',
    (name) => {
      const body = JSON.parse(readFileSync(path.join(referenceDir, name), 'utf8')) as Record<string, unknown>;
      const pair = result.pairs.find((p) => p.trace === name.replace(/\.json$/, ''));
      if (pair?.state !== 'ok') throw new Error(`no ok pair for ${name}`);
      expect(pair.requests).toHaveLength(1);
      expect(pair.requests[0]!.tokens_before).toBe(independentCount(body));
      expect(pair.requests[0]!.tokens_after).toBe(pair.requests[0]!.tokens_before);
    },
  );

  it('counts a trajectory request by request the same as the encoder on the imported messages', () => {
    const { trace } = traces.find((t) => t.trace.header.id === 'django__django-11099')!;
    const pair = result.pairs.find((p) => p.trace === 'django__django-11099');
    if (pair?.state !== 'ok') throw new Error('no ok pair');
    const messages: Record<string, unknown>[] = [];
    const expected: number[] = [];
    for (const event of trace.events) {
      if (event.type === 'message') messages.push(event.message);
      else expected.push(independentCount({ ...trace.header.request, messages }));
    }
    expect(pair.requests.map((r) => r.tokens_before)).toEqual(expected);
  });
});
