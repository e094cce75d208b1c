/**
 * Whether the retrieve tool pays for itself in one request: the tokens the request's compressed
 * blocks save against what appending `terse_retrieve` to its tool list adds, counted as reports
 * count a request (`measureRequest`), so that a whole request is never larger than it came.
 */
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import type { JsonValue } from '../types.ts';
import type { BlockOutcome } from './block-outcome.ts';
import type { RequestPart } from '../types.ts';
import { countOnce } from './count-once.ts';

/** A compressed block of the request: the part as it came and what is sent for it. */
export interface SavingBlock {
  readonly part: RequestPart;
  readonly outcome: Extract<BlockOutcome, { state: 'compressed' }>;
}

/** Tokens the blocks save in total (before minus after). */
export function tokensSaved(blocks: readonly SavingBlock[], ruler: TokenRuler): number {
  let saved = 0;
  for (const { part, outcome } of blocks)
    saved += countOnce(ruler, part, part.text) - countOnce(ruler, outcome, outcome.text);
  return saved;
}

/** Tokens the tool list gains when it becomes `tools` (the request's own list is `existing`, or none). */
export function toolListCost(
  tools: readonly JsonValue[],
  existing: RequestPart | undefined,
  ruler: TokenRuler,
): number {
  return ruler.count(JSON.stringify(tools)) - (existing === undefined ? 0 : ruler.count(existing.text));
}
