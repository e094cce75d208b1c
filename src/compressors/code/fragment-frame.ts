/**
 * Synthetic lines around a fragment that make it parse as a whole file (python-fragment-frame.ts,
 * truncated-fragment.ts): the outline is planned and checked on the framed text, and the frame's
 * lines are dropped from it afterwards, so they never reach the output.
 */
import type { RenderedOutline } from './render-outline.ts';

/** Synthetic lines around a fragment: `before` + "\n" + fragment + "\n" + `after` parses clean. */
export interface FragmentFrame {
  /** Lines put before the fragment (none when it needs none). */
  readonly before: readonly string[];
  /** Lines put after the fragment (none when it needs none). */
  readonly after: readonly string[];
}

/** Rows `[firstRow, lastRow]` (0-based, inclusive) of a text. */
export interface RowRange {
  readonly firstRow: number;
  readonly lastRow: number;
}

/** `code` inside `frame`: its rows shifted down by `frame.before.length`. */
export function framedText(code: string, frame: FragmentFrame): string {
  return [...frame.before, code, ...frame.after].join('\n');
}

/** The rows of the fragment itself in its framed text, for a fragment of `rowCount` rows. */
export function fragmentRows(frame: FragmentFrame, rowCount: number): RowRange {
  return { firstRow: frame.before.length, lastRow: frame.before.length + rowCount - 1 };
}

/** The outline of a framed fragment without the frame's lines; its rows count from the fragment's first. */
export function withoutFrame(rendered: RenderedOutline, frame: FragmentFrame): RenderedOutline {
  const lines = rendered.text.split('\n');
  const before = frame.before.length;
  const after = frame.after.length;
  const kept = lines.length - before - after;
  const copies = (at: number, row: number): boolean => rendered.sourceRows[at] === row;
  const framed =
    kept >= 0 &&
    frame.before.every((line, index) => lines[index] === line && copies(index, index)) &&
    frame.after.every((line, index) => lines[before + kept + index] === line);
  if (!framed) throw new Error("the outline of a framed fragment lost its frame's lines");
  return {
    ...rendered,
    text: lines.slice(before, before + kept).join('\n'),
    sourceRows: rendered.sourceRows
      .slice(before, before + kept)
      .map((source) => (source === null ? null : source - before)),
  };
}
