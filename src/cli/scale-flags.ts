/** `--workers N` and `--shard i/n`, which `bench` and `replay` share: declared once, read back as plain values. */
import os from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { TerseError } from '../errors.ts';
import { parseShard, type Shard } from '../bench/parallel/shard.ts';

/** The options as parsed. */
export interface ScaleFlags {
  /** Worker threads replaying pairs at once. @default every core (os.availableParallelism()) */
  readonly workers: number;
  readonly shard?: Shard;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--workers must be a whole number of at least 1');
  return n;
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof TerseError ? error.message : String(error));
  }
}

/** Adds the scale options to `command`. */
export function addScaleFlags(command: Command): Command {
  return command
    .option(
      '-w, --workers <n>',
      'worker threads replaying (trace, config) pairs at once (default: every core; a --live run replays in one)',
      workerCount,
      os.availableParallelism(),
    )
    .option(
      '--shard <i/n>',
      "replay only this machine's slice of the traces (1 <= i <= n); merge the shards' reports with terse merge",
      shardOption,
    );
}

/** The scale options out of a command's parsed options. */
export function scaleFlagsOf(opts: ScaleFlags): ScaleFlags {
  return opts.shard === undefined ? { workers: opts.workers } : { workers: opts.workers, shard: opts.shard };
}
