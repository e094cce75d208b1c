/**
 * Every (trace, config) pair of a run, replayed in this thread or on worker threads. Either way each
 * pair opens its configuration afresh (replay-pair.ts), so the rows are the same whatever the number
 * of workers; the pairs come back in the run's order (configs as listed, then traces), not in the
 * order they finished. A configuration without a source replays here, after the workers' pairs.
 */
import type { TokenizerName } from '../../tokenize/tokenizer-name.ts';
import type { BenchConfig } from '../bench-config.ts';
import type { Probe } from '../probe.ts';
import { replayPair, warmUp } from '../replay-pair.ts';
import type { BlockListener, RequestListener, ScoringPointHook } from '../replay-trace.ts';
import type { PairResult } from '../replay-rows.ts';
import type { Trace } from '../trace.ts';
import { replayInWorkers, type PairJob } from './replay-pool.ts';
import { traceCost } from './trace-cost.ts';

export interface PairsPlan {
  readonly traces: readonly Trace[];
  readonly probesByTrace: ReadonlyMap<string, readonly Probe[]>;
  readonly configs: readonly BenchConfig[];
  readonly tokenizer: TokenizerName;
  /** Worker threads; 1 replays in this thread. @default 1 */
  readonly workers?: number;
  /** A hook at every scoring point (a live model): it needs this thread's store, so the run stays in it. */
  readonly onScoringPoint?: ScoringPointHook | undefined;
}

export interface PairsProgress {
  readonly onRequest?: RequestListener | undefined;
  readonly onPair?: ((pair: PairResult, done: number, total: number) => void) | undefined;
  /** Hears what a strategy replayed in this thread said of itself (an external proxy's name and version). */
  readonly onDescribed?: ((config: string, said: string) => void) | undefined;
  /** Each block's text before and after, as it is decided, in this thread or sent back by a worker. */
  readonly onBlock?: BlockListener | undefined;
}

/** Why a plan replays wholly in this thread although more workers were asked for; null when it can use them. */
export function whyInThisThread(plan: PairsPlan): string | null {
  if ((plan.workers ?? 1) <= 1) return null;
  if (plan.onScoringPoint !== undefined) return 'a live run answers probes in this thread';
  return null;
}

/**
 * Configurations whose pairs replay in this thread even when workers replay the rest: those without
 * a source, which only this thread can open (an external proxy, whose capture server listens here).
 */
export function configsInThisThread(configs: readonly BenchConfig[]): BenchConfig[] {
  return configs.filter((config) => config.source === undefined);
}

/** Pairs in the run's order: config by config, trace by trace; `task` is that index. */
function jobsOf(plan: PairsPlan): PairJob[] {
  const jobs: PairJob[] = [];
  for (const config of plan.configs) {
    for (const trace of plan.traces)
      jobs.push({ task: jobs.length, trace, probes: plan.probesByTrace.get(trace.header.id) ?? [], config });
  }
  return jobs;
}

/** Replays `jobs` one after another in this thread; `onPair` hears of each. */
async function replayHere(
  plan: PairsPlan,
  jobs: readonly PairJob[],
  progress: PairsProgress,
  onPair: (job: PairJob, pair: PairResult) => void,
): Promise<void> {
  const warmed = new Set<BenchConfig>();
  for (const job of jobs) {
    if (!warmed.has(job.config)) {
      warmed.add(job.config);
      await warmUp(job.trace, job.config, plan.tokenizer);
    }
    const pair = await replayPair(job.trace, job.probes, job.config, {
      tokenizer: plan.tokenizer,
      onRequest: progress.onRequest,
      onScoringPoint: plan.onScoringPoint,
      onDescribed: progress.onDescribed,
      onBlock: progress.onBlock,
    });
    onPair(job, pair);
  }
}

/** Replays every pair of the plan; a pair that fails is an errored row and the run goes on. */
export async function replayPairs(plan: PairsPlan, progress: PairsProgress = {}): Promise<PairResult[]> {
  const jobs = jobsOf(plan);
  const byTask = new Map<number, PairResult>();
  let done = 0;
  const finished = (job: PairJob, pair: PairResult): void => {
    byTask.set(job.task, pair);
    progress.onPair?.(pair, ++done, jobs.length);
  };
  const here = new Set(configsInThisThread(plan.configs));
  const pooled = jobs.filter((job) => !here.has(job.config));
  const workers = Math.min(plan.workers ?? 1, pooled.length);
  if (workers <= 1 || whyInThisThread(plan) !== null) {
    await replayHere(plan, jobs, progress, finished);
  } else {
    // Longest traces first, so no worker is left with a long one at the end while the others idle.
    const costs = new Map(plan.traces.map((trace) => [trace, traceCost(trace)]));
    const ordered = [...pooled].sort(
      (a, b) => (costs.get(b.trace) ?? 0) - (costs.get(a.trace) ?? 0) || a.task - b.task,
    );
    await replayInWorkers(ordered, {
      workers,
      tokenizer: plan.tokenizer,
      onRequest: progress.onRequest,
      onBlock: progress.onBlock,
      onPair: finished,
    });
    // Then, once the workers are done, the configurations only this thread can open.
    await replayHere(
      plan,
      jobs.filter((job) => here.has(job.config)),
      progress,
      finished,
    );
  }
  return jobs.map((job) => {
    const pair = byTask.get(job.task);
    if (pair === undefined) throw new Error(`pair ${job.task} was never replayed`);
    return pair;
  });
}
