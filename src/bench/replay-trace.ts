/** Replays one trace through one configuration, request by request, as a proxy would see it. */
import { canonicalFromBody } from '../engine/request/canonical-request.ts';
import type { CompressedRequest } from '../engine/compress-request.ts';
import { measureRequest, type RequestMeasure } from '../engine/measure-request.ts';
import { pathKey } from '../engine/request/request-parts.ts';
import { userWordsOf } from '../engine/user-words-routing.ts';
import type { RequestPart } from '../types.ts';
import { retrieve, retrieveResultText } from '../retrieve/retrieve.ts';
import { scoreProbe } from './fidelity.ts';
import type { Probe, ScoringPoint } from './probe.ts';
import { discriminationOf, type ProbeDiscrimination } from './probe-discrimination.ts';
import type { RetrieveCall } from './reader/answer-blind-reader.ts';
import type { BlockRow, CacheRow, PairResult, ProbeRow, RequestRow } from './replay-rows.ts';
import { CacheCostLedger } from './cache/cache-cost-ledger.ts';
import { scoringContext } from './scoring-context.ts';
import type { ReplayStrategy } from './strategy/replay-strategy.ts';
import { requestMessageCounts, requestsOf, type Trace } from './trace.ts';
import { commandHead, toolOutputs } from './derive/tool-outputs.ts';
import type { Store } from '../store/store.ts';
import { scopedStore } from '../store/scoped-store.ts';

/** Volatile values a request row names. */
const VOLATILE_EXAMPLES = 3;

/** Called after each replayed request. */
export type RequestListener = (trace: string, config: string, requestIndex: number) => void;

/** Called for each block row with the block's text as it came and as it was sent (the report's drill-down). */
export type BlockListener = (row: BlockRow, before: string, after: string) => void;

/** Where an output sits (`message/block`), as `blockKey` reads a part's path. */
type CommandsByPlace = ReadonlyMap<string, string>;

function commandsOf(trace: Trace): CommandsByPlace {
  return new Map(toolOutputs(trace).map((o) => [`${o.turn}/${o.block ?? ''}`, commandHead(o.command)]));
}

/** `messages.3.content.0.content` -> `3/0`; `messages.5.content` -> `5/`. */
function placeOf(path: readonly (string | number)[]): string {
  const block = path[2] === 'content' && typeof path[3] === 'number' ? path[3] : '';
  return `${String(path[1])}/${block}`;
}

/** A probe at one of its scoring points: the request as compressed there, and the store its markers resolve in. */
export interface ScoringPointEvent {
  readonly trace: string;
  readonly config: string;
  readonly probe: Probe;
  readonly point: ScoringPoint;
  readonly requestIndex: number;
  readonly compressed: CompressedRequest;
  readonly store: Store;
}

/** Called at each scoring point after the offline score; the pair ends once every returned promise settles. */
export type ScoringPointHook = (event: ScoringPointEvent) => Promise<void> | void;

/** The `command` of a block that is user text, not a tool's output. */
export const USER_TEXT = '(user text)';

function blockRows(
  trace: string,
  config: string,
  requestIndex: number,
  measure: RequestMeasure,
  commands: CommandsByPlace,
  onBlock?: BlockListener,
): BlockRow[] {
  const rows: BlockRow[] = [];
  // Asked only of user text no tool printed: most requests have none.
  let userWords: ((part: RequestPart) => boolean) | null = null;
  for (const {
    result: { part, outcome, decidedNow, text },
    before,
    after,
  } of measure.parts) {
    if (!decidedNow || outcome === null) continue;
    // Text the user wrote or attached (an agent's task statement) is no tool's output: said so, not "unknown".
    // In a loop that sends tool output back as user text, only what precedes the first reply is the user's.
    const command =
      commands.get(placeOf(part.path)) ??
      (part.role === 'user' &&
      part.type === 'text' &&
      (userWords ??= userWordsOf(measure.parts.map((entry) => entry.result.part)))(part)
        ? USER_TEXT
        : null);
    const base = {
      trace,
      config,
      request_index: requestIndex,
      message_index: part.messageIndex,
      path: pathKey(part.path),
      tool_name: part.toolName ?? null,
      command,
    };
    if (outcome.state === 'compressed') {
      const faults = outcome.faults?.map((fault) => `${fault.compressor}: ${fault.error}`).join('; ') ?? null;
      rows.push({
        ...base,
        kind: outcome.kind,
        compressor: outcome.compressor,
        outcome: 'compressed',
        reason: faults,
        tokens_before: before,
        tokens_after: after,
        lossy: outcome.lossy,
        markers: outcome.dropped.length,
        compress_ms: outcome.ms,
      });
    } else if (outcome.state === 'failed') {
      rows.push({
        ...base,
        kind: outcome.kind ?? 'text',
        compressor: outcome.compressor,
        outcome: 'failed',
        reason: outcome.error,
        tokens_before: before,
        tokens_after: before,
        lossy: false,
        markers: 0,
        compress_ms: outcome.ms,
      });
    } else {
      rows.push({
        ...base,
        kind: outcome.kind ?? 'text',
        compressor: null,
        outcome: 'unchanged',
        reason: outcome.reason,
        tokens_before: before,
        tokens_after: before,
        lossy: false,
        markers: 0,
        compress_ms: outcome.ms,
      });
    }
    if (onBlock !== undefined) onBlock(rows[rows.length - 1] as BlockRow, part.text, text);
  }
  return rows;
}

