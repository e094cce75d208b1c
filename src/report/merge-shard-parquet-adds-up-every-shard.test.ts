import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathError, ReportInputError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { mergeShardParquet } from './merge-shard-parquet.ts';
import { RESULT_TABLES, quoteIdentifier } from './results-schema.ts';
import { writeReport } from './write-report.ts';

// Two shards of a run: the first pairs and their traces, then the rest, as `--shard 1/2` and `2/2` would.
function shard(index: number, pairs: RunResult['pairs']): RunResult {
  const traces = new Set(pairs.map((pair) => pair.trace));
  return {
    run: { ...SMOKE_RUN.run, id: `${SMOKE_RUN.run.id}-shard-${index}` },
    configs: SMOKE_RUN.configs,
    screening: SMOKE_RUN.screening,
    traces: SMOKE_RUN.traces.filter((trace) => traces.has(trace.trace)),
    pairs,
  };
}
const SHARDS = [shard(1, SMOKE_RUN.pairs.slice(0, 4)), shard(2, SMOKE_RUN.pairs.slice(4))];

let tempDir: string;
let shardDirs: string[];

async function countRows(file: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    try {
      const counts: Record<string, number> = {};
      for (const table of RESULT_TABLES) {
        const rows = (
          await connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table.name)}`)
        ).getRowObjectsJS();
        counts[table.name] = Number(rows[0]?.n);
      }
      return counts;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'terse-merge-'));
  shardDirs = [];
  for (const [index, run] of SHARDS.entries())
    shardDirs.push((await writeReport(run, path.join(tempDir, `shard-${index + 1}`))).dir);
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('mergeShardParquet', () => {
  it('holds every row of every shard: counts add up table by table', async () => {
    const merged = path.join(tempDir, 'merged.duckdb');
    const counts = await mergeShardParquet(shardDirs, merged);
    const [first, second] = await Promise.all(shardDirs.map((dir) => countRows(path.join(dir, 'results.duckdb'))));
    for (const table of RESULT_TABLES)
      expect(counts[table.name]).toBe((first?.[table.name] ?? 0) + (second?.[table.name] ?? 0));
    expect(await countRows(merged)).toEqual(counts);
    expect(counts.pairs).toBe(SMOKE_RUN.pairs.length);
    expect(counts.traces).toBe(SMOKE_RUN.traces.length);
    expect(await readdir(tempDir)).toEqual(expect.arrayContaining(['merged.duckdb']));
    expect((await readdir(tempDir)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it("keeps each shard's run_id, so its rows stay apart", async () => {
    const merged = path.join(tempDir, 'by-run.duckdb');
    await mergeShardParquet(shardDirs, merged);
    const instance = await DuckDBInstance.create(merged, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(
        'SELECT run_id, count(*)::DOUBLE AS n FROM requests GROUP BY run_id ORDER BY run_id',
      )
    ).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(rows.map((row) => row.run_id)).toEqual(SHARDS.map((run) => run.run.id));
  });

  it('refuses an existing database, a folder without Parquet, and no folders at all', async () => {
    const existing = path.join(tempDir, 'existing.duckdb');
    await writeFile(existing, 'stored');
    await expect(mergeShardParquet(shardDirs, existing)).rejects.toMatchObject({ path: existing });
    const bare = path.join(tempDir, 'bare');
    await mkdir(bare);
    const attempt = mergeShardParquet([shardDirs[0] ?? '', bare], path.join(tempDir, 'never.duckdb'));
    await expect(attempt).rejects.toThrow(PathError);
    await expect(attempt).rejects.toMatchObject({ path: path.join(bare, 'parquet', 'runs.parquet') });
    await expect(mergeShardParquet([], path.join(tempDir, 'never.duckdb'))).rejects.toThrow(ReportInputError);
    expect((await readdir(tempDir)).filter((name) => name.startsWith('never'))).toEqual([]);
  });
});
