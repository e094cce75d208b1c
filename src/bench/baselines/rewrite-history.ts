/**
 * Baseline `rewrite-history`: what a proxy that is not byte-faithful does to a session. Every request
 * is compressed from scratch by the `balanced` engine, as if it were the session's first: no frozen
 * history, so each earlier tool output is compressed again against the current request's conversation
 * (the JSON and log compressors keep what the conversation mentions, so an output's bytes can change
 * from one request to the next), and the body is written whole with JSON.stringify. Replayed traces
 * hold parsed JSON, so the re-serialisation alone changes nothing here; the re-compression is what the
 * cache simulation sees, as busts and their price.
 */
import { createHash } from 'node:crypto';
import { compressRequest, type CompressedRequest } from '../../engine/compress-request.ts';
import { createEngine } from '../../engine/create-engine.ts';
import { createSession } from '../../engine/engine-session.ts';
import { pathKey } from '../../engine/request/request-parts.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';

/** Opens the baseline: one engine, a fresh session for every request. */
export const openRewriteHistory: OpenStrategy = async ({ tokenizer }) => {
  // No cost policy or cache aligner: such a proxy knows nothing of the provider's cache.
  const setup = await createEngine({ profile: 'balanced', tokenizer, expectedLaterRequests: 0, cacheAligner: false });
  return {
    store: setup.store,
    ruler: setup.ruler,
    newSession: (scope) => {
      // Blocks already reported: a block row stands for the first request that carried the block.
      const seen = new Set<string>();
      return async (request): Promise<CompressedRequest> => {
        // A null source: whatever emits the request writes it whole with JSON.stringify.
        const compressed = await compressRequest({ ...request, source: null }, createSession(setup, { scope }));
        const parts = compressed.parts.map((result) => {
          const key = `${pathKey(result.part.path)}#${createHash('sha1').update(result.part.text).digest('base64')}`;
          const first = !seen.has(key);
          seen.add(key);
          return { ...result, decidedNow: result.outcome !== null && first };
        });
        return { ...compressed, parts };
      };
    },
    close: () => setup.store.close(),
  };
};
