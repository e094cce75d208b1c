/**
 * compress(request) -> { request, stats }: every compressible block routed, stored, marked, frozen.
 * Only what decides the output is done here; token counts for reports are `measureRequest`'s work.
 */
import type { JsonObject, JsonValue, RequestPart } from '../types.ts';
import { outcomeText, type BlockOutcome } from './block-outcome.ts';
import { applyEdits, type CanonicalRequest, type RequestEdits } from './request/canonical-request.ts';
import { blockRouting, type BlockRouting } from './block-routing.ts';
import { decidePart } from './decide-part.ts';
import { userWordsOf } from './user-words-routing.ts';
import { sentViews } from './repeats/sent-outputs.ts';
import type { EngineSession } from './engine-session.ts';
import { pathKey } from './request/request-parts.ts';
import { firstMissing, missingOriginals, restoreOriginals, unresolvable } from './keep-originals-stored.ts';
import { messageHash, sentPrefixEnd } from './sent-prefix.ts';
import { countOnce } from './count-once.ts';
import { conversationOf } from './conversation-text.ts';
import { markerCount, messageOf, settle, type Compressed, type Routed } from './routed-parts.ts';
import { settleRetrieveTool } from './place-retrieve-tool.ts';
import { alignCache, type AlignmentStats, type SentTokens } from './cache-aligner/align-cache.ts';

/** One part of the request and what became of it. */
export interface PartResult {
  readonly part: RequestPart;
  /** Null for a part the engine never routes (not compressible): it is sent as it came. */
  readonly outcome: BlockOutcome | null;
  /** True when this request is the first to carry the block (its outcome was decided now). */
  readonly decidedNow: boolean;
  /** The text sent for the part. */
  readonly text: string;
}

/** What the engine did to one request, without token counts (see `measureRequest`). */
export interface RequestStats {
  readonly blocksChanged: number;
  readonly markers: number;
  readonly ms: number;
  readonly retrieveToolAdded: boolean;
  /** What the cache aligner found and added; absent when it is off. */
  readonly alignment?: AlignmentStats;
}

export interface CompressedRequest {
  readonly request: CanonicalRequest;
  readonly edits: RequestEdits;
  readonly parts: readonly PartResult[];
  readonly stats: RequestStats;
}

// What an item of a request's parts is while the request is settled (see compressRequest).
const RAW = 0;
const SENT = 1;
const ROUTED = 2;

/** Every marker the request sends resolves in the session's store (see keep-originals-stored.ts). */
async function keepMarkersResolvable(
  routed: readonly Routed[],
  session: EngineSession,
  body: JsonObject,
  drops: number | null,
): Promise<void> {
  const compressed = routed.filter(
    (e): e is Routed & { outcome: Compressed } => e.outcome.state === 'compressed' && e.outcome.dropped.length > 0,
  );
  // One question to the store for the whole request; only blocks it lost are looked at one by one.
  const missing = await missingOriginals(
    compressed.map((e) => e.outcome),
    session.store,
  );
  session.storeDrops = drops;
  if (missing.size === 0) return;
  session.storeDrops = null;
  let putAgain = false;
  for (const entry of compressed) {
    if (!entry.outcome.dropped.some((d) => missing.has(d.ref))) continue;
    const { put, error } = await restoreOriginals(entry.outcome, session.store);
    putAgain ||= put;
    if (error !== null) settle(entry, unresolvable(entry.outcome, error), session, body);
  }
  if (!putAgain) return;
  // A put may have evicted an original checked before it: the request's markers are checked again.
  for (const entry of compressed) {
    if (entry.outcome.state !== 'compressed') continue;
    const lost = await firstMissing(entry.outcome, session.store);
    if (lost !== null)
      settle(
        entry,
        unresolvable(entry.outcome, `original ${lost} was evicted to store another block of the same request`),
        session,
        body,
      );
  }
}

