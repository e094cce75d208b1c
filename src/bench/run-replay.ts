/** Replays every (trace x config) pair and gathers the rows of one run. */
import { execFileSync } from 'node:child_process';
import type { TokenizerName } from '../config.ts';
import type { BenchConfig } from './bench-config.ts';
import type { Probe } from './probe.ts';
import type { ProbeScreening } from './probe-screening.ts';
import { replayTrace, type BlockListener, type RequestListener, type ScoringPointHook } from './replay-trace.ts';
import type { PairResult, RunResult, TraceRow } from './replay-rows.ts';
import { callCount, firstCallsOf, messageCount, type Trace } from './trace.ts';

/** Requests the warm-up replays. */
const WARM_UP_CALLS = 20;

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
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** A sortable, unique-enough run id: UTC time plus the sha. */
export function runId(startedAt: Date, sha: string): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  return `${stamp}-${sha.slice(0, 7)}`;
}

/** Counts requests without replaying them, so progress knows the total. */
export function countRequests(traces: readonly SuiteTrace[]): number {
  let n = 0;
  for (const { trace } of traces) n += callCount(trace);
  return n;
}

/**
 * Replays the first trace once, unmeasured, through a throwaway opening of the configuration: the
 * first requests of a process otherwise carry JIT and tokenizer start-up, which would land in the
 * first config's latency. Its own store and ruler, so nothing it counts or stores is warm after.
 */
async function warmUp(traces: readonly SuiteTrace[], config: BenchConfig, tokenizer: TokenizerName): Promise<void> {
  const first = traces[0];
  if (!first) return;
  const strategy = await config.open({ tokenizer });
  try {
    // Its first requests are enough: the whole of a 3,000-call session would be replayed twice.
    await replayTrace(firstCallsOf(first.trace, WARM_UP_CALLS), 'warm-up', strategy, []);
  } finally {
    await strategy.close();
  }
}

/** Runs the plan; a pair that throws is recorded as errored and the run goes on. */
export async function runReplay(plan: ReplayPlan, progress: ReplayProgress = {}): Promise<RunResult> {
  const startedAt = new Date();
  const sha = plan.gitShaOverride ?? gitSha(plan.projectRoot);
  const traces: TraceRow[] = plan.traces.map(({ suite, trace }) => ({
    trace: trace.header.id,
    workload: trace.header.workload,
    suite,
    provider: trace.header.provider,
    source_format: trace.header.source.format,
    source_file: trace.header.source.file,
    messages: messageCount(trace),
    requests: callCount(trace),
  }));
  const probesByTrace = new Map<string, Probe[]>();
  for (const probe of plan.probes) probesByTrace.set(probe.trace, [...(probesByTrace.get(probe.trace) ?? []), probe]);
  const pairs: PairResult[] = [];
  const total = plan.traces.length * plan.configs.length;
  // What a strategy said of itself while running (an external proxy's name and version) replaces its description.
  const described = new Map<string, string>();
  for (const config of plan.configs) {
    await warmUp(plan.traces, config, plan.tokenizer);
    const strategy = await config.open({ tokenizer: plan.tokenizer });
    try {
      for (const { trace } of plan.traces) {
        const pair = await replayTrace(trace, config.name, strategy, probesByTrace.get(trace.header.id) ?? [], progress.onRequest, plan.onScoringPoint, progress.onBlock);
        pairs.push(pair);
        progress.onPair?.(pair, pairs.length, total);
      }
    } finally {
      const said = strategy.describe?.() ?? null;
      if (said !== null) described.set(config.name, said);
      await strategy.close();
    }
  }
  return {
    run: { id: runId(startedAt, sha), started_at: startedAt.toISOString(), git_sha: sha, node: process.version, tokenizer: plan.tokenizer, configs: plan.configs.map((c) => c.name), argv: plan.argv },
    configs: plan.configs.map(({ name, role, description }) => ({ name, role, description: described.get(name) ?? description })),
    screening: plan.screening ?? [],
    traces,
    pairs,
  };
}
