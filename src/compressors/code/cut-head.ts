/**
 * A fragment cut at its start (the tail half of an output an agent cut, which opens mid-docstring)
 * parses as noise from its first line on: a `"""` closing the cut docstring opens a string that runs
 * to the next one. The head up to the first top-level statement (or declaration, at any indentation)
 * that starts a clean parse, alone or in its frame (python-fragment-frame.ts), is left as it came;
 * the rest is outlined as a whole file, or a framed fragment.
 */
import type { Parser } from 'web-tree-sitter';
import { framePythonFragment } from './python-fragment-frame.ts';
import { errorSpans } from './syntax-errors.ts';

/** A statement a file could start with, at column 0, or a declaration at any indentation (a class's method). */
const TOP_LEVEL_START = /^(?:def |class |async def |@|import |from |if __name__)|^ +(?:def |class |async def |@)/;
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
    const rest = rows.slice(row).join('\n');
    const tree = parser.parse(rest);
    if (tree === null) continue;
    try {
      if (errorSpans(tree.rootNode).length === 0) return row;
    } finally {
      tree.delete();
    }
    // An indented rest (methods of a class out of view) may need its frame to parse.
    const framed = framePythonFragment(parser, rest, true);
    if (framed !== null) {
      framed.tree.delete();
      return row;
    }
  }
  return null;
}
