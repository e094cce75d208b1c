/**
 * A provider's prompt cache over one session, request by request: which tokens are read from the
 * cache, which are written to it, which are neither, and whether bytes sent before changed (a bust).
 * Anthropic caches only at the request's breakpoints (with its 20-block lookback); OpenAI caches every
 * prompt of 1,024 tokens or more, automatically, in 128-token steps.
 */
import type { AnthropicCacheRules, CacheRules, OpenAiCacheRules } from './cache-rules.ts';
import type { CacheSegment } from './cache-segments.ts';

/** What one request did with the cache. */
export interface CacheUse {
  readonly read: number;
  readonly write: number;
  readonly uncached: number;
  /** Bytes the previous request sent changed here: the prefix it could have reused is shorter. */
  readonly bust: boolean;
}

/** A session's cache: feed it each request as sent, at its time. */
export interface CacheSimulator {
  next(segments: readonly CacheSegment[], atSeconds: number): CacheUse;
}

function total(segments: readonly CacheSegment[], upTo: number): number {
  let sum = 0;
  for (let i = 0; i <= upTo && i < segments.length; i++) sum += (segments[i] as CacheSegment).tokens;
  return sum;
}

/** Whether the previous request's segments all stand, unchanged and in place, at the start of this one. */
function extendsPrevious(previous: readonly string[] | null, segments: readonly CacheSegment[]): boolean {
  if (previous === null || previous.length === 0) return true;
  const last = previous.length - 1;
  return segments[last]?.prefix === previous[last];
}

function anthropicSimulator(rules: AnthropicCacheRules): CacheSimulator {
  const entries = new Map<string, number>();
  let previous: string[] | null = null;
  return {
    next(segments, at) {
      const all = total(segments, segments.length - 1);
      const bust = !extendsPrevious(previous, segments);
      previous = segments.map((s) => s.prefix);
      const breakpoints = segments.flatMap((s, i) => (s.breakpoint ? [i] : [])).slice(0, rules.maxBreakpoints);
      if (breakpoints.length === 0) return { read: 0, write: 0, uncached: all, bust };
      const live = (prefix: string): boolean => (entries.get(prefix) ?? -Infinity) > at;
      // The longest cached prefix any breakpoint finds, looking back at most lookbackBlocks blocks.
      let hit = -1;
      for (const b of breakpoints) {
        for (let j = b; j >= Math.max(0, b - rules.lookbackBlocks); j--) {
          if (live((segments[j] as CacheSegment).prefix)) {
            hit = Math.max(hit, j);
            break;
          }
        }
      }
      const read = hit >= 0 ? total(segments, hit) : 0;
      const last = breakpoints[breakpoints.length - 1] as number;
      const cacheable = total(segments, last);
      const write = cacheable >= rules.minCacheableTokens && last > hit ? cacheable - read : 0;
      if (hit >= 0) entries.set((segments[hit] as CacheSegment).prefix, at + rules.ttlSeconds);
      for (const b of breakpoints) if (total(segments, b) >= rules.minCacheableTokens) entries.set((segments[b] as CacheSegment).prefix, at + rules.ttlSeconds);
      return { read, write, uncached: all - read - write, bust };
    },
  };
}

function openaiSimulator(rules: OpenAiCacheRules): CacheSimulator {
  const entries = new Map<string, number>();
  let previous: string[] | null = null;
  return {
    next(segments, at) {
      const all = total(segments, segments.length - 1);
      const bust = !extendsPrevious(previous, segments);
      previous = segments.map((s) => s.prefix);
      if (all < rules.minCacheableTokens) return { read: 0, write: 0, uncached: all, bust };
      let matched = 0;
      let running = 0;
      for (const segment of segments) {
        running += segment.tokens;
        if ((entries.get(segment.prefix) ?? -Infinity) > at) matched = running;
        else break;
      }
      const read = matched < rules.minCacheableTokens ? 0 : rules.minCacheableTokens + Math.floor((matched - rules.minCacheableTokens) / rules.stepTokens) * rules.stepTokens;
      for (const segment of segments) entries.set(segment.prefix, at + rules.ttlSeconds);
      return { read, write: 0, uncached: all - read, bust };
    },
  };
}

/** A fresh cache for one session under `rules`. */
export function createCacheSimulator(rules: CacheRules): CacheSimulator {
  return rules.provider === 'anthropic' ? anthropicSimulator(rules) : openaiSimulator(rules);
}
