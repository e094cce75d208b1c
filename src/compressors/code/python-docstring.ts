/**
 * A Python docstring keeps its first line of content; the rest of it becomes a marker that also
 * closes the string, e.g. `    [[terse:<ref> lines 12-30 omitted]]"""`, so the output still parses.
 */
import type { Node } from 'web-tree-sitter';
import type { ElidedRegion } from './plan-elisions.ts';
import type { SourceLines } from './source-lines.ts';

/** Rows of a docstring to replace, and the quotes that close it. */
export interface DocstringTail {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly closing: string;
  readonly indent: string;
}

const TRIPLE_QUOTE = /("""|''')$/;
// The marker line replaces at least two rows, so an outline's own docstring is never cut again.
const MIN_TAIL_ROWS = 2;

/** The string node when `statement` is a docstring (a lone string expression), else null. */
export function docstringOf(statement: Node): Node | null {
  if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return null;
  const only = statement.firstNamedChild;
  return only !== null && only.type === 'string' ? only : null;
}

/** The part of a triple-quoted docstring after its first line of content, or null to keep it whole. */
export function docstringTail(docstring: Node, lines: SourceLines, minRows: number): DocstringTail | null {
  const start = docstring.firstChild;
  const end = docstring.lastChild;
  if (start?.type !== 'string_start' || end?.type !== 'string_end' || !TRIPLE_QUOTE.test(start.text)) return null;
  const lastRow = docstring.endPosition.row;
  if (!lines.endsRow(lastRow, docstring.endIndex)) return null;
  let keptRow = docstring.startPosition.row;
  // `"""` alone on its line: the summary is on the next line with text.
  if (lines.endsRow(keptRow, start.endIndex)) {
    keptRow += 1;
    while (keptRow < lastRow && lines.row(keptRow).trim() === '') keptRow += 1;
  }
  if (lastRow - keptRow < Math.max(minRows, MIN_TAIL_ROWS)) return null;
  return { firstRow: keptRow + 1, lastRow, closing: end.text, indent: lines.indentOf(docstring.startPosition.row) };
}

/** The region for the docstring tail when `statement` is a long docstring, else null. */
export function docstringRegion(statement: Node | null, lines: SourceLines, minRows: number): ElidedRegion | null {
  const docstring = statement === null ? null : docstringOf(statement);
  const tail = docstring === null ? null : docstringTail(docstring, lines, minRows);
  return tail === null ? null : { ...tail, calls: [], filler: false };
}