/** The real `terse_retrieve` handler on the session's view of the strategy's store, as the reader calls it. */
function storeCall(store: Store): RetrieveCall {
  return async (args) => {
    const result = await retrieve(store, args);
    const found = result.state === 'found' && (result.matched === undefined || result.matched.count > 0);
    return { text: retrieveResultText(result), found };
  };
}

/** A probe's first scoring point: the first request whose messages include its evidence turn. */
export function firstRequestOf(probe: Probe, messageCounts: readonly number[]): number {
  const index = messageCounts.findIndex((count) => count > probe.evidence.turn);
  return index === -1 ? messageCounts.length - 1 : index;
}

/**
 * Replays `trace` through `strategy` (a fresh session) and scores every probe twice: on the first
 * request that carries its evidence, and on the last request.
 */
export async function replayTrace(
  trace: Trace,
  config: string,
  strategy: ReplayStrategy,
  probes: readonly Probe[],
  listener?: RequestListener,
  onScoringPoint?: ScoringPointHook,
  onBlock?: BlockListener,
): Promise<PairResult> {
  const id = trace.header.id;
  // The hook's work (a model answering) runs beside the replay; the store stays open until it ends.
  const hooked: Promise<void>[] = [];
  try {
    // One scope per replayed session: a marker of another trace is plain text here, as in a proxy.
    const compress = strategy.newSession(id);
    const store = scopedStore(strategy.store, id);
    const call = storeCall(store);
    const count = (text: string): number => strategy.ruler.count(text);
    const requests: RequestRow[] = [];
    const blocks: BlockRow[] = [];
    const probeRows: ProbeRow[] = [];
    // Requests are built one at a time: holding every request's copy of the history at once made
    // memory quadratic in the session's length (a 76 MB trace peaked at 2.1 GB).
    const counts = requestMessageCounts(trace);
    const ledger = new CacheCostLedger(id, config);
    const cache: CacheRow[] = [];
    const commands = commandsOf(trace);
    const firstOf = new Map(probes.map((probe) => [probe, firstRequestOf(probe, counts)]));
    const judged = new Map<Probe, ProbeDiscrimination>();
    const score = async (
      probe: Probe,
      point: ScoringPoint,
      index: number,
      compressed: CompressedRequest,
      tokensAfter: number,
    ): Promise<void> => {
      const result = await scoreProbe(probe, scoringContext(compressed, tokensAfter), call, count);
      const { discriminating, ambiguous } = judged.get(probe) ?? { discriminating: false, ambiguous: false };
      probeRows.push({
        trace: id,
        config,
        probe: probe.id,
        kind: probe.kind,
        live_only: probe.live_only === true,
        point,
        request_index: index,
        discriminating,
        ambiguous,
        outcome: result.outcome,
        retrieval_calls: result.retrievalCalls,
        retrieval_tokens: result.retrievalTokens,
      });
      if (onScoringPoint)
        hooked.push(
          Promise.resolve(onScoringPoint({ trace: id, config, probe, point, requestIndex: index, compressed, store })),
        );
    };
    let last: { compressed: CompressedRequest; tokensAfter: number; index: number } | null = null;
    for (const { index, body, messageCount } of requestsOf(trace)) {
      const compressed = await compress(canonicalFromBody(body, trace.header.provider));
      // Counted after the timed compress: the engine's `ms` holds none of the report's counting.
      const measure = measureRequest(compressed, strategy.ruler);
      const s = compressed.stats;
      requests.push({
        trace: id,
        config,
        request_index: index,
        messages: messageCount,
        tokens_before: measure.tokensBefore,
        tokens_after: measure.tokensAfter,
        compressible_before: measure.compressibleBefore,
        compressible_after: measure.compressibleAfter,
        compress_ms: s.ms,
        blocks_changed: s.blocksChanged,
        markers: s.markers,
        volatile_values: s.alignment?.volatile.length ?? 0,
        volatile_examples: (s.alignment?.volatile ?? [])
          .slice(0, VOLATILE_EXAMPLES)
          .map((v) => `${v.kind}:${v.text}`)
          .join('; '),
        breakpoints: s.alignment?.breakpoints ?? 0,
      });
      blocks.push(...blockRows(id, config, index, measure, commands, onBlock));
      cache.push(...ledger.record(index, compressed, measure, strategy.ruler));
      for (const probe of probes) {
        if (firstOf.get(probe) !== index) continue;
        judged.set(probe, discriminationOf(probe, compressed.request.parts));
        await score(probe, 'first', index, compressed, measure.tokensAfter);
      }
      last = { compressed, tokensAfter: measure.tokensAfter, index };
      listener?.(id, config, index);
    }
    if (last !== null)
      for (const probe of probes) await score(probe, 'last', last.index, last.compressed, last.tokensAfter);
    await Promise.all(hooked);
    return { state: 'ok', trace: id, config, requests, blocks, probes: probeRows, cache };
  } catch (error) {
    await Promise.allSettled(hooked);
    return { state: 'errored', trace: id, config, error: error instanceof Error ? error.message : String(error) };
  }
}
