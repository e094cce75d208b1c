/** `terse merge RUN... [--out DIR] [--json]`: the reports of a run's shards as one report. */
import path from 'node:path';
import { environment } from '../config.ts';
import { readSuiteSpecs } from '../bench/suite-spec.ts';
import { mergeShardReports } from '../report/merge-shard-reports.ts';
import { readSummary } from '../report/read-summary.ts';
import { renderBenchTables } from '../report/render-bench-tables.ts';
import type { RenderOptions } from '../report/render-markdown.ts';
import { checkReportTarget } from './run-and-report.ts';

export interface MergeCommandOptions {
  readonly runs: readonly string[];
  readonly out?: string | undefined;
  readonly json: boolean;
  readonly argv: string;
}

/** The published figures of the suites the shards replayed, shown beside ours as `bench` shows them. */
async function publishedFigures(runs: readonly string[]): Promise<RenderOptions> {
  const suites = new Set<string>();
  for (const dir of runs) for (const row of (await readSummary(dir)).results) suites.add(row.suite);
  const published: NonNullable<RenderOptions['published']> = {};
  for (const spec of readSuiteSpecs(path.join(environment.projectRoot, 'workloads'))) {
    if (spec.published && suites.has(spec.name)) Object.assign(published, { [spec.name]: spec.published });
  }
  return Object.keys(published).length > 0 ? { published } : {};
}

/** Writes the merged report and prints its tables (or summary.json); exits 1 when a pair errored. */
export async function mergeCommand(options: MergeCommandOptions): Promise<number> {
  checkReportTarget(options.out);
  const render = await publishedFigures(options.runs);
  const { dir, summary } = await mergeShardReports(
    options.runs,
    { out: options.out, reportsDir: environment.reportsDir },
    options.argv,
    render,
  );
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else
    process.stdout.write(
      `${renderBenchTables(summary, render)}\n\nreport: ${path.relative(process.cwd(), dir) || dir}\n`,
    );
  return summary.errors.length > 0 ? 1 : 0;
}
