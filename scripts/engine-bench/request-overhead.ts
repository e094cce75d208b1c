/**
 * How long compressing a request takes next to counting it once: both with a fresh session, engine
 * setup and ruler each run, since a proxy meets each new block once. The tokenizer library's own
 * BPE merge cache is process-wide: `warm` leaves it as earlier runs left it (a proxy's steady
 * state), `cold` clears it before every run of either side.
 */
import type { BlockOutcome } from '../../src/engine/block-outcome.ts';
import { canonicalFromBody } from '../../src/engine/request/canonical-request.ts';
import { compressRequest, type CompressedRequest } from '../../src/engine/compress-request.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import { createSession } from '../../src/engine/engine-session.ts';
import { clearMergeCache } from 'gpt-tokenizer/encoding/o200k_base';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { BenchRequest } from './bench-requests.ts';
import { summarize, timeRuns, type RunPlan } from './sample-stats.ts';

/** One request's medians and their ratio. */
export interface RequestOverhead {
  readonly label: string;
  readonly bytes: number;
  readonly compressMs: number;
  readonly countMs: number;
  /** The median of the runs' compress / count ratios (each run times both sides back to back). */
  readonly ratio: number;
  /** Of the last compress run: time inside detection and compressors, never-larger counts excluded. */
  readonly routingMs: number;
  /** Of the last compress run: the block that took longest, as `kind/compressor-or-state ms`. */
  readonly slowestBlock: string;
}

function routingOf(result: CompressedRequest | null): { routingMs: number; slowestBlock: string } {
  const blocks = (result?.parts ?? []).flatMap((entry) =>
    entry.decidedNow && entry.outcome !== null ? [entry.outcome] : [],
  );
  const slowest = blocks.reduce<BlockOutcome | null>((a, b) => (a === null || b.ms > a.ms ? b : a), null);
  const name =
    slowest === null
      ? 'none'
      : `${slowest.kind ?? '-'}/${slowest.state === 'compressed' ? slowest.compressor : slowest.state} ${slowest.ms.toFixed(1)} ms`;
  return { routingMs: blocks.reduce((sum, outcome) => sum + outcome.ms, 0), slowestBlock: name };
}

/** State of the tokenizer library's merge cache at the start of each run. */
export type MergeCache = 'warm' | 'cold';

/**
 * Median compress and count times of one request over `plan.runs` runs, and the median of the runs'
 * ratios. Each run compresses and then counts, back to back, so that both sides of a ratio meet the
 * same load on a shared machine.
 */
export async function measureRequestOverhead(
  request: BenchRequest,
  plan: RunPlan,
  mergeCache: MergeCache,
): Promise<RequestOverhead> {
  const wire = JSON.stringify(request.body);
  let last: CompressedRequest | null = null;
  const reset = (): void => {
    if (mergeCache === 'cold') clearMergeCache();
  };
  const compress: number[] = [];
  const count: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < plan.warmup + plan.runs; run++) {
    const session = createSession(await createEngine({ profile: 'balanced' }));
    reset();
    const [compressMs] = await timeRuns(
      { warmup: 0, runs: 1 },
      () => session,
      async (state) => {
        last = await compressRequest(canonicalFromBody(request.body, request.provider), state);
      },
    );
    const ruler = createTokenRuler('o200k_base');
    reset();
    const [countMs] = await timeRuns(
      { warmup: 0, runs: 1 },
      () => ruler,
      (state) => state.count(wire),
    );
    if (run < plan.warmup || compressMs === undefined || countMs === undefined) continue;
    compress.push(compressMs);
    count.push(countMs);
    ratios.push(compressMs / countMs);
  }
  return {
    label: request.label,
    bytes: request.bytes,
    compressMs: summarize(compress).p50,
    countMs: summarize(count).p50,
    ratio: summarize(ratios).p50,
    ...routingOf(last),
  };
}
