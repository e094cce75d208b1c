/** Replays every (trace x config) pair and gathers the rows of one run. */
import { execFileSync } from 'node:child_process';
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { BenchConfig } from './bench-config.ts';
import { replayPairs } from './parallel/replay-pairs.ts';
import type { Probe } from './probe.ts';
import type { ProbeScreening } from './probe-screening.ts';
import type { BlockListener, RequestListener, ScoringPointHook } from './replay-trace.ts';
import type { PairResult, RunResult, TraceRow } from './replay-rows.ts';
import { callCount, messageCount, type Trace } from './trace.ts';

/** A trace and the suite it belongs to. */
export interface SuiteTrace {
  readonly suite: string;
  readonly trace: Trace;
}

export interface ReplayPlan {
  readonly traces: readonly SuiteTrace[];
  readonly probes: readonly Probe[];
  readonly configs: readonly BenchConfig[];
  readonly tokenizer: TokenizerName;
  readonly argv: string;
  /** The project folder, for the git sha of the run. */
  readonly projectRoot: string;
  readonly gitShaOverride?: string | null;
  /** What the suites' probe screening did, carried into the report. @default [] */
  readonly screening?: readonly ProbeScreening[];
  /** Called at every probe's scoring points (a live model answering, for one); the warm-up calls it never. */
  readonly onScoringPoint?: ScoringPointHook;
  /** Worker threads replaying pairs at once (src/bench/parallel/); 1 replays in this thread. @default 1 */
  readonly workers?: number;
}

/** Progress callbacks: one per finished pair, one per request. */
export interface ReplayProgress {
  readonly onRequest?: RequestListener;
  readonly onPair?: (pair: PairResult, done: number, total: number) => void;
  /** Each block's text before and after, as it is decided (the report's drill-down keeps a bounded copy). */
  readonly onBlock?: BlockListener;
}

function gitSha(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** A sortable, unique-enough run id: UTC time plus the sha. */
export function runId(startedAt: Date, sha: string): string {
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  return `${stamp}-${sha.slice(0, 7)}`;
}

/** Counts requests without replaying them, so progress knows the total. */
export function countRequests(traces: readonly SuiteTrace[]): number {
  let n = 0;
  for (const { trace } of traces) n += callCount(trace);
  return n;
}

/** The row that describes a trace in the report. */
export function traceRow({ suite, trace }: SuiteTrace): TraceRow {
  return {
    trace: trace.header.id,
    workload: trace.header.workload,
    suite,
    provider: trace.header.provider,
    source_format: trace.header.source.format,
    source_file: trace.header.source.file,
    messages: messageCount(trace),
    requests: callCount(trace),
  };
}

/** The run's context and configurations, as every run records them; `described` holds what strategies said of themselves. */
export function runHead(
  plan: Pick<ReplayPlan, 'configs' | 'tokenizer' | 'argv' | 'projectRoot' | 'gitShaOverride'>,
  startedAt: Date,
  described: ReadonlyMap<string, string> = new Map(),
): Pick<RunResult, 'run' | 'configs'> {
  const sha = plan.gitShaOverride ?? gitSha(plan.projectRoot);
  return {
    run: {
      id: runId(startedAt, sha),
      started_at: startedAt.toISOString(),
      git_sha: sha,
      node: process.version,
      tokenizer: plan.tokenizer,
      configs: plan.configs.map((c) => c.name),
      argv: plan.argv,
    },
    // What a strategy said of itself while running (an external proxy's name and version) replaces its description.
    configs: plan.configs.map(({ name, role, description }) => ({
      name,
      role,
      description: described.get(name) ?? description,
    })),
  };
}

/** Runs the plan; a pair that throws is recorded as errored and the run goes on. */
export async function runReplay(plan: ReplayPlan, progress: ReplayProgress = {}): Promise<RunResult> {
  const startedAt = new Date();
  const traces: TraceRow[] = plan.traces.map(traceRow);
  const probesByTrace = new Map<string, Probe[]>();
  for (const probe of plan.probes) probesByTrace.set(probe.trace, [...(probesByTrace.get(probe.trace) ?? []), probe]);
  const described = new Map<string, string>();
  const pairs = await replayPairs(
    {
      traces: plan.traces.map(({ trace }) => trace),
      probesByTrace,
      configs: plan.configs,
      tokenizer: plan.tokenizer,
      workers: plan.workers ?? 1,
      onScoringPoint: plan.onScoringPoint,
    },
    { ...progress, onDescribed: (config, said) => described.set(config, said) },
  );
  return {
    ...runHead(plan, startedAt, described),
    screening: plan.screening ?? [],
    traces,
    pairs,
  };
}
