/** Where lossy compressors' originals live, so `terse_retrieve` can return them byte for byte. */
import type { StoreMissReason } from '../errors.ts';

/** The answer of `get`: the original, or why there is none. */
export type StoreLookup =
  { readonly found: true; readonly original: string } | { readonly found: false; readonly reason: StoreMissReason };

/** One interface, one backend per file (memory, duckdb); one conformance suite runs against each. */
export interface Store {
  /**
   * Stores `original` under its content ref (`contentRef` in `marker.ts`) and returns that ref.
   * `scope` names the session or tenant it belongs to: a ref is found only under the scope it was put
   * with (no scope is a scope of its own), so a marker copied into another session is plain text there.
   */
  put(original: string, scope?: string): Promise<string>;
  get(ref: string, scope?: string): Promise<StoreLookup>;
  /** True when this store wrote `ref` under `scope` and still holds it. */
  has(ref: string, scope?: string): Promise<boolean>;
  /** The refs of `refs` this store does not hold under `scope` (`has` of each, in one call), when a backend can answer so. */
  missing?(refs: readonly string[], scope?: string): Promise<string[]>;
  /**
   * A count that grows whenever the store drops an original (evicted, expired, closed), when a
   * backend can tell: while it stays the same, every ref found before is still held.
   */
  drops?(): number;
  close(): Promise<void>;
}
