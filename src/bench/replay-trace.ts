/** Replays one trace through one configuration, request by request, as a proxy would see it. */
import { canonicalFromBody } from '../engine/canonical-request.ts';
import { compressRequest, type CompressedRequest } from '../engine/compress-request.ts';
import { createSession, type EngineSetup } from '../engine/engine-session.ts';
import { measureRequest, type RequestMeasure } from '../engine/measure-request.ts';
import { pathKey } from '../engine/request-parts.ts';
import { queryOriginal } from '../retrieve/query-original.ts';
import { containsAnswer, normalizeForMatch } from './answer-match.ts';
import { scoreProbe, type Retrieval } from './fidelity.ts';
import type { Probe } from './probe.ts';
import type { BlockRow, PairResult, ProbeRow, RequestRow } from './replay-rows.ts';
import { requestsOf, type Trace } from './trace.ts';

/** Called after each replayed request. */
export type RequestListener = (trace: string, config: string, requestIndex: number) => void;

function blockRows(trace: string, config: string, requestIndex: number, measure: RequestMeasure): BlockRow[] {
  const rows: BlockRow[] = [];
  for (const { result: { part, outcome, decidedNow }, before, after } of measure.parts) {
    if (!decidedNow || outcome === null) continue;
    const base = { trace, config, request_index: requestIndex, message_index: part.messageIndex, path: pathKey(part.path), tool_name: part.toolName ?? null };
    if (outcome.state === 'compressed') {
      const faults = outcome.faults?.map((fault) => `${fault.compressor}: ${fault.error}`).join('; ') ?? null;
      rows.push({ ...base, kind: outcome.kind, compressor: outcome.compressor, outcome: 'compressed', reason: faults, tokens_before: before, tokens_after: after, lossy: outcome.lossy, markers: outcome.dropped.length, compress_ms: outcome.ms });
    } else if (outcome.state === 'failed') {
      rows.push({ ...base, kind: outcome.kind ?? 'text', compressor: outcome.compressor, outcome: 'failed', reason: outcome.error, tokens_before: before, tokens_after: before, lossy: false, markers: 0, compress_ms: outcome.ms });
    } else {
      rows.push({ ...base, kind: outcome.kind ?? 'text', compressor: null, outcome: 'unchanged', reason: outcome.reason, tokens_before: before, tokens_after: before, lossy: false, markers: 0, compress_ms: outcome.ms });
    }
  }
  return rows;
}

/** Context text of a compressed request: every part as sent, in order. */
function contextText(compressed: CompressedRequest): string {
  return compressed.parts.map((p) => p.text).join('\n');
}

function storeRetrieval(setup: EngineSetup): Retrieval {
  return async (ref, query) => {
    const found = await setup.store.get(ref);
    if (!found.found || !containsAnswer(normalizeForMatch(found.original), query)) return { holdsAnswer: false, tokens: 0 };
    // The model would ask with the answer's terms (what terse_retrieve's query answers, computed on the
    // original already fetched); if that narrow answer misses it, it asks for the whole original.
    const narrow = query.trim() === '' ? found.original : queryOriginal(found.original, query.trim()).text;
    const text = containsAnswer(normalizeForMatch(narrow), query) ? narrow : found.original;
    return { holdsAnswer: true, tokens: setup.ruler.count(text) };
  };
}

/** Replays `trace` through the engine `setup` (a fresh session) and scores its probes on the last request. */
export async function replayTrace(trace: Trace, config: string, setup: EngineSetup, probes: readonly Probe[], listener?: RequestListener): Promise<PairResult> {
  const id = trace.header.id;
  try {
    const session = createSession(setup);
    const requests: RequestRow[] = [];
    const blocks: BlockRow[] = [];
    let last: CompressedRequest | null = null;
    for (const { index, body, messageCount } of requestsOf(trace)) {
      const compressed = await compressRequest(canonicalFromBody(body, trace.header.provider), session);
      // Counted after the timed compress: the engine's `ms` holds none of the report's counting.
      const measure = measureRequest(compressed, setup.ruler);
      const s = compressed.stats;
      requests.push({
        trace: id, config, request_index: index, messages: messageCount,
        tokens_before: measure.tokensBefore, tokens_after: measure.tokensAfter,
        compressible_before: measure.compressibleBefore, compressible_after: measure.compressibleAfter,
        compress_ms: s.ms, blocks_changed: s.blocksChanged, markers: s.markers,
      });
      blocks.push(...blockRows(id, config, index, measure));
      last = compressed;
      listener?.(id, config, index);
    }
    const probeRows: ProbeRow[] = [];
    const context = last ? contextText(last) : '';
    const retrieval = storeRetrieval(setup);
    for (const probe of probes) {
      const score = await scoreProbe(probe, context, retrieval);
      probeRows.push({ trace: id, config, probe: probe.id, kind: probe.kind, live_only: probe.live_only === true, outcome: score.outcome, retrieval_tokens: score.retrievalTokens });
    }
    return { state: 'ok', trace: id, config, requests, blocks, probes: probeRows };
  } catch (error) {
    return { state: 'errored', trace: id, config, error: error instanceof Error ? error.message : String(error) };
  }
}
