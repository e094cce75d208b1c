/**
 * The outline's syntax check. A whole file's outline must parse with no ERROR or MISSING node at
 * all; a fragment's (a slice that starts or ends mid-definition) may keep the errors it came with,
 * but only on rows copied verbatim from the original's own error rows: it must bring in none.
 */
import type { Edit, Parser, Tree } from 'web-tree-sitter';
import type { RenderedOutline } from './render-outline.ts';
import { firstErrorRow, introducedErrorRow, lostErrorRow, type RowSpan } from './syntax-errors.ts';

/**
 * Outline row of the first error the rule above forbids, or null when there is none; with
 * `keepErrors`, a fragment's outline must also still parse every row it copied from an error as one. With edits,
 * the original tree is edited into the outline's shape and re-parsed incrementally (it is spent
 * afterwards). `originalErrors` empty means a whole file: the strict rule.
 */
export function forbiddenErrorRow(
  parser: Parser,
  original: Tree,
  outline: RenderedOutline,
  edits: readonly Edit[] | null,
  originalErrors: readonly RowSpan[],
  keepErrors = false,
): number | null {
  if (edits !== null) for (const edit of edits) original.edit(edit);
  const check = parser.parse(outline.text, edits === null ? null : original);
  if (check === null) return 0;
  try {
    if (originalErrors.length === 0) return firstErrorRow(check.rootNode);
    const introduced = introducedErrorRow(check.rootNode, outline.sourceRows, originalErrors);
    return introduced ?? (keepErrors ? lostErrorRow(check.rootNode, outline.sourceRows, originalErrors) : null);
  } finally {
    check.delete();
  }
}
