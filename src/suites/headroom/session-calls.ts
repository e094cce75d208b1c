/** Where a generated session calls the model: the choice every headroom trace builder shares. */
import type { JsonObject } from '../../types.ts';
import type { TraceEvent } from '../../bench/trace.ts';

/**
 * `every-turn`: a call before each assistant message and one at the end, as a proxy sees an agent
 * loop step by step. `final`: one call at the end, the single request Headroom measured.
 */
export type CallPlan = 'every-turn' | 'final';

/** Trace events for `messages`, with calls placed by `plan`. */
export function sessionEvents(messages: readonly JsonObject[], plan: CallPlan): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (const message of messages) {
    if (plan === 'every-turn' && message.role === 'assistant' && events.length > 0) events.push({ type: 'call' });
    events.push({ type: 'message', message });
  }
  events.push({ type: 'call' });
  return events;
}
