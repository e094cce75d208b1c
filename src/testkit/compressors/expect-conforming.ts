/** `checkCompressor` as an assertion, for a compressor's own tests (test-only): the result the engine takes, or null. */
import { expect } from 'vitest';
import { checkCompressor, type SyntaxErrorCount } from './compressor-conformance.ts';
import type { CompressContext, CompressResult, Compressor } from '../../compressors/compressor.ts';
import type { ContentKind } from '../../types.ts';

const noSyntaxCount: SyntaxErrorCount = () => null;

/** Compresses `text` as the engine runs a compressor and asserts every conformance check holds. */
export function expectConformingResult(
  compressor: Compressor,
  text: string,
  kind: ContentKind,
  context: CompressContext,
): CompressResult | null {
  const checked = checkCompressor(compressor, { text, kind }, context, noSyntaxCount);
  expect(checked.violations).toEqual([]);
  return checked.result;
}
