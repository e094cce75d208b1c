/**
 * A request-level strategy as a replay strategy: the body it returns is laid over the request's
 * parts by path, so every part is measured before and after as the engine's are (a part it removed
 * counts 0 after; one it added counts 0 before). A strategy that throws passes the request unchanged,
 * and every block of it is recorded as failed with the error.
 */
import { canonicalFromBody, type CanonicalRequest } from '../../engine/canonical-request.ts';
import type { CompressedRequest, PartResult } from '../../engine/compress-request.ts';
import { pathKey } from '../../engine/request-parts.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import { formatMarker, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';
import type { PluginRequestContext, RequestStrategy } from './plugin-api.ts';

function failed(request: CanonicalRequest, name: string, error: string, started: number): CompressedRequest {
  const parts: PartResult[] = request.parts.map((part) => ({
    part,
    outcome: part.compressible ? { state: 'failed', kind: null, compressor: name, error, ms: 0 } : null,
    decidedNow: part.compressible,
    text: part.text,
  }));
  return { request, edits: { strings: new Map() }, parts, stats: { blocksChanged: 0, markers: 0, ms: performance.now() - started, retrieveToolAdded: false } };
}

/** The strategy's body laid over the original request's parts. */
function laidOver(request: CanonicalRequest, body: CanonicalRequest, name: string, started: number): CompressedRequest {
  const after = new Map(body.parts.map((part) => [pathKey(part.path), part]));
  const parts: PartResult[] = [];
  let changed = 0, markers = 0;
  for (const part of request.parts) {
    const key = pathKey(part.path);
    const sent = after.get(key);
    after.delete(key);
    const text = sent?.text ?? '';
    if (!part.compressible) {
      parts.push({ part, outcome: null, decidedNow: false, text });
      continue;
    }
    if (text === part.text) {
      parts.push({ part, outcome: { state: 'passed', kind: null, reason: 'no-gain', ms: 0 }, decidedNow: true, text });
      continue;
    }
    const found = findMarkers(text).length;
    changed++;
    markers += found;
    parts.push({ part, outcome: { state: 'compressed', kind: 'text', compressor: name, text, lossy: true, dropped: [], ms: 0 }, decidedNow: true, text });
  }
  // Parts only the new body has: counted after, nothing before.
  for (const part of after.values()) parts.push({ part: { ...part, text: '', compressible: false }, outcome: null, decidedNow: false, text: part.text });
  return { request, edits: { strings: new Map() }, parts, stats: { blocksChanged: changed, markers, ms: performance.now() - started, retrieveToolAdded: false } };
}

/** Opens `strategy` (named `name`) with its own store and ruler. */
export function requestStrategyAdapter(name: string, strategy: RequestStrategy): OpenStrategy {
  return async ({ tokenizer }) => {
    const store = createMemoryStore();
    const ruler = createTokenRuler(tokenizer);
    return {
      store,
      ruler,
      newSession: (scope) => {
        const context: PluginRequestContext = {
          provider: 'anthropic',
          store: (original) => store.put(original, scope),
          marker: formatMarker,
          count: (text) => ruler.count(text),
          session: new Map(),
        };
        return async (request) => {
          const started = performance.now();
          let body;
          try {
            body = await strategy(request.body, { ...context, provider: request.provider });
          } catch (error) {
            return failed(request, name, error instanceof Error ? error.message : String(error), started);
          }
          let sent: CanonicalRequest;
          try {
            sent = canonicalFromBody(body, request.provider);
          } catch (error) {
            return failed(request, name, `returned no request: ${error instanceof Error ? error.message : String(error)}`, started);
          }
          return laidOver(request, sent, name, started);
        };
      },
      close: () => store.close(),
    };
  };
}
