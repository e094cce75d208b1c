/**
 * Runs the real replay with a live session against a mock model server the test started: the
 * configs named, the real engine, the real store, the real SDK or fetch route. Tests read the rows.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveBenchConfig } from '../../bench/bench-config.ts';
import { loadTrace } from '../../bench/importers/load-session.ts';
import { readProbes } from '../../bench/probe-io.ts';
import type { Probe } from '../../bench/probe.ts';
import type { RunResult } from '../../bench/replay-rows.ts';
import { runReplay } from '../../bench/run-replay.ts';
import type { Trace } from '../../bench/trace.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { environment } from '../../config.ts';
import { resolveLiveOptions, type LiveOptions } from '../../bench/live/live-options.ts';
import { createLiveSession } from '../../bench/live/live-session.ts';
import type { MockModelServer } from './mock-model/mock-model-server.ts';

/** A recorded local session (real tool output over third-party code) and its checked probes. */
export async function localTrace(name: string): Promise<{ trace: Trace; probes: Probe[] }> {
  const dir = path.join(environment.projectRoot, 'traces', 'local');
  return {
    trace: await loadTrace(path.join(dir, `${name}.jsonl`)),
    probes: await readProbes(path.join(dir, `${name}.probes.jsonl`)),
  };
}

/** A fresh response cache folder. */
export function freshCacheDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'terse-live-cache-'));
}

/** Live options pointing both routes at `mock` (Anthropic-form requests over the SDK, OpenAI-form over fetch). */
export function mockOptions(mock: MockModelServer, overrides: Partial<LiveOptions> = {}): LiveOptions {
  return resolveLiveOptions({
    routes: {
      anthropic: { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: mock.url, apiKey: 'test-key' },
      openai: { provider: 'openai', model: 'gpt-4.1-mini', baseUrl: mock.openaiBaseUrl, apiKey: null },
    },
    cacheDir: freshCacheDir(),
    maxRetries: 10,
    timeoutMs: 30_000,
    ...overrides,
  });
}

/** Replays `traces` through `configs` with a live session on `options`; returns the run with its live rows. */
export async function runLiveReplay(
  traces: readonly Trace[],
  probes: readonly Probe[],
  configs: readonly string[],
  options: LiveOptions,
): Promise<RunResult & { live: NonNullable<RunResult['live']> }> {
  const ruler = createTokenRuler('o200k_base');
  const session = createLiveSession(options, { countTokens: (text) => ruler.count(text) });
  const result = await runReplay({
    traces: traces.map((trace) => ({ suite: 'live-test', trace })),
    probes,
    configs: configs.map(resolveBenchConfig),
    tokenizer: 'o200k_base',
    argv: 'test',
    projectRoot: environment.projectRoot,
    gitShaOverride: 'test',
    onScoringPoint: session.onScoringPoint,
  });
  return { ...result, live: session.result() };
}
