/** The one interface every compressor implements (one implementation per file in this folder). */
import { MARKER_PATTERN } from '../store/marker.ts';
import type { ContentKind, Profile } from '../types.ts';
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import { tokenSize, type TokenSize } from '../tokenize/token-size.ts';

/** What a compressor is asked to shrink. */
export interface CompressInput {
  /** The block's text, exactly as the request carries it. */
  readonly text: string;
  /** What `detect/` decided the text is. */
  readonly kind: ContentKind;
  /** For `code`: the language detected or hinted (python, javascript, typescript, tsx, go, rust, java, cpp). */
  readonly language?: string;
  /** Name of the tool whose result this is, when known. */
  readonly toolName?: string;
  /** The size of `text` when the engine already holds it (its floor, and its exact count once counted). */
  readonly size?: TokenSize;
  /**
   * True when the engine found that no marker in `text` is one its session's store wrote: they are
   * plain text someone copied or typed, the text is not terse's output, and it may be compressed.
   * Absent, a marker in the text means terse's own output (compressing it again must change nothing).
   */
  readonly markersForeign?: boolean;
}

/** Whether `input` may be terse's own output, by `holdsMarker`: then a compressor leaves it alone. */
export function mayBeTerseOutput(input: CompressInput, holdsMarker: (text: string) => boolean): boolean {
  return input.markersForeign !== true && holdsMarker(input.text);
}

/**
 * The lossy profile a compressor works under, or null where it leaves `input` alone: under
 * `lossless`, or when the input may be terse's own output (a marker in it not known to be foreign).
 */
export function lossyProfileFor(input: CompressInput, context: CompressContext): Exclude<Profile, 'lossless'> | null {
  const { profile } = context;
  if (profile === 'lossless' || mayBeTerseOutput(input, (text) => MARKER_PATTERN.test(text))) return null;
  return profile;
}

/** The input's token size: the one the engine passed down, else a new one (the same answers either way). */
export function inputSize(input: CompressInput, ruler: TokenRuler): TokenSize {
  return input.size ?? tokenSize(input.text, ruler);
}

/** What a compressor may know about its surroundings. */
export interface CompressContext {
  readonly profile: Profile;
  readonly ruler: TokenRuler;
  /**
   * Text the conversation wrote around this block (user and assistant turns): identifiers mentioned
   * there are worth keeping. Empty when unknown.
   */
  readonly conversation: string;
  /**
   * The latest user or assistant turn of `conversation` (the one that asked for this block): every
   * word of it counts as a mention. Absent when unknown: then the whole conversation is that turn.
   */
  readonly latest?: string;
}

/** An original the compressor dropped: the engine puts it in the store under `ref`. */
export interface DroppedOriginal {
  /** `contentRef(original)` from `store/marker.ts`. */
  readonly ref: string;
  readonly original: string;
}

/** A compressor's answer when it did something. */
export interface CompressResult {
  readonly text: string;
  /** True when something was dropped: then `dropped` is not empty and `text` carries its markers. */
  readonly lossy: boolean;
  readonly dropped: readonly DroppedOriginal[];
}

/** `{ name, kinds, compress }`: returns null for "not for me / no gain", and the block passes unchanged. */
export interface Compressor {
  readonly name: string;
  readonly kinds: readonly ContentKind[];
  compress(input: CompressInput, context: CompressContext): CompressResult | null;
}
