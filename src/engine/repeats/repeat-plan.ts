/**
 * How a new output repeats outputs already sent: runs of its lines that stand, in the same order, in
 * one earlier output (its own lines, or one of its JSON strings'), as printed or but for a number
 * column (numbered-lines.ts). Found greedily from the top: at each line the longest run any earlier
 * output gives (the most recent on a tie); runs shorter than MIN_RUN stay as new lines.
 */
import { keyedLine, repeatForm, type KeyedLine, type RepeatForm } from './numbered-lines.ts';
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
  /** Whether the new lines differ from the earlier ones by a number column (see RepeatForm). */
  readonly form: RepeatForm;
  /** For the `numbered` form: the number of the run's first new line. */
  readonly firstNumber: number | null;
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

/** The characters of `length` lines from `start`, line ends not counted. */
export function charsOf(lines: readonly string[], start: number, length: number): number {
  let chars = 0;
  for (let at = start; at < start + length; at += 1) chars += (lines[at] as string).length;
  return chars;
}

/** How far new lines from `start` repeat the view from `at` in one form (a `numbered` run counting up by one). */
function runLength(
  lines: readonly string[],
  keyed: readonly KeyedLine[],
  start: number,
  earlier: readonly string[],
  at: number,
): { length: number; form: RepeatForm } {
  let form: RepeatForm | null = null;
  let length = 0;
  while (start + length < lines.length && at + length < earlier.length) {
    const next = keyed[start + length] as KeyedLine;
    const found = repeatForm(
      lines[start + length] as string,
      next,
      earlier[at + length] as string,
      keyedLine(earlier[at + length] as string),
    );
    if (found === null || (form !== null && found !== form)) break;
    if (found === 'numbered' && length > 0 && next.number !== ((keyed[start] as KeyedLine).number as number) + length)
      break;
    form = found;
    length += 1;
  }
  return { length, form: form ?? 'same' };
}

/** The segments of `lines` against `sent`; null when no run repeats. */
export function planRepeats(lines: readonly string[], sent: SentOutputs): RepeatSegment[] | null {
  const keyed = lines.map(keyedLine);
  const segments: RepeatSegment[] = [];
  let pendingNew = -1;
  const flushNew = (until: number): void => {
    if (pendingNew !== -1) segments.push({ kind: 'new', start: pendingNew, length: until - pendingNew });
    pendingNew = -1;
  };
  let repeated = false;
  for (let i = 0; i < lines.length;) {
    const key = (keyed[i] as KeyedLine).key;
    let best: { output: number; view: number; from: number; length: number; form: RepeatForm } | null = null;
    if (key.trim().length >= MIN_INDEXED_LINE) {
      const places = sent.placesOf(key);
      for (const place of places.length > MAX_PLACES_TRIED ? places.slice(-MAX_PLACES_TRIED) : places) {
        const run = runLength(lines, keyed, i, sent.linesAt(place.output, place.view), place.line);
        // Longest wins; among equals the most recent output (places come oldest first).
        if (best === null || run.length >= best.length)
          best = { output: place.output, view: place.view, from: place.line, ...run };
      }
    }
    if (best !== null && best.length >= MIN_RUN && charsOf(lines, i, best.length) >= MIN_RUN_CHARS) {
      flushNew(i);
      const firstNumber = best.form === 'numbered' ? (keyed[i] as KeyedLine).number : null;
      segments.push({
        kind: 'repeat',
        start: i,
        length: best.length,
        output: best.output,
        view: best.view,
        from: best.from,
        form: best.form,
        firstNumber,
      });
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
