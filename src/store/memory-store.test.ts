import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';
import { describeStoreConformance } from '../testkit/store/store-conformance.ts';

describeStoreConformance({
  name: 'memory',
  async openFresh(options) {
    return { store: createMemoryStore(options), reopen: async (again) => createMemoryStore(again) };
  },
  persistenceSkipReason: 'the memory store lives and dies with its process by design; use the DuckDB store to persist',
});

describe('memory store byte accounting', () => {
  it('counts UTF-8 bytes once per ref, however often it is put', async () => {
    const store = createMemoryStore();
    await store.put('é🚀');
    await store.put('é🚀');
    expect(store.bytes).toBe(6);
    await store.close();
    expect(store.bytes).toBe(0);
  });
});
