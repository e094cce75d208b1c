/** Options every store backend takes, resolved once by its factory. */
import { ConfigError } from '../errors.ts';
import { UnstorableOriginalError } from './store-errors.ts';
import { contentRef } from './marker.ts';

/** TTL, size bound and clock of a store. */
export interface StoreOptions {
  /** How long an original stays retrievable after its latest `put`, in ms. @default 86_400_000 (24 h) */
  readonly ttlMs?: number;
  /** Upper bound on the UTF-8 bytes of all originals held; least recently used go first. @default 268_435_456 (256 MiB) */
  readonly maxBytes?: number;
  /** The clock, in ms; injected so expiry is deterministic under test. @default Date.now */
  readonly now?: () => number;
}

/** `StoreOptions` with every default filled in. */
export type ResolvedStoreOptions = Required<StoreOptions>;

/** Defaults of `StoreOptions`. */
export const STORE_DEFAULTS: ResolvedStoreOptions = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxBytes: 256 * 1024 * 1024,
  now: () => Date.now(),
};

/** How many evicted/expired refs a store remembers, so `get` can say why instead of `unknown`. */
export const TOMBSTONE_LIMIT = 10_000;

/** Fills defaults without touching the caller's object; rejects a non-positive bound or TTL. */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const resolved = { ...STORE_DEFAULTS, ...options };
  if (!(resolved.ttlMs > 0)) throw new ConfigError('store.ttlMs', `must be > 0, got ${resolved.ttlMs}`);
  if (!(resolved.maxBytes > 0)) throw new ConfigError('store.maxBytes', `must be > 0, got ${resolved.maxBytes}`);
  return resolved;
}

// With the `u` flag a surrogate pair is one code point, so this class only matches unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What `put` needs before it stores anything: the ref and UTF-8 size, or a refusal. */
export interface PreparedOriginal {
  readonly ref: string;
  readonly bytes: number;
}

/**
 * Computes ref and size, refusing what cannot round-trip: a lone surrogate has no UTF-8 form (the
 * bytes, and so the ref, would be those of U+FFFD), and an original over the bound would be evicted
 * as soon as it was stored.
 */
export function prepareOriginal(original: string, maxBytes: number): PreparedOriginal {
  const ref = contentRef(original);
  if (LONE_SURROGATE.test(original)) {
    throw new UnstorableOriginalError(ref, 'ill-formed-utf16', 'contains a lone surrogate');
  }
  const bytes = Buffer.byteLength(original, 'utf8');
  if (bytes > maxBytes) {
    throw new UnstorableOriginalError(ref, 'larger-than-store', `${bytes} bytes > maxBytes ${maxBytes}`);
  }
  return { ref, bytes };
}

/**
 * The key an original is held under: its ref, after the scope's name when it has one. Keys of
 * different scopes never meet, so one scope can neither read nor evict-by-overwrite another's entry.
 */
export function storageKey(ref: string, scope: string | undefined): string {
  return scope === undefined ? ref : `${scope}\u0000${ref}`;
}
