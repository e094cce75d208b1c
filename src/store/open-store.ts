/**
 * Opens the store a command names: `memory`, `files:DIR`, `duckdb:PATH` or a `redis://` / `rediss://`
 * URL. Backends load when named, so importing the engine loads neither DuckDB nor the Redis client.
 */
import { ConfigError } from '../errors.ts';
import { createMemoryStore } from './memory-store.ts';
import type { Store } from './store.ts';
import type { StoreOptions } from './store-options.ts';

/** The store for `spec`; an unknown spec is a ConfigError naming the forms accepted. */
export async function openStore(spec: string, options: StoreOptions = {}): Promise<Store> {
  if (spec === 'memory') return createMemoryStore(options);
  if (spec.startsWith('files:') && spec.length > 'files:'.length)
    return (await import('./file-store.ts')).openFileStore(spec.slice('files:'.length), options);
  if (spec.startsWith('duckdb:') && spec.length > 'duckdb:'.length)
    return (await import('./duckdb-store.ts')).openDuckDbStore(spec.slice('duckdb:'.length), options);
  if (spec.startsWith('redis://') || spec.startsWith('rediss://'))
    return (await import('./redis-store.ts')).openRedisStore(spec, options);
  throw new ConfigError('store', `${JSON.stringify(spec)} is not memory, files:DIR, duckdb:PATH or redis://HOST:PORT`);
}
