/**
 * A configuration no worker can open (no source: an external proxy, whose capture server listens in
 * this thread) replays its pairs here, while the run's other configurations go to the workers; the
 * rows are the ones a one-thread run gives, loaded or streamed.
 */
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { BUILTIN_CONFIGS, type BenchConfig } from '../bench-config.ts';
import { deriveProbes } from '../derive/derive-probes.ts';
import { collectTraceFiles, loadTrace } from '../importers/load-session.ts';
import { runReplay } from '../run-replay.ts';
import { runStreamedReplay } from '../run-streamed-replay.ts';
import type { StreamedTrace } from './replay-streamed-pairs.ts';
import { rowsFingerprint } from './rows-fingerprint.ts';

/** balanced under another name, without a source, recording the thread of every opening and what it says of itself. */
function boundToThisThread(openedIn: boolean[]): BenchConfig {
  const balanced = BUILTIN_CONFIGS.balanced as BenchConfig;
  return {
    name: 'bound',
    description: 'balanced, opened only here',
    role: 'custom',
    open: async (context) => {
      openedIn.push(isMainThread);
      const strategy = await balanced.open(context);
      return { ...strategy, describe: () => 'said by the strategy' };
    },
  };
}

describe('a configuration without a source in a run on two workers', () => {
  it('replays in this thread, the rest on workers, with the rows of a one-thread run', async () => {
    const files = (await collectTraceFiles([path.join(environment.projectRoot, 'traces', 'local')])).slice(0, 3);
    const traces = await Promise.all(files.map((file) => loadTrace(file)));
    const probes = deriveProbes(traces).probes;
    const openedIn: boolean[] = [];
    const configs = [
      BUILTIN_CONFIGS.none as BenchConfig,
      boundToThisThread(openedIn),
      BUILTIN_CONFIGS.balanced as BenchConfig,
    ];
    const common = {
      configs,
      tokenizer: 'o200k_base' as const,
      argv: 'test',
      projectRoot: environment.projectRoot,
      gitShaOverride: 'test',
    };
    const serial = await runReplay({
      ...common,
      traces: traces.map((trace) => ({ suite: 'replay', trace })),
      probes,
      workers: 1,
    });
    const pooled = await runReplay({
      ...common,
      traces: traces.map((trace) => ({ suite: 'replay', trace })),
      probes,
      workers: 2,
    });
    async function* items(): AsyncGenerator<StreamedTrace> {
      for (const trace of traces)
        yield { suite: 'replay', trace, probes: probes.filter((probe) => probe.trace === trace.header.id) };
    }
    const streamed = await runStreamedReplay({ ...common, items: items(), workers: 2 });

    expect(openedIn.length).toBeGreaterThan(0);
    expect(openedIn.every(Boolean)).toBe(true);
    for (const run of [pooled, streamed]) {
      expect(run.pairs.filter((pair) => pair.state === 'errored')).toEqual([]);
      expect(run.pairs.map((pair) => [pair.config, pair.trace])).toEqual(
        serial.pairs.map((pair) => [pair.config, pair.trace]),
      );
      expect(rowsFingerprint(run)).toBe(rowsFingerprint(serial));
      expect(run.configs.find((config) => config.name === 'bound')?.description).toBe('said by the strategy');
    }
  });
});
