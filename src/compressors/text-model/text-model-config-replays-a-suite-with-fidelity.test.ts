import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { resolveBenchConfigs } from '../../bench/bench-config.ts';
import { runReplay } from '../../bench/run-replay.ts';
import { buildSuite } from '../../suites/suite-builders.ts';
import { readSuiteSpecs } from '../../bench/suite-spec.ts';
import { summarize } from '../../report/summarize.ts';
import { closeTextModelWorkers } from './text-model-compressor.ts';

afterAll(() => closeTextModelWorkers());

describe('the text-model bench configuration', () => {
  it('replays the local suite beside balanced: prose through the model, fidelity scored the same way', async () => {
    const spec = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).find(
      (candidate) => candidate.name === 'local',
    );
    if (spec === undefined) throw new Error('no local suite');
    const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
    if (build.state !== 'ready') throw new Error(build.reason);
    const result = await runReplay({
      traces: build.traces.map((trace) => ({ suite: 'local', trace })),
      probes: build.probes,
      configs: await resolveBenchConfigs(['balanced', 'text-model']),
      tokenizer: 'o200k_base',
      argv: 'test',
      projectRoot: environment.projectRoot,
      gitShaOverride: 'test',
    });
    const summary = summarize(result);
    expect(summary.errors).toEqual([]);
    expect(summary.configs.map((config) => [config.name, config.role])).toEqual([
      ['balanced', 'profile'],
      ['text-model', 'profile'],
    ]);
    const blocks = result.pairs
      .filter((pair) => pair.state === 'ok' && pair.config === 'text-model')
      .flatMap((pair) => (pair.state === 'ok' ? pair.blocks : []));
    const prose = blocks.filter((block) => block.kind === 'text');
    expect(prose.some((block) => block.outcome === 'compressed' && block.compressor === 'text-model')).toBe(true);
    expect(prose.some((block) => block.compressor === 'text')).toBe(false);
    expect(
      blocks
        .filter((block) => block.outcome === 'failed' && block.compressor === 'text-model')
        .every((block) => /^text-model (size-gate|model-failed):/.test(block.reason ?? '')),
    ).toBe(true);
    const probes = (config: string) =>
      summary.workloads.filter((row) => row.config === config).reduce((sum, row) => sum + row.probes.total, 0);
    expect(probes('text-model')).toBe(probes('balanced'));
    expect(probes('text-model')).toBeGreaterThan(0);
    const after = summary.workloads
      .filter((row) => row.config === 'text-model')
      .reduce((sum, row) => sum + row.tokens_after, 0);
    const before = summary.workloads
      .filter((row) => row.config === 'text-model')
      .reduce((sum, row) => sum + row.tokens_before, 0);
    expect(after).toBeLessThan(before);
  });
});
