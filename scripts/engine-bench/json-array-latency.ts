/**
 * Latency of the engine on one large JSON array of log objects, generated like the headroom SRE
 * `search_logs` entries (seeded, so every run compresses the same bytes).
 */
import { createFleet, generateLogEntries, SERVICE_NAMES } from '../../src/suites/headroom/service-logs.ts';
import { createSeededRandom } from '../../src/suites/headroom/seeded-random.ts';
import { compressText, decideText } from '../../src/engine/compress-text.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import type { MeasuredBlockOutcome } from '../../src/engine/block-outcome.ts';
import { summarize, timeRuns, type RunPlan, type SampleSummary } from './sample-stats.ts';

/** `count` log entries as a pretty-printed JSON array, as an API or a log search tool returns them. */
export function logArrayText(count: number): string {
  const rng = createSeededRandom(count, 'engine-bench');
  const pods = createFleet(rng, SERVICE_NAMES.slice(0, 5));
  return JSON.stringify(generateLogEntries(rng, pods, { count, startSeconds: 8 * 3600, maxGapSeconds: 12 }), null, 2);
}

/** The trace id of entry `index` of a `logArrayText` array. */
function traceIdOf(text: string, index: number): string {
  const entry: unknown = (JSON.parse(text) as unknown[])[index];
  const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).trace_id : undefined;
  if (typeof id !== 'string') throw new Error(`log array entry ${index} has no trace_id`);
  return id;
}

/** Timings of one array: from cold, and with the input already counted (the engine's own work). */
export interface JsonArrayLatency {
  readonly items: number;
  readonly chars: number;
  readonly outcome: string;
  /** Fresh engine each run: the ruler counts the input (and the output where its bytes do not prove it smaller). */
  readonly cold: SampleSummary;
  /** The input's count cached beforehand: routing, compressing and the never-larger check. */
  readonly inputCounted: SampleSummary;
  /** From cold, with a conversation that names one entry's trace id (as a proxy's requests do): the rows holding it are looked for. */
  readonly mentioned: SampleSummary;
}

function describeOutcome(outcome: MeasuredBlockOutcome): string {
  if (outcome.state === 'compressed')
    return `${outcome.compressor}, ${outcome.tokensBefore} -> ${outcome.tokensAfter} tokens`;
  return outcome.state === 'passed' ? `passed: ${outcome.reason}` : `failed: ${outcome.error}`;
}

/** Times the engine's `decideText` (balanced, default registry) on a `count`-item array; the report's output count is not timed. */
export async function measureJsonArray(count: number, plan: RunPlan): Promise<JsonArrayLatency> {
  const text = logArrayText(count);
  const probe = await compressText(text, await createEngine({ profile: 'balanced' }));
  const cold = await timeRuns(
    plan,
    () => createEngine({ profile: 'balanced' }),
    (setup) => decideText(text, setup),
  );
  const inputCounted = await timeRuns(
    plan,
    async () => {
      const setup = await createEngine({ profile: 'balanced' });
      setup.ruler.count(text);
      return setup;
    },
    (setup) => decideText(text, setup),
  );
  const conversation = `Why did the request with trace id ${traceIdOf(text, Math.floor(count / 2))} fail?`;
  const mentioned = await timeRuns(
    plan,
    () => createEngine({ profile: 'balanced' }),
    (setup) => decideText(text, setup, { conversation }),
  );
  return {
    items: count,
    chars: text.length,
    outcome: describeOutcome(probe),
    cold: summarize(cold),
    inputCounted: summarize(inputCounted),
    mentioned: summarize(mentioned),
  };
}
