/**
 * Where terse_retrieve goes: offered from a session's first request when asked, added with the first
 * markers when it pays (retrieve-tool-economics.ts), kept once markers rely on it, and never making the
 * request larger than it came.
 */
import type { JsonValue } from '../types.ts';
import type { PartResult } from './compress-request.ts';
import type { EngineSession } from './engine-session.ts';
import type { CanonicalRequest } from './request/canonical-request.ts';
import { compressorNames } from './compressor-registry.ts';
import { isObject } from './request/raw-part.ts';
import { retrieveToolVerdict } from './retrieve-tool-economics.ts';
import { toolListCost, tokensSaved } from './retrieve-tool-cost.ts';
import { markerCount, settle, type Compressed, type Routed } from './routed-parts.ts';
import { withRetrieveTool } from './with-retrieve-tool.ts';

/**
 * A lossy agent session (its request declares tools) seen from its first request (the model has not
 * replied yet): the tool goes in now, once, and stays.
 */
function offersToolFromStart(request: CanonicalRequest, session: EngineSession): boolean {
  const { options } = session.setup;
  if (!options.retrieveToolFromStart || options.profile === 'lossless' || session.previousMessageCount !== 0)
    return false;
  if (!Array.isArray(request.body.tools) || request.body.tools.length === 0) return false;
  // An engine that can never write a marker has nothing for the tool to retrieve.
  if (!options.repeats && compressorNames(session.setup.registry).length === 0) return false;
  const messages = Array.isArray(request.body.messages) ? request.body.messages : [];
  return !messages.some((m) => isObject(m) && m.role === 'assistant');
}

/**
 * The first markers of a session bring terse_retrieve: when the saving does not repay the tool and the
 * cache it busts (retrieve-tool-economics.ts), this request's new lossy blocks are sent as they came,
 * frozen so with reason `cache-cost`, and the tool stays out.
 */
function keepToolIfItPays(request: CanonicalRequest, routed: readonly Routed[], session: EngineSession): void {
  const lossy = routed.filter(
    (e): e is Routed & { outcome: Compressed } =>
      e.decidedNow && e.outcome.state === 'compressed' && markerCount(e.outcome, e.outcome.text) > 0,
  );
  if (lossy.length === 0) return;
  const saved = tokensSaved(lossy, session.setup.ruler);
  if (retrieveToolVerdict(request, session, saved, session.setup.options.expectedLaterRequests).pays) return;
  for (const entry of lossy)
    settle(
      entry,
      { state: 'passed', kind: entry.outcome.kind, reason: 'cache-cost', ms: entry.outcome.ms },
      session,
      request.body,
    );
}

/**
 * The retrieve tool for this request, or undefined: added only when it pays for itself (the whole
 * request never grows). Lossy blocks decided now whose markers do not cover the tool are sent as they came.
 */
export function settleRetrieveTool(
  request: CanonicalRequest,
  routed: readonly Routed[],
  carried: readonly PartResult[],
  session: EngineSession,
): readonly JsonValue[] | undefined {
  if (!session.retrieveToolSent && session.setup.options.expectedLaterRequests > 0)
    keepToolIfItPays(request, routed, session);
  if (!session.retrieveToolSent && offersToolFromStart(request, session)) {
    const tools = withRetrieveTool(request, session);
    session.retrieveToolSent = true;
    return tools;
  }
  // Once in the list the tool stays: dropping it would change the cached tools, and its tokens are spent.
  if (session.retrieveToolSent) return withRetrieveTool(request, session);
  const marked = routed.filter((e) => e.outcome.state === 'compressed' && markerCount(e.outcome, e.outcome.text) > 0);
  if (marked.length === 0) return undefined;
  const tools = withRetrieveTool(request, session);
  if (tools === undefined) {
    session.retrieveToolSent = true;
    return undefined;
  }
  const { ruler } = session.setup;
  const saving = [
    ...routed.filter((e): e is Routed & { outcome: Compressed } => e.outcome.state === 'compressed'),
    ...carried.filter((r): r is PartResult & { outcome: Compressed } => r.outcome?.state === 'compressed'),
  ];
  const cost = toolListCost(
    tools,
    request.parts.find((p) => p.role === 'tools'),
    ruler,
  );
  if (tokensSaved(saving, ruler) > cost) {
    session.retrieveToolSent = true;
    return tools;
  }
  for (const entry of marked)
    if (entry.decidedNow)
      settle(
        entry,
        { state: 'passed', kind: entry.outcome.kind, reason: 'no-gain', ms: entry.outcome.ms },
        session,
        request.body,
      );
  // Markers settled in earlier requests stay (rewriting them would bust the cache), and need the tool.
  const frozen = marked.some((e) => e.outcome.state === 'compressed');
  session.retrieveToolSent = frozen;
  return frozen ? tools : undefined;
}
