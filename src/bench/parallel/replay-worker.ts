/**
 * A replay worker thread: replays the pairs the main thread sends, one at a time, each through a
 * fresh opening of its configuration (replay-pair.ts), and sends back the rows. Started by
 * replay-pool.ts through startModuleWorker.
 */
import { parentPort } from 'node:worker_threads';
import type { BenchConfig } from '../bench-config.ts';
import { replayPair, warmUp } from '../replay-pair.ts';
import { configFromSource } from './open-config-source.ts';
import type { PairTask, WorkerMessage } from './replay-messages.ts';

if (parentPort === null) throw new Error('replay-worker.ts runs only as a worker thread');
const port = parentPort;

/** Configurations opened so far, by their source: each is warmed up once in this thread. */
const configs = new Map<string, Promise<BenchConfig>>();

async function configOf(task: PairTask): Promise<BenchConfig> {
  const key = JSON.stringify(task.config);
  let config = configs.get(key);
  if (config === undefined) {
    config = configFromSource(task.config).then(async (opened) => {
      await warmUp(task.trace, opened, task.tokenizer);
      return opened;
    });
    configs.set(key, config);
  }
  return config;
}

async function run(task: PairTask): Promise<void> {
  const send = (message: WorkerMessage): void => port.postMessage(message);
  let pair;
  try {
    const config = await configOf(task);
    pair = await replayPair(task.trace, task.probes, config, {
      tokenizer: task.tokenizer,
      onRequest: (trace, name, index) => send({ type: 'request', task: task.task, trace, config: name, index }),
      onBlock: task.blocks
        ? (row, before, after) => send({ type: 'block', task: task.task, row, before, after })
        : undefined,
    });
  } catch (error) {
    // A configuration that cannot be opened here (a plug-in that fails to load) fails its pairs, not the run.
    pair = {
      state: 'errored' as const,
      trace: task.trace.header.id,
      config: task.configName,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  send({ type: 'pair-done', task: task.task, pair });
}

port.on('message', (task: PairTask) => {
  void run(task);
});
