/**
 * Positions a `terse_retrieve` call may ask for, and markers state: `lines: "40-88"` (line numbers as
 * the original's markers print them) and `items: "0-19"` (0-based positions in a JSON original's
 * largest collection). One grammar for both sides: `N` or `N-M`, several joined by commas.
 */

/** An inclusive range of positions. */
export interface PositionRange {
  readonly first: number;
  readonly last: number;
}

/** Ranges a call may ask for at most: a model asking for more wants the whole original. */
export const MAX_RANGES = 20;

const RANGE = /^(\d{1,9})(?:\s*-\s*(\d{1,9}))?$/;

/** Parses `"3"`, `"40-88"` or `"1-5, 9, 20-30"`; null when any piece is malformed or reversed, or past `max` pieces. */
export function parsePositionRanges(text: string, max = MAX_RANGES): PositionRange[] | null {
  const pieces = text.split(',').map((piece) => piece.trim());
  if (pieces.length === 0 || pieces.length > max) return null;
  const ranges: PositionRange[] = [];
  for (const piece of pieces) {
    const match = RANGE.exec(piece);
    if (match === null) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return null;
    ranges.push({ first, last });
  }
  return ranges;
}

/** True when `position` lies in one of the ranges. */
export function inRanges(position: number, ranges: readonly PositionRange[]): boolean {
  return ranges.some((range) => position >= range.first && position <= range.last);
}

/** Sorted positions as ranges of consecutive runs: [3,4,5,9] -> 3-5, 9. */
export function rangesOf(positions: readonly number[]): PositionRange[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const ranges: PositionRange[] = [];
  for (const position of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && position === last.last + 1)
      ranges[ranges.length - 1] = { first: last.first, last: position };
    else ranges.push({ first: position, last: position });
  }
  return ranges;
}

/** `3-5, 9`: the text form markers and calls share. */
export function formatPositionRanges(ranges: readonly PositionRange[]): string {
  return ranges.map((r) => (r.first === r.last ? String(r.first) : `${r.first}-${r.last}`)).join(', ');
}

/**
 * The ranges as a marker states them, within `maxChars`: `lines 3-5, 9, 40-88`. When they do not
 * fit, the first ones are listed and the span of the rest follows as `+N more within A-B`.
 */
export function describePositions(unit: 'lines' | 'items', ranges: readonly PositionRange[], maxChars: number): string {
  if (ranges.length === 0) return '';
  const head = `${unit} `;
  const whole = head + formatPositionRanges(ranges);
  if (whole.length <= maxChars) return whole;
  for (let shown = ranges.length - 1; shown >= 1; shown--) {
    const rest = ranges.slice(shown);
    const first = rest[0] as PositionRange;
    const last = rest[rest.length - 1] as PositionRange;
    const text = `${head}${formatPositionRanges(ranges.slice(0, shown))}, +${rest.length} more within ${first.first}-${last.last}`;
    if (text.length <= maxChars) return text;
  }
  const first = ranges[0] as PositionRange;
  const last = ranges[ranges.length - 1] as PositionRange;
  return `${head}within ${first.first}-${last.last}`;
}

const STATED =
  /\b(lines|items) ((?:\d+(?:-\d+)?)(?:, (?:\d+(?:-\d+)?))*)(?:, \+\d+ more within (\d+)-(\d+))?|\b(lines|items) within (\d+)-(\d+)/g;

/**
 * The positions a marker description states it hides, as `describePositions` writes them (a
 * `+N more within A-B` tail or a bare `within A-B` counts as the whole span A-B).
 */
export function statedPositions(description: string): {
  readonly lines: PositionRange[];
  readonly items: PositionRange[];
} {
  const found = { lines: [] as PositionRange[], items: [] as PositionRange[] };
  for (const match of description.matchAll(STATED)) {
    if (match[5] !== undefined) {
      found[match[5] as 'lines' | 'items'].push({ first: Number(match[6]), last: Number(match[7]) });
      continue;
    }
    const unit = match[1] as 'lines' | 'items';
    found[unit].push(...(parsePositionRanges(match[2] as string, Infinity) ?? []));
    if (match[3] !== undefined) found[unit].push({ first: Number(match[3]), last: Number(match[4]) });
  }
  return found;
}
