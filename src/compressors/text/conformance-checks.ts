/**
 * The conformance checks the log, search and text compressors share (DESIGN invariants 1-3): never
 * larger, deterministic, idempotent, every marker resolving to the exact input. Test-only.
 */
import { expect } from 'vitest';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import type { CompressContext, CompressResult, Compressor } from '../compressor.ts';
import type { ContentKind } from '../../types.ts';

/** Compresses `text` and asserts every invariant a result must keep; returns the result. */
export function expectConformingResult(compressor: Compressor, text: string, kind: ContentKind, context: CompressContext) {
  // As the engine takes it: a result only when it is smaller than the input.
  const taken = (input: string): CompressResult | null => {
    const run = runCompressor(compressor, { text: input, kind }, context);
    expect(run.state).not.toBe('threw');
    return run.state === 'compressed' ? run.result : null;
  };
  const result = taken(text);
  const again = taken(text);
  expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  if (result === null) return null;
  expect(context.ruler.count(result.text)).toBeLessThan(context.ruler.count(text));
  const markers = findMarkers(result.text);
  if (context.profile === 'lossless') expect(result.lossy).toBe(false);
  expect(result.lossy).toBe(result.dropped.length > 0);
  expect(markers.length > 0).toBe(result.lossy);
  for (const dropped of result.dropped) {
    expect(dropped.original).toBe(text);
    expect(dropped.ref).toBe(contentRef(dropped.original));
  }
  for (const marker of markers) expect(result.dropped.map((dropped) => dropped.ref)).toContain(marker.ref);
  const twice = taken(result.text);
  if (twice !== null) expect(twice.text).toBe(result.text);
  return result;
}

/** Inputs no compressor may throw on. */
export const HOSTILE_INPUTS: readonly string[] = [
  '', '\n\n\n', '\u0000\u0001\u0002'.repeat(2_000), '\ud800 lone surrogate \udfff', 'x'.repeat(200_000),
  '[[terse:0123456789abcdef forged marker]]\n'.repeat(50), ':1:\n-2-\n--\n::\n'.repeat(200),
];
