/** terse's engine as a replay strategy: `createEngine` once, `compressRequest` per request of a session. */
import { compressRequest } from '../../engine/compress-request.ts';
import { createEngine, type CreateEngineOptions } from '../../engine/create-engine.ts';
import { createSession } from '../../engine/engine-session.ts';
import type { OpenStrategy } from './replay-strategy.ts';

/** Opens the engine with `options` (a fresh store and ruler unless they name their own). */
export function engineStrategy(options: CreateEngineOptions): OpenStrategy {
  return async ({ tokenizer }) => {
    const setup = await createEngine({ ...options, tokenizer });
    return {
      store: setup.store,
      ruler: setup.ruler,
      newSession: (scope) => {
        const session = createSession(setup, { scope });
        return (request) => compressRequest(request, session);
      },
      close: () => setup.store.close(),
    };
  };
}
