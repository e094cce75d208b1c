/**
 * Every (trace, config) pair of a run, replayed in this thread or on worker threads. Either way each
 * pair opens its configuration afresh (replay-pair.ts), so the rows are the same whatever the number
 * of workers; the pairs come back in the run's order (configs as listed, then traces), not in the
 * order they finished.
 */
import type { TokenizerName } from '../../config.ts';
import type { BenchConfig } from '../bench-config.ts';
import type { Probe } from '../probe.ts';
import { replayPair, warmUp } from '../replay-pair.ts';
import type { RequestListener, ScoringPointHook } from '../replay-trace.ts';
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
}

/** Why a plan replays in this thread although more workers were asked for; null when it can use them. */
export function whyInThisThread(plan: PairsPlan): string | null {
  if ((plan.workers ?? 1) <= 1) return null;
  if (plan.onScoringPoint !== undefined) return 'a live run answers probes in this thread';
  const bound = plan.configs.find((config) => config.source === undefined);
  if (bound !== undefined) return `configuration ${bound.name} can only be opened in this thread`;
  return null;
}

/** Pairs in the run's order: config by config, trace by trace; `task` is that index. */
function jobsOf(plan: PairsPlan): PairJob[] {
  const jobs: PairJob[] = [];
  for (const config of plan.configs) {
    for (const trace of plan.traces) jobs.push({ task: jobs.length, trace, probes: plan.probesByTrace.get(trace.header.id) ?? [], config });
  }
  return jobs;
}

async function replayHere(plan: PairsPlan, jobs: readonly PairJob[], progress: PairsProgress): Promise<PairResult[]> {
  const pairs: PairResult[] = [];
  const warmed = new Set<BenchConfig>();
  for (const job of jobs) {
    if (!warmed.has(job.config)) {
      warmed.add(job.config);
      await warmUp(job.trace, job.config, plan.tokenizer);
    }
    const pair = await replayPair(job.trace, job.probes, job.config, { tokenizer: plan.tokenizer, onRequest: progress.onRequest, onScoringPoint: plan.onScoringPoint });
    pairs.push(pair);
    progress.onPair?.(pair, pairs.length, jobs.length);
  }
  return pairs;
}

/** Replays every pair of the plan; a pair that fails is an errored row and the run goes on. */
export async function replayPairs(plan: PairsPlan, progress: PairsProgress = {}): Promise<PairResult[]> {
  const jobs = jobsOf(plan);
  const workers = Math.min(plan.workers ?? 1, jobs.length);
  if (workers <= 1 || whyInThisThread(plan) !== null) return replayHere(plan, jobs, progress);
  // Longest traces first, so no worker is left with a long one at the end while the others idle.
  const costs = new Map(plan.traces.map((trace) => [trace, traceCost(trace)]));
  const ordered = [...jobs].sort((a, b) => (costs.get(b.trace) ?? 0) - (costs.get(a.trace) ?? 0) || a.task - b.task);
  let done = 0;
  const byTask = await replayInWorkers(ordered, {
    workers,
    tokenizer: plan.tokenizer,
    onRequest: progress.onRequest,
    onPair: (_job, pair) => progress.onPair?.(pair, ++done, jobs.length),
  });
  return jobs.map((job) => {
    const pair = byTask.get(job.task);
    if (pair === undefined) throw new Error(`pair ${job.task} was never replayed`);
    return pair;
  });
}
