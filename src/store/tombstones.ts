/** A bounded memory of refs a store dropped, so a miss can say `expired`/`evicted` instead of `unknown`. */

/** Why a ref this store wrote is gone. */
export type DropReason = 'expired' | 'evicted';

/** Oldest records are forgotten first once `limit` is reached; a forgotten ref reads as unknown. */
export class Tombstones {
  readonly #reasons = new Map<string, DropReason>();

  constructor(readonly limit: number) {}

  /** Remembers that `ref` was dropped and why. */
  record(ref: string, reason: DropReason): void {
    // Re-inserting moves the ref to the young end of the Map's insertion order.
    this.#reasons.delete(ref);
    this.#reasons.set(ref, reason);
    if (this.#reasons.size > this.limit) {
      const oldest = this.#reasons.keys().next();
      if (oldest.done !== true) this.#reasons.delete(oldest.value);
    }
  }

  /** Why `ref` was dropped, or undefined when this store never dropped it (or forgot). */
  reasonFor(ref: string): DropReason | undefined {
    return this.#reasons.get(ref);
  }

  /** Called when `ref` is stored again: it is no longer dropped. */
  forget(ref: string): void {
    this.#reasons.delete(ref);
  }

  /** Forgets everything. */
  clear(): void {
    this.#reasons.clear();
  }
}
