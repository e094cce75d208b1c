/**
 * The number columns agents print source lines with, in one place: `  1577\tcode` (`nl -ba`, `cat -n`,
 * Claude Code's Read), `  1577→code` (Claude Code's Read in some versions) and `1577:code` (SWE-agent's
 * file window). Detection, the numbered-view outliner, its syntax check and cross-turn repeats all read
 * rows through these.
 */

/** A padded number then a tab or an arrow: 1 the padding, 2 the number, 3 the separator. */
export const COLUMN_NUMBER = /^( *)(\d+)([\t→])/;
/** SWE-agent's unpadded `N:` prefix: 1 the number. */
export const COLON_NUMBER = /^(\d+):/;

/** The number a row's prefix carries and the prefix's length, in either form; null for an unnumbered row. */
export function numberPrefix(row: string): { readonly number: number; readonly length: number } | null {
  const column = COLUMN_NUMBER.exec(row);
  if (column !== null) return { number: Number(column[2]), length: column[0].length };
  const colon = COLON_NUMBER.exec(row);
  return colon === null ? null : { number: Number(colon[1]), length: colon[0].length };
}

/** True when every non-empty row of `text` opens with a number column: a file view no one types. */
export function everyRowNumbered(text: string): boolean {
  let rows = 0;
  for (const row of text.split('\n')) {
    if (row.trim().length === 0) continue;
    if (numberPrefix(row) === null) return false;
    rows += 1;
  }
  return rows > 0;
}
