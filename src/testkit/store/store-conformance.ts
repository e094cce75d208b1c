/** The one conformance suite every `Store` backend passes: call it from the backend's test file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { Store } from '../../store/store.ts';
import type { StoreOptions } from '../../store/store-options.ts';
import { StoreClosedError, UnstorableOriginalError } from '../../store/store-errors.ts';

/** A store opened by a backend under test, with the means to open its storage again. */
export interface ReopenableStore {
  readonly store: Store;
  /** Opens the same storage after `store.close()`; a backend without persistence opens an empty one. */
  reopen(options: StoreOptions): Promise<Store>;
}

/** What the suite needs from a backend. */
export interface StoreBackendUnderTest {
  readonly name: string;
  /** Opens a new, empty store at a new location. */
  openFresh(options: StoreOptions): Promise<ReopenableStore>;
  /** Why persistence across reopen is not tested for this backend, or null when it is. */
  readonly persistenceSkipReason: string | null;
}

const REFERENCE_JSON = path.join(
  environment.sharedDir,
  'reference',
  'headroom-workloads',
  'sre-incident-debugging-seed0.json',
);

/** Originals a naive store would damage: encodings, line ends, NUL, BOM, astral and combining characters. */
const TRICKY_ORIGINALS: Readonly<Record<string, string>> = {
  empty: '',
  crlf: 'line one\r\nline two\r\n\r\n',
  'lone CR and trailing spaces': 'a\rb  \n\t \n',
  'emoji and astral': 'deploy 🚀 failed 💥 — 𝄞 𠜎 👩‍👩‍👧 ✅',
  'combining and RTL': 'e\u0301 cafe\u0301 שלום مرحبا \u202Eevil\u202C',
  'NUL, controls, BOM, separators': 'a\u0000b\u0001\u001f\u007f\uFEFFc\u2028d\u2029e\uFFFD\uFFFF',
  'JSON with escapes': '{"path":"C:\\\\temp\\\\x","quote":"\\"","nl":"\\n"}',
  'looks like a marker': 'see [[terse:0123456789abcdef 3 rows omitted]] above',
};

