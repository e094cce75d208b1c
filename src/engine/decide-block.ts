/**
 * The engine's policy for one compressible block, shared by requests and `terse compress`: which
 * blocks are left alone and why, routing the rest, and storing what a lossy step dropped before its
 * marker is ever sent (an original that cannot be stored fails the block open).
 */
import type { BlockOutcome } from './block-outcome.ts';
import { holdsOwnMarker, isColumnarOutput } from './already-compressed.ts';
import type { BlockRouting } from './block-routing.ts';
import { compressBlock } from './compress-block.ts';
import { matchesToolGlob } from './engine-options.ts';
import { holdsAtLeast, type TokenSize } from '../tokenize/token-size.ts';
import type { EngineSetup } from './engine-session.ts';
import type { Store } from '../store/store.ts';
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';

/** Decides a block the first time it is seen, storing what it drops in `store` (the session's). Never throws: whatever content makes fail, the block passes as it came. */
export async function decideBlock(
  text: string,
  toolName: string | undefined,
  size: TokenSize,
  setup: EngineSetup,
  routing: BlockRouting,
  store: Store = setup.store,
): Promise<BlockOutcome> {
  try {
    return await decideOnce(text, toolName, size, setup, routing, store);
  } catch (error) {
    // Counting, detection or routing that threw on hostile content (compressors' throws are caught closer).
    return {
      state: 'failed',
      kind: null,
      compressor: 'engine',
      error: error instanceof Error ? error.message : String(error),
      ms: 0,
    };
  }
}

async function decideOnce(
  text: string,
  toolName: string | undefined,
  size: TokenSize,
  setup: EngineSetup,
  routing: BlockRouting,
  store: Store,
): Promise<BlockOutcome> {
  const pass = (reason: Extract<BlockOutcome, { state: 'passed' }>['reason']): BlockOutcome => ({
    state: 'passed',
    kind: null,
    reason,
    ms: 0,
  });
  if (toolName !== undefined && matchesToolGlob(toolName, setup.options.excludeTools)) return pass('excluded-tool');
  // What terse_retrieve returned is what the model asked to see whole: compressed again, it would ask again.
  if (toolName === RETRIEVE_TOOL_NAME) return pass('excluded-tool');
  if (text.length > setup.options.maxBlockChars) return pass('too-large');
  if (!holdsAtLeast(size, setup.options.minBlockTokens)) return pass('below-minimum');
  if (isColumnarOutput(text) || (await holdsOwnMarker(text, store))) return pass('already-compressed');
  // Any marker left is plain text (the store never wrote it): the block compresses like any other.
  const outcome = compressBlock(text, toolName, size, routing, true);
  if (outcome.state !== 'compressed') return outcome;
  try {
    for (const dropped of outcome.dropped) await store.put(dropped.original);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'failed', kind: outcome.kind, compressor: 'store', error: message, ms: outcome.ms };
  }
  return outcome;
}
