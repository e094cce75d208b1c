/**
 * A client's own `"ttl": "1h"` breakpoint, end to end through a replay: the ledger reads it from the
 * request, the simulator keeps the entry an hour, and the write is priced at 2x input instead of 1.25x.
 * A real local session, one tool result marked by the client with one TTL or the other.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import { resolveBenchConfig } from '../bench-config.ts';
import { replayTrace } from '../replay-trace.ts';
import { buildTraceFilesSuite } from '../trace-files-suite.ts';
import type { Trace, TraceEvent } from '../trace.ts';

/**
 * `trace` with `cache_control` (with `ttl` when given) on the last block of its first tool-result
 * message that ends a prefix long enough to cache (over 8,000 characters of messages before it).
 */
function markedFirstMessage(trace: Trace, ttl: '1h' | null): Trace {
  let marked = false;
  let chars = 0;
  const control: JsonObject = ttl === null ? { type: 'ephemeral' } : { type: 'ephemeral', ttl };
  const events: TraceEvent[] = trace.events.map((event) => {
    if (event.type !== 'message' || marked) return event;
    const content: JsonValue = event.message.content ?? '';
    chars += JSON.stringify(content).length;
    if (chars < 8_000 || !Array.isArray(content) || !content.some((b) => (b as JsonObject).type === 'tool_result'))
      return event;
    marked = true;
    const blocks = content as JsonObject[];
    const last = blocks.length - 1;
    return {
      type: 'message',
      message: { ...event.message, content: blocks.map((b, i) => (i === last ? { ...b, cache_control: control } : b)) },
    };
  });
  return { ...trace, events };
}

async function anthropicCost(trace: Trace): Promise<{ cost: number; write: number; read: number }> {
  const strategy = await resolveBenchConfig('none').open({ tokenizer: 'o200k_base' });
  try {
    const result = await replayTrace(trace, 'none', strategy, []);
    if (result.state !== 'ok') throw new Error(result.error);
    const rows = result.cache.filter((row) => row.provider === 'anthropic');
    return {
      cost: rows.reduce((n, row) => n + row.cost_usd, 0),
      write: rows.reduce((n, row) => n + row.cache_write_tokens, 0),
      read: rows.reduce((n, row) => n + row.cache_read_tokens, 0),
    };
  } finally {
    await strategy.close();
  }
}

describe('a client breakpoint asking for the 1-hour cache', () => {
  it('writes and reads what the 5-minute one does at 30 s between calls, and pays 2x instead of 1.25x for the writes', async () => {
    const build = await buildTraceFilesSuite(path.join(environment.projectRoot, 'traces', 'local'));
    if (build.state !== 'ready') throw new Error(build.reason);
    const trace = build.traces.find((t) => t.header.provider === 'anthropic') as Trace;
    const short = await anthropicCost(markedFirstMessage(trace, null));
    const long = await anthropicCost(markedFirstMessage(trace, '1h'));
    expect(short.write).toBeGreaterThan(0);
    expect(long.write).toBe(short.write);
    expect(long.read).toBe(short.read);
    // Only the write price differs: (2 - 1.25) x input per written token (claude-sonnet-4-5: $3 / MTok).
    expect(long.cost - short.cost).toBeCloseTo((short.write * 3 * 0.75) / 1_000_000, 6);
  });
});
