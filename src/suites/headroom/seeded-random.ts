/**
 * A small seeded PRNG (mulberry32 behind a splitmix32 seed mixer). The headroom generators draw
 * every value from it, so the same seed and stream always give the same bytes (invariant 3).
 */

/** Draws values from one seeded stream. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** A new list with the same elements in a seeded order (the input is not touched). */
  shuffled<T>(items: readonly T[]): T[];
}

/** FNV-1a over the stream name, so each generator gets its own sequence for the same seed. */
function hashStream(stream: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32 finaliser: neighbouring seeds (0, 1, 2) start far apart. */
function mixSeed(value: number): number {
  let z = (value + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A PRNG for `seed`, optionally split into an independent named stream. */
export function createSeededRandom(seed: number, stream = ''): SeededRandom {
  let state = mixSeed((seed >>> 0) ^ hashStream(stream));
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => next() < p,
    hex(length: number): string {
      let out = '';
      while (out.length < length) out += int(0, 15).toString(16);
      return out;
    },
    shuffled<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}
