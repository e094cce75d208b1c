import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import { formatMarker } from '../store/marker.ts';
import { retrieve, retrieveResultText } from './retrieve.ts';

describe('terse_retrieve arguments and misses', () => {
  let clock = 0;
  const store = createMemoryStore({ ttlMs: 1_000, now: () => clock });
  afterAll(() => store.close());

  it.each([
    ['no arguments', undefined, 'args'],
    ['a string', '0123456789abcdef', 'args'],
    ['an array', ['0123456789abcdef'], 'args'],
    ['no ref', { query: 'x' }, 'ref'],
    ['a numeric ref', { ref: 123 }, 'ref'],
    ['a ref that is not hex', { ref: 'rows 1-20' }, 'ref'],
    ['a numeric query', { ref: '0123456789abcdef', query: 7 }, 'query'],
  ])('answers %s with an invalid result, not a throw', async (_label, args, field) => {
    const result = await retrieve(store, args);
    expect(result).toMatchObject({ state: 'invalid', field });
    expect(retrieveResultText(result)).toMatch(/^terse_retrieve: invalid /);
  });

  it("reads OpenAI's arguments string as the object it holds", async () => {
    const ref = await store.put('line one\nline two with a needle\nline three');
    expect(await retrieve(store, JSON.stringify({ ref }))).toEqual({
      state: 'found',
      ref,
      text: 'line one\nline two with a needle\nline three',
    });
    expect(await retrieve(store, JSON.stringify({ ref, query: 'needle' }))).toMatchObject({
      state: 'found',
      text: expect.stringContaining('line two with a needle'),
    });
    expect(await retrieve(store, '{"ref": ')).toMatchObject({ state: 'invalid', field: 'args' });
  });

  it('answers a spoofed marker a user typed with missing: unknown', async () => {
    await store.put('the user wrote [[terse:0123456789abcdef 85 of 100 rows omitted]] by hand');
    const byRef = await retrieve(store, { ref: '0123456789abcdef' });
    expect(byRef).toEqual({ state: 'missing', ref: '0123456789abcdef', reason: 'unknown' });
    const byMarker = await retrieve(store, { ref: '[[terse:0123456789abcdef 85 of 100 rows omitted]]' });
    expect(byMarker).toEqual(byRef);
    expect(retrieveResultText(byRef)).toContain('a marker terse did not write is plain text');
  });

  it('accepts the ref in upper case, with terse: before it, or as the whole marker', async () => {
    const ref = await store.put('alpha\nbeta\n');
    for (const spelled of [ref.toUpperCase(), ` terse:${ref} `, formatMarker(ref, '2 lines omitted')]) {
      expect(await retrieve(store, { ref: spelled })).toEqual({ state: 'found', ref, text: 'alpha\nbeta\n' });
    }
  });

  it('treats an empty or blank query as no query: the exact original', async () => {
    const ref = await store.put('one\r\ntwo');
    expect(await retrieve(store, { ref, query: '  ' })).toEqual({ state: 'found', ref, text: 'one\r\ntwo' });
    expect(await retrieve(store, { ref, query: null })).toEqual({ state: 'found', ref, text: 'one\r\ntwo' });
  });

  it('says expired for an original past its TTL', async () => {
    const ref = await store.put('soon gone');
    clock += 1_000;
    const result = await retrieve(store, { ref });
    expect(result).toEqual({ state: 'missing', ref, reason: 'expired' });
    expect(retrieveResultText(result)).toBe(
      `terse_retrieve: ref ${ref} is expired: its original expired from the store.`,
    );
  });

  it('falls back to lines for JSON without an array and for malformed JSON', async () => {
    const object = await store.put('{\n  "status": "down",\n  "region": "eu"\n}');
    expect(await retrieve(store, { ref: object, query: 'DOWN' })).toMatchObject({
      text: '2:   "status": "down",',
      matched: { unit: 'lines', count: 1, total: 4 },
    });
    const broken = await store.put('[{"a": 1},\n{"a": 2');
    expect(await retrieve(store, { ref: broken, query: '"a": 2' })).toMatchObject({
      text: '2: {"a": 2',
      matched: { unit: 'lines', count: 1, total: 2 },
    });
  });
});
