/**
 * How long compressing a request takes next to counting it once: both with a fresh session, engine
 * setup and ruler each run, since a proxy meets each new block once. The tokenizer library's own
 * BPE merge cache is process-wide: `warm` leaves it as earlier runs left it (a proxy's steady
 * state), `cold` clears it before every run of either side.
 */
import type { BlockOutcome } from '../../src/engine/block-outcome.ts';
import { canonicalFromBody } from '../../src/engine/canonical-request.ts';
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
  /** compressMs / countMs. */
  readonly ratio: number;
  /** Of the last compress run: time inside detection and compressors, never-larger counts excluded. */
  readonly routingMs: number;
  /** Of the last compress run: the block that took longest, as `kind/compressor-or-state ms`. */
  readonly slowestBlock: string;
}

function routingOf(result: CompressedRequest | null): { routingMs: number; slowestBlock: string } {
  const blocks = (result?.parts ?? []).flatMap((entry) => (entry.decidedNow && entry.outcome !== null ? [entry.outcome] : []));
  const slowest = blocks.reduce<BlockOutcome | null>((a, b) => (a === null || b.ms > a.ms ? b : a), null);
  const name = slowest === null ? 'none' : `${slowest.kind ?? '-'}/${slowest.state === 'compressed' ? slowest.compressor : slowest.state} ${slowest.ms.toFixed(1)} ms`;
  return { routingMs: blocks.reduce((sum, outcome) => sum + outcome.ms, 0), slowestBlock: name };
}

/** State of the tokenizer library's merge cache at the start of each run. */
export type MergeCache = 'warm' | 'cold';

/** Median compress and count times of one request over `plan.runs` runs. */
export async function measureRequestOverhead(request: BenchRequest, plan: RunPlan, mergeCache: MergeCache): Promise<RequestOverhead> {
  const wire = JSON.stringify(request.body);
  let last: CompressedRequest | null = null;
  const reset = (): void => {
    if (mergeCache === 'cold') clearMergeCache();
  };
  const compress = await timeRuns(
    plan,
    async () => {
      const session = createSession(await createEngine({ profile: 'balanced' }));
      reset();
      return session;
    },
    async (session) => {
      last = await compressRequest(canonicalFromBody(request.body, request.provider), session);
    },
  );
  const count = await timeRuns(
    plan,
    () => {
      reset();
      return createTokenRuler('o200k_base');
    },
    (ruler) => ruler.count(wire),
  );
  const compressMs = summarize(compress).p50;
  const countMs = summarize(count).p50;
  return { label: request.label, bytes: request.bytes, compressMs, countMs, ratio: compressMs / countMs, ...routingOf(last) };
}
