/**
 * `terse merge`: the reports of a run's shards (`--shard i/n`, one folder each) become one report.
 * Their Parquet exports are unioned in DuckDB (mergeShardParquet, into a scratch database), read back
 * as one run (shard-run-result.ts), and written as a new report folder like any run's; the shard
 * folders are only read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReportInputError } from '../errors.ts';
import { mergeShardParquet } from './merge-shard-parquet.ts';
import { readResultsDatabase } from './read-results-database.ts';
import { readSummary } from './read-summary.ts';
import type { RenderOptions } from './render-markdown.ts';
import { runResultOfShards } from './shard-run-result.ts';
import { writeReport, type ReportPaths } from './write-report.ts';

/** Where the merged report goes: `out`, else `<reportsDir>/<merged run id>`. */
export interface MergeTarget {
  readonly out?: string | undefined;
  readonly reportsDir: string;
}

/** Merges the shard report folders `dirs` into a new report folder. */
export async function mergeShardReports(
  dirs: readonly string[],
  target: MergeTarget,
  argv: string,
  options: RenderOptions = {},
): Promise<ReportPaths> {
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (seen.has(path.resolve(dir))) throw new ReportInputError(dir, 'is given twice; name each shard report once');
    seen.add(path.resolve(dir));
  }
  const screenings = [];
  for (const dir of dirs) screenings.push((await readSummary(dir)).probe_screening);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'terse-merge-'));
  try {
    const merged = path.join(scratch, 'shards.duckdb');
    await mergeShardParquet(dirs, merged);
    const result = runResultOfShards(await readResultsDatabase(merged), { argv, screenings });
    return await writeReport(result, target.out ?? path.join(target.reportsDir, result.run.id), options);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
