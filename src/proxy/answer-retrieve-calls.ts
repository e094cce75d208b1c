/** Answers the model's `terse_retrieve` calls from the store, as the retrieve tool itself would. */
import { retrieve, retrieveResultText } from '../retrieve/retrieve.ts';
import type { Store } from '../store/store.ts';
import type { ProxyStats } from './proxy-stats.ts';
import type { ToolAnswer, ToolCall } from './wire/wire.ts';

/** Said after the tool's own explanation when the original cannot be had: the model knows what to do next. */
export const NOT_AVAILABLE_ADVICE = 'Not available: re-run the tool that produced this output to see it again.';

/** One answer per call, in order; a store failure answers that call instead of failing the request. */
export async function answerRetrieveCalls(
  store: Store,
  calls: readonly ToolCall[],
  stats: ProxyStats,
): Promise<ToolAnswer[]> {
  return Promise.all(
    calls.map(async (call) => {
      stats.retrieveCalls++;
      try {
        const result = await retrieve(store, call.args);
        if (result.state === 'found') return { call, text: retrieveResultText(result) };
        stats.retrieveMisses++;
        const text = retrieveResultText(result);
        return { call, text: result.state === 'missing' ? `${text} ${NOT_AVAILABLE_ADVICE}` : text };
      } catch (error) {
        stats.retrieveMisses++;
        const reason = error instanceof Error ? error.message : String(error);
        return { call, text: `terse_retrieve: the store failed (${reason}). ${NOT_AVAILABLE_ADVICE}` };
      }
    }),
  );
}
