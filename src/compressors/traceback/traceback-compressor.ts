/**
 * The traceback compressor: Python tracebacks with each frame on one line, `path:N in name: source`,
 * and the directory most frames sit in said once (`$P = /usr/lib/python3.9/site-packages/`):
 *
 *   Traceback (most recent call last):
 *     (frames as path:line in function: source line; $P = /home/u/env/lib/python3.6/site-packages/)
 *     /srv/app/run.py:19 in <module>: main()
 *     $P/django/db/models/query.py:248 in __repr__
 *     $P/django/db/backends/utils.py:85 in _execute: return self.cursor.execute(sql, params)
 *   django.db.utils.ProgrammingError: ORDER BY position 4 is not in select list
 *
 * Every frame keeps its file, line and function; the source line stays for the first two and last
 * three frames of a traceback and for every frame outside installed packages and the standard
 * library (the code being debugged); a library frame in between keeps its location only. Everything
 * that is no frame (the exception, chained-traceback notes, prose around) stays as printed; a frame
 * line ending in CRLF (an issue pasted from the web) still does. One marker points at the text as
 * printed. Lossless returns null.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { dropInput } from '../lossy-result.ts';
import { pythonFrames, type PythonFrame } from './python-frames.ts';

/** Fewer frames than this is no traceback worth a marker. */
const MIN_FRAMES = 3;
/** Frames at each end of a traceback that keep their source line whatever they are. */
const KEPT_FIRST = 2;
const KEPT_LAST = 3;
/** A directory is said once only when this many frames share it and it is this long. */
const MIN_ALIAS_FRAMES = 3;
const MIN_ALIAS_CHARS = 16;
const ALIAS = '$P';
/** Installed packages and the standard library: frames there are rarely the code being debugged. */
const LIBRARY = /(?:site-packages|dist-packages)\/|\/lib\/python\d(?:\.\d+)?\/|^<frozen /;

/** The directory prefix (ending in `/`) most worth saying once: shared by the most characters of frame paths. */
function commonDirectory(frames: readonly PythonFrame[]): string | null {
  const counts = new Map<string, number>();
  for (const frame of frames) {
    for (let at = frame.path.indexOf('/'); at >= 0; at = frame.path.indexOf('/', at + 1)) {
      const prefix = frame.path.slice(0, at + 1);
      if (prefix.length >= MIN_ALIAS_CHARS) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestSaved = 0;
  for (const [prefix, count] of counts) {
    const saved = count * (prefix.length - ALIAS.length - 1);
    if (count >= MIN_ALIAS_FRAMES && saved > bestSaved) {
      best = prefix;
      bestSaved = saved;
    }
  }
  return best;
}

/** Groups frames into tracebacks: a run of frames only other frames' source (and position marker) lines separate. */
function tracebacks(frames: readonly PythonFrame[]): PythonFrame[][] {
  const groups: PythonFrame[][] = [];
  let current: PythonFrame[] = [];
  for (const frame of frames) {
    const last = current[current.length - 1];
    const adjacent = last !== undefined && frame.line === (last.positionLine ?? last.sourceLine ?? last.line) + 1;
    if (!adjacent && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(frame);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function compressTraceback(input: CompressInput, context: CompressContext): CompressResult | null {
  if (lossyProfileFor(input, context) === null) return null;
  const lines = input.text.split('\n');
  const frames = pythonFrames(lines);
  if (frames.length < MIN_FRAMES) return null;
  const alias = commonDirectory(frames);
  const keepsSource = new Set<PythonFrame>();
  for (const group of tracebacks(frames)) {
    group.forEach((frame, index) => {
      if (index < KEPT_FIRST || index >= group.length - KEPT_LAST || !LIBRARY.test(frame.path)) keepsSource.add(frame);
    });
  }
  const byLine = new Map(frames.map((frame) => [frame.line, frame]));
  // A frame's source, kept, moves onto its frame's line: the carets under it no longer point at anything.
  const positions = frames.flatMap((frame) => (frame.positionLine === null ? [] : [frame.positionLine]));
  const skipped = new Set([
    ...frames.flatMap((frame) => (frame.sourceLine === null ? [] : [frame.sourceLine])),
    ...positions,
  ]);
  const out: string[] = [];
  let legendDone = false;
  lines.forEach((line, index) => {
    if (skipped.has(index)) return;
    const frame = byLine.get(index);
    if (frame === undefined) {
      out.push(line);
      return;
    }
    if (!legendDone) {
      out.push(
        `${frame.indent}(frames as path:line in function: source line${alias === null ? '' : `; ${ALIAS} = ${alias}`})`,
      );
      legendDone = true;
    }
    const path =
      alias !== null && frame.path.startsWith(alias) ? `${ALIAS}/${frame.path.slice(alias.length)}` : frame.path;
    const source =
      frame.sourceLine !== null && keepsSource.has(frame) ? `: ${(lines[frame.sourceLine] as string).trim()}` : '';
    // A CRLF line keeps its `\r`: the lines around it (kept as printed) end the same way.
    const ending = line.endsWith('\r') ? '\r' : '';
    out.push(`${frame.indent}${path}:${frame.lineNumber} in ${frame.name}${source}${ending}`);
  });
  const dropped = frames.filter((frame) => frame.sourceLine !== null && !keepsSource.has(frame)).length;
  const drop = dropInput(input.text);
  // A text that ends its last line keeps doing so: what follows it (another section) starts a line.
  const ending = out[out.length - 1] === '' ? out.pop() : undefined;
  out.push(
    drop.marker(
      `${frames.length} traceback frames written one per line${dropped === 0 ? '' : `, ${dropped} library frames without their source line`}${positions.length === 0 ? '' : `, ${positions.length} position marker lines (^^^) left out`}; the ref holds them as printed`,
    ),
  );
  if (ending !== undefined) out.push(ending);
  return drop.result(out.join('\n'));
}

/** Python tracebacks with one line per frame, a shared directory said once, library frames' source left out in the middle. */
export const tracebackCompressor: Compressor = {
  name: 'traceback',
  kinds: ['log', 'text', 'code'],
  compress: compressTraceback,
};
