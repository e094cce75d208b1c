/**
 * Every marker a request sends resolves when it is sent: the originals of its compressed blocks are
 * in the store, put again when the store expired or evicted them (the client re-sends each block
 * whole, so the engine still holds it), and a block whose original cannot be held beside the others
 * goes as it came instead of pointing at nothing.
 */
import type { Store } from '../store/store.ts';
import type { BlockOutcome } from './block-outcome.ts';

type Compressed = Extract<BlockOutcome, { state: 'compressed' }>;

/** The first original of `outcome` the store no longer holds, or null when it holds them all. */
export async function firstMissing(outcome: Compressed, store: Store): Promise<string | null> {
  for (const dropped of outcome.dropped) if (!(await store.has(dropped.ref))) return dropped.ref;
  return null;
}

/** Puts again every original of `outcome` the store dropped; says why when one cannot be (null when all are held). */
export async function restoreOriginals(
  outcome: Compressed,
  store: Store,
): Promise<{ readonly put: boolean; readonly error: string | null }> {
  let put = false;
  for (const dropped of outcome.dropped) {
    if (await store.has(dropped.ref)) continue;
    try {
      await store.put(dropped.original);
      put = true;
    } catch (error) {
      return {
        put,
        error: `original ${dropped.ref} could not be stored again: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return { put, error: null };
}

/** What a block whose marker cannot resolve becomes: sent as it came, the failure counted and said. */
export function unresolvable(outcome: Compressed, error: string): BlockOutcome {
  return { state: 'failed', kind: outcome.kind, compressor: 'store', error, ms: outcome.ms };
}

/** The refs of `outcomes`' originals the store does not hold, asked in one call when the store can. */
export async function missingOriginals(outcomes: readonly Compressed[], store: Store): Promise<Set<string>> {
  const refs: string[] = [];
  for (const outcome of outcomes) for (const dropped of outcome.dropped) refs.push(dropped.ref);
  if (refs.length === 0) return new Set();
  if (store.missing) return new Set(await store.missing(refs));
  const held = await Promise.all(refs.map((ref) => store.has(ref)));
  return new Set(refs.filter((_, i) => !held[i]));
}
