/**
 * Long comments outside elided bodies keep their first line of text, like docstrings: a block
 * comment's tail becomes one line holding the marker and the comment's closing delimiter, a run of
 * line comments' tail becomes one marker comment line. License headers and long JSDoc blocks shrink; one-line summaries stay.
 */
import type { Node } from 'web-tree-sitter';
import type { ElidedRegion } from './plan-elisions.ts';
import type { SourceLines } from './source-lines.ts';

const LINE_COMMENT = /^(?:\/\/|#)/;
// Comments that mean something to a tool (build tags, shebangs, encodings, type directives) stay whole.
const DIRECTIVE =
  /^(?:\/\/go:|\/\/\s*\+build|\/\/\/\s*<|\/\/\s*(?:@ts-|eslint|prettier|#region|#endregion)|#!|#.*coding[:=]|#\s*(?:type:|pragma|noqa|fmt:))/;
// Python reads an encoding declaration only on the first two lines.
const FIRST_ELIDABLE_ROW = 2;
// The marker line replaces at least two rows, so an outline's own comments are never cut again.
const MIN_TAIL_ROWS = 2;
const BLOCK_OPENING = /^\/\*+/;

function blockCommentTail(comment: Node, lines: SourceLines, minRows: number): ElidedRegion | null {
  const text = comment.text;
  if (!text.endsWith('*/')) return null;
  const firstRow = comment.startPosition.row;
  const lastRow = comment.endPosition.row;
  let keptRow = firstRow;
  // `/**` alone on its line: the summary is on the next line with text.
  const opening = BLOCK_OPENING.exec(text)?.[0].length ?? 2;
  if (lines.endsRow(firstRow, comment.startIndex + opening)) {
    keptRow += 1;
    while (keptRow < lastRow && /^[\s*]*$/.test(lines.row(keptRow))) keptRow += 1;
  }
  if (lastRow - keptRow < minRows) return null;
  return {
    firstRow: keptRow + 1,
    lastRow,
    indent: `${lines.indentOf(firstRow)} * `,
    calls: [],
    closing: ' */',
    filler: false,
  };
}

/** Regions for the comments given (in document order, none inside an elided region). */
export function commentElisions(comments: readonly Node[], lines: SourceLines, minElidedRows: number): ElidedRegion[] {
  const minRows = Math.max(minElidedRows, MIN_TAIL_ROWS);
  const regions: ElidedRegion[] = [];
  let run: Node[] = [];
  const flushRun = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    const firstRow = first === undefined ? 0 : Math.max(first.startPosition.row + 1, FIRST_ELIDABLE_ROW);
    if (first !== undefined && last !== undefined && last.endPosition.row - firstRow + 1 >= minRows) {
      regions.push({
        firstRow,
        lastRow: last.endPosition.row,
        indent: lines.indentOf(firstRow),
        calls: [],
        closing: null,
        filler: false,
      });
    }
    run = [];
  };
  for (const comment of comments) {
    const row = comment.startPosition.row;
    const wholeLines =
      lines.startsRow(row, comment.startIndex) && lines.endsRow(comment.endPosition.row, comment.endIndex);
    const text = comment.text;
    // A marker line of an earlier outline is not a comment to cut again (list markers can stand side by side).
    const isMarker = lines.containsMarker(comment.startIndex, comment.endIndex) && row === comment.endPosition.row;
    const isLine =
      wholeLines && !isMarker && row === comment.endPosition.row && LINE_COMMENT.test(text) && !DIRECTIVE.test(text);
    const previous = run[run.length - 1];
    if (!isLine || previous === undefined || previous.endPosition.row !== row - 1) flushRun();
    if (isLine) {
      run.push(comment);
    } else if (wholeLines && row !== comment.endPosition.row && !DIRECTIVE.test(text)) {
      const tail = blockCommentTail(comment, lines, minRows);
      if (tail !== null) regions.push(tail);
    }
  }
  flushRun();
  return regions;
}
