/**
 * Lines as `nl -ba` and `cat -n` print them (`  1708\t    return x`): the same source line an agent
 * reads numbered once and plain (`sed -n`) once is one line to point at. A line's key is its text
 * without that number column; the number, when there was one, is kept beside it.
 */

import { COLUMN_NUMBER } from '../../detect/numbered-rows.ts';

/** A line split into its number column (when it has one) and the text after it. */
export interface KeyedLine {
  readonly key: string;
  readonly number: number | null;
}

/** The key and number of `line`. */
export function keyedLine(line: string): KeyedLine {
  const match = COLUMN_NUMBER.exec(line);
  return match === null ? { key: line, number: null } : { key: line.slice(match[0].length), number: Number(match[2]) };
}

/**
 * How a run of new lines repeats earlier ones: `same` as they were printed; `unnumbered`: the new
 * lines are the earlier ones without their number column; `numbered`: the new lines are the earlier
 * ones with a number column, counting up by one from `RepeatedRun.firstNumber`.
 */
export type RepeatForm = 'same' | 'unnumbered' | 'numbered';

/** The form in which a new line repeats an earlier one with the same key, or null when it does not. */
export function repeatForm(
  next: string,
  nextKeyed: KeyedLine,
  earlier: string,
  earlierKeyed: KeyedLine,
): RepeatForm | null {
  if (nextKeyed.key !== earlierKeyed.key) return null;
  if (next === earlier) return 'same';
  if (nextKeyed.number === null && earlierKeyed.number !== null) return 'unnumbered';
  if (nextKeyed.number !== null && earlierKeyed.number === null) return 'numbered';
  return null;
}
