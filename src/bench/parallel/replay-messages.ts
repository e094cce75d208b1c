/** What the main thread and a replay worker say to each other: plain, structured-clone safe data. */
import type { TokenizerName } from '../../tokenize/tokenizer-name.ts';
import type { ConfigSource } from '../config-source.ts';
import type { Probe } from '../probe.ts';
import type { BlockRow, PairResult } from '../replay-rows.ts';
import type { Trace } from '../trace.ts';

/** One pair to replay: the trace travels with it, so a worker holds only the traces it is replaying. */
export interface PairTask {
  readonly type: 'pair';
  /** The pair's place in the run, so results can be put back in order. */
  readonly task: number;
  readonly trace: Trace;
  readonly probes: readonly Probe[];
  readonly config: ConfigSource;
  /** The configuration's name, for the rows of a pair whose configuration failed to open. */
  readonly configName: string;
  readonly tokenizer: TokenizerName;
  /** Whether the main thread wants each block's text before and after (BlockDone messages). */
  readonly blocks: boolean;
}

/** From a worker: one request of a pair was replayed (progress). */
export interface RequestDone {
  readonly type: 'request';
  readonly task: number;
  readonly trace: string;
  readonly config: string;
  readonly index: number;
}

/** From a worker: a pair is finished (ok or errored; a replay error is a row, not a crash). */
export interface PairDone {
  readonly type: 'pair-done';
  readonly task: number;
  readonly pair: PairResult;
}

/** From a worker: one block's row with its text before and after (only when the task asked for them). */
export interface BlockDone {
  readonly type: 'block';
  readonly task: number;
  readonly row: BlockRow;
  readonly before: string;
  readonly after: string;
}

/** Messages a worker sends. */
export type WorkerMessage = RequestDone | BlockDone | PairDone;
