/** The original text seen as lines, so elisions fall on whole lines (rows as tree-sitter counts them: by "\n"). */
import { MARKER_OPENING } from '../../store/marker.ts';

const BLANK = /^[ \t\r\f\v]*$/;
const LEADING_WHITESPACE = /^[ \t]*/;

/** Row bookkeeping over one source text; offsets are UTF-16 indices, as web-tree-sitter gives them. */
export class SourceLines {
  /** Index of the first character of each row. */
  private readonly starts: number[] = [0];
  /** Where markers of an earlier outline start, found on first use. */
  private markers: number[] | null = null;

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Index of a row's first character (the text's length past the last row). */
  startOf(row: number): number {
    return this.starts[row] ?? this.text.length;
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

  /** True when a marker (`[[terse:`) starts inside [start, end): the code there is an outline already. */
  containsMarker(start: number, end: number): boolean {
    if (this.markers === null) {
      this.markers = [];
      for (let at = this.text.indexOf(MARKER_OPENING); at !== -1; at = this.text.indexOf(MARKER_OPENING, at + 1))
        this.markers.push(at);
    }
    let low = 0;
    let high = this.markers.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.markers[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < this.markers.length && this.markers[low]! < end;
  }
}
