/**
 * Baseline `rolling-window`, Headroom's strategy: the newest tool outputs are kept whole within a
 * token window, and every older one is dropped behind a marker (stored, so `terse_retrieve` gets it
 * back). The outputs of the newest turn are never dropped. Once dropped, an output stays dropped:
 * the window only moves forward, rewriting turns a provider has already cached.
 */
import type { CanonicalRequest } from '../../engine/request/canonical-request.ts';
import type { CompressedRequest, PartResult } from '../../engine/compress-request.ts';
import type { BlockOutcome } from '../../engine/block-outcome.ts';
import { pathKey } from '../../engine/request/request-parts.ts';
import { retrieveToolDefinition } from '../../engine/retrieve-tool-definition.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import { contentRef, formatMarker } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonValue } from '../../types.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';

/** Tool-output tokens the window keeps whole, newest first. */
export const ROLLING_WINDOW_TOKENS = 8_000;

/** Index of the last assistant message: what follows it is the newest turn, never dropped. */
function newestTurnStart(request: CanonicalRequest): number {
  const messages = Array.isArray(request.body.messages) ? request.body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (typeof message === 'object' && message !== null && !Array.isArray(message) && message.role === 'assistant')
      return i + 1;
  }
  return 0;
}

/** Opens the rolling window with `windowTokens` of tool output kept whole. */
export function rollingWindowStrategy(windowTokens = ROLLING_WINDOW_TOKENS): OpenStrategy {
  return async ({ tokenizer }) => {
    const store = createMemoryStore();
    const ruler = createTokenRuler(tokenizer);
    return {
      store,
      ruler,
      newSession: (scope) => {
        const dropped = new Map<string, BlockOutcome>();
        const seen = new Set<string>();
        let toolSent = false;
        return async (request: CanonicalRequest): Promise<CompressedRequest> => {
          const started = performance.now();
          const protectedFrom = newestTurnStart(request);
          const outputs = request.parts.filter((p) => p.compressible);
          // Newest first: the window fills from the end of the conversation.
          let used = 0;
          for (const part of [...outputs].reverse()) {
            const key = `${pathKey(part.path)}#${contentRef(part.text)}`;
            if (dropped.has(key)) continue;
            used += ruler.count(part.text);
            if (used <= windowTokens || part.messageIndex >= protectedFrom) continue;
            const ref = contentRef(part.text);
            await store.put(part.text, scope);
            const lines = part.text.split('\n').length;
            const text = formatMarker(ref, `tool output omitted, ${lines} ${lines === 1 ? 'line' : 'lines'}`);
            dropped.set(key, {
              state: 'compressed',
              kind: 'text',
              compressor: 'rolling-window',
              text,
              lossy: true,
              dropped: [{ ref, original: part.text }],
              ms: 0,
            });
          }
          const strings = new Map<string, string>();
          const results: PartResult[] = [];
          let markers = 0;
          for (const part of request.parts) {
            if (!part.compressible) {
              results.push({ part, outcome: null, decidedNow: false, text: part.text });
              continue;
            }
            const key = `${pathKey(part.path)}#${contentRef(part.text)}`;
            const decidedNow = !seen.has(key);
            seen.add(key);
            const outcome = dropped.get(key);
            if (outcome?.state === 'compressed') {
              strings.set(pathKey(part.path), outcome.text);
              markers++;
              results.push({ part, outcome, decidedNow, text: outcome.text });
            } else {
              results.push({
                part,
                outcome: { state: 'passed', kind: null, reason: 'no-gain', ms: 0 },
                decidedNow,
                text: part.text,
              });
            }
          }
          toolSent ||= markers > 0;
          const existing: readonly JsonValue[] = Array.isArray(request.body.tools) ? request.body.tools : [];
          const tools = toolSent ? [...existing, retrieveToolDefinition(request.provider)] : undefined;
          return {
            request,
            edits: tools ? { strings, tools } : { strings },
            parts: results,
            stats: {
              blocksChanged: markers,
              markers,
              ms: performance.now() - started,
              retrieveToolAdded: tools !== undefined,
            },
          };
        };
      },
      close: () => store.close(),
    };
  };
}

export const openRollingWindow = rollingWindowStrategy();
