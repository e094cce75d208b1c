/**
 * What the main thread and the scoring worker say to each other. The main thread waits on a shared
 * Int32Array: slot 0 holds the id of the last reply posted, slot 1 becomes 1 when the worker exits.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ModelFolder } from './model-folder.ts';
import type { ScoringLimits } from './word-scorer.ts';

/** Slot of the shared flags holding the id of the newest reply. */
export const REPLY_SLOT = 0;
/** Slot of the shared flags set to 1 when the worker has exited. */
export const EXITED_SLOT = 1;

/** What the worker starts with. */
export interface ScoringWorkerData {
  readonly port: MessagePort;
  /** A SharedArrayBuffer of two Int32 slots (REPLY_SLOT, EXITED_SLOT). */
  readonly flags: SharedArrayBuffer;
  readonly folder: ModelFolder;
  readonly threads: number;
  readonly limits: ScoringLimits;
}

/** Score these words, in order. */
export interface ScoreRequest {
  readonly id: number;
  readonly words: readonly string[];
}

/** Scores, or why there are none; `loadMs` is set on the reply of the request that loaded the model. */
export type ScoreReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly scores: Float32Array;
      readonly loadMs: number | null;
      readonly scoreMs: number;
    }
  | { readonly id: number; readonly ok: false; readonly overBudget: boolean; readonly error: string };
