/** The original text seen as lines, so elisions fall on whole lines (rows as tree-sitter counts them: by "\n"). */

const BLANK = /^[ \t\r\f\v]*$/;
const LEADING_WHITESPACE = /^[ \t]*/;

/** Row bookkeeping over one source text; offsets are UTF-16 indices, as web-tree-sitter gives them. */
export class SourceLines {
  /** Index of the first character of each row. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** The text of a row without its "\n" (a "\r" stays). */
  row(row: number): string {
    const start = this.starts[row] ?? this.text.length;
    const next = this.starts[row + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  /** The spaces and tabs a row starts with. */
  indentOf(row: number): string {
    return LEADING_WHITESPACE.exec(this.row(row))?.[0] ?? '';
  }

  /** True when only whitespace precedes `index` on its row. */
  startsRow(row: number, index: number): boolean {
    return BLANK.test(this.text.slice(this.starts[row] ?? 0, index));
  }

  /** True when only whitespace follows `index` on its row. */
  endsRow(row: number, index: number): boolean {
    const next = this.starts[row + 1];
    return BLANK.test(this.text.slice(index, next === undefined ? this.text.length : next - 1));
  }
}
