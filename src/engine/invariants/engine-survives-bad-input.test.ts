import { afterAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../errors.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { JsonObject } from '../../types.ts';
import type { PassReason } from '../block-outcome.ts';
import { emitRequest, parseRequest } from '../request/canonical-request.ts';
import { compressRequest } from '../compress-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession } from '../engine-session.ts';
import { measureRequest } from '../measure-request.ts';
import { BAD_INPUTS } from '../../testkit/invariants/bad-inputs.ts';
import { toolResultRequest, toolResultText } from '../../testkit/invariants/tool-result-request.ts';

// Every reason a block may pass for; the Record makes the compiler flag a reason added later.
const PASS_REASONS: Readonly<Record<PassReason, true>> = {
  'excluded-tool': true,
  'below-minimum': true,
  'cached-prefix': true,
  'no-compressor': true,
  'no-gain': true,
  'already-compressed': true,
  'too-large': true,
  'over-budget': true,
  'breaks-syntax': true,
  'syntax-unchecked': true,
  'cache-cost': true,
  'user-words': true,
};

const PER_INPUT_TIMEOUT_MS = 180_000;

describe('the engine on hostile tool output inside a real request', () => {
  const rows: string[] = [];
  afterAll(() => console.info(`what became of each hostile block:\n${rows.join('\n')}`));

  for (const { name, build } of BAD_INPUTS) {
    it(
      `${name}: never throws, and compresses or passes the block unchanged, saying which and why`,
      async () => {
        const text = build();
        // As a proxy gets it: bytes on the wire, parsed by the engine's own adapter.
        const request = parseRequest(JSON.stringify(toolResultRequest(text)));
        const setup = await createEngine({ profile: 'balanced' });
        const session = createSession(setup);
        const result = await compressRequest(request, session);
        const measure = measureRequest(result, setup.ruler);

        const block = result.parts.find((entry) => entry.part.compressible);
        expect(block, 'the tool result is a compressible part').toBeDefined();
        if (block === undefined) return;
        const { outcome } = block;
        expect(outcome, 'a compressible part is routed').not.toBeNull();
        if (outcome === null) return;
        const emitted = toolResultText(JSON.parse(emitRequest(result.request, result.edits)) as JsonObject);
        // Whatever happened, what goes on the wire is exactly what the outcome says it is.
        expect(emitted === block.text).toBe(true);

        if (outcome.state === 'compressed') {
          const tokensBefore = setup.ruler.count(text);
          const tokensAfter = setup.ruler.count(outcome.text);
          rows.push(
            `${name}: compressed by ${outcome.compressor} (${outcome.kind}), ${tokensBefore} -> ${tokensAfter} tokens`,
          );
          expect(tokensAfter).toBeLessThan(tokensBefore);
          expect(result.stats.blocksChanged).toBe(1);
          expect(measure.compressibleAfter).toBeLessThan(measure.compressibleBefore);
          const inputRefs = new Set(findMarkers(text).map((marker) => marker.ref));
          for (const marker of findMarkers(outcome.text).filter((m) => !inputRefs.has(m.ref))) {
            const found = await session.store.get(marker.ref);
            expect(found.found && contentRef(found.original) === marker.ref, `marker ${marker.ref} resolves`).toBe(
              true,
            );
          }
          for (const dropped of outcome.dropped)
            expect(dropped.original === text, 'the dropped original is the whole block').toBe(true);
        } else if (outcome.state === 'passed') {
          rows.push(
            `${name}: passed (${outcome.kind ?? 'no kind'}), reason ${outcome.reason}, ${setup.ruler.count(text)} tokens`,
          );
          expect(PASS_REASONS[outcome.reason]).toBe(true);
          expect(block.text === text, 'a passed block is forwarded unchanged').toBe(true);
          expect(result.stats.blocksChanged).toBe(0);
          expect(measure.compressibleAfter).toBe(measure.compressibleBefore);
        } else {
          rows.push(`${name}: failed open in ${outcome.compressor} (${outcome.kind ?? 'no kind'}): ${outcome.error}`);
          expect(outcome.compressor).not.toBe('');
          expect(outcome.error).not.toBe('');
          expect(block.text === text, 'a failed block is forwarded unchanged').toBe(true);
          expect(session.failures).toBe(1);
          expect(measure.compressibleAfter).toBe(measure.compressibleBefore);
        }
      },
      PER_INPUT_TIMEOUT_MS,
    );
  }

  it('names the body when the request itself is cut short, instead of crashing', () => {
    const wire = JSON.stringify(toolResultRequest('{"entries": [{"level": "ERROR", "message": "pool exhausted"}]}'));
    const cut = wire.slice(0, Math.floor(wire.length / 2));
    expect(() => parseRequest(cut)).toThrow(InvalidRequestError);
    try {
      parseRequest(cut);
    } catch (error) {
      expect(error instanceof InvalidRequestError && error.field).toBe('(body)');
    }
  });
});
