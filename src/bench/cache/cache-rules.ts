/**
 * How each provider caches a prompt prefix, as its documentation states it (see docs/cache-cost.md):
 * what the simulator follows. Times are seconds; token counts are the run's ruler's.
 */

/** Anthropic: explicit `cache_control` breakpoints. */
export interface AnthropicCacheRules {
  readonly provider: 'anthropic';
  /** Breakpoints a request may carry; later ones are ignored. */
  readonly maxBreakpoints: number;
  /** Blocks before a breakpoint checked for an earlier cache entry. */
  readonly lookbackBlocks: number;
  /** The shortest prefix the model family caches. */
  readonly minCacheableTokens: number;
  /** Time an entry lives after its last write or read. */
  readonly ttlSeconds: number;
  /** Write price as a multiple of the input price (1.25 for the 5-minute cache). */
  readonly writeMultiplier: number;
  /** Time an entry lives when its breakpoint asks for the longer cache (`"ttl": "1h"`). */
  readonly longTtlSeconds: number;
  /** Write price of the longer cache, as a multiple of the input price (2 for 1 hour). */
  readonly longWriteMultiplier: number;
}

/** OpenAI: automatic prefix caching. */
export interface OpenAiCacheRules {
  readonly provider: 'openai';
  /** Prompts shorter than this are never cached. */
  readonly minCacheableTokens: number;
  /** Cached prefixes grow in steps of this many tokens past the minimum. */
  readonly stepTokens: number;
  readonly ttlSeconds: number;
}

export type CacheRules = AnthropicCacheRules | OpenAiCacheRules;

/** Claude Sonnet 4.x: 4 breakpoints, 20-block lookback, 1,024 tokens, the 5-minute cache (1 hour where a breakpoint asks). */
export const ANTHROPIC_RULES: AnthropicCacheRules = {
  provider: 'anthropic',
  maxBreakpoints: 4,
  lookbackBlocks: 20,
  minCacheableTokens: 1024,
  ttlSeconds: 300,
  writeMultiplier: 1.25,
  longTtlSeconds: 3600,
  longWriteMultiplier: 2,
};

/** OpenAI's automatic caching: from 1,024 tokens, in 128-token steps, kept about 5-10 minutes idle. */
export const OPENAI_RULES: OpenAiCacheRules = {
  provider: 'openai',
  minCacheableTokens: 1024,
  stepTokens: 128,
  ttlSeconds: 600,
};

/** Seconds between a session's model calls when a trace records no times: an agent's turn. */
export const DEFAULT_SECONDS_BETWEEN_CALLS = 30;
