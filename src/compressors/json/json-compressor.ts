/**
 * The json compressor: compact re-serialisation with arrays of similar objects as tables (lossless,
 * see `columnar-format.ts`), then, in lossy profiles, long strings cut to their opening and telling
 * lines and long arrays sampled down to the rows that matter.
 * A document cut short (`head` over a JSON file) is compressed as far as it goes, under a marker that
 * says it was cut.
 */
import type { JsonValue, Profile } from '../../types.ts';
import { withinShare, type TokenSize } from '../../tokenize/token-size.ts';
import {
  inputSize,
  mayBeTerseOutput,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { dropInput } from '../lossy-result.ts';
import { encodeColumnar } from './columnar-format.ts';
import { parseCutJson } from './cut-json.ts';
import { elideDeeperThan } from './elide-deep-values.ts';
import { conversationIdentifiers } from './mentioned-identifiers.ts';
import { safeParseJson } from './safe-parse.ts';
import { SAMPLING_PLANS, sampleValue } from './sample-value.ts';
import { STRING_PLANS, shortenLongStrings } from './shorten-long-strings.ts';

/** A cut document's skim, per lossy profile: the deepest nesting limit whose encoding fits this share of the input, else the smallest. */
const CUT_SKIM_SHARES: Record<Exclude<Profile, 'lossless'>, number> = { balanced: 0.25, aggressive: 0.15 };
/** Deepest first; at 2 the items of a top-level list keep their scalar fields, below that nothing is left to skim. */
const CUT_SKIM_LIMITS = [6, 5, 4, 3, 2];

/** The encoded value and how many lossy cuts it holds (items sampled out, strings shortened; markers pointing at `ref`). */
interface Encoded {
  readonly text: string;
  readonly omitted: number;
}

function encode(value: JsonValue, context: CompressContext, ref: string | null): Encoded {
  const countTokens = (part: string): number => context.ruler.count(part);
  if (context.profile === 'lossless' || ref === null)
    return { text: encodeColumnar(value, new WeakMap(), countTokens), omitted: 0 };
  const mentioned = conversationIdentifiers(context.conversation);
  // Strings first: sampling judges rows by what stays of them, and keeps its notes on the arrays it returns.
  const shortened = shortenLongStrings(value, STRING_PLANS[context.profile], mentioned, ref);
  const sampled = sampleValue(shortened.value, SAMPLING_PLANS[context.profile], mentioned, ref);
  return {
    text: encodeColumnar(sampled.value, sampled.notes, countTokens),
    omitted: sampled.omitted + shortened.shortened,
  };
}

/**
 * A cut document is a skim already (its rest sits behind the marker): a deep one is outlined past the
 * deepest nesting limit that brings it within the share, or the limit that shrinks it most.
 */
function skimCut(
  value: JsonValue,
  context: CompressContext,
  ref: string,
  size: TokenSize,
): { readonly encoded: Encoded; readonly limit: number | null } {
  const share = context.profile === 'lossless' ? 1 : CUT_SKIM_SHARES[context.profile];
  let best = { encoded: encode(value, context, ref), limit: null as number | null };
  let bestTokens = context.ruler.count(best.encoded.text);
  if (withinShare(bestTokens, size, share)) return best;
  for (const limit of CUT_SKIM_LIMITS) {
    const elided = elideDeeperThan(value, limit);
    if (elided.elided === 0) continue;
    const encoded = encode(elided.value, context, ref);
    const tokens = context.ruler.count(encoded.text);
    if (withinShare(tokens, size, share)) return { encoded, limit };
    if (tokens < bestTokens) {
      best = { encoded, limit };
      bestTokens = tokens;
    }
  }
  return best;
}

/**
 * A cut document: what it holds up to its last complete value, encoded, then a marker that says it is
 * not whole JSON, then its unfinished rest as it came. Lossy profiles only: the closing brackets terse
 * adds are no part of the original, so the original must stay retrievable behind the marker.
 */
function compressCutJson(input: CompressInput, context: CompressContext): CompressResult | null {
  if (context.profile === 'lossless') return null;
  const cut = parseCutJson(input.text);
  if (cut === null) return null;
  const drop = dropInput(input.text);
  const size = inputSize(input, context.ruler);
  const { encoded, limit: skimmed } = skimCut(cut.value, context, drop.ref, size);
  const rest = cut.tail.trim().length === 0 ? null : cut.tail.replace(/^[ \t]*\r?\n/, '');
  const outline = skimmed === null ? '' : `; values nested past ${skimmed} levels shown as <n keys>/<n items>`;
  const marker = drop.marker(
    `input cut mid-document, not whole JSON: closed after its last complete value, in ${cut.path}${outline}; ${rest === null ? 'nothing follows' : 'unfinished rest below'}`,
  );
  const text = rest === null ? `${encoded.text}\n${marker}` : `${encoded.text}\n${marker}\n${rest}`;
  return drop.result(text);
}

function compressJson(input: CompressInput, context: CompressContext): CompressResult | null {
  // Text that already carries a marker was compressed before: compressing it again must change nothing.
  if (mayBeTerseOutput(input, (text) => text.includes(MARKER_OPENING))) return null;
  const parsed = safeParseJson(input.text);
  if (!parsed.ok) return compressCutJson(input, context);
  const drop = context.profile === 'lossless' ? null : dropInput(input.text);
  const { text, omitted } = encode(parsed.value, context, drop?.ref ?? null);
  if (text === input.text) return null;
  if (omitted === 0 || drop === null) return { text, lossy: false, dropped: [] };
  return drop.result(text);
}

/** JSON tool results: lossless tables first, then (balanced, aggressive) sampling of long arrays with markers. */
export const jsonCompressor: Compressor = {
  name: 'json',
  kinds: ['json'],
  compress: compressJson,
};
