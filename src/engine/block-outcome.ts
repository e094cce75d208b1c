/** What the engine did with one compressible block. */
import type { DroppedOriginal } from '../compressors/compressor.ts';
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import type { ContentKind } from '../types.ts';

/** Why a block passed unchanged. */
export type PassReason =
  | 'excluded-tool'
  | 'below-minimum'
  | 'cached-prefix'
  | 'already-compressed'
  | 'too-large'
  | 'no-compressor'
  | 'no-gain';

/** A block's fate: compressed, passed (with why), or failed open (with the error). */
export type BlockOutcome =
  | {
      readonly state: 'compressed';
      readonly kind: ContentKind;
      readonly compressor: string;
      readonly text: string;
      readonly lossy: boolean;
      readonly dropped: readonly DroppedOriginal[];
      readonly tokensBefore: number;
      readonly ms: number;
    }
  | PassedBlock
  | FailedBlock;

type PassedBlock = { readonly state: 'passed'; readonly kind: ContentKind | null; readonly reason: PassReason; readonly tokens: number; readonly ms: number };
type FailedBlock = { readonly state: 'failed'; readonly kind: ContentKind | null; readonly compressor: string; readonly error: string; readonly tokens: number; readonly ms: number };

/** An outcome with the compressed text's token count, which reports need and the engine's decision does not. */
export type MeasuredBlockOutcome = (Extract<BlockOutcome, { state: 'compressed' }> & { readonly tokensAfter: number }) | PassedBlock | FailedBlock;

export function outcomeText(outcome: BlockOutcome, original: string): string {
  return outcome.state === 'compressed' ? outcome.text : original;
}

/** The block's input count, which every outcome carries. */
export function outcomeTokensBefore(outcome: BlockOutcome): number {
  return outcome.state === 'compressed' ? outcome.tokensBefore : outcome.tokens;
}

/** Adds the compressed text's count, measured with `ruler`. */
export function measureOutcome(outcome: BlockOutcome, ruler: TokenRuler): MeasuredBlockOutcome {
  return outcome.state === 'compressed' ? { ...outcome, tokensAfter: ruler.count(outcome.text) } : outcome;
}
