/**
 * The property suite over the engine: generated requests of every content kind, huge and degenerate
 * shapes, damaged text and numbers in every spelling, each sent as wire text through parseRequest,
 * compressRequest and emitRequest. CI runs a fixed seed and a fixed number of cases (the same cases
 * on any machine, however loaded); `npm run fuzz` runs many more, larger ones.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { JsonObject, JsonPath } from '../../types.ts';
import { compressedBody, compressRequest, type CompressedRequest } from '../compress-request.ts';
import { emitRequest, parseRequest } from '../request/canonical-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession, type EngineSession, type EngineSetup } from '../engine-session.ts';
import { locateValues } from '../request/json-spans.ts';
import { measureRequest } from '../measure-request.ts';
import { providerRequest, type SizeLimits } from '../../testkit/invariants/hostile-arbitraries.ts';

const long = environment.fuzzRuns !== null;
const RUNS = environment.fuzzRuns ?? 24;
const LIMITS: SizeLimits = long ? { maxRun: 400_000, maxRows: 2_000 } : { maxRun: 20_000, maxRows: 200 };
const params = { seed: environment.fuzzSeed, numRuns: RUNS, endOnFailure: true };

let balanced: EngineSetup;
let lossless: EngineSetup;
beforeAll(async () => {
  balanced = await createEngine({ profile: 'balanced' });
  lossless = await createEngine({ profile: 'lossless' });
});

async function compressWire(
  text: string,
  session: EngineSession,
): Promise<{ result: CompressedRequest; emitted: string }> {
  const request = parseRequest(text);
  const result = await compressRequest(request, session);
  return { result, emitted: emitRequest(request, result.edits) };
}

/** The text between the edited values of `source` and of `emitted`, in order: what must not change by a byte. */
function untouchedGaps(text: string, paths: readonly JsonPath[]): string[] {
  const spans = [...locateValues(text, paths).values()].sort((a, b) => a[0] - b[0]);
  const gaps: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    gaps.push(text.slice(at, start));
    at = end;
  }
  gaps.push(text.slice(at));
  return gaps;
}

/** Whether `after` is `before` with text inserted (every character of `before` kept, in order). */
function onlyInsertedInto(before: string, after: string): boolean {
  let at = 0;
  for (let i = 0; i < after.length && at < before.length; i++) if (after[i] === before[at]) at++;
  return at === before.length;
}

describe(`engine invariants on generated requests (seed ${environment.fuzzSeed}, ${RUNS} cases a property)`, () => {
  it('never throws on content; the output parses, is never larger, and changes only the values it compressed', async () => {
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const session = createSession(balanced);
        const { result, emitted } = await compressWire(text, session);
        const parsed = JSON.parse(emitted) as JsonObject;
        expect(parsed).toEqual(compressedBody(result));
        const measure = measureRequest(result, balanced.ruler);
        expect(measure.tokensAfter).toBeLessThanOrEqual(measure.tokensBefore);
        const edited = result.parts
          .filter((p) => result.edits.strings.has(p.part.path.join('.')))
          .map((p) => p.part.path);
        const before = untouchedGaps(text, edited);
        const after = untouchedGaps(emitted, edited);
        expect(after.length).toBe(before.length);
        // What terse adds outside the compressed values (the retrieve tool, the cache aligner's members) is
        // inserted: every byte the client sent there stays, in order (tool definitions included).
        const changed = before.flatMap((gap, i) => (gap === after[i] ? [] : [i]));
        if (result.edits.tools === undefined && (result.edits.members?.length ?? 0) === 0) expect(changed).toEqual([]);
        for (const i of changed)
          expect(onlyInsertedInto(before[i] as string, after[i] as string), `gap ${i} only gains text`).toBe(true);
      }),
      params,
    );
  });

  it('resolves every marker it writes to the exact original, in its own session only', async () => {
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const session = createSession(balanced);
        const stranger = createSession(balanced);
        const { result } = await compressWire(text, session);
        for (const { part, outcome, text: sent } of result.parts) {
          if (outcome?.state !== 'compressed') continue;
          const before = new Set(findMarkers(part.text).map((m) => m.ref));
          for (const marker of findMarkers(sent).filter((m) => !before.has(m.ref))) {
            const found = await session.store.get(marker.ref);
            expect(found.found, `marker ${marker.ref} resolves`).toBe(true);
            if (found.found) expect(contentRef(found.original)).toBe(marker.ref);
            expect(await stranger.store.get(marker.ref)).toEqual({ found: false, reason: 'unknown' });
          }
          for (const dropped of outcome.dropped)
            expect(await session.store.get(dropped.ref)).toEqual({ found: true, original: dropped.original });
        }
      }),
      params,
    );
  });

  it('is deterministic: a fresh engine and session send the same bytes', async () => {
    const again = await createEngine({ profile: 'balanced' });
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const first = await compressWire(text, createSession(balanced));
        const second = await compressWire(text, createSession(again));
        expect(second.emitted).toBe(first.emitted);
      }),
      params,
    );
  });

  it('is idempotent: its own output, sent again in the session, goes unchanged', async () => {
    // Repeats are off here: an output sent twice in one session is a real repeat, pointed back to on purpose.
    const setup = await createEngine({ profile: 'balanced', repeats: false });
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const session = createSession(setup);
        const once = await compressWire(text, session);
        const twice = await compressWire(once.emitted, session);
        expect(twice.emitted).toBe(once.emitted);
      }),
      params,
    );
  });

  it('under lossless, leaves no marker and changes no value', async () => {
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const { result } = await compressWire(text, createSession(lossless));
        for (const { part, text: sent } of result.parts) {
          expect(findMarkers(sent).length).toBe(findMarkers(part.text).length);
          if (sent !== part.text && part.type === 'tool_result') {
            // Lossless JSON work keeps every value: the document parses to what it held.
            const original = (() => {
              try {
                return JSON.parse(part.text) as unknown;
              } catch {
                return undefined;
              }
            })();
            const after = (() => {
              try {
                return JSON.parse(sent) as unknown;
              } catch {
                return undefined;
              }
            })();
            if (original !== undefined && after !== undefined) expect(after).toEqual(original);
          }
        }
      }),
      params,
    );
  });
});
