/**
 * The compressible parts of a request while compressRequest settles it: what each became, and how a
 * changed outcome is remembered by the session so later requests send the block the same way.
 */
import { createHash } from 'node:crypto';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject, RequestPart } from '../types.ts';
import type { BlockOutcome } from './block-outcome.ts';
import type { PartResult } from './compress-request.ts';
import type { EngineSession } from './engine-session.ts';
import { isObject } from './request/raw-part.ts';
import { pathKey } from './request/request-parts.ts';

export function messageOf(body: JsonObject, index: number): JsonObject | null {
  const messages = body.messages;
  if (!Array.isArray(messages)) return null;
  const message = messages[index];
  return isObject(message) ? message : null;
}

/** The content key of a block: the same text is the same block wherever it sits in the history. */
export function contentKey(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

// Markers of an outcome, counted once: a frozen block is sent again in every later request.
const markersOf = new WeakMap<BlockOutcome, number>();

export function markerCount(outcome: BlockOutcome, text: string): number {
  let count = markersOf.get(outcome);
  if (count === undefined) markersOf.set(outcome, (count = findMarkers(text).length));
  return count;
}

export type Compressed = Extract<BlockOutcome, { state: 'compressed' }>;

/** One compressible part of the request and its outcome, while the request is settled. */
export interface Routed {
  readonly part: RequestPart;
  outcome: BlockOutcome;
  decidedNow: boolean;
  /** What the previous request sent for this same part object, when it may be sent again as it stands. */
  readonly reuse: PartResult | undefined;
}

/** Replaces a part's outcome everywhere the session remembers it, so later requests send it the same way. */
export function settle(entry: Routed, outcome: BlockOutcome, session: EngineSession, body: JsonObject): void {
  entry.outcome = outcome;
  session.decided.set(contentKey(entry.part.text), outcome);
  const message = entry.part.messageIndex >= 0 ? messageOf(body, entry.part.messageIndex) : null;
  if (message) session.byMessage.get(message)?.set(pathKey(entry.part.path), outcome);
  if (outcome.state === 'failed') session.failures++;
}
