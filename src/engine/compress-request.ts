/**
 * compress(request) -> { request, stats }: every compressible block routed, stored, marked, frozen.
 * Only what decides the output is done here; token counts for reports are `measureRequest`'s work.
 */
import { createHash } from 'node:crypto';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject, JsonValue, RequestPart } from '../types.ts';
import { outcomeText, type BlockOutcome } from './block-outcome.ts';
import { applyEdits, type CanonicalRequest, type RequestEdits } from './canonical-request.ts';
import { blockRouting, type BlockRouting, type ConversationText } from './block-routing.ts';
import { decideBlock } from './decide-block.ts';
import { decideRepeat } from './repeats/decide-repeat.ts';
import { retrieveToolVerdict } from './retrieve-tool-economics.ts';
import { sentViews } from './repeats/sent-outputs.ts';
import type { EngineSession } from './engine-session.ts';
import { isObject } from './raw-part.ts';
import { pathKey } from './request-parts.ts';
import { tokenSize } from '../tokenize/token-size.ts';

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
}

export interface CompressedRequest {
  readonly request: CanonicalRequest;
  readonly edits: RequestEdits;
  readonly parts: readonly PartResult[];
  readonly stats: RequestStats;
}

/** The user and assistant text of a request, and its latest turn (what asked for the newest blocks). */
function conversationOf(parts: readonly RequestPart[]): ConversationText {
  const texts = parts.filter((p) => (p.role === 'user' || p.role === 'assistant') && p.type === 'text' && !p.compressible);
  const last = texts[texts.length - 1];
  const latest = last === undefined ? '' : texts.filter((p) => p.messageIndex === last.messageIndex).map((p) => p.text).join('\n');
  return { conversation: texts.map((p) => p.text).join('\n'), latest };
}

function messageOf(body: JsonObject, index: number): JsonObject | null {
  const messages = body.messages;
  if (!Array.isArray(messages)) return null;
  const message = messages[index];
  return isObject(message) ? message : null;
}

/** Where a block's decision is kept: its path and a hash of its content. */
function decisionKey(part: RequestPart): string {
  return `${pathKey(part.path)}#${createHash('sha1').update(part.text).digest('base64')}`;
}

/** The outcome of a compressible part: the one decided before, or decided now. */
async function decide(part: RequestPart, session: EngineSession, routing: () => BlockRouting): Promise<{ outcome: BlockOutcome; fresh: boolean }> {
  const { setup } = session;
  const key = decisionKey(part);
  const known = session.decided.get(key);
  if (known) return { outcome: known, fresh: false };
  let outcome: BlockOutcome;
  if (part.messageIndex >= 0 && part.messageIndex < session.previousMessageCount) {
    // Sent before without a decision (a session joined midway): rewriting it would bust the prompt cache.
    outcome = { state: 'passed', kind: null, reason: 'cached-prefix', ms: 0 };
  } else {
    outcome = (await decideRepeat(part, session)) ?? (await decideBlock(part.text, part.toolName, tokenSize(part.text, setup.ruler), setup, routing()));
  }
  if (outcome.state === 'failed') session.failures++;
  session.decided.set(key, outcome);
  return { outcome, fresh: true };
}

// Markers of an outcome, counted once: a frozen block is sent again in every later request.
const markersOf = new WeakMap<BlockOutcome, number>();

function markerCount(outcome: BlockOutcome, text: string): number {
  let count = markersOf.get(outcome);
  if (count === undefined) markersOf.set(outcome, (count = findMarkers(text).length));
  return count;
}

/** The name a tool definition carries, in either provider's shape. */
function toolName(tool: JsonValue): string | null {
  if (!isObject(tool)) return null;
  if (typeof tool.name === 'string') return tool.name;
  return isObject(tool.function) && typeof tool.function.name === 'string' ? tool.function.name : null;
}

function withRetrieveTool(request: CanonicalRequest, session: EngineSession): readonly JsonValue[] | undefined {
  const tool = session.setup.retrieveTool(request.provider);
  const existing = Array.isArray(request.body.tools) ? request.body.tools : [];
  if (existing.some((t) => toolName(t) === toolName(tool))) return undefined;
  return [...existing, tool];
}

/**
 * The first markers of a session bring terse_retrieve: when the saving does not repay the tool and the
 * cache it busts (retrieve-tool-economics.ts), this request's new lossy blocks are sent as they came,
 * frozen so with reason `cache-cost`, and the tool stays out.
 */
