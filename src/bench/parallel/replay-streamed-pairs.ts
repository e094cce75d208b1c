/**
 * Pairs of a run whose traces arrive one at a time (a session file read as it goes): each trace is
 * replayed through every configuration as it comes, in this thread or on workers that take the next
 * pair when free, and is let go once its pairs are done, so at most a few traces are held at once,
 * whatever the file's size. The pairs come back in the run's order (configs as listed, then traces
 * as they came), the same rows as if the traces had all been loaded first.
 */
import type { TokenizerName } from '../../tokenize/tokenizer-name.ts';
import type { BenchConfig } from '../bench-config.ts';
import type { Probe } from '../probe.ts';
import { replayPair, warmUp } from '../replay-pair.ts';
import type { PairResult } from '../replay-rows.ts';
import type { Trace } from '../trace.ts';
import { configsInThisThread, type PairsProgress } from './replay-pairs.ts';
import { replayInWorkers, type PairJob } from './replay-pool.ts';

/** A trace as a stream delivers it, with the suite it belongs to and its probes. */
export interface StreamedTrace {
  readonly suite: string;
  readonly trace: Trace;
  readonly probes: readonly Probe[];
}

export interface StreamedPairsPlan {
  readonly configs: readonly BenchConfig[];
  readonly tokenizer: TokenizerName;
  /** Worker threads; 1 replays in this thread, as configurations without a source always are. @default 1 */
  readonly workers?: number;
}

/** Replays every trace of `items` through every configuration; `onTrace` hears of each trace as it arrives. */
export async function replayStreamedPairs(
  items: AsyncIterable<StreamedTrace>,
  plan: StreamedPairsPlan,
  onTrace: (item: StreamedTrace) => void,
  progress: PairsProgress = {},
): Promise<PairResult[]> {
  const place = new Map<number, { config: number; trace: number }>();
  const byTask = new Map<number, PairResult>();
  let done = 0;
  // The total is not known until the stream ends: progress gets 0 for it.
  const finished = (task: number, pair: PairResult): void => {
    byTask.set(task, pair);
    progress.onPair?.(pair, ++done, 0);
  };
  const warmed = new Set<BenchConfig>();
  const replayHere = async (job: PairJob): Promise<void> => {
    if (!warmed.has(job.config)) {
      warmed.add(job.config);
      await warmUp(job.trace, job.config, plan.tokenizer);
    }
    finished(
      job.task,
      await replayPair(job.trace, job.probes, job.config, {
        tokenizer: plan.tokenizer,
        onRequest: progress.onRequest,
        onDescribed: progress.onDescribed,
        onBlock: progress.onBlock,
      }),
    );
  };
  const pooled = (plan.workers ?? 1) > 1;
  const here = new Set(pooled ? configsInThisThread(plan.configs) : plan.configs);
  let traces = 0;
  // Pairs for the workers; a configuration only this thread can open replays here as its trace comes by.
  async function* jobs(): AsyncGenerator<PairJob> {
    for await (const item of items) {
      onTrace(item);
      for (const [config, bench] of plan.configs.entries()) {
        place.set(place.size, { config, trace: traces });
        const job = { task: place.size - 1, trace: item.trace, probes: item.probes, config: bench };
        if (here.has(bench)) await replayHere(job);
        else yield job;
      }
      traces++;
    }
  }
  if (pooled) {
    await replayInWorkers(jobs(), {
      workers: plan.workers ?? 1,
      tokenizer: plan.tokenizer,
      onRequest: progress.onRequest,
      onBlock: progress.onBlock,
      onPair: (job, pair) => finished(job.task, pair),
    });
  } else {
    // Without workers every configuration is one this thread replays: the generator yields nothing.
    for await (const job of jobs()) await replayHere(job);
  }
  const order = (task: number): number => {
    const at = place.get(task) ?? { config: 0, trace: 0 };
    return at.config * traces + at.trace;
  };
  return [...byTask].sort(([a], [b]) => order(a) - order(b)).map(([, pair]) => pair);
}
