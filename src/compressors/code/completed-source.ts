/**
 * A fragment made a whole file: a Python slice in the frame that makes it parse clean
 * (python-fragment-frame.ts), else a fragment cut at its end with its open brackets closed
 * (truncated-fragment.ts). Its outline is planned and checked as a whole file's, and loses the
 * frame's lines afterwards.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import type { CodeGrammar } from './code-languages.ts';
import type { FragmentFrame } from './fragment-frame.ts';
import { framePythonFragment } from './python-fragment-frame.ts';
import type { RowSpan } from './syntax-errors.ts';
import { completeFragment } from './truncated-fragment.ts';

/** The framed text, its clean tree (the caller deletes it) and the frame. */
export interface CompletedSource {
  readonly text: string;
  readonly tree: Tree;
  readonly frame: FragmentFrame;
}

/**
 * `code` (parsed as `tree`, with syntax errors `errors`) completed into a whole file, or null. A
 * Python slice may be framed though it has no error: one that starts indented is the tail of a body.
 * `grammar` null: a grammar only closed at its end.
 */
export function completeSource(
  parser: Parser,
  grammar: CodeGrammar | null,
  code: string,
  tree: Tree,
  errors: readonly RowSpan[],
): CompletedSource | null {
  if (grammar === 'python') {
    const framed = framePythonFragment(parser, code, errors.length > 0);
    if (framed !== null) return framed;
  }
  if (errors.length === 0) return null;
  const completed = completeFragment(parser, code, tree, errors);
  if (completed === null) return null;
  return { text: completed.text, tree: completed.tree, frame: { before: [], after: [completed.closingLine] } };
}