function keepToolIfItPays(request: CanonicalRequest, session: EngineSession, results: PartResult[]): void {
  const lossy = results.flatMap((r, i) => (r.decidedNow && r.outcome?.state === 'compressed' && markerCount(r.outcome, r.text) > 0 ? [i] : []));
  if (lossy.length === 0) return;
  const { ruler } = session.setup;
  const saved = lossy.reduce((n, i) => n + ruler.count((results[i] as PartResult).part.text) - ruler.count((results[i] as PartResult).text), 0);
  if (retrieveToolVerdict(request, session, saved, session.setup.options.expectedLaterRequests).pays) return;
  for (const i of lossy) {
    const { part, outcome } = results[i] as PartResult;
    const passed: BlockOutcome = { state: 'passed', kind: outcome?.kind ?? null, reason: 'cache-cost', ms: outcome?.ms ?? 0 };
    session.decided.set(decisionKey(part), passed);
    const message = part.messageIndex >= 0 ? messageOf(request.body, part.messageIndex) : null;
    if (message) session.byMessage.get(message)?.set(pathKey(part.path), passed);
    results[i] = { part, outcome: passed, decidedNow: true, text: part.text };
  }
}

/** A lossy session seen from its first request (the model has not replied yet): the tool goes in now, once. */
function offersToolFromStart(request: CanonicalRequest, session: EngineSession): boolean {
  const { options } = session.setup;
  if (!options.retrieveToolFromStart || options.profile === 'lossless' || session.previousMessageCount !== 0) return false;
  const messages = Array.isArray(request.body.messages) ? request.body.messages : [];
  return !messages.some((m) => isObject(m) && m.role === 'assistant');
}

/** Compresses one request of a session. Never throws for content: failures pass blocks unchanged. */
export async function compressRequest(request: CanonicalRequest, session: EngineSession): Promise<CompressedRequest> {
  const started = performance.now();
  const { setup } = session;
  // Built on the first block that needs a decision: most requests of a session decide none.
  let routing: BlockRouting | null = null;
  const routingNow = (): BlockRouting => (routing ??= blockRouting(setup, conversationOf(request.parts)));
  const results: PartResult[] = [];
  const strings = new Map<string, string>();
  let blocksChanged = 0, markers = 0;
  for (const part of request.parts) {
    if (part.role === 'tools') continue; // listed below, after the retrieve tool is settled
    if (!part.compressible) {
      results.push({ part, outcome: null, decidedNow: false, text: part.text });
      continue;
    }
    const message = part.messageIndex >= 0 ? messageOf(request.body, part.messageIndex) : null;
    const key = pathKey(part.path);
    let memo = message ? session.byMessage.get(message) : undefined;
    let outcome = memo?.get(key);
    let decidedNow = false;
    if (outcome === undefined) {
      const decision = await decide(part, session, routingNow);
      outcome = decision.outcome;
      decidedNow = decision.fresh;
      if (message) {
        if (!memo) session.byMessage.set(message, (memo = new Map()));
        memo.set(key, outcome);
      }
    }
    results.push({ part, outcome, decidedNow, text: outcomeText(outcome, part.text) });
  }
  if (!session.retrieveToolSent && setup.options.expectedLaterRequests > 0) keepToolIfItPays(request, session, results);
  for (const { part, outcome, decidedNow, text } of results) {
    // What the model now has in context, a later output may point back to.
    if (decidedNow) session.sent.add({ callId: part.callId ?? null, messageIndex: part.messageIndex, views: sentViews(text) });
    if (outcome?.state === 'compressed') {
      strings.set(pathKey(part.path), text);
      blocksChanged++;
      markers += markerCount(outcome, text);
    }
  }
  const addTool = markers > 0 || session.retrieveToolSent || offersToolFromStart(request, session);
  const tools = addTool ? withRetrieveTool(request, session) : undefined;
  if (addTool) session.retrieveToolSent = true;
  const edits: RequestEdits = tools ? { strings, tools } : { strings };
  for (const part of request.parts.filter((p) => p.role === 'tools')) results.push({ part, outcome: null, decidedNow: false, text: part.text });
  session.previousMessageCount = Array.isArray(request.body.messages) ? request.body.messages.length : 0;
  return {
    request,
    edits,
    parts: results,
    stats: {
      blocksChanged, markers,
      ms: performance.now() - started,
      retrieveToolAdded: tools !== undefined,
    },
  };
}

/** The compressed request as a body (shares every untouched subtree with the input). */
export function compressedBody(result: CompressedRequest): JsonObject {
  return applyEdits(result.request, result.edits);
}
