/** A store seen from one session or tenant: every ref it puts or reads is under that scope. */
import type { Store, StoreLookup } from './store.ts';

/** `store` bound to `scope`; closing the view leaves the shared store open. */
export function scopedStore(store: Store, scope: string): Store {
  return {
    put: (original: string): Promise<string> => store.put(original, scope),
    get: (ref: string): Promise<StoreLookup> => store.get(ref, scope),
    has: (ref: string): Promise<boolean> => store.has(ref, scope),
    missing: async (refs: readonly string[]): Promise<string[]> => {
      if (store.missing) return store.missing(refs, scope);
      const held = await Promise.all(refs.map((ref) => store.has(ref, scope)));
      return refs.filter((_, i) => !held[i]);
    },
    ...(store.drops ? { drops: (): number => (store.drops as () => number)() } : {}),
    close: async (): Promise<void> => undefined,
  };
}
