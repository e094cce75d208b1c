/**
 * The test-progress compressor: what a verbose test run prints, each run of passing tests of one file
 * or class written on one line with every test's name (passing-tests.ts); failures, errors, skips and
 * the summary stay as printed. A run with a pytest failure report goes to the pytest compressor, which
 * folds its passing tests the same way. Lossless returns null: the rewrite leaves a marker holding the
 * run as printed.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { rewrittenAs } from '../lossy-result.ts';
import { foldPassingTests, passingTestsSaid } from './passing-tests.ts';

/** Folding fewer passing tests than this is not worth a marker. */
const MIN_FOLDED = 6;
/** The rewrite must save this many tokens: the marker, and a retrieval a reader may need, cost some. */
const MIN_SAVED_TOKENS = 30;

function compressTestProgress(input: CompressInput, context: CompressContext): CompressResult | null {
  if (lossyProfileFor(input, context) === null) return null;
  if (!input.text.includes(' PASSED') && !input.text.includes(' ... ok')) return null;
  const all = input.text.split('\n');
  // The empty line splitting leaves after a last newline is no line of the output.
  const lines = input.text.endsWith('\n') ? all.slice(0, -1) : all;
  const { lines: out, folded } = foldPassingTests(lines);
  if (folded < MIN_FOLDED) return null;
  const said = `${passingTestsSaid(folded)}; the ref holds the run as printed`;
  return rewrittenAs(input, out, said, context.ruler, MIN_SAVED_TOKENS);
}

/** Verbose test runs: passing tests one line per file or class, everything else as printed. */
export const testProgressCompressor: Compressor = {
  name: 'test-progress',
  kinds: ['text', 'log', 'code'],
  compress: compressTestProgress,
};
