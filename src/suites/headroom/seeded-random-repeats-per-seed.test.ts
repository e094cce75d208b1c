/** The seeded PRNG: same seed and stream, same draws; different seed or stream, different draws. */
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.ts';

const draws = (seed: number, stream = ''): number[] => {
  const rng = createSeededRandom(seed, stream);
  return Array.from({ length: 32 }, () => rng.next());
};

describe('createSeededRandom', () => {
  it('repeats its sequence for the same seed and stream', () => {
    expect(draws(7, 'sre')).toEqual(draws(7, 'sre'));
  });

  it('starts neighbouring seeds and different streams far apart', () => {
    expect(draws(0)).not.toEqual(draws(1));
    expect(draws(0, 'sre')).not.toEqual(draws(0, 'needle'));
  });

  it('keeps draws in range', () => {
    const rng = createSeededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const value = rng.int(2, 5);
      expect(value).toBeGreaterThanOrEqual(2);
      expect(value).toBeLessThanOrEqual(5);
    }
    expect(rng.hex(40)).toMatch(/^[0-9a-f]{40}$/);
    expect(rng.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
