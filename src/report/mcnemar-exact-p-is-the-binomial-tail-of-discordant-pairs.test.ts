import { describe, expect, it } from 'vitest';
import { mcnemarExactP, pairedCounts } from './mcnemar.ts';

describe('exact McNemar', () => {
  it('is twice the binomial tail of the smaller discordant count', () => {
    // 1 vs 9 of 10 discordant: 2 * (1 + 10) / 1024.
    expect(mcnemarExactP({ only_a: 1, only_b: 9 })).toBe(0.0215);
    expect(mcnemarExactP({ only_a: 0, only_b: 6 })).toBe(0.0313);
    expect(mcnemarExactP({ only_a: 0, only_b: 5 })).toBe(0.0625);
    expect(mcnemarExactP({ only_a: 3, only_b: 3 })).toBe(1);
  });

  it('is 1 when no pair is discordant, and stays exact for hundreds of pairs', () => {
    expect(mcnemarExactP({ only_a: 0, only_b: 0 })).toBe(1);
    // 300 vs 350: a normal approximation with continuity correction gives about 0.055.
    const p = mcnemarExactP({ only_a: 300, only_b: 350 });
    expect(p).toBeGreaterThan(0.04);
    expect(p).toBeLessThan(0.06);
  });

  it('counts pairs by which arm got them right', () => {
    expect(pairedCounts([true, true, false, false, true], [true, false, true, false, false])).toEqual({
      both: 1,
      only_a: 2,
      only_b: 1,
      neither: 1,
    });
  });
});
