/**
 * The simulator against examples worked by hand from each provider's documented rules: Anthropic's
 * breakpoints, 20-block lookback, minimum cacheable length and TTL; OpenAI's automatic caching from
 * 1,024 tokens in 128-token steps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { ANTHROPIC_RULES, OPENAI_RULES, type OpenAiCacheRules } from './cache-rules.ts';
import type { CacheSegment } from './cache-segments.ts';
import { createCacheSimulator } from './cache-simulator.ts';

/**
 * Segments from (name, tokens) blocks; a `*` after a name marks its breakpoint, `**` one asking for
 * the 1-hour cache. Names stand for bytes.
 */
function request(...blocks: readonly [string, number][]): CacheSegment[] {
  let chain = '';
  let upTo = 0;
  return blocks.map(([name, tokens]) => {
    chain = `${chain}/${name.replace(/\*+$/, '')}`;
    upTo += tokens;
    return { prefix: chain, tokens, upTo, breakpoint: name.endsWith('*'), longTtl: name.endsWith('**') };
  });
}

describe('Anthropic prompt cache', () => {
  it('writes the prefix up to the breakpoint, then reads it back on the next turn and writes only what is new', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    // Turn 1: a 2,000-token system prompt and a 100-token question, breakpoint on the question.
    expect(cache.next(request(['system', 2000], ['user1*', 100]), 0)).toEqual({
      read: 0,
      write: 2100,
      writeLong: 0,
      uncached: 0,
      bust: false,
    });
    // Turn 2: the breakpoint moves to the newest message; lookback finds turn 1's entry.
    expect(cache.next(request(['system', 2000], ['user1', 100], ['assistant1', 200], ['user2*', 100]), 30)).toEqual({
      read: 2100,
      write: 300,
      writeLong: 0,
      uncached: 0,
      bust: false,
    });
  });

  it('caches nothing without a breakpoint, and nothing shorter than the minimum', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    expect(cache.next(request(['system', 5000], ['user1', 100]), 0)).toEqual({
      read: 0,
      write: 0,
      writeLong: 0,
      uncached: 5100,
      bust: false,
    });
    expect(cache.next(request(['system', 900], ['user1*', 100]), 30)).toEqual({
      read: 0,
      write: 0,
      writeLong: 0,
      uncached: 1000,
      bust: false,
    });
  });

  it('forgets an entry once its five minutes pass without a read', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    cache.next(request(['system', 2000], ['user1*', 100]), 0);
    expect(cache.next(request(['system', 2000], ['user1', 100], ['user2*', 50]), 299).read).toBe(2100);
    // The read at 299 s refreshed the entry to 599 s; at 600 s it is gone.
    expect(cache.next(request(['system', 2000], ['user1', 100], ['user2', 50], ['user3*', 50]), 900)).toEqual({
      read: 0,
      write: 2200,
      writeLong: 0,
      uncached: 0,
      bust: false,
    });
  });

  it('keeps an entry an hour when its breakpoint asks for it, and prices that write at 2x', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    // Anthropic: `"cache_control": {"type": "ephemeral", "ttl": "1h"}` lives an hour; its writes cost 2x input.
    expect(cache.next(request(['system', 2000], ['user1**', 100]), 0)).toEqual({
      read: 0,
      write: 2100,
      writeLong: 2100,
      uncached: 0,
      bust: false,
    });
    // Fifteen minutes later the 5-minute cache would be gone; the hour's entry is read.
    expect(cache.next(request(['system', 2000], ['user1', 100], ['user2*', 50]), 900)).toEqual({
      read: 2100,
      write: 50,
      writeLong: 0,
      uncached: 0,
      bust: false,
    });
    // The read at 900 s refreshed the hour's entry to 4,500 s; at 4,600 s nothing is left.
    expect(cache.next(request(['system', 2000], ['user1', 100], ['user2', 50], ['user3*', 50]), 4600).read).toBe(0);
  });

  it('prices each written token by the breakpoint that ends its block: an hour for the prefix, five minutes after', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    // Longer TTLs come first (as the documentation requires): system on the hour, the turn on five minutes.
    expect(cache.next(request(['tools', 500], ['system**', 1500], ['user1', 100], ['user2*', 100]), 0)).toEqual({
      read: 0,
      write: 2200,
      writeLong: 2000,
      uncached: 0,
      bust: false,
    });
    // Twenty minutes later only the hour's prefix is read; the turn is written again on five minutes.
    expect(cache.next(request(['tools', 500], ['system**', 1500], ['user1', 100], ['user2*', 100]), 1200)).toEqual({
      read: 2000,
      write: 200,
      writeLong: 0,
      uncached: 0,
      bust: false,
    });
  });

  it('looks back at most 20 blocks before a breakpoint', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    cache.next(request(['system', 2000], ['user1*', 100]), 0);
    const later = Array.from({ length: 21 }, (_, i): [string, number] => [`turn${i}`, 10]);
    const far = request(['system', 2000], ['user1', 100], ...later.slice(0, -1), [`${later[20]?.[0]}*`, 10]);
    expect(cache.next(far, 30).read).toBe(0);
    const near = request(['system', 2000], ['user1', 100], ...later.slice(0, 19), ['last*', 10]);
    expect(createLookbackProbe(near)).toBe(2100);
  });

  it('says a request busts the cache when bytes sent before changed', () => {
    const cache = createCacheSimulator(ANTHROPIC_RULES);
    cache.next(request(['tools', 500], ['system', 2000], ['user1*', 100]), 0);
    // A tool added to the definitions changes the first block: nothing before can be read.
    expect(cache.next(request(['tools+retrieve', 600], ['system', 2000], ['user1', 100], ['user2*', 100]), 30)).toEqual(
      { read: 0, write: 2800, writeLong: 0, uncached: 0, bust: true },
    );
  });
});

