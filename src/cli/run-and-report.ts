/** Shared tail of `replay` and `bench`: check the out dir, replay, write the report, print the table. */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { environment, type TokenizerName } from '../config.ts';
import { PathError } from '../errors.ts';
import type { BenchConfig } from '../bench/bench-config.ts';
import type { Probe } from '../bench/probe.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import { countRequests, runReplay, type SuiteTrace } from '../bench/run-replay.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import type { RenderOptions } from '../report/render-markdown.ts';
import { renderBenchTables } from '../report/render-bench-tables.ts';
import type { Summary } from '../report/summary.ts';
import { writeReport } from '../report/write-report.ts';
import { renderLiveMarkdown, formatUsd } from '../report/render-live-tables.ts';
import type { LiveSession } from '../bench/live/live-session.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { BlockTextCollector } from '../report/explore/block-texts.ts';
import { formatShard, sliceForShard } from '../bench/parallel/shard.ts';
import { noteConfigsInThisThread } from './note-configs-in-this-thread.ts';
import type { ScaleFlags } from './scale-flags.ts';

export interface RunAndReportOptions {
  readonly traces: readonly SuiteTrace[];
  readonly probes: readonly Probe[];
  readonly configs: readonly BenchConfig[];
  readonly tokenizer: TokenizerName;
  readonly out?: string | undefined;
  readonly json: boolean;
  readonly argv: string;
  readonly render?: RenderOptions;
  /** What suite builds' probe screening did, for the report. */
  readonly screening?: readonly ProbeScreening[];
  /** Called with the summary once the report is written (e.g. to update the README table). */
  readonly onSummary?: ((summary: Summary) => void) | undefined;
  /** Called with the report folder once it is complete. */
  readonly onReport?: ((outDir: string) => void) | undefined;
  /** A model answering every probe at its scoring points (`--live`). */
  readonly live?: LiveSession | undefined;
  /** Worker threads and this machine's shard. @default one thread, every trace */
  readonly scale?: ScaleFlags | undefined;
}

/** The nearest existing ancestor of `dir` must be a writable folder, else nothing is replayed. */
function assertWritable(dir: string): void {
  let probe = path.resolve(dir);
  while (!existsSync(probe)) probe = path.dirname(probe);
  if (probe !== path.resolve(dir) && !statSync(probe).isDirectory())
    throw new PathError(dir, `not writable (${probe} is not a folder)`);
  try {
    accessSync(probe, constants.W_OK);
  } catch {
    throw new PathError(dir, `not writable (${probe})`);
  }
}

/** An `--out` that holds anything may be a stored run: refused before any work, as writeReport would after it. */
function assertEmptyOrAbsent(dir: string): void {
  let info;
  try {
    info = statSync(dir, { throwIfNoEntry: false });
  } catch (error) {
    // A file where a parent folder should be: the folder cannot exist, and assertWritable says why.
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return;
    throw error;
  }
  if (info === undefined) return;
  if (!info.isDirectory()) throw new PathError(dir, 'exists and is not a folder');
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  throw new PathError(
    dir,
    entries.includes('summary.json')
      ? 'already holds a complete report; refusing to overwrite stored results'
      : 'already exists and is not empty; refusing to write a report into it',
  );
}

/** Refuses, before any work, a report folder that could not be written (`--out`, else the reports folder). */
export function checkReportTarget(out: string | undefined): void {
  if (out !== undefined) assertEmptyOrAbsent(out);
  assertWritable(out ?? environment.reportsDir);
}

/** Relative to the working directory when under it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

export async function runAndReport(options: RunAndReportOptions): Promise<number> {
  if (options.traces.length === 0) throw new PathError(options.out ?? '.', 'no traces to replay');
  checkReportTarget(options.out);
  const { shard, workers = 1 } = options.scale ?? {};
  const traces = shard === undefined ? options.traces : sliceForShard(options.traces, shard, (item) => item.trace);
  if (shard !== undefined)
    process.stderr.write(`shard ${formatShard(shard)}: ${traces.length} of ${options.traces.length} traces\n`);
  if (options.live === undefined) noteConfigsInThisThread(options.configs, workers);
  const interactive = environment.stderrIsTTY && !environment.ci;
  const progress = createProgressReporter(countRequests(traces) * options.configs.length, interactive);
  const texts = new BlockTextCollector();
  let result: RunResult;
  try {
    result = await runReplay(
      {
        traces,
        probes: options.probes,
        configs: options.configs,
        tokenizer: options.tokenizer,
        argv: options.argv,
        workers,
        projectRoot: environment.projectRoot,
        gitShaOverride: environment.gitShaOverride,
        screening: options.screening ?? [],
        ...(options.live ? { onScoringPoint: options.live.onScoringPoint } : {}),
      },
      { ...progress, onBlock: (row, before, after) => texts.add(row, before, after) },
    );
  } finally {
    progress.stop();
  }
  if (options.live) result = { ...result, live: options.live.result() };
  return reportRun(result, { ...options, texts });
}

/** What writing and printing a finished run needs. */
export type ReportRunOptions = Pick<RunAndReportOptions, 'out' | 'json' | 'render' | 'onSummary' | 'onReport'> & {
  /** Block texts gathered during the replay, for the report's drill-down (a merged run has none). */
  readonly texts?: BlockTextCollector;
};

/** Writes the run's report folder, prints its tables (or summary.json); returns the exit code. */
export async function reportRun(result: RunResult, options: ReportRunOptions): Promise<number> {
  const outDir = options.out ?? path.join(environment.reportsDir, result.run.id);
  const { summary } = await writeReport(result, outDir, options.render, options.texts);
  options.onSummary?.(summary);
  options.onReport?.(outDir);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const live = summary.live ? `\n\n${renderLiveMarkdown(summary)}` : '';
    process.stdout.write(
      `${renderBenchTables(summary, options.render)}${live}\n\nreport: ${displayPath(path.join(outDir, 'report.html'))} (terse view ${displayPath(outDir)})\n`,
    );
  }
  const liveErrors = result.live?.probes.filter((row) => row.state === 'errored').length ?? 0;
  if (result.live) {
    const { run, probes } = result.live;
    const notRun = probes.filter((row) => row.state === 'not-run').length;
    const cached = probes.reduce((n, row) => n + row.cached_calls, 0);
    process.stderr.write(
      `live: ${probes.length - notRun - liveErrors} answers, ${cached} model calls from the response cache, ${formatUsd(run.spent_usd)} paid by this run\n`,
    );
    if (run.budget_stopped)
      process.stderr.write(
        `live: the budget of ${formatUsd(run.budget_usd)} was reached; ${notRun} answers were not run (re-run with a larger --budget-usd: what was answered comes from the cache)\n`,
      );
    if (liveErrors > 0)
      process.stderr.write(
        `live: ${liveErrors} answers failed (see the live table's errors); re-run the same command to retry them, answered ones come from the cache\n`,
      );
  }
  return summary.errors.length > 0 || liveErrors > 0 ? 1 : 0;
}
