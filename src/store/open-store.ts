/** Opens the store a command names: `memory`, `duckdb:PATH` or a `redis://` / `rediss://` URL. */
import { ConfigError } from '../errors.ts';
import { openDuckDbStore } from './duckdb-store.ts';
import { createMemoryStore } from './memory-store.ts';
import { openRedisStore } from './redis-store.ts';
import type { Store } from './store.ts';
import type { StoreOptions } from './store-options.ts';

/** The store for `spec`; an unknown spec is a ConfigError naming the forms accepted. */
export async function openStore(spec: string, options: StoreOptions = {}): Promise<Store> {
  if (spec === 'memory') return createMemoryStore(options);
  if (spec.startsWith('duckdb:') && spec.length > 'duckdb:'.length) return openDuckDbStore(spec.slice('duckdb:'.length), options);
  if (spec.startsWith('redis://') || spec.startsWith('rediss://')) return openRedisStore(spec, options);
  throw new ConfigError('store', `${JSON.stringify(spec)} is not memory, duckdb:PATH or redis://HOST:PORT`);
}
