/**
 * One (trace, config) pair, replayed through a fresh opening of the configuration: its own store and
 * ruler, so a pair's rows never depend on which pairs ran before it, in which thread or shard.
 */
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { BenchConfig } from './bench-config.ts';
import type { Probe } from './probe.ts';
import { replayTrace, type BlockListener, type RequestListener, type ScoringPointHook } from './replay-trace.ts';
import type { PairResult } from './replay-rows.ts';
import type { Trace, TraceEvent } from './trace.ts';

/** What a pair replay is given beside the trace and config. */
export interface PairContext {
  readonly tokenizer: TokenizerName;
  readonly onRequest?: RequestListener | undefined;
  readonly onScoringPoint?: ScoringPointHook | undefined;
  /** Each block's text before and after, as it is decided (the report's drill-down). */
  readonly onBlock?: BlockListener | undefined;
  /** Hears what a strategy said of itself once its pair is done (an external proxy's name and version). */
  readonly onDescribed?: ((config: string, said: string) => void) | undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Replays `trace` through a new opening of `config`; a configuration that fails to open is an errored pair. */
export async function replayPair(
  trace: Trace,
  probes: readonly Probe[],
  config: BenchConfig,
  context: PairContext,
): Promise<PairResult> {
  let strategy;
  try {
    strategy = await config.open({ tokenizer: context.tokenizer });
  } catch (error) {
    return {
      state: 'errored',
      trace: trace.header.id,
      config: config.name,
      error: `the configuration did not open: ${describe(error)}`,
    };
  }
  try {
    return await replayTrace(
      trace,
      config.name,
      strategy,
      probes,
      context.onRequest,
      context.onScoringPoint,
      context.onBlock,
    );
  } finally {
    const said = strategy.describe?.() ?? null;
    if (said !== null) context.onDescribed?.(config.name, said);
    await strategy.close();
  }
}

/** Requests a warm-up replays: enough for the JIT to compile the paths a config takes. */
const WARM_UP_CALLS = 4;

/** The trace cut after its first `calls` model calls. */
function tracePrefix(trace: Trace, calls: number): Trace {
  const events: TraceEvent[] = [];
  let seen = 0;
  for (const event of trace.events) {
    if (event.type === 'call' && ++seen > calls) break;
    events.push(event);
  }
  return { header: trace.header, events };
}

/**
 * Replays the first requests of `trace` once, unmeasured, through a throwaway opening of `config`:
 * a thread's first requests otherwise carry JIT and tokenizer start-up, which would land in the
 * first pair's latency. Its own store and ruler, so nothing it counts or stores stays warm after.
 */
export async function warmUp(trace: Trace, config: BenchConfig, tokenizer: TokenizerName): Promise<void> {
  await replayPair(tracePrefix(trace, WARM_UP_CALLS), [], config, { tokenizer });
}
