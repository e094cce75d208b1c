import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportInputError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { LIVE_RUN } from './__fixtures__/live-run-result.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { mergeShardReports } from './merge-shard-reports.ts';
import { summarize } from './summarize.ts';
import { writeReport } from './write-report.ts';

/** Shard `index` of `count` of the smoke run: the pairs of the given traces, as `--shard index/count` writes them. */
function shard(
  index: number,
  count: number,
  traces: readonly string[],
  change: Partial<RunResult['run']> = {},
): RunResult {
  return {
    ...SMOKE_RUN,
    run: {
      ...SMOKE_RUN.run,
      id: `${SMOKE_RUN.run.id}-${index}-${change.git_sha ?? 'same'}`,
      argv: `terse bench --shard ${index}/${count}`,
      ...change,
    },
    traces: SMOKE_RUN.traces.filter((row) => traces.includes(row.trace)),
    pairs: SMOKE_RUN.pairs.filter((pair) => traces.includes(pair.trace)),
  };
}

const TRACES = SMOKE_RUN.traces.map((row) => row.trace);
const FIRST = TRACES.slice(0, 2);
const REST = TRACES.slice(2);
let dir: string;
const reports: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'terse-merge-refuses-'));
  const write = async (name: string, run: RunResult): Promise<void> => {
    reports[name] = (await writeReport(run, path.join(dir, name))).dir;
  };
  await write('one', shard(1, 2, FIRST));
  await write('two', shard(2, 2, REST));
  await write('two-other-code', shard(2, 2, REST, { git_sha: 'other0000000' }));
  await write('two-overlapping', shard(2, 2, [...REST, FIRST[0] ?? '']));
  await write('one-of-three', shard(1, 3, FIRST));
  await write('live', { ...LIVE_RUN, run: { ...LIVE_RUN.run, argv: 'terse bench --live --shard 2/2' } });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(names: readonly string[]): Promise<ReportInputError> {
  const error: unknown = await mergeShardReports(
    names.map((name) => reports[name] ?? ''),
    { out: path.join(dir, 'never'), reportsDir: dir },
    'merge',
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReportInputError);
  expect(await readdir(dir)).not.toContain('never');
  return error as ReportInputError;
}

describe('terse merge', () => {
  it('puts two shards back together as the run they split', async () => {
    const merged = await mergeShardReports(
      [reports.one ?? '', reports.two ?? ''],
      { out: path.join(dir, 'merged'), reportsDir: dir },
      'merge',
    );
    const whole = summarize(SMOKE_RUN);
    expect(merged.summary.results).toEqual(whole.results);
    expect(merged.summary.workloads).toEqual(whole.workloads);
    expect(merged.summary.errors).toEqual(whole.errors);
    expect(merged.summary.run.id).toBe(`${SMOKE_RUN.run.id}-1-same-merged`);
  });

  it('refuses shards that ran other code, naming the run', async () => {
    expect((await refusal(['one', 'two-other-code'])).message).toMatch(/ran git other0000000/);
  });

  it('refuses a trace that two shards replayed', async () => {
    expect((await refusal(['one', 'two-overlapping'])).where).toBe(`trace ${FIRST[0]}`);
  });

  it('refuses an incomplete set of shards, naming the one missing', async () => {
    expect((await refusal(['one'])).where).toBe('shard 2/2');
    expect((await refusal(['one-of-three', 'two'])).message).toMatch(/different splits/);
  });

  it('refuses live answers and a report given twice', async () => {
    expect((await refusal(['one', 'live'])).where).toBe('live');
    expect((await refusal(['one', 'one'])).message).toMatch(/given twice/);
  });
});
