/** Where a syntax tree went wrong: the row of its first ERROR or MISSING node, or the rows of all of them. */
import type { Node } from 'web-tree-sitter';

/** 0-based row of the first ERROR or MISSING node under `root`, or null when the tree is clean. */
export function firstErrorRow(root: Node): number | null {
  if (!root.hasError) return null;
  let node = root;
  // `hasError` marks every ancestor of an error, so descending along it reaches the first one.
  for (;;) {
    if (node.isError || node.isMissing) return node.startPosition.row;
    const child = node.children.find((c) => c.hasError || c.isMissing);
    if (child === undefined) return node.startPosition.row;
    node = child;
  }
}

/** Rows `[first, last]` (0-based, inclusive) that one ERROR or MISSING node covers. */
export type RowSpan = readonly [number, number];

/** The rows of every outermost ERROR node and every MISSING node under `root`, in document order. */
export function errorSpans(root: Node): RowSpan[] {
  const spans: RowSpan[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) {
      spans.push([node.startPosition.row, node.endPosition.row]);
      return;
    }
    // Only ancestors of an error carry `hasError`, so clean subtrees are never walked.
    for (const child of node.children) if (child.hasError || child.isMissing) visit(child);
  };
  if (root.hasError) visit(root);
  return spans;
}

/** Share of `rowCount` rows that `spans` cover (spans as `errorSpans` gives them: in order, apart). */
export function errorShare(spans: readonly RowSpan[], rowCount: number): number {
  let rows = 0;
  for (const [first, last] of spans) rows += last - first + 1;
  return rowCount === 0 ? 0 : rows / rowCount;
}

/** True when rows `[first, last]` share a row with one of `spans`. */
export function overlapsAny(spans: readonly RowSpan[], first: number, last: number): boolean {
  return spans.some(([from, to]) => from <= last && to >= first);
}

/**
 * Output row of the first error the outline brings in, or null when it brings none: every ERROR or
 * MISSING node of the outline must lie in rows copied verbatim (`sourceRows[row]` is an original
 * row, null for a marker line) from rows that are inside the original's own error spans.
 */
export function introducedErrorRow(
  outline: Node,
  sourceRows: readonly (number | null)[],
  originalErrors: readonly RowSpan[],
): number | null {
  const spans = errorSpans(outline);
  if (spans.length === 0) return null;
  const errorRows = new Set<number>();
  for (const [first, last] of originalErrors) for (let row = first; row <= last; row += 1) errorRows.add(row);
  for (const [first, last] of spans) {
    for (let row = first; row <= last; row += 1) {
      const source = sourceRows[row];
      if (source === null || source === undefined || !errorRows.has(source)) return row;
    }
  }
  return null;
}

/**
 * Output row of the first row copied from one of the original's error rows that the outline no
 * longer parses as an error, or null when none: an outline that kept its errors is read as the same
 * fragment again, so outlining it once more avoids the same rows and changes nothing.
 */
export function lostErrorRow(
  outline: Node,
  sourceRows: readonly (number | null)[],
  originalErrors: readonly RowSpan[],
): number | null {
  const outlineRows = new Set<number>();
  for (const [first, last] of errorSpans(outline)) for (let row = first; row <= last; row += 1) outlineRows.add(row);
  for (const [row, source] of sourceRows.entries()) {
    if (source === null || outlineRows.has(row)) continue;
    if (originalErrors.some(([first, last]) => first <= source && source <= last)) return row;
  }
  return null;
}

/** How many ERROR and MISSING nodes `root` holds, nested ones included (0 for a clean tree). */
export function countSyntaxErrors(root: Node): number {
  let count = 0;
  // A stack, not recursion: a deep tree of errors must not overflow the call stack.
  const pending: Node[] = root.hasError ? [root] : [];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.isError || node.isMissing) count += 1;
    // Only ancestors of an error carry `hasError`, so clean subtrees are never walked.
    for (const child of node.children) if (child.hasError || child.isMissing) pending.push(child);
  }
  return count;
}
