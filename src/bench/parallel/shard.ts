/**
 * `--shard i/n`: the slice of a run's traces one machine replays. Every shard sees the same trace
 * list (the suites are built whole, then sliced) and slices it the same way, so the n slices
 * partition the run: each trace, with every configuration, in exactly one shard. Traces are dealt
 * longest first to the shard with the least work so far (ties to the lower shard), so shards take
 * about equal time; the deal depends only on the traces, never on the machine or the clock.
 */
import { ConfigError } from '../../errors.ts';
import type { Trace } from '../trace.ts';
import { traceCost } from './trace-cost.ts';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

const SHARD = /^(\d+)\/(\d+)$/;

/** Reads `i/n` (1 <= i <= n); anything else is a ConfigError naming the value. */
export function parseShard(value: string): Shard {
  const match = SHARD.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count)
    throw new ConfigError(`--shard ${value}`, 'must be i/n with 1 <= i <= n, e.g. 2/4');
  return { index, count };
}

/** `i/n`, as the flag is written. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The shard (1-based) each trace goes to, in the order given. */
export function dealShards(traces: readonly Trace[], count: number): number[] {
  const order = traces
    .map((trace, at) => ({ at, cost: traceCost(trace) }))
    .sort((a, b) => b.cost - a.cost || a.at - b.at);
  const load = new Array<number>(count).fill(0);
  const shardOf = new Array<number>(traces.length).fill(0);
  for (const { at, cost } of order) {
    let least = 0;
    for (let s = 1; s < count; s++) if ((load[s] ?? 0) < (load[least] ?? 0)) least = s;
    load[least] = (load[least] ?? 0) + cost;
    shardOf[at] = least + 1;
  }
  return shardOf;
}

/** The items of `shard`, in their given order; `traceOf` reads each item's trace. */
export function sliceForShard<T>(items: readonly T[], shard: Shard, traceOf: (item: T) => Trace): T[] {
  const dealt = dealShards(items.map(traceOf), shard.count);
  const slice = items.filter((_item, at) => dealt[at] === shard.index);
  if (slice.length === 0)
    throw new ConfigError(
      `--shard ${formatShard(shard)}`,
      `gets no traces: the run has ${items.length}, fewer than ${shard.count} shards`,
    );
  return slice;
}
