/**
 * A slice of a Python file (`sed -n 'A,Bp'`, `nl -ba f.py | sed -n 'A,Bp'`) starts and ends where the
 * agent chose, often inside a function, a docstring or a call's arguments, and tree-sitter then reads
 * much of it as ERROR. A frame is the few synthetic lines that make the slice a file that parses clean
 * again: before it, a block opened at each indentation it returns to (a function where the block
 * holds statements, so the tail of the body the slice starts in can be outlined), what a clause it
 * starts with continues, and the string or brackets it starts inside; after it, what closes the
 * string and brackets it ends inside, and a body for a header it ends on. The outline is planned and
 * checked on the framed text, and the frame's lines are dropped from it; the engine's syntax check
 * reads an output in the frame of its input likewise (syntax-verdict.ts).
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { framedText, type FragmentFrame } from './fragment-frame.ts';
import { closersOf, openersOf, scanPython, type PythonLexicalScan, type TripleQuote } from './python-lexical-scan.ts';

const INDENT = /^ */;
const BLOCK_START = /^(?:async\s+)?(?:def|class|if|elif|else|for|while|with|try|except|finally|match|case)\b/;
const ENDS_WITH_COLON = /:\s*(?:#.*)?$/;
// Framing costs a parse per try; slices agents print are far shorter than this.
const MAX_FRAMED_CHARS = 200_000;

const indentOf = (row: string): number => INDENT.exec(row)![0].length;
const spaces = (count: number): string => ' '.repeat(count);

// A clause that continues a compound statement, so what comes before it must be that statement.
const CLAUSE = /^(?:elif|else|except|finally)\b/;
const TRY_CLAUSE = /^(?:except|finally)\b/;

/**
 * Headers opening a block at every indentation the slice returns to below `depth`, the slice's own:
 * `try:` where the slice returns to the header's indentation with `except` or `finally`, else
 * `if True:`. Never a function: the tail of a body cut at the slice's start is usually the very lines
 * the agent sliced the file for (it picked the range around a `grep -n` hit), and with its name out of
 * view no mention can protect it, so it stays verbatim; the slice's whole functions outline as usual,
 * and a class body's methods stay methods. A slice that starts with a clause gets what it continues
 * (`if True: pass`).
 */
function blockOpeners(
  rows: readonly string[],
  scan: PythonLexicalScan,
  depth: number,
): { readonly headers: string[]; readonly continued: string[] } {
  const firstAt = new Map<number, string>();
  for (const row of scan.statementRows) {
    const indent = indentOf(rows[row]!);
    const statement = rows[row]!.trimStart();
    if (indent <= depth && !firstAt.has(indent)) firstAt.set(indent, statement);
  }
  const opening = firstAt.get(depth) ?? '';
  const continued = CLAUSE.test(opening)
    ? [`${spaces(depth)}${TRY_CLAUSE.test(opening) ? 'try' : 'if True'}: pass`]
    : [];
  if (depth === 0) return { headers: [], continued };
  const levels = [...new Set([0, ...[...firstAt.keys()].filter((indent) => indent < depth)])].sort((a, b) => a - b);
  const headers = levels.map((level) =>
    TRY_CLAUSE.test(firstAt.get(level) ?? '') ? `${spaces(level)}try:` : `${spaces(level)}if True:`,
  );
  return { headers, continued };
}

/**
 * What ends the slice's last statement after `closers` (written at its indentation: a name at column 0
 * would close the block it is in): a `:` and a body when it is a block's header, a function when it
 * is a decorator.
 */
function statementEnding(rows: readonly string[], scan: PythonLexicalScan, closers: string): string[] {
  const last = scan.statementRows[scan.statementRows.length - 1];
  if (last === undefined) return closers === '' ? [] : [closers];
  const head = rows[last]!.trimStart();
  const indent = indentOf(rows[last]!);
  let lastRow = rows.length - 1;
  while (lastRow > last && rows[lastRow]!.trim() === '') lastRow -= 1;
  const closing = closers === '' ? [] : [`${spaces(indent)}${closers}`];
  if (BLOCK_START.test(head) && (closers !== '' || ENDS_WITH_COLON.test(rows[lastRow] ?? ''))) {
    const header = closing.length === 0 ? [] : [`${closing[0]}${closers.endsWith(':') ? '' : ':'}`];
    return [...header, `${spaces(indent + 4)}pass`];
  }
  if (head.startsWith('@') && closers === '' && lastRow === last) return [`${spaces(indent)}def _(): pass`];
  return closing;
}

/**
 * A statement that opens `openers`: a call's `(` takes arguments and keywords alike, a list or a dict
 * or set is assigned (`_[x for x in y]` would not parse, `_ = [x for x in y]` does).
 */
const expressionOpening = (openers: string): string => (openers.startsWith('(') ? `_${openers}` : `_ = ${openers}`);

/**
 * One reading of a slice: where it starts (outside any string, or inside a docstring), whether its
 * end gets an operand before its closers (a slice cut after `x %` or `key=`), and, for a slice that
 * starts inside the brackets of a block's header (`):` on its first rows), which header opens them.
 */
interface Reading {
  readonly startInside: TripleQuote | null;
  readonly operand: boolean;
  readonly header: 'def' | 'if' | null;
}

/** The readings tried, in order. */
const READINGS: readonly Reading[] = [
  { startInside: null, operand: false, header: null },
  { startInside: null, operand: true, header: null },
  { startInside: null, operand: false, header: 'def' },
  { startInside: null, operand: false, header: 'if' },
  { startInside: '"""', operand: false, header: null },
  { startInside: "'''", operand: false, header: null },
];

/** The frame `reading` asks for (empty when the slice needs none), or null when the slice cannot be read so. */
function frameFor(code: string, rows: readonly string[], reading: Readonly<Reading>): FragmentFrame | null {
  const { startInside } = reading;
  const scan = scanPython(code, startInside);
  // A string opened before the slice that never closes in it makes the whole slice a string: no reading of it.
  if (startInside !== null && scan.openString === startInside && scan.statementRows.length === 0) return null;
  const firstStatement = scan.statementRows[0];
  const depth = firstStatement === undefined ? 0 : indentOf(rows[firstStatement]!);
  const { headers, continued } = blockOpeners(rows, scan, depth);
  const openers = openersOf(scan.unopened);
  if (reading.header !== null) {
    // The brackets of a header whose body is the slice's first block: that header opens the block.
    const innermost = headers.pop();
    if (innermost === undefined || openers === '' || !ENDS_WITH_COLON.test(rows[scan.lastUnopenedRow] ?? ''))
      return null;
    headers.push(`${INDENT.exec(innermost)![0]}${reading.header} _${openers}`);
  } else if (openers !== '' || startInside !== null) {
    continued.push(`${spaces(depth)}${openers === '' ? '' : expressionOpening(openers)}${startInside ?? ''}`);
  }
  const closers = closersOf(scan.open);
  const operand = reading.operand && scan.openString === null && closers !== '' ? '_' : '';
  const after = statementEnding(rows, scan, `${scan.openString ?? ''}${operand}${closers}`);
  return { before: [...headers, ...continued], after };
}

/** A slice in its frame: the framed text and its (clean) tree, which the caller deletes. */
export interface FramedFragment {
  readonly frame: FragmentFrame;
  readonly text: string;
  readonly tree: Tree;
}

/**
 * The Python slice `code` in the frame that makes it parse with no ERROR or MISSING node, or null
 * when none of the few tried does (or `code` needs none: it has no error and starts at column 0).
 * The readings are tried in order (`READINGS`); the first that parses clean is taken.
 */
export function framePythonFragment(parser: Parser, code: string, hasErrors: boolean): FramedFragment | null {
  if (code.length > MAX_FRAMED_CHARS) return null;
  const rows = code.split('\n');
  // Indentation is counted in spaces: a tab-indented slice is left to the other paths.
  if (rows.some((row) => row.startsWith('\t'))) return null;
  const first = rows.find((row) => row.trim() !== '' && !row.trimStart().startsWith('#'));
  if (first === undefined || (!hasErrors && indentOf(first) === 0)) return null;
  const tried = new Set<string>();
  for (const reading of READINGS) {
    const frame = frameFor(code, rows, reading);
    if (frame === null || (frame.before.length === 0 && frame.after.length === 0)) continue;
    const text = framedText(code, frame);
    if (tried.has(text)) continue;
    tried.add(text);
    const tree = parser.parse(text);
    if (tree === null) continue;
    if (!tree.rootNode.hasError) return { frame, text, tree };
    tree.delete();
  }
  return null;
}
