/**
 * The main thread's side of the scoring worker: a synchronous `score(words)` (the Compressor interface
 * is synchronous) that posts the words to a worker thread and sleeps on a shared flag until the reply
 * is posted. The worker starts on the first call, so a process that never scores never loads the
 * model; one worker per model folder and thread count answers every engine of the process, one
 * request at a time.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { TextModelSkipped } from '../../errors.ts';
import type { ModelFolder } from './model-folder.ts';
import { EXITED_SLOT, REPLY_SLOT, type ScoreReply, type ScoringWorkerData } from './scoring-protocol.ts';
import { DEFAULT_SCORING_LIMITS, type ScoringLimits } from './word-scorer.ts';

/** Scores for words and what producing them took. */
export interface BridgeScores {
  readonly scores: Float32Array;
  /** Milliseconds the model took to load, on the call that loaded it; null on every other. */
  readonly loadMs: number | null;
  /** Milliseconds of scoring inside the worker (tokenizing and the ONNX runs). */
  readonly scoreMs: number;
}

/** A synchronous handle on the scoring worker. */
export interface ScoringBridge {
  /**
   * Scores `words`; throws TextModelSkipped when the worker refuses (over its work budget), fails, has
   * exited, or `deadlineMs` passes. A null deadline waits as long as scoring takes (bench and replay runs).
   */
  score(words: readonly string[], deadlineMs: number | null): BridgeScores;
  /** Stops the worker (it is unreferenced anyway: it never keeps a process alive). */
  close(): Promise<void>;
}

// How often a wait wakes to look for an exited worker: no output depends on it.
const LIVENESS_CHECK_MS = 1_000;

function bootstrapUrl(): URL {
  const source = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const worker = new URL(`./scoring-worker.${source}`, import.meta.url).href;
  // A worker does not inherit the parent's TypeScript loader: the TypeScript sources register tsx first.
  const register =
    source === 'ts'
      ? `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();`
      : '';
  const code = [
    "import { workerData } from 'node:worker_threads';",
    // Set before anything can fail, so that a worker that dies loading still wakes the main thread.
    'const flags = new Int32Array(workerData.flags);',
    `process.on('exit', () => { Atomics.store(flags, ${EXITED_SLOT}, 1); Atomics.notify(flags, ${REPLY_SLOT}); });`,
    register,
    `await import(${JSON.stringify(worker)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly flags: Int32Array;
}

/** A bridge to a worker scoring with `folder` (started on the first `score`). */
export function createScoringBridge(
  folder: ModelFolder,
  threads: number,
  limits: ScoringLimits = DEFAULT_SCORING_LIMITS,
): ScoringBridge {
  let running: Running | null = null;
  let nextId = 0;
  let exitError: string | null = null;

  const start = (): Running => {
    const { port1, port2 } = new MessageChannel();
    const flags = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const workerData: ScoringWorkerData = { port: port2, flags, folder, threads, limits };
    const worker = new Worker(bootstrapUrl(), { workerData, transferList: [port2], stdout: false, stderr: false });
    worker.unref();
    // A worker that dies raises the exited flag; its error, once the event loop delivers it, names why.
    worker.on('error', (error) => {
      exitError = error.message;
    });
    return { worker, port: port1, flags: new Int32Array(flags) };
  };

  const waitFor = (current: Running, id: number, deadlineMs: number | null): ScoreReply => {
    const until = deadlineMs === null ? Number.POSITIVE_INFINITY : performance.now() + deadlineMs;
    for (;;) {
      const seen = Atomics.load(current.flags, REPLY_SLOT);
      for (
        let message = receiveMessageOnPort(current.port);
        message !== undefined;
        message = receiveMessageOnPort(current.port)
      ) {
        const reply = message.message as ScoreReply;
        // Replies to requests whose deadline passed arrive late and are dropped here.
        if (reply.id === id) return reply;
      }
      if (Atomics.load(current.flags, EXITED_SLOT) === 1)
        throw new TextModelSkipped(
          'model-failed',
          `the scoring worker exited${exitError === null ? '' : `: ${exitError}`}`,
        );
      const left = until - performance.now();
      if (left <= 0) throw new TextModelSkipped('deadline', `no scores within ${deadlineMs} ms`);
      Atomics.wait(current.flags, REPLY_SLOT, seen, Math.min(left, LIVENESS_CHECK_MS));
    }
  };

  return {
    score(words, deadlineMs) {
      running ??= start();
      nextId += 1;
      running.port.postMessage({ id: nextId, words });
      const reply = waitFor(running, nextId, deadlineMs);
      if (!reply.ok) throw new TextModelSkipped(reply.overBudget ? 'size-gate' : 'model-failed', reply.error);
      return { scores: reply.scores, loadMs: reply.loadMs, scoreMs: reply.scoreMs };
    },
    async close() {
      const current = running;
      running = null;
      if (current !== null) {
        current.port.close();
        await current.worker.terminate();
      }
    },
  };
}
