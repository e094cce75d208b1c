/**
 * Replays pairs on worker threads: each worker takes the next pair as soon as it is free, so long
 * traces and short ones share the cores. A worker that dies (out of memory, a native crash) fails the
 * pair it held, as an errored row, and a new worker takes the rest; the run goes on.
 */
import type { Worker } from 'node:worker_threads';
import type { TokenizerName } from '../../tokenize/tokenizer-name.ts';
import type { BenchConfig } from '../bench-config.ts';
import type { Probe } from '../probe.ts';
import type { BlockListener, RequestListener } from '../replay-trace.ts';
import type { PairResult } from '../replay-rows.ts';
import type { Trace } from '../trace.ts';
import type { PairTask, WorkerMessage } from './replay-messages.ts';
import { startModuleWorker, workerEntry } from './module-worker.ts';

/** One pair for the pool: its place in the run, the trace, its probes and a configuration that has a source. */
export interface PairJob {
  readonly task: number;
  readonly trace: Trace;
  readonly probes: readonly Probe[];
  readonly config: BenchConfig;
}

export interface PoolOptions {
  /** Worker threads at most; fewer start when there are fewer pairs. */
  readonly workers: number;
  readonly tokenizer: TokenizerName;
  readonly onRequest?: RequestListener | undefined;
  /** Each block's text before and after; when set, workers send them (the report's drill-down). */
  readonly onBlock?: BlockListener | undefined;
  /** Called as each pair finishes, in finishing order. */
  readonly onPair?: ((job: PairJob, pair: PairResult) => void) | undefined;
}

const WORKER_ENTRY = workerEntry('replay-worker', import.meta.url);

/**
 * Each worker's old generation is capped: V8 sizes a heap's growth by its limit, and uncapped
 * workers each held ~200 MiB more than their pairs needed (replaying every bundled suite on 2
 * workers peaked at 1,001 MiB resident, 788 MiB capped). A pair needing more than this fails with
 * the worker's out-of-memory error as its row; `--workers 1` replays it in the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512 } as const;

function taskOf(job: PairJob, tokenizer: TokenizerName, blocks: boolean): PairTask {
  const { source } = job.config;
  // The caller sends only configurations with a source (replay-pairs.ts checks); this is the guard.
  if (source === undefined)
    throw new TypeError(`configuration ${job.config.name} has no source to open it in a worker`);
  return {
    type: 'pair',
    task: job.task,
    trace: job.trace,
    probes: job.probes,
    config: source,
    configName: job.config.name,
    tokenizer,
    blocks,
  };
}

/** Runs one job on `worker`; resolves with its pair, or with an errored pair when the worker dies. */
function runOn(worker: Worker, job: PairJob, options: PoolOptions): Promise<{ pair: PairResult; alive: boolean }> {
  return new Promise((resolve) => {
    const failed = (error: string): void => {
      cleanUp();
      resolve({ pair: { state: 'errored', trace: job.trace.header.id, config: job.config.name, error }, alive: false });
    };
    const onMessage = (message: WorkerMessage): void => {
      if (message.task !== job.task) return;
      if (message.type === 'request') {
        options.onRequest?.(message.trace, message.config, message.index);
        return;
      }
      if (message.type === 'block') {
        options.onBlock?.(message.row, message.before, message.after);
        return;
      }
      cleanUp();
      resolve({ pair: message.pair, alive: true });
    };
    const onError = (error: Error): void => failed(`the replay worker died: ${error.message}`);
    const onExit = (code: number): void => failed(`the replay worker exited with code ${code}`);
    const cleanUp = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(taskOf(job, options.tokenizer, options.onBlock !== undefined));
  });
}

/** Pulls jobs one at a time from a shared iterator, however many lanes ask at once. */
function jobPuller(jobs: Iterable<PairJob> | AsyncIterable<PairJob>): () => Promise<PairJob | null> {
  const iterator = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : jobs[Symbol.iterator]();
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const next = queue.then(async () => {
      const step = await iterator.next();
      return step.done === true ? null : step.value;
    });
    queue = next.catch(() => undefined);
    return next;
  };
}

/** Replays every job on up to `options.workers` threads; returns the pairs by job task number. */
export async function replayInWorkers(
  jobs: Iterable<PairJob> | AsyncIterable<PairJob>,
  options: PoolOptions,
): Promise<Map<number, PairResult>> {
  const pull = jobPuller(jobs);
  const pairs = new Map<number, PairResult>();
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    let exited = false;
    try {
      for (let job = await pull(); job !== null; job = await pull()) {
        if (worker === null || exited) {
          exited = false;
          worker = startModuleWorker(WORKER_ENTRY, null, WORKER_LIMITS);
          // Between jobs nobody else listens: a crash then must not throw in this thread, and the next job takes a new worker.
          worker.on('error', () => undefined);
          worker.once('exit', () => {
            exited = true;
          });
        }
        const { pair, alive } = await runOn(worker, job, options);
        if (!alive) {
          await worker.terminate();
          worker = null;
        }
        pairs.set(job.task, pair);
        options.onPair?.(job, pair);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
  return pairs;
}
