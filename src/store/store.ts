/** Where lossy compressors' originals live, so `terse_retrieve` can return them byte for byte. */
import type { StoreMissReason } from '../errors.ts';

/** The answer of `get`: the original, or why there is none. */
export type StoreLookup =
  | { readonly found: true; readonly original: string }
  | { readonly found: false; readonly reason: StoreMissReason };

/** One interface, one backend per file (memory, duckdb); one conformance suite runs against each. */
export interface Store {
  /** Stores `original` under its content ref (`contentRef` in `marker.ts`) and returns that ref. */
  put(original: string): Promise<string>;
  get(ref: string): Promise<StoreLookup>;
  /** True when this store wrote `ref` and still holds it. */
  has(ref: string): Promise<boolean>;
  close(): Promise<void>;
}