/** Token sizes of the request as sent, for the aligner: counted only if it asks. */
function sentTokens(
  session: EngineSession,
  results: readonly PartResult[],
  tools: readonly JsonValue[] | undefined,
): SentTokens {
  const { ruler } = session.setup;
  const toolsText = tools === undefined ? null : JSON.stringify(tools);
  // A part's count is kept by its result object (count-once.ts): counting every earlier part again would hash the whole history on each request.
  const count = (r: PartResult): number =>
    r.part.role === 'tools' && toolsText !== null ? ruler.count(toolsText) : countOnce(ruler, r, r.text);
  const toolsAlone = (): number => results.filter((r) => r.part.role === 'tools').reduce((n, r) => n + count(r), 0);
  return {
    prefix: () => results.filter((r) => r.part.messageIndex < 0).reduce((n, r) => n + count(r), 0),
    tools: toolsAlone,
    // A request without tools of its own may carry the retrieve tool as a new list.
    total: () =>
      results.reduce((n, r) => n + count(r), 0) +
      (toolsText !== null && !results.some((r) => r.part.role === 'tools') ? ruler.count(toolsText) : 0),
  };
}

/** Compresses one request of a session. Never throws for content: failures pass blocks unchanged. */
export async function compressRequest(request: CanonicalRequest, session: EngineSession): Promise<CompressedRequest> {
  const started = performance.now();
  const { setup } = session;
  // Built on the first block that needs a decision: most requests of a session decide none.
  let routing: BlockRouting | null = null;
  const routingNow = (): BlockRouting => (routing ??= blockRouting(setup, conversationOf(request.parts, session)));
  // Asked only of user text that needs a decision: most requests have none.
  let userWords: ((part: RequestPart) => boolean) | null = null;
  const isUserWords = (part: RequestPart): boolean => (userWords ??= userWordsOf(request.parts))(part);
  const messages = Array.isArray(request.body.messages) ? request.body.messages : [];
  const prefixEnd = sentPrefixEnd(messages, {
    lastMessage: session.previousLastMessage,
    messageCount: session.previousMessageCount,
  });
  const routed: Routed[] = [];
  // The parts in order, each as what it is so far: as it came (RAW), as the previous request sent it
  // (SENT), or routed in this request (ROUTED); `kinds` says which, `indexOf` where it sits in `request.parts`.
  const order: (Routed | RequestPart | PartResult)[] = [];
  const kinds: number[] = [];
  const indexOf: number[] = [];
  const { previousParts, previousResults, previousSent } = session;
  // While the store dropped nothing, a block sent as the previous request sent it needs no new look:
  // it is carried as that request's result, and only what is new in this request is routed and checked.
  const drops = session.store.drops?.() ?? null;
  const storeUnchanged = drops !== null && drops === session.storeDrops;
  const carried: PartResult[] = [];
  let carriedChanged = 0;
  const parts = request.parts;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as RequestPart;
    if (part.role === 'tools') continue; // listed below, after the retrieve tool is settled
    const reuse = previousParts[index] === part ? previousResults[index] : undefined;
    indexOf.push(index);
    if (!part.compressible) {
      order.push(reuse ?? part);
      kinds.push(reuse === undefined ? RAW : SENT);
    } else if (reuse?.outcome && storeUnchanged) {
      // Decided in the previous request, it is now one sent before (a new object once, the same one after).
      const result = reuse.decidedNow ? { ...reuse, decidedNow: false } : reuse;
      carried.push(result);
      if (result.outcome?.state === 'compressed') carriedChanged++;
      order.push(result);
      kinds.push(SENT);
    } else if (reuse?.outcome) {
      const entry: Routed = { part, outcome: reuse.outcome, decidedNow: false, reuse };
      routed.push(entry);
      order.push(entry);
      kinds.push(ROUTED);
    } else {
      order.push(part); // decided below, in order
      kinds.push(RAW);
    }
  }
  for (let at = 0; at < order.length; at++) {
    if (kinds[at] !== RAW) continue;
    const part = order[at] as RequestPart;
    if (!part.compressible) continue;
    const message = part.messageIndex >= 0 ? messageOf(request.body, part.messageIndex) : null;
    let memo = message ? session.byMessage.get(message) : undefined;
    let outcome = memo?.get(pathKey(part.path));
    let decidedNow = false;
    if (outcome === undefined) {
      const decision = await decidePart(part, session, routingNow, prefixEnd, isUserWords);
      outcome = decision.outcome;
      decidedNow = decision.fresh;
      if (message) {
        if (!memo) session.byMessage.set(message, (memo = new Map()));
        memo.set(pathKey(part.path), outcome);
      }
    }
    const entry: Routed = { part, outcome, decidedNow, reuse: undefined };
    routed.push(entry);
    order[at] = entry;
    kinds[at] = ROUTED;
  }
  await keepMarkersResolvable(routed, session, request.body, drops);
  const tools = settleRetrieveTool(request, routed, carried, session);
  const results: PartResult[] = [];
  // Every block the previous request changed is carried unchanged: its edits are this request's too.
  const carriedAll = carriedChanged > 0 && carriedChanged === previousSent.blocksChanged;
  const strings = carriedAll ? new Map(previousSent.strings) : new Map<string, string>();
  let blocksChanged = carriedAll ? previousSent.blocksChanged : 0;
  let markers = carriedAll ? previousSent.markers : 0;
  const byIndex: PartResult[] = new Array<PartResult>(parts.length);
  for (let at = 0; at < order.length; at++) {
    const kind = kinds[at];
    let result: PartResult;
    if (kind === RAW) {
      const part = order[at] as RequestPart;
      result = { part, outcome: null, decidedNow: false, text: part.text };
    } else if (kind === SENT) {
      result = order[at] as PartResult; // as the previous request sent it
      if (!carriedAll && result.outcome?.state === 'compressed') {
        strings.set(pathKey(result.part.path), result.text);
        blocksChanged++;
        markers += markerCount(result.outcome, result.text);
      }
    } else {
      const { part, outcome, decidedNow, reuse } = order[at] as Routed;
      // Sent as the previous request sent it: the same object, once it no longer says it was decided now.
      result =
        reuse !== undefined && reuse.outcome === outcome && !reuse.decidedNow && !decidedNow
          ? reuse
          : {
              part,
              outcome,
              decidedNow,
              text: reuse?.outcome === outcome ? reuse.text : outcomeText(outcome, part.text),
            };
      // What the model now has in context, a later output may point back to.
      if (decidedNow)
        session.sent.add({
          callId: part.callId ?? null,
          messageIndex: part.messageIndex,
          views: sentViews(result.text),
        });
      if (outcome.state === 'compressed') {
        strings.set(pathKey(part.path), result.text);
        blocksChanged++;
        markers += markerCount(outcome, result.text);
      }
    }
    results.push(result);
    byIndex[indexOf[at] as number] = result;
  }
  session.previousSent = { strings, blocksChanged, markers };
  request.parts.forEach((part, index) => {
    if (part.role !== 'tools') return;
    const result = { part, outcome: null, decidedNow: false, text: part.text };
    results.push(result);
    byIndex[index] = result;
  });
  const alignment = setup.options.cacheAligner
    ? alignCache(request, session.alignment, sentTokens(session, results, tools))
    : null;
  const members = alignment?.members.length ? { members: alignment.members } : {};
  const edits: RequestEdits = tools ? { strings, tools, ...members } : { strings, ...members };
  session.previousParts = request.parts;
  session.previousResults = byIndex;
  session.previousMessageCount = messages.length;
  const last = messages.at(-1);
  session.previousLastMessage = last === undefined ? null : messageHash(last);
  return {
    request,
    edits,
    parts: results,
    stats: {
      blocksChanged,
      markers,
      ms: performance.now() - started,
      retrieveToolAdded: tools !== undefined,
      ...(alignment ? { alignment: alignment.stats } : {}),
    },
  };
}

/** The compressed request as a body (shares every untouched subtree with the input). */
export function compressedBody(result: CompressedRequest): JsonObject {
  return applyEdits(result.request, result.edits);
}
