/**
 * A fragment cut at its end (`head -n 600 parser.c`, a `.d.ts` printed in two halves) leaves
 * brackets open, and tree-sitter wraps everything from the first open one in an ERROR node, so no
 * list or function in it could be outlined. Closing what is open, on one line after the text
 * (`})};`), often makes it a whole file again: the outline is then planned and checked on the
 * completed text, as a whole file's is (it must parse clean with the same closing line), and the
 * closing line is dropped from it afterwards.
 */
import { Edit, type Parser, type Tree } from 'web-tree-sitter';
import type { RowSpan } from './syntax-errors.ts';

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '${': '}' };
const CLOSING = new Set([')', ']', '}']);

const BRACKET_TYPES = [...Object.keys(CLOSERS), ...CLOSING];

/**
 * The text that closes every bracket still open at the end of `tree`, innermost first, or null.
 * Bracket tokens are found in one call into the runtime (document order), not a step per node.
 */
function closingBrackets(tree: Tree): string | null {
  const open: string[] = [];
  for (const token of tree.rootNode.descendantsOfType(BRACKET_TYPES)) {
    const type = token.type;
    const closer = CLOSERS[type];
    if (closer !== undefined) open.push(closer);
    else if (!token.isMissing && open.pop() !== type) return null;
  }
  return open.length === 0 ? null : open.reverse().join('');
}

/** A cut fragment made whole: its text with one closing line after it, and that text's tree. */
export interface CompletedFragment {
  readonly text: string;
  /** The line appended (after a "\n"): the outline of `text` ends with it, and drops it. */
  readonly closingLine: string;
  readonly tree: Tree;
}

/** `code` + "\n" + `closingLine`. */
const completedText = (code: string, closingLine: string): string => `${code}\n${closingLine}`;

/** 0-based row of the last row with text. */
function lastContentRow(code: string): number {
  const end = code.trimEnd().length;
  let rows = 0;
  for (let at = code.indexOf('\n'); at !== -1 && at < end; at = code.indexOf('\n', at + 1)) rows += 1;
  return rows;
}

// A cut inside a block comment (a `.d.ts` cut in its JSDoc) is closed first: its brackets are read after that.
const COMMENT_CLOSERS = ['*/', ''];
// Completing costs a walk and a few parses; what agents print cut is far shorter (`head -n 600`).
const MAX_COMPLETED_CHARS = 100_000;

/**
 * `completedText(code, closingLine)` parsed as an edit of `tree` (the tree of `code`, left as it
 * was): the parser re-reads only what the appended line touches. Null when tree-sitter gives no tree.
 */
function parseAppended(parser: Parser, code: string, tree: Tree, closingLine: string): Tree | null {
  const text = completedText(code, closingLine);
  const end = tree.rootNode;
  // The root spans the whole text, trailing white space included; if it ever did not, parse afresh.
  if (end.endIndex !== code.length) return parser.parse(text);
  const { endPosition } = end;
  const edited = tree.copy();
  try {
    edited.edit(
      new Edit({
        startIndex: code.length,
        oldEndIndex: code.length,
        newEndIndex: text.length,
        startPosition: endPosition,
        oldEndPosition: endPosition,
        newEndPosition: { row: endPosition.row + 1, column: closingLine.length },
      }),
    );
    return parser.parse(text, edited);
  } finally {
    edited.delete();
  }
}

function parsedClean(parser: Parser, code: string, tree: Tree, closingLine: string): CompletedFragment | null {
  const completed = parseAppended(parser, code, tree, closingLine);
  if (completed === null) return null;
  if (!completed.rootNode.hasError) return { text: completedText(code, closingLine), closingLine, tree: completed };
  completed.delete();
  return null;
}

/**
 * The fragment `code` (parsed as `tree`, with errors) completed so that it parses with no error, or
 * null. A statement may need its `;` after the last bracket (a C initializer), so that is tried first.
 */
export function completeFragment(
  parser: Parser,
  code: string,
  tree: Tree,
  errors: readonly RowSpan[],
): CompletedFragment | null {
  // Only a fragment whose last error runs to its end was cut there; errors elsewhere are not mended by closing.
  const lastError = errors[errors.length - 1];
  if (lastError === undefined || code.length > MAX_COMPLETED_CHARS || lastError[1] < lastContentRow(code)) return null;
  const openComment = code.lastIndexOf('/*') > code.lastIndexOf('*/');
  for (const commentCloser of openComment ? COMMENT_CLOSERS : ['']) {
    const closedComment = commentCloser === '' ? tree : parseAppended(parser, code, tree, commentCloser);
    if (closedComment === null) continue;
    const closers = closingBrackets(closedComment);
    if (closedComment !== tree) closedComment.delete();
    if (closers === null) continue;
    for (const closingLine of [`${commentCloser}${closers};`, `${commentCloser}${closers}`]) {
      const completed = parsedClean(parser, code, tree, closingLine);
      if (completed !== null) return completed;
    }
  }
  return null;
}
