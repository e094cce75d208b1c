/**
 * A slice of a Python file (`sed -n 290,340p`, an agent's window) usually starts inside a function:
 * its first line is indented, and tree-sitter reads the whole slice as one ERROR. Opening a block at
 * every indentation the slice returns to (`if True:` lines, before it) makes it a file that parses
 * again, so whole statements and declarations in it can be found; they are then dropped from the
 * slice itself, whose rows are those of the opened text less the opening rows.
 */

/** The slice with the opening lines before it, and how many rows they take. */
export interface OpenedFragment {
  readonly text: string;
  readonly openingRows: number;
}

const INDENT = /^( *)\S/;

/** `code` opened at the indentations it returns to, or null when its first line is not indented (or tabs indent it). */
export function openPythonFragment(code: string): OpenedFragment | null {
  const rows = code.split('\n');
  const first = rows.find((row) => row.trim() !== '');
  const depth = first === undefined ? 0 : (INDENT.exec(first)?.[1]?.length ?? 0);
  if (depth === 0 || rows.some((row) => row.startsWith('\t'))) return null;
  // Every indentation below the first line's that some later line starts at, and the file's own.
  const levels = new Set<number>([0]);
  for (const row of rows) {
    const indent = INDENT.exec(row)?.[1]?.length;
    if (indent !== undefined && indent < depth) levels.add(indent);
  }
  const opening = [...levels].sort((a, b) => a - b).map((level) => `${' '.repeat(level)}if True:`);
  return { text: `${opening.join('\n')}\n${code}`, openingRows: opening.length };
}
