/**
 * The engine's step of a proxied request: the live zone compressed, earlier blocks sent as they were
 * first sent, and the bytes that go upstream. An engine that throws sends the request unchanged.
 */
import type { CanonicalRequest } from '../engine/request/canonical-request.ts';
import { editsAreEmpty, emitRequest } from '../engine/request/canonical-request.ts';
import { compressRequest, type CompressedRequest } from '../engine/compress-request.ts';
import { liveZoneStart } from './live-zone.ts';
import type { ProxySession } from './session-registry.ts';

/** What goes upstream for one client request. */
export interface PreparedRequest {
  /** The client's bytes as received when nothing changed, else the original with only rewritten slots spliced in. */
  readonly body: Uint8Array | string;
  /** The engine's result, or null when it failed (the request goes as received). */
  readonly compressed: CompressedRequest | null;
  /** The engine's error when it failed open. */
  readonly engineError: string | null;
  /** True when the body sent carries `terse_retrieve`: the proxy must answer the model's calls to it. */
  readonly retrieveOffered: boolean;
  /** Blocks that failed open inside the engine during this request. */
  readonly blockFailures: number;
}

/** Runs the engine over one request of `session` (one request of a session at a time). */
export function compressForUpstream(
  session: ProxySession,
  request: CanonicalRequest,
  received: Uint8Array,
  liveZoneOnly = true,
): Promise<PreparedRequest> {
  return session.queue.run(async () => {
    const engine = session.engine;
    // Anything before the newest turn that was never decided was sent as it is: it stays that way.
    if (liveZoneOnly) engine.previousMessageCount = liveZoneStart(request.body);
    const failuresBefore = engine.failures;
    const decidedBefore = engine.decided.size;
    // Breakpoints the aligner places go upstream only if the request does: a failed one forgets them.
    const marksBefore = new Map(engine.alignment.marks);
    const markedTokensBefore = engine.alignment.markedTokens;
    try {
      const compressed = await compressRequest(request, engine);
      const { edits } = compressed;
      return {
        body: editsAreEmpty(edits) ? received : emitRequest(request, edits),
        compressed,
        engineError: null,
        retrieveOffered: engine.retrieveToolSent,
        blockFailures: engine.failures - failuresBefore,
      };
    } catch (error) {
      forgetDecisionsSince(session, decidedBefore);
      engine.alignment.marks.clear();
      for (const [key, mark] of marksBefore) engine.alignment.marks.set(key, mark);
      engine.alignment.markedTokens = markedTokensBefore;
      return {
        body: received,
        compressed: null,
        engineError: error instanceof Error ? error.message : String(error),
        retrieveOffered: false,
        blockFailures: engine.failures - failuresBefore,
      };
    }
  });
}

/**
 * After a failed run the request went as received: the blocks it decided are recorded as passed, so
 * later requests keep sending them as they were first sent (new keys come last in a Map's order).
 */
function forgetDecisionsSince(session: ProxySession, count: number): void {
  let index = 0;
  for (const key of session.engine.decided.keys()) {
    if (index++ >= count)
      session.engine.decided.set(key, { state: 'passed', kind: null, reason: 'cached-prefix', ms: 0 });
  }
}

/** Names of the compressors that rewrote a block first carried by this request. */
export function compressorsUsed(compressed: CompressedRequest): string[] {
  const names = new Set<string>();
  for (const { outcome, decidedNow } of compressed.parts) {
    if (decidedNow && outcome?.state === 'compressed') names.add(outcome.compressor);
  }
  return [...names].sort();
}
