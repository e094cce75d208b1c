/** What the cache aligner keeps for a session, so that nothing it added is ever sent differently. */
import type { JsonPath } from '../../types.ts';
import type { VolatileValue } from './volatile-content.ts';

/** A block that got a breakpoint: where it sits and a hash of its bytes then. */
export interface MarkedBlock {
  readonly path: JsonPath;
  readonly hash: string;
}

export interface CacheAlignmentState {
  /** Blocks given a `cache_control` breakpoint, by path: every later request that re-sends one carries it again. */
  readonly marks: Map<string, MarkedBlock>;
  /** Tokens of the request up to the last breakpoint placed: where the next one is measured from. */
  markedTokens: number;
  /** Whether the tools-and-system breakpoint was weighed (once, on the first request the aligner sees). */
  prefixWeighed: boolean;
  /** The `prompt_cache_key` the session sends (OpenAI), fixed on its first request. */
  promptCacheKey: string | null;
  /** The last system-and-tools text scanned for volatile values, and what it held. */
  scanned: { readonly text: string; readonly values: readonly VolatileValue[] } | null;
}

export function createCacheAlignmentState(): CacheAlignmentState {
  return { marks: new Map(), markedTokens: 0, prefixWeighed: false, promptCacheKey: null, scanned: null };
}
