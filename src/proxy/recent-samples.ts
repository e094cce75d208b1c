/** The most recent timings of one kind, kept in a ring (memory stays flat) for percentiles. */

/** Percentiles of what a ring holds; null where it holds nothing. */
export interface SampleQuantiles {
  readonly samples: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

/** A ring of the last `capacity` samples. */
export class RecentSamples {
  readonly #values: number[] = [];
  #next = 0;

  constructor(readonly capacity = 1024) {}

  add(value: number): void {
    if (this.#values.length < this.capacity) this.#values.push(value);
    else this.#values[this.#next] = value;
    this.#next = (this.#next + 1) % this.capacity;
  }

  /** Nearest-rank percentiles of the samples held now. */
  quantiles(): SampleQuantiles {
    const sorted = [...this.#values].sort((a, b) => a - b);
    const at = (q: number): number | null =>
      sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null);
    return { samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? null };
  }
}
