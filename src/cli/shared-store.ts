/**
 * The store `terse compress` and `terse retrieve` share across processes: a file store folder
 * (docs/store.md: safe for any number of processes at once), or a DuckDB file when TERSE_STORE names
 * one ending in `.duckdb` (one process at a time).
 */
import { existsSync } from 'node:fs';
import { openFileStore } from '../store/file-store.ts';
import type { Store, StoreLookup } from '../store/store.ts';

/** Opens the store at `location`; DuckDB is loaded only for a `.duckdb` path. */
export async function openSharedStore(location: string): Promise<Store> {
  if (location.endsWith('.duckdb')) return (await import('../store/duckdb-store.ts')).openDuckDbStore(location);
  return openFileStore(location);
}

/**
 * A store that answers from `primary`, and on a miss from the DuckDB file earlier versions wrote by
 * default, so markers printed before the upgrade still resolve. Writes go to `primary` only.
 */
export function withLegacyFallback(primary: Store, legacyFile: string): Store {
  if (!existsSync(legacyFile)) return primary;
  const lookUpLegacy = async (ref: string): Promise<StoreLookup | null> => {
    const legacy = await (await import('../store/duckdb-store.ts')).openDuckDbStore(legacyFile).catch(() => null);
    if (legacy === null) return null;
    try {
      return await legacy.get(ref);
    } finally {
      await legacy.close();
    }
  };
  return {
    put: (original) => primary.put(original),
    has: async (ref) => (await primary.has(ref)) || (await lookUpLegacy(ref))?.found === true,
    get: async (ref) => {
      const found = await primary.get(ref);
      if (found.found) return found;
      const legacy = await lookUpLegacy(ref);
      return legacy?.found === true ? legacy : found;
    },
    close: () => primary.close(),
  };
}
