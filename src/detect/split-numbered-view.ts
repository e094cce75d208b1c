/**
 * A window onto a file with text around it, as SWE-agent's `open`, `goto` and `scroll` print it:
 *
 *   [File: /repo/src/fields.py (1997 lines total)]
 *   (1356 more lines above)
 *   1357:        self.format = format
 *   ...
 *   (540 more lines below)
 *   (Open file: /repo/src/fields.py)
 *
 * The numbered rows are one section, detected on their own (code once their numbers are set aside);
 * the lines around them are text.
 */
import { numberPrefix } from './numbered-rows.ts';
import type { RawSection } from './split-sections.ts';

/** A window shorter than this many rows is no file view worth a section of its own. */
const MIN_ROWS = 5;

/** Every run of rows numbered one after another, as [first, last] line indices. */
function runsOf(lines: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let previous = -1;
  for (let i = 0; i <= lines.length; i += 1) {
    const match = i < lines.length ? numberPrefix(lines[i] as string) : null;
    const number = match === null ? -1 : match.number;
    if (match !== null && start >= 0 && number === previous + 1) {
      previous = number;
      continue;
    }
    if (start >= 0) runs.push([start, i - 1]);
    start = match === null ? -1 : i;
    previous = number;
  }
  return runs;
}

/**
 * Sections of numbered windows with text before, between or after them; null when there is none.
 * Several windows come in one output where a tool shows a file twice (SWE-agent's refused edit:
 * "how your edit would have looked" and "the original code before your edit").
 */
export function splitNumberedView(text: string): RawSection[] | null {
  if (!text.includes(':')) return null;
  const lines = text.split('\n');
  const runs = runsOf(lines);
  // Numbered rows in a run too short to be a window (a `grep -n` listing, whose numbers skip) make
  // the text no set of windows.
  if (runs.length === 0 || runs.some(([first, last]) => last - first + 1 < MIN_ROWS)) return null;
  // Runs parted by `--` alone are the groups of a `grep -C` over numbered rows: where the match sits in
  // each depends on flags the output does not show, so they are no windows to outline one by one.
  for (let i = 1; i < runs.length; i += 1) {
    const between = lines.slice((runs[i - 1] as [number, number])[1] + 1, (runs[i] as [number, number])[0]);
    if (between.every((line) => line.trim() === '--' || line.trim() === '')) return null;
  }
  const offsets: number[] = [0];
  for (const line of lines) offsets.push((offsets[offsets.length - 1] as number) + line.length + 1);
  const startOf = (line: number): number => Math.min(text.length, offsets[line] as number);
  const sections: RawSection[] = [];
  let at = 0;
  for (const [first, last] of runs) {
    const start = startOf(first);
    const end = startOf(last + 1);
    if (start > at) sections.push({ start: at, end: start, kind: 'text' });
    sections.push({ start, end, kind: null });
    at = end;
  }
  if (at < text.length) sections.push({ start: at, end: text.length, kind: 'text' });
  // Without text around it a window is one block, detected whole.
  return sections.length === 1 ? null : sections;
}
