/**
 * One compressor held to the engine's contract: whatever it returns or throws, the engine takes only
 * a result smaller than the input (DESIGN invariant 2) and, for code, one that parses no worse than
 * the input; a throw is caught and said, never passed on.
 */
import {
  inputSize,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressors/compressor.ts';
import type { SyntaxCheck } from '../compressors/code/syntax-verdict.ts';
import { fewerTokens } from '../tokenize/token-size.ts';

/**
 * Why the engine took no result from a compressor that did not throw: it gave none, the result was not
 * smaller, or (for code) it had more syntax errors than the input, or no grammar could tell.
 */
export type DeclineReason = 'no-result' | 'not-smaller' | 'breaks-syntax' | 'syntax-unchecked';

/** What came of one compressor on one input, as the engine takes it. */
export type CompressorRun =
  | { readonly state: 'compressed'; readonly result: CompressResult }
  | { readonly state: 'declined'; readonly reason: DeclineReason }
  | { readonly state: 'threw'; readonly error: string };

/** `error` as one line of text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `compressor` on `input`; never throws, and a `compressed` result is always smaller than the
 * input and, for `code` judged by `checkSyntax`, parses no worse.
 */
export function runCompressor(
  compressor: Compressor,
  input: CompressInput,
  context: CompressContext,
  checkSyntax?: SyntaxCheck,
): CompressorRun {
  let result: CompressResult | null;
  try {
    result = compressor.compress(input, context);
  } catch (error) {
    return { state: 'threw', error: errorMessage(error) };
  }
  if (result === null || result.text === input.text) return { state: 'declined', reason: 'no-result' };
  if (!fewerTokens(result.text, inputSize(input, context.ruler), context.ruler))
    return { state: 'declined', reason: 'not-smaller' };
  if (input.kind === 'code' && checkSyntax !== undefined) {
    const verdict = checkSyntax(input.text, result.text, input.language);
    if (verdict !== 'keeps')
      return { state: 'declined', reason: verdict === 'breaks' ? 'breaks-syntax' : 'syntax-unchecked' };
  }
  return { state: 'compressed', result };
}
