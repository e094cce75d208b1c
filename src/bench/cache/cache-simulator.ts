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
  /** Of `write`, the tokens written to the 1-hour cache (priced higher); 0 where no breakpoint asks for it. */
  readonly writeLong: number;
  readonly uncached: number;
  /** Bytes the previous request sent changed here: the prefix it could have reused is shorter. */
  readonly bust: boolean;
}

/** A session's cache: feed it each request as sent, at its time. */
export interface CacheSimulator {
  next(segments: readonly CacheSegment[], atSeconds: number): CacheUse;
}

/** Tokens of the segments up to and including index `upTo`. */
function total(segments: readonly CacheSegment[], upTo: number): number {
  const last = Math.min(upTo, segments.length - 1);
  return last < 0 ? 0 : (segments[last] as CacheSegment).upTo;
}

/**
 * How many leading segments `segments` shares with `previous`. Prefixes are a hash chain: equal at i,
 * equal before i, so the count is found by bisection, whatever the session's length.
 */
function sharedPrefix(previous: readonly CacheSegment[] | null, segments: readonly CacheSegment[]): number {
  if (previous === null) return 0;
  let low = 0;
  let high = Math.min(previous.length, segments.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segments[mid - 1] as CacheSegment).prefix === (previous[mid - 1] as CacheSegment).prefix) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Whether the previous request's segments all stand, unchanged and in place, at the start of this one. */
function extendsPrevious(previous: readonly CacheSegment[] | null, segments: readonly CacheSegment[]): boolean {
  if (previous === null || previous.length === 0) return true;
  const last = previous.length - 1;
  return segments[last]?.prefix === (previous[last] as CacheSegment).prefix;
}

function anthropicSimulator(rules: AnthropicCacheRules): CacheSimulator {
  const entries = new Map<string, number>();
  // The TTL each entry was written with: a read refreshes it for as long again.
  const ttls = new Map<string, number>();
  let previous: readonly CacheSegment[] | null = null;
  return {
    next(segments, at) {
      const all = total(segments, segments.length - 1);
      const bust = !extendsPrevious(previous, segments);
      previous = segments;
      const breakpoints: number[] = [];
      for (let i = 0; i < segments.length && breakpoints.length < rules.maxBreakpoints; i++)
        if ((segments[i] as CacheSegment).breakpoint) breakpoints.push(i);
      if (breakpoints.length === 0) return { read: 0, write: 0, writeLong: 0, uncached: all, bust };
      const ttlOf = (i: number): number =>
        (segments[i] as CacheSegment).longTtl ? rules.longTtlSeconds : rules.ttlSeconds;
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
      // Each written token belongs to the first breakpoint at or after it: its TTL prices the write.
      let writeLong = 0;
      if (write > 0) {
        let from = read;
        for (const b of breakpoints) {
          const upTo = total(segments, b);
          if (upTo > from && (segments[b] as CacheSegment).longTtl) writeLong += upTo - from;
          from = Math.max(from, upTo);
        }
      }
      // A read refreshes the entry it hit for that entry's own TTL.
      if (hit >= 0) {
        const prefix = (segments[hit] as CacheSegment).prefix;
        entries.set(prefix, Math.max(entries.get(prefix) ?? -Infinity, at + (ttls.get(prefix) ?? rules.ttlSeconds)));
      }
      for (const b of breakpoints)
        if (total(segments, b) >= rules.minCacheableTokens) {
          const prefix = (segments[b] as CacheSegment).prefix;
          ttls.set(prefix, ttlOf(b));
          entries.set(prefix, at + ttlOf(b));
        }
      return { read, write, writeLong, uncached: all - read - write, bust };
    },
  };
}

function openaiSimulator(rules: OpenAiCacheRules): CacheSimulator {
  // Every prefix of a cached request lives until its time + TTL. The latest cached request is kept
  // whole instead of written prefix by prefix (a session would write O(calls x history) entries): its
  // prefixes live until `latestAt` + TTL, and only those the next one drops are written out.
  const entries = new Map<string, number>();
  let latest: readonly CacheSegment[] | null = null;
  let latestAt = Number.NEGATIVE_INFINITY;
  let previous: readonly CacheSegment[] | null = null;
  return {
    next(segments, at) {
      const all = total(segments, segments.length - 1);
      const bust = !extendsPrevious(previous, segments);
      previous = segments;
      if (all < rules.minCacheableTokens) return { read: 0, write: 0, writeLong: 0, uncached: all, bust };
      const shared = sharedPrefix(latest, segments);
      let matched = 0;
      // What this request shares with the latest cached one lives or expires with it (nothing older outlives it).
      if (shared === 0 || latestAt + rules.ttlSeconds > at) {
        if (shared > 0) matched = total(segments, shared - 1);
        // Past what they share, only prefixes written out earlier can be live.
        for (let i = shared; i < segments.length; i++) {
          const segment = segments[i] as CacheSegment;
          if ((entries.get(segment.prefix) ?? Number.NEGATIVE_INFINITY) > at) matched = segment.upTo;
          else break;
        }
      }
      const read =
        matched < rules.minCacheableTokens
          ? 0
          : rules.minCacheableTokens +
            Math.floor((matched - rules.minCacheableTokens) / rules.stepTokens) * rules.stepTokens;
      if (latest !== null) {
        const until = latestAt + rules.ttlSeconds;
        for (let j = shared; j < latest.length; j++) {
          const prefix = (latest[j] as CacheSegment).prefix;
          if ((entries.get(prefix) ?? Number.NEGATIVE_INFINITY) < until) entries.set(prefix, until);
        }
      }
      latest = segments;
      latestAt = at;
      return { read, write: 0, writeLong: 0, uncached: all - read, bust };
    },
  };
}

/** A fresh cache for one session under `rules`. */
export function createCacheSimulator(rules: CacheRules): CacheSimulator {
  return rules.provider === 'anthropic' ? anthropicSimulator(rules) : openaiSimulator(rules);
}
