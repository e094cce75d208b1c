/**
 * A compressed request as a fidelity scorer reads it: the whole text as sent, the same text with every
 * marker cut out (a marker is a pointer, not content: a number in `85 of 100 rows omitted` answers
 * nothing), and the blocks the answer-blind reader looks through.
 */
import type { CompressedRequest } from '../engine/compress-request.ts';
import { MARKER_PATTERN } from '../store/marker.ts';
import type { ContextBlock } from './reader/marker-sites.ts';

export interface ScoringContext {
  /** Every part as sent, markers cut out: where an answer must sit to have survived. */
  readonly withoutMarkers: string;
  readonly blocks: readonly ContextBlock[];
  /** Tokens of the request as sent: what one more model turn re-sends. */
  readonly resendTokens: number;
}

const MARKERS = new RegExp(MARKER_PATTERN.source, 'g');

/** The scoring view of `compressed`, which a model receives as `tokensAfter` tokens. */
export function scoringContext(compressed: CompressedRequest, tokensAfter: number): ScoringContext {
  const blocks: ContextBlock[] = compressed.parts.map((p) => ({ text: p.text, messageIndex: p.part.messageIndex }));
  const withoutMarkers = blocks.map((b) => b.text.replace(MARKERS, ' ')).join('\n');
  return { withoutMarkers, blocks, resendTokens: tokensAfter };
}
