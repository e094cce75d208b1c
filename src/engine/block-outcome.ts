/** What the engine did with one compressible block. */
import type { DroppedOriginal } from '../compressors/compressor.ts';
import type { ContentKind } from '../types.ts';

/** Why a block passed unchanged. */
export type PassReason =
  | 'not-compressible'
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
      readonly tokensAfter: number;
      readonly ms: number;
    }
  | { readonly state: 'passed'; readonly kind: ContentKind | null; readonly reason: PassReason; readonly tokens: number; readonly ms: number }
  | { readonly state: 'failed'; readonly kind: ContentKind | null; readonly compressor: string; readonly error: string; readonly tokens: number; readonly ms: number };

export function outcomeText(outcome: BlockOutcome, original: string): string {
  return outcome.state === 'compressed' ? outcome.text : original;
}

export function outcomeTokens(outcome: BlockOutcome): { before: number; after: number } {
  if (outcome.state === 'compressed') return { before: outcome.tokensBefore, after: outcome.tokensAfter };
  return { before: outcome.tokens, after: outcome.tokens };
}
