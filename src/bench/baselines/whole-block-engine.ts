/**
 * Baselines that act on every tool output alike, run through terse's own engine: one compressor for
 * every content kind, no detection or splitting (a block is one piece of text), no minimum size, no
 * cross-turn repeats, cost policy or cache aligner, and the engine's never-larger rule, store and retrieve tool.
 */
import type { Compressor } from '../../compressors/compressor.ts';
import type { CompressorRegistry } from '../../engine/compressor-registry.ts';
import { engineStrategy } from '../strategy/engine-strategy.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';

/** A registry that serves every kind with `compressor`. */
function everyKind(compressor: Compressor): CompressorRegistry {
  const only = [compressor];
  return {
    json: only,
    code: only,
    log: only,
    search: only,
    diff: only,
    html: only,
    table: only,
    text: only,
    mixed: only,
  };
}

/** Opens the engine with `compressor` applied to every tool output, whatever it holds. */
export function wholeBlockStrategy(compressor: Compressor): OpenStrategy {
  // A baseline is what it says and no more: no cross-turn repeats, no cost policy holding blocks back,
  // no breakpoints added, and terse_retrieve only with the first marker.
  return engineStrategy({
    registry: everyKind(compressor),
    detect: () => ({ kind: 'text' }),
    minBlockTokens: 0,
    repeats: false,
    expectedLaterRequests: 0,
    retrieveToolFromStart: false,
    cacheAligner: false,
  });
}