/** A fresh cache primed with the 2,100-token prefix, then asked for `segments`: the read it finds. */
function createLookbackProbe(segments: CacheSegment[]): number {
  const cache = createCacheSimulator(ANTHROPIC_RULES);
  cache.next(request(['system', 2000], ['user1*', 100]), 0);
  return cache.next(segments, 30).read;
}

describe('OpenAI prompt cache', () => {
  it('caches nothing under 1,024 tokens', () => {
    const cache = createCacheSimulator(OPENAI_RULES);
    cache.next(request(['system', 1000], ['user1', 23]), 0);
    expect(cache.next(request(['system', 1000], ['user1', 23]), 30)).toEqual({
      read: 0,
      write: 0,
      writeLong: 0,
      uncached: 1023,
      bust: false,
    });
  });

  it('reads the longest cached prefix from 1,024 tokens in 128-token steps, with no write premium', () => {
    const cache = createCacheSimulator(OPENAI_RULES);
    expect(cache.next(request(['system', 1200], ['user1', 300]), 0)).toEqual({
      read: 0,
      write: 0,
      writeLong: 0,
      uncached: 1500,
      bust: false,
    });
    // 1,500 tokens match: 1,024 + 3 x 128 = 1,408 read, the rest billed in full.
    expect(cache.next(request(['system', 1200], ['user1', 300], ['assistant1', 100]), 30)).toEqual({
      read: 1408,
      write: 0,
      writeLong: 0,
      uncached: 192,
      bust: false,
    });
  });

  it('reads nothing once the prefix expired', () => {
    const cache = createCacheSimulator(OPENAI_RULES);
    cache.next(request(['system', 2000]), 0);
    expect(cache.next(request(['system', 2000], ['user', 10]), 601).read).toBe(0);
  });
});

/** OpenAI's rule as first written: every prefix of a cached request written with its expiry, each time. */
function everyPrefixWritten(rules: OpenAiCacheRules): (segments: readonly CacheSegment[], at: number) => number {
  const entries = new Map<string, number>();
  return (segments, at) => {
    const all = segments.reduce((n, s) => n + s.tokens, 0);
    if (all < rules.minCacheableTokens) return 0;
    let matched = 0;
    let running = 0;
    for (const segment of segments) {
      running += segment.tokens;
      if ((entries.get(segment.prefix) ?? -Infinity) > at) matched = running;
      else break;
    }
    for (const segment of segments) entries.set(segment.prefix, at + rules.ttlSeconds);
    return matched < rules.minCacheableTokens
      ? 0
      : rules.minCacheableTokens +
          Math.floor((matched - rules.minCacheableTokens) / rules.stepTokens) * rules.stepTokens;
  };
}

describe('OpenAI prompt cache, kept by its latest request', () => {
  it('reads what writing every prefix of every request would read, on generated sessions (appends, rewrites, cuts, pauses past the TTL)', () => {
    const step = fc.record({
      change: fc.constantFrom('append', 'append', 'append', 'rewrite', 'cut', 'restart'),
      at: fc.nat({ max: 40 }),
      tokens: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
      gap: fc.constantFrom(30, 30, 30, 300, 700),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const cache = createCacheSimulator(OPENAI_RULES);
        const reference = everyPrefixWritten(OPENAI_RULES);
        let blocks: [string, number][] = [];
        let time = 0;
        let version = 0;
        for (const { change, at, tokens, gap } of steps) {
          version++;
          const cut = blocks.length === 0 ? 0 : at % blocks.length;
          if (change === 'rewrite' && blocks.length > 0)
            blocks[cut] = [`v${version}`, (blocks[cut] as [string, number])[1]];
          if (change === 'cut') blocks = blocks.slice(0, cut);
          if (change === 'restart') blocks = [];
          blocks = [...blocks, ...tokens.map((t, i): [string, number] => [`b${version}.${i}`, t])];
          time += gap;
          const segments = request(...blocks);
          expect(cache.next(segments, time).read).toBe(reference(segments, time));
        }
      }),
      { seed: environment.fuzzSeed, numRuns: 200 },
    );
  });
});
