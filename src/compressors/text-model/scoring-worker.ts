/**
 * The scoring worker: loads the model on the first request (never before), then answers requests one
 * at a time, in order. Every request gets a reply, an error included, so the main thread never waits
 * on a request the worker dropped.
 */
import { workerData } from 'node:worker_threads';
import {
  EXITED_SLOT,
  REPLY_SLOT,
  type ScoreReply,
  type ScoreRequest,
  type ScoringWorkerData,
} from './scoring-protocol.ts';
import { ScoringBudgetExceeded } from '../../errors.ts';
import { loadWordScorer, type WordScorer } from './word-scorer.ts';

const { port, flags: buffer, folder, threads, limits } = workerData as ScoringWorkerData;
const flags = new Int32Array(buffer);
let scorer: Promise<WordScorer> | null = null;
let loadReported = false;
let queue: Promise<void> = Promise.resolve();

async function answer(request: ScoreRequest): Promise<ScoreReply> {
  try {
    scorer ??= loadWordScorer(folder, threads, limits);
    const loaded = await scorer;
    const started = performance.now();
    const scores = await loaded.score(request.words);
    const loadMs = loadReported ? null : loaded.loadMs;
    loadReported = true;
    return { id: request.id, ok: true, scores, loadMs, scoreMs: performance.now() - started };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      overBudget: error instanceof ScoringBudgetExceeded,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

port.on('message', (request: ScoreRequest) => {
  queue = queue.then(async () => {
    const reply = await answer(request);
    port.postMessage(reply);
    Atomics.store(flags, REPLY_SLOT, request.id);
    Atomics.notify(flags, REPLY_SLOT);
  });
});

process.on('exit', () => {
  Atomics.store(flags, EXITED_SLOT, 1);
  Atomics.notify(flags, REPLY_SLOT);
});
