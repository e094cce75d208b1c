/**
 * Positional access to an original: the lines a marker numbers, or the items of a JSON original's
 * largest collection by their 0-based position. Both may be narrowed by query terms.
 */
import { parseNumberedView } from '../compressors/code/numbered-view.ts';
import type { JsonValue } from '../types.ts';
import { inRanges, type PositionRange } from './position-range.ts';
import { containsAll, itemHaystack, largestJsonCollection, splitLines, type QueryAnswer } from './query-original.ts';

/**
 * Lines by number: in a line-numbered view (`cat -n`, `nl -ba`, `N:` windows) the numbers it prints,
 * which are the numbers its markers give; otherwise 1-based positions. A numbered view's rows are
 * returned as printed; other lines get their number in front, as a query answers.
 */
export function selectLines(original: string, ranges: readonly PositionRange[], terms: readonly string[]): QueryAnswer {
  const lines = splitLines(original);
  const view = parseNumberedView(original.replace(/\r?\n$/, ''));
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const number = view === null ? index + 1 : view.firstNumber + index;
    if (!inRanges(number, ranges) || !containsAll(line.toLowerCase(), terms)) return;
    kept.push(view === null ? `${number}: ${line}` : line);
  });
  return { text: kept.join('\n'), matched: { unit: 'lines', count: kept.length, total: lines.length } };
}

/**
 * Items by 0-based position in the largest collection (an array, or the entries of an object used
 * as one), each on a line after its position; null when the original holds no collection.
 */
export function selectItems(
  original: string,
  ranges: readonly PositionRange[],
  terms: readonly string[],
): QueryAnswer | null {
  const collection = largestJsonCollection(original);
  if (collection === null) return null;
  const entries: [string | null, JsonValue][] = Array.isArray(collection)
    ? collection.map((item) => [null, item])
    : Object.entries(collection);
  const kept: string[] = [];
  entries.forEach(([key, value], index) => {
    if (!inRanges(index, ranges)) return;
    const haystack = `${key === null ? '' : `${key.toLowerCase()}\n`}${itemHaystack(value)}`;
    if (!containsAll(haystack, terms)) return;
    kept.push(`${index}: ${key === null ? '' : `${JSON.stringify(key)}:`}${JSON.stringify(value)}`);
  });
  return { text: kept.join('\n'), matched: { unit: 'items', count: kept.length, total: entries.length } };
}
