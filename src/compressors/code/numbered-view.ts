/**
 * Line-numbered views of a source file, as agents print them: `nl -ba` and `cat -n` (`  1577\tcode`),
 * Claude Code's Read (`  1577→code` in some versions, the tab form in others) and SWE-agent's window
 * (`1577:code`). The code is outlined without its numbers; each kept line
 * gets its own numbered line back, and a marker line gets a blank number column, so nothing in the
 * view claims a number it does not show.
 */
import { COLON_NUMBER, COLUMN_NUMBER } from '../../detect/numbered-rows.ts';

/** A numbered view split into its number prefixes and the code they number. */
export interface NumberedView {
  /** The code alone: each row of the view without its number prefix. */
  readonly code: string;
  /** The view's rows as given, prefix included. */
  readonly rows: readonly string[];
  /** The number the first row carries; row `r` carries `firstNumber + r`. */
  readonly firstNumber: number;
  /** What stands in a marker line for the number column (spaces and a tab, or nothing). */
  readonly blankPrefix: string;
}

function prefixOf(row: string): { number: number; length: number; blank: string } | null {
  const column = COLUMN_NUMBER.exec(row);
  // A marker row keeps the column's width and separator, blank where the number would be.
  if (column !== null)
    return {
      number: Number(column[2]),
      length: column[0].length,
      blank: `${' '.repeat(column[0].length - 1)}${column[3]}`,
    };
  const colon = COLON_NUMBER.exec(row);
  return colon === null ? null : { number: Number(colon[1]), length: colon[0].length, blank: '' };
}

/**
 * The view when every non-empty row has a number prefix of one style and the numbers count up by
 * one a row from the first; null for anything else (a filtered `grep -n` listing, plain code).
 */
export function parseNumberedView(text: string): NumberedView | null {
  const rows = text.split('\n');
  const code: string[] = [];
  let firstNumber: number | null = null;
  let blankPrefix: string | null = null;
  for (const [index, row] of rows.entries()) {
    if (row.length === 0) {
      code.push(row);
      continue;
    }
    const prefix = prefixOf(row);
    if (prefix === null) return null;
    firstNumber ??= prefix.number - index;
    // Both styles in one text, or a jump in the numbers, is not one contiguous view.
    if (
      prefix.number !== firstNumber + index ||
      (blankPrefix !== null && (blankPrefix === '') !== (prefix.blank === ''))
    )
      return null;
    blankPrefix ??= prefix.blank;
    code.push(row.slice(prefix.length));
  }
  if (firstNumber === null || blankPrefix === null) return null;
  return { code: code.join('\n'), rows, firstNumber, blankPrefix };
}

/** True when most non-empty rows start with a line number: numbered text, whether one view or not. */
export function looksNumbered(text: string): boolean {
  let numbered = 0;
  let nonEmpty = 0;
  for (const row of text.split('\n')) {
    if (row.length === 0) continue;
    nonEmpty += 1;
    if (prefixOf(row) !== null) numbered += 1;
  }
  return nonEmpty > 0 && numbered * 2 >= nonEmpty;
}

/** The numbered view of an outline of `view.code`: kept rows as the view gave them, markers unnumbered. */
export function numberOutline(view: NumberedView, outline: string, sourceRows: readonly (number | null)[]): string {
  return outline
    .split('\n')
    .map((line, index) => {
      const source = sourceRows[index];
      return source === null || source === undefined ? `${view.blankPrefix}${line}` : view.rows[source]!;
    })
    .join('\n');
}

/** The line grep writes between groups of context lines (`grep -C`, `-A`, `-B`). */
const GROUP_SEPARATOR = '--';

/** `text` cut at its group separator lines: the groups, in order. */
export function splitAtGroupSeparators(text: string): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  for (const row of text.split('\n')) {
    if (row === GROUP_SEPARATOR) {
      groups.push(current.join('\n'));
      current = [];
    } else current.push(row);
  }
  groups.push(current.join('\n'));
  return groups;
}

/**
 * The numbered views a context grep over a numbered file printed (`nl -ba f.py | grep -C 20 x`): two
 * or more contiguous views between `--` lines, each judged on its own; null for anything else.
 */
export function splitNumberedGroups(text: string): string[] | null {
  if (!text.includes(`\n${GROUP_SEPARATOR}\n`)) return null;
  const groups = splitAtGroupSeparators(text);
  return groups.length >= 2 && groups.every((group) => parseNumberedView(group) !== null) ? groups : null;
}
