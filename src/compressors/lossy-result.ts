/**
 * The one way a lossy compressor drops its input: the input's ref, markers pointing at it, and a
 * result that hands the input to the store (DESIGN invariant 1). Every lossy compressor ends here.
 */
import { contentRef, formatMarker } from '../store/marker.ts';
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import { savesAtLeast } from '../tokenize/token-size.ts';
import { inputSize, type CompressInput, type CompressResult } from './compressor.ts';

/** What dropping one original takes: its ref, the markers that point at it, the result carrying it. */
export interface DroppedInput {
  /** `contentRef(original)`: the ref every marker of the result carries. */
  readonly ref: string;
  /** A marker for the original saying `description` (sanitised to the marker grammar). */
  marker(description: string): string;
  /** `text` (which holds at least one `marker`) as a lossy result whose dropped original is the input. */
  result(text: string): CompressResult;
}

/** Drops `original`: the ref is computed once, and every marker and the result share it. */
export function dropInput(original: string): DroppedInput {
  const ref = contentRef(original);
  return {
    ref,
    marker: (description) => formatMarker(ref, description),
    result: (text) => ({ text, lossy: true, dropped: [{ ref, original }] }),
  };
}

/**
 * `lines` then `marker`, one a line, ending its last line where `original` did: in a mixed block that
 * newline separates the marker from the next section.
 */
export function closedByMarker(lines: readonly string[], marker: string, original: string): string {
  return `${[...lines, marker].join('\n')}${original.endsWith('\n') ? '\n' : ''}`;
}

/**
 * `input` rewritten as `lines`, closed by one marker saying `said` that holds the input: the result, or
 * null when it saves fewer than `minSaved` tokens (the marker, and a retrieval a reader may need, cost some).
 */
export function rewrittenAs(
  input: CompressInput,
  lines: readonly string[],
  said: string,
  ruler: TokenRuler,
  minSaved: number,
): CompressResult | null {
  const drop = dropInput(input.text);
  const text = closedByMarker(lines, drop.marker(said), input.text);
  return savesAtLeast(text, inputSize(input, ruler), ruler, minSaved) ? drop.result(text) : null;
}
