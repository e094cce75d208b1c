/** What the engine did with one compressible block. */
import type { DroppedOriginal } from '../compressors/compressor.ts';
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import type { ContentKind } from '../types.ts';

/**
 * Why a block passed unchanged. `breaks-syntax`: every smaller result for its code had more syntax
 * errors than the code; `syntax-unchecked`: no grammar could tell (code of an unknown language).
 */
export type PassReason =
  | 'excluded-tool'
  | 'below-minimum'
  | 'cached-prefix'
  | 'already-compressed'
  | 'too-large'
  | 'no-compressor'
  | 'no-gain'
  | 'over-budget'
  | 'breaks-syntax'
  | 'syntax-unchecked'
  /** Compressing it would have added terse_retrieve to the session at a cost the saving does not repay. */
  | 'cache-cost'
  /** Text the user wrote or attached with no machine output in it worth compressing (user-words-routing.ts). */
  | 'user-words';

/** A compressor that threw on a block: the engine recorded it and tried the next compressor. */
export interface CompressorFault {
  readonly compressor: string;
  readonly error: string;
}

/** A block's fate: compressed, passed (with why), or failed open (with the error). */
export type BlockOutcome =
  | {
      readonly state: 'compressed';
      readonly kind: ContentKind;
      readonly compressor: string;
      readonly text: string;
      readonly lossy: boolean;
      readonly dropped: readonly DroppedOriginal[];
      readonly ms: number;
      /** Compressors that threw before one compressed the block (absent when none did). */
      readonly faults?: readonly CompressorFault[];
    }
  | PassedBlock
  | FailedBlock;

type PassedBlock = {
  readonly state: 'passed';
  readonly kind: ContentKind | null;
  readonly reason: PassReason;
  readonly ms: number;
};
type FailedBlock = {
  readonly state: 'failed';
  readonly kind: ContentKind | null;
  readonly compressor: string;
  readonly error: string;
  readonly ms: number;
};

/** An outcome with the token counts reports need and the engine's decision does not (after = before unless compressed). */
export type MeasuredBlockOutcome = BlockOutcome & { readonly tokensBefore: number; readonly tokensAfter: number };

export function outcomeText(outcome: BlockOutcome, original: string): string {
  return outcome.state === 'compressed' ? outcome.text : original;
}

/** Adds the counts of the block as it came (`original`) and as it is sent, measured with `ruler`. */
export function measureOutcome(outcome: BlockOutcome, original: string, ruler: TokenRuler): MeasuredBlockOutcome {
  const tokensBefore = ruler.count(original);
  return {
    ...outcome,
    tokensBefore,
    tokensAfter: outcome.state === 'compressed' ? ruler.count(outcome.text) : tokensBefore,
  };
}
