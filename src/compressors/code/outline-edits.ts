/**
 * The outline as tree-sitter edits of the original tree, so checking that the outline parses is an
 * incremental re-parse that reuses every untouched subtree instead of a second full parse.
 */
import { Edit } from 'web-tree-sitter';
import type { Replacement } from './render-outline.ts';
import type { SourceLines } from './source-lines.ts';

/**
 * One edit per replacement, last first so each is expressed in coordinates the earlier edits did
 * not move; null when a region ends the text (its end column would need byte counting).
 */
export function outlineEdits(lines: SourceLines, replacements: readonly Replacement[]): Edit[] | null {
  const edits: Edit[] = [];
  for (let i = replacements.length - 1; i >= 0; i -= 1) {
    const { region, line } = replacements[i]!;
    if (region.lastRow + 1 >= lines.count) return null;
    const startIndex = lines.startOf(region.firstRow);
    edits.push(
      new Edit({
        startIndex,
        oldEndIndex: lines.startOf(region.lastRow + 1),
        newEndIndex: startIndex + line.length + 1,
        startPosition: { row: region.firstRow, column: 0 },
        oldEndPosition: { row: region.lastRow + 1, column: 0 },
        newEndPosition: { row: region.firstRow + 1, column: 0 },
      }),
    );
  }
  return edits;
}
