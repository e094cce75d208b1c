/**
 * The pytest compressor: a failure report keeps, for every frame of every failure, the function's
 * `def` line, the `>` line where it stopped, the `E` lines and the `path:line:` location; a failure
 * that failed the same way as one before it (a parametrized test) becomes one line naming that one.
 * Everything outside the failure blocks (the session header, progress, the short summary, the
 * counts) stays as printed. What was left out is behind one marker, e.g.
 *
 *   test_total[2]: failed the same way as test_total[1] (same frames, same error)
 *   [[terse:3f9a0c1d2b4e5f60 61 of 98 lines left out (frame source, locals, repeated failures); the ref holds every line]]
 *
 * Served ahead of the compressors of `code`, `text` and `log`: pytest's report quotes source, so
 * detection often reads it as Python.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { dropInput } from '../lossy-result.ts';
import { failureBlocks, holdsFailureReport } from './pytest-failures.ts';
import { foldPassingTests, passingTestsSaid } from '../test-progress/passing-tests.ts';

/** Leaving out fewer lines than this is not worth a marker. */
const MIN_LEFT_OUT = 8;

function compressPytest(input: CompressInput, context: CompressContext): CompressResult | null {
  if (lossyProfileFor(input, context) === null || !holdsFailureReport(input.text)) return null;
  const lines = input.text.split('\n');
  const blocks = failureBlocks(lines);
  if (blocks.length === 0) return null;
  const out: string[] = [];
  const firstBySignature = new Map<string, string>();
  let cursor = 0;
  let leftOut = 0;
  for (const block of blocks) {
    for (; cursor < block.start; cursor += 1) out.push(lines[cursor] as string);
    const same = firstBySignature.get(block.signature);
    if (same === undefined) {
      firstBySignature.set(block.signature, block.title);
      for (const index of block.kept) out.push(lines[index] as string);
      leftOut += block.end - block.start - block.kept.length;
    } else {
      out.push(`${block.title}: failed the same way as ${same} (same frames, same error)`);
      leftOut += block.end - block.start;
    }
    cursor = block.end;
  }
  for (; cursor < lines.length; cursor += 1) out.push(lines[cursor] as string);
  if (leftOut < MIN_LEFT_OUT) return null;
  // A verbose run's passing tests, outside the failure blocks, are written one line per file or class.
  const { lines: written, folded } = foldPassingTests(out);
  const drop = dropInput(input.text);
  const passing = folded > 0 ? `, ${passingTestsSaid(folded)}` : '';
  written.push(
    drop.marker(
      `${leftOut} of ${lines.length} lines left out (frame source, locals, repeated failures)${passing}; the ref holds every line`,
    ),
  );
  const text = written.join('\n');
  return drop.result(text);
}

/** Keeps what each failure of a pytest report says and folds repeated failures; the rest behind one marker. */
export const pytestCompressor: Compressor = {
  name: 'pytest',
  kinds: ['code', 'text', 'log'],
  compress: compressPytest,
};
