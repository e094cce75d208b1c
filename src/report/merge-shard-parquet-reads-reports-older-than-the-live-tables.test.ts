import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_RUN } from './__fixtures__/live-run-result.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { mergeShardParquet } from './merge-shard-parquet.ts';
import { parquetFile } from './write-parquet.ts';
import { writeReport } from './write-report.ts';

describe('merging a report written before the live tables existed', () => {
  it('takes their absence for no rows, and keeps the live rows of the newer report', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'terse-merge-old-'));
    try {
      const live = (await writeReport(LIVE_RUN, path.join(dir, 'live'))).dir;
      const fresh = (
        await writeReport({ ...SMOKE_RUN, run: { ...SMOKE_RUN.run, id: 'older' } }, path.join(dir, 'fresh'))
      ).dir;
      // An older report: the same folder without the two tables this version added.
      const older = path.join(dir, 'older');
      await cp(fresh, older, { recursive: true });
      for (const table of ['live', 'live_runs']) await rm(parquetFile(older, table));
      const counts = await mergeShardParquet([older, live], path.join(dir, 'merged.duckdb'));
      expect(counts.live).toBe(LIVE_RUN.live?.probes.length);
      expect(counts.live_runs).toBe(1);
      expect(counts.pairs).toBe(SMOKE_RUN.pairs.length * 2);
      expect(await mergeShardParquet([older], path.join(dir, 'older-alone.duckdb'))).toMatchObject({
        live: 0,
        live_runs: 0,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
