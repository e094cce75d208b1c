/** Where a syntax tree first went wrong: the row of its first ERROR or MISSING node. */
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
