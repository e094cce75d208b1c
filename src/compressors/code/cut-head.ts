/**
 * A fragment cut at its start (the tail half of an output an agent cut, which opens mid-docstring)
 * parses as noise from its first line on: a `"""` closing the cut docstring opens a string that runs
 * to the next one. The head up to the first top-level statement that starts a clean parse is left
 * as it came; the rest is outlined as a whole file.
 */
import type { Parser } from 'web-tree-sitter';
import { errorSpans } from './syntax-errors.ts';

/** A statement a file could start with, at column 0. */
const TOP_LEVEL_START = /^(?:def |class |async def |@|import |from |if __name__)/;
/** Rows of head looked through, and clean parses tried, before giving up. */
const MAX_HEAD_ROWS = 80;
const MAX_TRIES = 6;

/** The number of head rows to keep as they are so that the rest parses clean, or null. */
export function brokenHeadRows(parser: Parser, code: string): number | null {
  const rows = code.split('\n');
  let tries = 0;
  for (let row = 1; row < Math.min(rows.length, MAX_HEAD_ROWS); row += 1) {
    if (!TOP_LEVEL_START.test(rows[row] as string)) continue;
    if (++tries > MAX_TRIES) return null;
    const tree = parser.parse(rows.slice(row).join('\n'));
    if (tree === null) continue;
    try {
      if (errorSpans(tree.rootNode).length === 0) return row;
    } finally {
      tree.delete();
    }
  }
  return null;
}