/** Registers the conformance tests for `backend` in the current vitest file. */
export function describeStoreConformance(backend: StoreBackendUnderTest): void {
  describe(`${backend.name} store conformance`, () => {
    const opened: Store[] = [];
    let clock = 0;
    const now = (): number => clock;

    async function open(options: StoreOptions = {}): Promise<ReopenableStore> {
      clock = 1_000_000;
      const fresh = await backend.openFresh({ now, ...options });
      opened.push(fresh.store);
      return fresh;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    async function expectRoundTrip(store: Store, original: string): Promise<void> {
      const ref = await store.put(original);
      expect(ref).toBe(contentRef(original));
      const lookup = await store.get(ref);
      expect(lookup.found).toBe(true);
      if (!lookup.found) return;
      expect(Buffer.from(lookup.original, 'utf8').equals(Buffer.from(original, 'utf8'))).toBe(true);
      expect(lookup.original).toBe(original);
    }

    it.skipIf(!existsSync(REFERENCE_JSON))('returns a large real JSON tool result byte for byte', async () => {
      const { store } = await open();
      await expectRoundTrip(store, readFileSync(REFERENCE_JSON, 'utf8'));
    });

    for (const [label, original] of Object.entries(TRICKY_ORIGINALS)) {
      it(`returns ${label} byte for byte`, async () => {
        const { store } = await open();
        await expectRoundTrip(store, original);
      });
    }

    it('refuses an original with a lone surrogate instead of storing altered bytes', async () => {
      const { store } = await open();
      const error = await store.put('half a pair: \uD83D').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnstorableOriginalError);
      expect((error as UnstorableOriginalError).reason).toBe('ill-formed-utf16');
      expect(await store.has((error as UnstorableOriginalError).ref)).toBe(false);
    });

    it('finds a ref only under the scope it was put with: a marker copied into another session is plain text there', async () => {
      const { store } = await open();
      const ref = await store.put('session one original', 'session-1');
      expect(ref).toBe(contentRef('session one original'));
      expect(await store.get(ref, 'session-1')).toEqual({ found: true, original: 'session one original' });
      expect(await store.has(ref, 'session-1')).toBe(true);
      expect(await store.get(ref, 'session-2')).toEqual({ found: false, reason: 'unknown' });
      expect(await store.has(ref, 'session-2')).toBe(false);
      expect(await store.get(ref)).toEqual({ found: false, reason: 'unknown' });
      await store.put('session one original', 'session-2');
      expect(await store.get(ref, 'session-2')).toEqual({ found: true, original: 'session one original' });
    });

    it('puts idempotently: same original, same ref, still one retrievable entry', async () => {
      const { store } = await open();
      const first = await store.put('{"rows": [1, 2, 3]}');
      const second = await store.put('{"rows": [1, 2, 3]}');
      expect(second).toBe(first);
      expect(await store.put('{"rows": [1, 2, 4]}')).not.toBe(first);
      expect(await store.get(first)).toEqual({ found: true, original: '{"rows": [1, 2, 3]}' });
    });

    it('reports an original past its TTL as expired, and a new put renews it', async () => {
      const { store } = await open({ ttlMs: 1_000 });
      const ref = await store.put('short-lived original');
      clock += 999;
      expect(await store.has(ref)).toBe(true);
      clock += 1;
      expect(await store.has(ref)).toBe(false);
      expect(await store.get(ref)).toEqual({ found: false, reason: 'expired' });
      expect(await store.get(ref)).toEqual({ found: false, reason: 'expired' });
      await store.put('short-lived original');
      expect(await store.get(ref)).toEqual({ found: true, original: 'short-lived original' });
    });

    it('still says expired for an original swept out by a later put', async () => {
      const { store } = await open({ ttlMs: 1_000 });
      const old = await store.put('old original');
      clock += 5_000;
      const young = await store.put('young original');
      expect(await store.get(old)).toEqual({ found: false, reason: 'expired' });
      expect(await store.get(young)).toEqual({ found: true, original: 'young original' });
    });

    it('evicts the least recently used original to stay under maxBytes, and says evicted', async () => {
      const { store } = await open({ maxBytes: 1_000 });
      const a = await store.put('a'.repeat(400));
      const b = await store.put('b'.repeat(400));
      expect((await store.get(a)).found).toBe(true); // a is now more recently used than b
      const c = await store.put('c'.repeat(400));
      expect(await store.get(b)).toEqual({ found: false, reason: 'evicted' });
      expect(await store.has(b)).toBe(false);
      expect(await store.get(a)).toEqual({ found: true, original: 'a'.repeat(400) });
      expect(await store.get(c)).toEqual({ found: true, original: 'c'.repeat(400) });
      await store.put('b'.repeat(400));
      expect(await store.get(b)).toEqual({ found: true, original: 'b'.repeat(400) });
    });

    it('refuses an original larger than maxBytes and keeps what it holds', async () => {
      const { store } = await open({ maxBytes: 100 });
      const kept = await store.put('kept');
      const error = await store.put('é'.repeat(51)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnstorableOriginalError);
      expect((error as UnstorableOriginalError).reason).toBe('larger-than-store');
      expect(await store.get(kept)).toEqual({ found: true, original: 'kept' });
    });

    it('keeps every entry under 200 concurrent puts of the same and different originals', async () => {
      const { store } = await open();
      const originals = Array.from(
        { length: 200 },
        (_, index) => `{"item": ${index % 120}, "text": "row ${index % 120}"}`,
      );
      const refs = await Promise.all(originals.map((original) => store.put(original)));
      expect(refs).toEqual(originals.map(contentRef));
      const lookups = await Promise.all(refs.map((ref) => store.get(ref)));
      lookups.forEach((lookup, index) => expect(lookup).toEqual({ found: true, original: originals[index] }));
      expect(new Set(refs).size).toBe(120);
    });

    it('loses no neighbour when one of several concurrent puts is refused', async () => {
      const { store } = await open();
      const settled = await Promise.allSettled([store.put('first'), store.put('bad \uDC00 half'), store.put('third')]);
      expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.get(contentRef('first'))).toEqual({ found: true, original: 'first' });
      expect(await store.get(contentRef('third'))).toEqual({ found: true, original: 'third' });
    });

    it('treats a well-formed marker it did not write as plain text: unknown', async () => {
      const { store } = await open();
      const typed = 'my notes: [[terse:0123456789abcdef 85 of 100 rows omitted]]';
      const [spoofed] = findMarkers(typed);
      expect(spoofed?.ref).toBe('0123456789abcdef');
      await store.put(typed);
      expect(await store.has('0123456789abcdef')).toBe(false);
      expect(await store.get('0123456789abcdef')).toEqual({ found: false, reason: 'unknown' });
      expect(await store.get('not even a ref')).toEqual({ found: false, reason: 'unknown' });
    });

    it('rejects use after close with StoreClosedError', async () => {
      const { store } = await open();
      await store.close();
      await expect(store.put('x')).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.get(contentRef('x'))).rejects.toBeInstanceOf(StoreClosedError);
    });

    const persistence = backend.persistenceSkipReason;
    const persistenceTitle = 'keeps originals, expiry and evictions across close and reopen';
    if (persistence !== null) {
      it.skip(`${persistenceTitle} (skipped: ${persistence})`, () => undefined);
    } else {
      it(persistenceTitle, async () => {
        const { store, reopen } = await open({ ttlMs: 10_000, maxBytes: 1_000 });
        const kept = await store.put('survives a restart 🚀\r\n');
        const evicted = await store.put('e'.repeat(600));
        await store.get(kept); // kept is now more recently used than evicted
        await store.put('f'.repeat(600));
        const expiring = await store.put('expires later');
        await store.close();
        const again = await reopen({ now, ttlMs: 10_000, maxBytes: 1_000 });
        opened.push(again);
        expect(await again.get(kept)).toEqual({ found: true, original: 'survives a restart 🚀\r\n' });
        expect(await again.get(evicted)).toEqual({ found: false, reason: 'evicted' });
        clock += 10_000;
        expect(await again.get(expiring)).toEqual({ found: false, reason: 'expired' });
      });
    }
  });
}
