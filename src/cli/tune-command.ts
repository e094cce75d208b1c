/**
 * `terse tune --suite S --grid FILE`: holds out part of the suite's traces, replays every grid point
 * and `balanced` over the rest, keeps the Pareto-optimal points (effective reduction against probes
 * lost), picks the best that loses no more than `balanced`, and replays the frontier, the pick and
 * `balanced` over the held-out traces to confirm it. Writes a tune report folder (docs/tune.md).
 */
import path from 'node:path';
import { environment, type TokenizerName } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { BUILTIN_CONFIGS, customEngineConfig, type BenchConfig } from '../bench/bench-config.ts';
import type { Probe } from '../bench/probe.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import { countRequests, runReplay, runId, type SuiteTrace } from '../bench/run-replay.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { buildSuite } from '../suites/suite-builders.ts';
import { readSuiteSpecs } from '../bench/suite-spec.ts';
import { splitHeldOut } from '../bench/tune/held-out-split.ts';
import { readTuneGrid, type GridPoint } from '../bench/tune/tune-grid.ts';
import { summarize } from '../report/summarize.ts';
import { heldOutNames, searchOutcome, summarizeTune, type TunePoint } from '../report/tune-summary.ts';
import { renderTuneMarkdown } from '../report/render-tune-markdown.ts';
import { tunePointLabels } from '../report/tune-point-labels.ts';
import { refuseExisting, writeTuneReport } from '../report/write-tune-report.ts';
import { assertProbesCheck } from './probes-command.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { checkReportTarget } from './run-and-report.ts';

export interface TuneCommandOptions {
  readonly suite: string;
  readonly grid: string;
  /** Share of each workload's traces held out. */
  readonly heldOut: number;
  readonly maxPoints: number;
  readonly workers: number;
  readonly out?: string | undefined;
  readonly json: boolean;
  readonly tokenizer?: TokenizerName | undefined;
  readonly argv: string;
}

/** The configuration every point is measured against, and its engine options. */
const REFERENCE = 'balanced';
const REFERENCE_OPTIONS = { profile: 'balanced' } as const;

/** A suite built and checked as `bench` builds it. */
interface BuiltSuite {
  readonly traces: readonly SuiteTrace[];
  readonly probes: readonly Probe[];
  readonly screening: readonly ProbeScreening[];
}

async function loadSuite(name: string): Promise<BuiltSuite> {
  const spec = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).find((s) => s.name === name);
  if (spec === undefined) throw new ConfigError(`--suite ${name}`, 'unknown suite');
  const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
  if (build.state === 'skipped') throw new ConfigError(`--suite ${name}`, `cannot be built here: ${build.reason}`);
  assertProbesCheck(
    build.probes.map((probe) => ({ probe, file: `workloads/${spec.name}.json` })),
    build.traces,
  );
  if (build.probes.length === 0)
    throw new ConfigError(`--suite ${name}`, 'has no probes: tuning needs fidelity as well as reduction');
  return {
    traces: build.traces.map((trace) => ({ suite: name, trace })),
    probes: build.probes,
    screening: build.screening ? [build.screening] : [],
  };
}

function pointConfig(point: GridPoint, label: string): BenchConfig {
  return customEngineConfig(point.name, `tune point: ${label}`, point.options);
}

export async function tuneCommand(options: TuneCommandOptions): Promise<number> {
  const grid = readTuneGrid(options.grid, options.maxPoints, REFERENCE_OPTIONS);
  checkReportTarget(options.out);
  // Before any replay: a stored tune report is never written over, and finding out after an hour is too late.
  if (options.out !== undefined) await refuseExisting(path.resolve(options.out));
  const suite = await loadSuite(options.suite);
  const split = splitHeldOut(suite.traces, options.heldOut);
  const reference: TunePoint = { name: REFERENCE, settings: {}, options: REFERENCE_OPTIONS };
  const points: TunePoint[] = [reference, ...grid.points];
  const labels = tunePointLabels(points);
  const byName = new Map<string, BenchConfig>([
    [REFERENCE, BUILTIN_CONFIGS[REFERENCE] as BenchConfig],
    ...grid.points.map((point) => [point.name, pointConfig(point, labels.get(point.name) ?? point.name)] as const),
  ]);
  const tokenizer = options.tokenizer ?? environment.tokenizer;
  const interactive = environment.stderrIsTTY && !environment.ci;
  const replay = async (
    traces: readonly SuiteTrace[],
    configs: readonly BenchConfig[],
    phase: string,
  ): Promise<RunResult> => {
    process.stderr.write(`tune ${phase}: ${configs.length} configurations x ${traces.length} traces\n`);
    const progress = createProgressReporter(countRequests(traces) * configs.length, interactive);
    try {
      return await runReplay(
        {
          traces,
          probes: suite.probes,
          configs,
          tokenizer,
          argv: `${options.argv} (${phase})`,
          projectRoot: environment.projectRoot,
          gitShaOverride: environment.gitShaOverride,
          screening: suite.screening,
          workers: options.workers,
        },
        progress,
      );
    } finally {
      progress.stop();
    }
  };
  const search = await replay(split.tune, [...byName.values()], 'search');
  const searchSummary = summarize(search);
  const outcome = searchOutcome(searchSummary, points, REFERENCE);
  const heldOut = await replay(
    split.heldOut,
    heldOutNames(outcome, REFERENCE).map((name) => byName.get(name) as BenchConfig),
    'held-out',
  );
  const summary = summarizeTune({
    run: { ...searchSummary.run, id: `tune-${runId(new Date(search.run.started_at), search.run.git_sha)}` },
    suite: options.suite,
    grid: options.grid,
    reference: REFERENCE,
    heldOutShare: options.heldOut,
    split: {
      search: split.tune.map(({ trace }) => trace.header.id),
      held_out: split.heldOut.map(({ trace }) => trace.header.id),
    },
    points,
    search: outcome,
    heldOut: summarize(heldOut),
  });
  const dir = await writeTuneReport(
    { summary, search, heldOut },
    options.out ?? path.join(environment.reportsDir, summary.run.id),
  );
  process.stdout.write(
    options.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${renderTuneMarkdown(summary)}\nreport: ${path.relative(process.cwd(), dir) || dir}\n`,
  );
  const errored = [...search.pairs, ...heldOut.pairs].filter((pair) => pair.state === 'errored').length;
  return errored > 0 ? 1 : 0;
}
