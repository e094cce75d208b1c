import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { resolveBenchConfigs } from '../bench-config.ts';
import { runReplay, type ReplayPlan } from '../run-replay.ts';
import type { RunResult } from '../replay-rows.ts';
import { buildSuite } from '../../suites/suite-builders.ts';
import { readSuiteSpecs } from '../suite-spec.ts';
import { mergeShardReports } from '../../report/merge-shard-reports.ts';
import { readResultsDatabase } from '../../report/read-results-database.ts';
import { runResultOfShards } from '../../report/shard-run-result.ts';
import { summarize } from '../../report/summarize.ts';
import type { Summary } from '../../report/summary.ts';
import { writeReport } from '../../report/write-report.ts';
import { rowsFingerprint } from './rows-fingerprint.ts';
import { sliceForShard } from './shard.ts';

/** Every figure of a summary but the run's own context and the latency percentiles (clock readings). */
function figures(summary: Summary): unknown {
  const { run: _run, results, ...rest } = summary;
  return { ...rest, results: results.map(({ p50_ms: _p50, p95_ms: _p95, ...row }) => row) };
}

let plan: ReplayPlan;
let serial: RunResult;
let scratch: string;

beforeAll(async () => {
  // The local suite: real sessions recorded from real tools, probes screened as `bench` screens them.
  const spec = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).find((s) => s.name === 'local');
  if (spec === undefined) throw new Error('workloads/local.json is missing');
  const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
  if (build.state !== 'ready') throw new Error(`the local suite did not build: ${build.reason}`);
  plan = {
    traces: build.traces.map((trace) => ({ suite: 'local', trace })),
    probes: build.probes,
    // A lossy profile (store, markers, retrieval), the identity, and a baseline that is not the engine.
    configs: await resolveBenchConfigs(['none', 'balanced', 'drop-all']),
    tokenizer: 'o200k_base',
    argv: 'bench --suite local',
    projectRoot: environment.projectRoot,
    gitShaOverride: 'test',
    screening: build.screening ? [build.screening] : [],
  };
  serial = await runReplay({ ...plan, workers: 1 });
  scratch = await mkdtemp(path.join(os.tmpdir(), 'terse-shards-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('replaying the local suite', () => {
  it('replays every pair without an error in one thread', () => {
    expect(serial.pairs).toHaveLength(plan.traces.length * plan.configs.length);
    expect(serial.pairs.filter((pair) => pair.state === 'errored')).toEqual([]);
    expect(summarize(serial).workloads.some((row) => row.config === 'balanced' && row.reduction > 0.2)).toBe(true);
  });

  it('gives the same rows and figures on three worker threads', async () => {
    const parallel = await runReplay({ ...plan, workers: 3 });
    expect(parallel.pairs.map((pair) => [pair.trace, pair.config])).toEqual(
      serial.pairs.map((pair) => [pair.trace, pair.config]),
    );
    expect(rowsFingerprint(parallel)).toBe(rowsFingerprint(serial));
    expect(figures(summarize(parallel))).toEqual(figures(summarize(serial)));
  });

  it('gives the same rows and figures split in three shards and merged through DuckDB', async () => {
    const dirs: string[] = [];
    const sliced = new Set<string>();
    for (const index of [1, 2, 3]) {
      const traces = sliceForShard(plan.traces, { index, count: 3 }, (item) => item.trace);
      for (const { trace } of traces) {
        expect(sliced.has(trace.header.id)).toBe(false);
        sliced.add(trace.header.id);
      }
      const shard = await runReplay({ ...plan, traces, argv: `${plan.argv} --shard ${index}/3`, workers: 2 });
      dirs.push((await writeReport(shard, path.join(scratch, `shard-${index}`))).dir);
    }
    expect(sliced.size).toBe(plan.traces.length);
    const merged = await mergeShardReports(dirs, { out: path.join(scratch, 'merged'), reportsDir: scratch }, 'merge');
    expect(figures(merged.summary)).toEqual(figures(summarize(serial)));
    const stored = runResultOfShards(await readResultsDatabase(path.join(merged.dir, 'results.duckdb')), {
      argv: 'read',
      screenings: [merged.summary.probe_screening],
    });
    expect(stored.run.id).toBe(merged.summary.run.id);
    expect(rowsFingerprint(stored)).toBe(rowsFingerprint(serial));
  });
});
