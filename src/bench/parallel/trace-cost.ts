/** How much replaying a trace costs, estimated without replaying it: what balances workers and shards. */
import type { Trace } from '../trace.ts';

/**
 * The characters every request of the trace carries, summed: a request re-sends every message so
 * far, and the engine's and the ruler's work grows with what a request carries.
 */
export function traceCost(trace: Trace): number {
  let carried = JSON.stringify(trace.header.request).length;
  let cost = 0;
  for (const event of trace.events) {
    if (event.type === 'message') carried += JSON.stringify(event.message).length;
    else cost += carried;
  }
  // A trace with no call still costs its reading; never zero, so ties fall to the order given.
  return cost + 1;
}
