import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { resolveBenchConfigs } from './bench-config.ts';
import { deriveProbes } from './derive/derive-probes.ts';
import { collectTraceFiles, loadTrace } from './importers/load-session.ts';
import { streamTraces } from './importers/stream-traces.ts';
import type { StreamedTrace } from './parallel/replay-streamed-pairs.ts';
import { rowsFingerprint } from './parallel/rows-fingerprint.ts';
import { runReplay } from './run-replay.ts';
import { runStreamedReplay } from './run-streamed-replay.ts';

const folder = path.join(environment.projectRoot, 'traces', 'local');

async function* streamed(files: readonly string[]): AsyncGenerator<StreamedTrace> {
  for (const file of files)
    for await (const trace of streamTraces(file))
      yield { suite: 'replay', trace, probes: deriveProbes([trace]).probes };
}

describe('a streamed replay of the recorded local sessions', () => {
  it('gives the rows of the replay that loads every trace first, in one thread and on two workers', async () => {
    const files = await collectTraceFiles([folder]);
    const traces = await Promise.all(files.map((file) => loadTrace(file)));
    const configs = await resolveBenchConfigs(['none', 'balanced']);
    const common = {
      configs,
      tokenizer: 'o200k_base' as const,
      argv: 'replay traces/local',
      projectRoot: environment.projectRoot,
      gitShaOverride: 'test',
    };
    const loaded = await runReplay({
      ...common,
      traces: traces.map((trace) => ({ suite: 'replay', trace })),
      probes: deriveProbes(traces).probes,
    });
    expect(loaded.pairs.filter((pair) => pair.state === 'ok')).toHaveLength(files.length * 2);
    for (const workers of [1, 2]) {
      const run = await runStreamedReplay({ ...common, items: streamed(files), workers });
      expect(run.traces).toEqual(loaded.traces);
      expect(run.pairs.map((pair) => [pair.config, pair.trace])).toEqual(
        loaded.pairs.map((pair) => [pair.config, pair.trace]),
      );
      expect(rowsFingerprint(run)).toBe(rowsFingerprint(loaded));
    }
  });
});
