/**
 * A request-level strategy as a replay strategy: the body it returns is laid over the request's parts
 * by path (strategy/laid-over.ts). A strategy that throws passes the request unchanged, and every
 * block of it is recorded as failed with the error.
 */
import { canonicalFromBody, type CanonicalRequest } from '../../engine/request/canonical-request.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import { formatMarker } from '../../store/marker.ts';
import { failedRequest, laidOver } from '../strategy/laid-over.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';
import type { PluginRequestContext, RequestStrategy } from './plugin-api.ts';

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
            return failedRequest(request, name, error instanceof Error ? error.message : String(error), started);
          }
          let sent: CanonicalRequest;
          try {
            sent = canonicalFromBody(body, request.provider);
          } catch (error) {
            return failedRequest(
              request,
              name,
              `returned no request: ${error instanceof Error ? error.message : String(error)}`,
              started,
            );
          }
          return laidOver(request, sent, name, started);
        };
      },
      close: () => store.close(),
    };
  };
}
