/**
 * The frames of Python tracebacks in a text: each `File "path", line N, in name` line and the source
 * line Python printed under it (when it did). Lines between frames (`Traceback (most recent call
 * last):`, the exception, `[Previous line repeated 2 more times]`, 3.11's `^^^^` markers) are no frame.
 */

/** One frame: where it stands in the text's lines, and what it says. */
export interface PythonFrame {
  /** Index of the `File` line. */
  readonly line: number;
  /** Index of its source line, or null when Python printed none. */
  readonly sourceLine: number | null;
  /** Index of the `^^^^` / `~~~^^^` line Python 3.11+ prints under the source line, or null. */
  readonly positionLine: number | null;
  /** The `File` line's indentation. */
  readonly indent: string;
  readonly path: string;
  readonly lineNumber: string;
  readonly name: string;
}

// A traceback pasted into an issue keeps the CRLF line ends: the `\r` is no part of the name.
const FRAME = /^(\s*)File "([^"]+)", line (\d+), in (\S[^\r]*)\r?$/;
const FRAME_START = /^\s*File "/;
/** Indented lines under a frame that are not its source: a repeat note, 3.11's position markers. */
const NOT_SOURCE = /^\s*(?:\[Previous line repeated|[~^]+\s*$)/;
/** Python 3.11's position markers under a source line: carets, tildes and nothing else. */
const POSITIONS = /^\s*[~^]+\s*$/;

/** Every frame of every traceback in `lines`, in order. */
export function pythonFrames(lines: readonly string[]): PythonFrame[] {
  const frames: PythonFrame[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = FRAME.exec(lines[index] as string);
    if (match === null) continue;
    const [, indent, path, lineNumber, name] = match as unknown as [string, string, string, string, string];
    const next = lines[index + 1];
    // Python indents the source line under its `File` line (pasted into an issue, often by a tab).
    const hasSource =
      next !== undefined && /^\s/.test(next) && next.trim() !== '' && !FRAME_START.test(next) && !NOT_SOURCE.test(next);
    const after = lines[index + 2];
    const hasPositions = hasSource && after !== undefined && POSITIONS.test(after);
    frames.push({
      line: index,
      sourceLine: hasSource ? index + 1 : null,
      positionLine: hasPositions ? index + 2 : null,
      indent,
      path,
      lineNumber,
      name: name.trimEnd(),
    });
    if (hasSource) index += hasPositions ? 2 : 1;
  }
  return frames;
}
