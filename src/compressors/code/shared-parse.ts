/**
 * The last text each parser read, kept with its tree: the code compressor, the declarations
 * compressor and the engine's syntax check read the same block one after another, and a copy of a
 * tree costs nothing next to parsing the text again. Callers get a copy and delete it as usual.
 */
import type { Parser, Tree } from 'web-tree-sitter';

const lastParsed = new WeakMap<Parser, { readonly text: string; readonly tree: Tree }>();

/** A tree of `text` that the caller owns (and deletes): parsed now, or copied from the parser's last parse of the same text. */
export function parseShared(parser: Parser, text: string): Tree | null {
  const last = lastParsed.get(parser);
  if (last !== undefined && last.text === text) return last.tree.copy();
  const tree = parser.parse(text);
  if (tree === null) return null;
  last?.tree.delete();
  lastParsed.set(parser, { text, tree });
  return tree.copy();
}
