/**
 * The json compressor: compact re-serialisation with arrays of similar objects as tables (lossless,
 * see `columnar-format.ts`), then, in lossy profiles, long arrays sampled down to the rows that matter.
 */
import { fewerTokens } from '../../tokenize/token-size.ts';
import { inputSize, type CompressContext, type CompressInput, type CompressResult, type Compressor } from '../compressor.ts';
import { contentRef } from '../../store/marker.ts';
import { encodeColumnar } from './columnar-format.ts';
import { identifiersIn } from './mentioned-identifiers.ts';
import { safeParseJson } from './safe-parse.ts';
import { SAMPLING_PLANS, sampleValue } from './sample-value.ts';

/** Text that already carries a marker was compressed before: compressing it again must change nothing. */
const MARKER_OPENING = '[[terse:';

function compressJson(input: CompressInput, context: CompressContext): CompressResult | null {
  if (input.text.includes(MARKER_OPENING)) return null;
  const parsed = safeParseJson(input.text);
  if (!parsed.ok) return null;
  let text: string;
  let omitted = 0;
  let ref = '';
  const countTokens = (part: string): number => context.ruler.count(part);
  if (context.profile === 'lossless') {
    text = encodeColumnar(parsed.value, new WeakMap(), countTokens);
  } else {
    ref = contentRef(input.text);
    const mentioned = identifiersIn(context.conversation);
    const sampled = sampleValue(parsed.value, SAMPLING_PLANS[context.profile], mentioned, ref);
    omitted = sampled.omitted;
    text = encodeColumnar(sampled.value, sampled.notes, countTokens);
  }
  if (text === input.text || !fewerTokens(text, inputSize(input, context.ruler), context.ruler)) return null;
  if (omitted === 0) return { text, lossy: false, dropped: [] };
  return { text, lossy: true, dropped: [{ ref, original: input.text }] };
}

/** JSON tool results: lossless tables first, then (balanced, aggressive) sampling of long arrays with markers. */
export const jsonCompressor: Compressor = {
  name: 'json',
  kinds: ['json'],
  compress(input, context) {
    // Fail open: a value too deep for the encoder's recursion passes through as it came.
    try {
      return compressJson(input, context);
    } catch {
      return null;
    }
  },
};
