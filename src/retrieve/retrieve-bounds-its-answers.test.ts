import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import { MAX_ANSWER_CHARS, retrieve, retrieveResultText } from './retrieve.ts';

// The reported case: a query every line matches, over 200,000 lines, returned all of them.
const original = Array.from({ length: 200_000 }, (_, i) => `line ${i}: call f((x${i}))`).join('\n');

describe('retrieve answers are bounded (issue 18)', () => {
  it('cuts a query answer at a line end within the bound, and says how to narrow it', async () => {
    const store = createMemoryStore();
    const ref = await store.put(original);
    const result = await retrieve(store, { ref, query: '((' });
    expect(result.state).toBe('found');
    if (result.state !== 'found') return;
    expect(result.matched).toEqual({ unit: 'lines', count: 200_000, total: 200_000 });
    expect(result.text.length).toBeLessThan(MAX_ANSWER_CHARS + 200);
    expect(result.text).toMatch(
      /\n\(answer cut at \d+ of \d+ characters: narrow the query, or ask for fewer lines or items\)$/,
    );
    expect(
      result.text
        .split('\n')
        .slice(0, -1)
        .every((line) => /^\d+: line \d+: call f\(\(x\d+\)\)$/.test(line)),
    ).toBe(true);
    expect(retrieveResultText(result)).toMatch(/^200000 of 200000 lines matched\n/);
  });

  it('still gives the whole original when asked for it without a query', async () => {
    const store = createMemoryStore();
    const ref = await store.put(original);
    expect(await retrieve(store, { ref })).toEqual({ state: 'found', ref, text: original });
  });
});
