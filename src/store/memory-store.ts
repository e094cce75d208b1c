/** The default store: originals in process memory, bounded by bytes (LRU) and by TTL. */
import type { Store, StoreLookup } from './store.ts';
import { prepareOriginal, resolveStoreOptions, storageKey, TOMBSTONE_LIMIT } from './store-options.ts';
import type { ResolvedStoreOptions, StoreOptions } from './store-options.ts';
import { StoreClosedError, UnstorableOriginalError } from './store-errors.ts';
import { Tombstones } from './tombstones.ts';
import type { DropReason } from './tombstones.ts';

interface Entry {
  readonly original: string;
  readonly bytes: number;
  /** When the latest `put` of this original happened: its TTL runs from here. */
  readonly putAt: number;
}

/**
 * A `Store` held in a Map; nothing survives the process. Not lru-cache: the TTL from the latest put, the
 * byte bound and the miss reasons are the rules all four backends share (one conformance suite), and a
 * Map's insertion order already is the LRU order.
 */
export class MemoryStore implements Store {
  readonly #options: ResolvedStoreOptions;
  /** Insertion order is put order, so with a steady clock the oldest entry expires first. */
  readonly #entries = new Map<string, Entry>();
  /** Insertion order is use order: the first key is the least recently used. */
  readonly #recency = new Set<string>();
  readonly #tombstones = new Tombstones(TOMBSTONE_LIMIT);
  #bytes = 0;
  #closed = false;
  #drops = 0;

  constructor(options: StoreOptions = {}) {
    this.#options = resolveStoreOptions(options);
  }

  /** UTF-8 bytes of all originals held now. */
  get bytes(): number {
    return this.#bytes;
  }

  async put(original: string, scope?: string): Promise<string> {
    this.#assertOpen();
    const { ref: contentRef, bytes } = prepareOriginal(original, this.#options.maxBytes);
    const ref = storageKey(contentRef, scope);
    const now = this.#options.now();
    this.#sweepExpired(now);
    const existing = this.#entries.get(ref);
    if (existing !== undefined && existing.original !== original) {
      throw new UnstorableOriginalError(contentRef, 'ref-collision', 'another original already holds this ref');
    }
    if (existing !== undefined) this.#remove(ref);
    this.#entries.set(ref, { original, bytes, putAt: now });
    this.#recency.add(ref);
    this.#bytes += bytes;
    this.#tombstones.forget(ref);
    this.#evictOverBound();
    return contentRef;
  }

  async get(contentRef: string, scope?: string): Promise<StoreLookup> {
    this.#assertOpen();
    const ref = storageKey(contentRef, scope);
    const entry = this.#entries.get(ref);
    if (entry === undefined) return { found: false, reason: this.#tombstones.reasonFor(ref) ?? 'unknown' };
    if (this.#isExpired(entry, this.#options.now())) {
      this.#drop(ref, 'expired');
      return { found: false, reason: 'expired' };
    }
    this.#recency.delete(ref);
    this.#recency.add(ref);
    return { found: true, original: entry.original };
  }

  async has(contentRef: string, scope?: string): Promise<boolean> {
    this.#assertOpen();
    const entry = this.#entries.get(storageKey(contentRef, scope));
    return entry !== undefined && !this.#isExpired(entry, this.#options.now());
  }

  async missing(refs: readonly string[], scope?: string): Promise<string[]> {
    this.#assertOpen();
    const now = this.#options.now();
    return refs.filter((ref) => {
      const entry = this.#entries.get(storageKey(ref, scope));
      return entry === undefined || this.#isExpired(entry, now);
    });
  }

  drops(): number {
    // Originals past their TTL count as dropped from the moment they expire, swept or not.
    if (!this.#closed) this.#sweepExpired(this.#options.now());
    return this.#drops;
  }

  async close(): Promise<void> {
    this.#drops++;
    this.#entries.clear();
    this.#recency.clear();
    this.#tombstones.clear();
    this.#bytes = 0;
    this.#closed = true;
  }

  #isExpired(entry: Entry, now: number): boolean {
    return now - entry.putAt >= this.#options.ttlMs;
  }

  #sweepExpired(now: number): void {
    for (const [ref, entry] of this.#entries) {
      if (!this.#isExpired(entry, now)) break;
      this.#drop(ref, 'expired');
    }
  }

  #evictOverBound(): void {
    // The newest entry is last in recency order and fits alone (prepareOriginal checked), so it stays.
    for (const ref of this.#recency) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#drop(ref, 'evicted');
    }
  }

  #drop(ref: string, reason: DropReason): void {
    this.#drops++;
    this.#remove(ref);
    this.#tombstones.record(ref, reason);
  }

  #remove(ref: string): void {
    const entry = this.#entries.get(ref);
    if (entry === undefined) return;
    this.#entries.delete(ref);
    this.#recency.delete(ref);
    this.#bytes -= entry.bytes;
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError('memory store');
  }
}

/** Opens an empty in-memory store. */
export function createMemoryStore(options: StoreOptions = {}): MemoryStore {
  return new MemoryStore(options);
}
