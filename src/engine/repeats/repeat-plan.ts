/**
 * How a new output repeats outputs already sent: runs of its lines that stand, in the same order, in
 * one earlier output (its own lines, or one of its JSON strings'). Found greedily from the top: at each line the longest run any earlier output
 * gives (the most recent on a tie); runs shorter than MIN_RUN stay as new lines.
 */
import { MIN_INDEXED_LINE, type SentOutputs } from './sent-outputs.ts';

/** Consecutive lines of the new output that repeat lines `from`.. of earlier output `output`. */
export interface RepeatedRun {
  readonly kind: 'repeat';
  /** 0-based first line in the new output, and how many lines. */
  readonly start: number;
  readonly length: number;
  readonly output: number;
  /** Which view of the earlier output (0: its own lines; see SentOutputs). */
  readonly view: number;
  /** 0-based first line in that view. */
  readonly from: number;
}

/** Lines of the new output sent as they are. */
export interface NewLines {
  readonly kind: 'new';
  readonly start: number;
  readonly length: number;
}

export type RepeatSegment = RepeatedRun | NewLines;

/** A run shorter than this is cheaper to send again than to point at. */
export const MIN_RUN = 3;
/**
 * Nor is a run of few characters worth a pointer: three short lines (`state: CLOSED`, `labels: bug`)
 * repeat by chance in another item's output, and pointing there would only puzzle the reader.
 */
export const MIN_RUN_CHARS = 80;
// A line sent in many places (a separator, a common statement) is tried in its most recent ones only.
const MAX_PLACES_TRIED = 32;

function charsOf(lines: readonly string[], start: number, length: number): number {
  let chars = 0;
  for (let at = start; at < start + length; at += 1) chars += (lines[at] as string).length;
  return chars;
}

/** The segments of `lines` against `sent`; null when no run repeats. */
export function planRepeats(lines: readonly string[], sent: SentOutputs): RepeatSegment[] | null {
  const segments: RepeatSegment[] = [];
  let pendingNew = -1;
  const flushNew = (until: number): void => {
    if (pendingNew !== -1) segments.push({ kind: 'new', start: pendingNew, length: until - pendingNew });
    pendingNew = -1;
  };
  let repeated = false;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as string;
    let best: { output: number; view: number; from: number; length: number } | null = null;
    if (line.trim().length >= MIN_INDEXED_LINE) {
      const places = sent.placesOf(line);
      for (const place of places.length > MAX_PLACES_TRIED ? places.slice(-MAX_PLACES_TRIED) : places) {
        const earlier = sent.linesAt(place.output, place.view);
        let length = 0;
        while (i + length < lines.length && place.line + length < earlier.length && lines[i + length] === earlier[place.line + length]) length++;
        // Longest wins; among equals the most recent output (places come oldest first).
        if (best === null || length >= best.length) best = { output: place.output, view: place.view, from: place.line, length };
      }
    }
    if (best !== null && best.length >= MIN_RUN && charsOf(lines, i, best.length) >= MIN_RUN_CHARS) {
      flushNew(i);
      segments.push({ kind: 'repeat', start: i, length: best.length, output: best.output, view: best.view, from: best.from });
      repeated = true;
      i += best.length;
    } else {
      if (pendingNew === -1) pendingNew = i;
      i++;
    }
  }
  flushNew(lines.length);
  return repeated ? segments : null;
}
