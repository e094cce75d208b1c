/**
 * What a proxy pays per request of a session: every request of a trace replayed in order through one
 * session, so a block is decided in the first request that carries it and sent frozen after that.
 * Each request's compress time sits next to the ruler's time to count that request once (fresh ruler).
 * `request-overhead.ts` measures the other end: one request with every block new at once.
 */
import { clearMergeCache } from 'gpt-tokenizer/encoding/o200k_base';
import { requestsOf } from '../../src/bench/trace.ts';
import { canonicalFromBody } from '../../src/engine/request/canonical-request.ts';
import { compressRequest } from '../../src/engine/compress-request.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import { createSession } from '../../src/engine/engine-session.ts';
import type { NamedSuiteBuild } from '../../src/testkit/invariants/invariant-suites.ts';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import { codePiecesOf } from './code-parse-share.ts';
import type { CompressedRequest } from '../../src/engine/compress-request.ts';
import type { MergeCache } from './request-overhead.ts';
import { summarize, type RunPlan } from './sample-stats.ts';

/** One request of a replayed session: medians over the plan's runs. */
export interface SessionRequestOverhead {
  readonly label: string;
  readonly compressMs: number;
  readonly countMs: number;
  /** The median of the runs' compress / count ratios. */
  readonly ratio: number;
  /** Characters of code (whole blocks and sections of mixed ones) among the blocks this request decided. */
  readonly newCodeChars: number;
}

/** Characters of code among the blocks `result` decided now, as detection sees them (measured untimed). */
function newCodeChars(result: CompressedRequest): number {
  let chars = 0;
  for (const { part, decidedNow } of result.parts) {
    if (decidedNow) for (const piece of codePiecesOf(part.text)) chars += piece.text.length;
  }
  return chars;
}

/** Every request of every trace of `suite`, replayed `plan.warmup + plan.runs` times, one session per replay. */
export async function measureSessionOverhead(
  suite: NamedSuiteBuild,
  plan: RunPlan,
  mergeCache: MergeCache,
): Promise<SessionRequestOverhead[]> {
  if (suite.build.state !== 'ready') return [];
  const reset = (): void => {
    if (mergeCache === 'cold') clearMergeCache();
  };
  const out: SessionRequestOverhead[] = [];
  for (const trace of suite.build.traces) {
    const requests = [...requestsOf(trace)];
    const compress: number[][] = requests.map(() => []);
    const count: number[][] = requests.map(() => []);
    const codeChars: number[] = requests.map(() => 0);
    for (let run = 0; run < plan.warmup + plan.runs; run++) {
      const session = createSession(await createEngine({ profile: 'balanced' }));
      for (const [index, request] of requests.entries()) {
        reset();
        const started = performance.now();
        const result = await compressRequest(canonicalFromBody(request.body, trace.header.provider), session);
        const compressMs = performance.now() - started;
        if (run === 0) codeChars[index] = newCodeChars(result);
        const wire = JSON.stringify(request.body);
        const ruler = createTokenRuler('o200k_base');
        reset();
        const counting = performance.now();
        ruler.count(wire);
        const countMs = performance.now() - counting;
        if (run >= plan.warmup) {
          compress[index]?.push(compressMs);
          count[index]?.push(countMs);
        }
      }
    }
    for (const [index, request] of requests.entries()) {
      const compressRuns = compress[index] ?? [];
      const countRuns = count[index] ?? [];
      // The median of each run's ratio: both sides of one run met the same load.
      const ratio = summarize(compressRuns.map((ms, run) => ms / (countRuns[run] ?? Number.NaN))).p50;
      out.push({
        label: `${suite.name}/${trace.header.id}#${request.index}`,
        compressMs: summarize(compressRuns).p50,
        countMs: summarize(countRuns).p50,
        ratio,
        newCodeChars: codeChars[index] ?? 0,
      });
    }
  }
  return out;
}
