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

/** The longest run of rows numbered one after another, as [first, last] line indices, or null. */
function longestRun(lines: readonly string[]): readonly [number, number] | null {
  let best: [number, number] | null = null;
  let start = -1;
  let previous = -1;
  for (let i = 0; i <= lines.length; i += 1) {
    const match = i < lines.length ? numberPrefix(lines[i] as string) : null;
    const number = match === null ? -1 : match.number;
    if (match !== null && start >= 0 && number === previous + 1) {
      previous = number;
      continue;
    }
    if (start >= 0 && (best === null || i - 1 - start > best[1] - best[0])) best = [start, i - 1];
    start = match === null ? -1 : i;
    previous = number;
  }
  return best !== null && best[1] - best[0] + 1 >= MIN_ROWS ? best : null;
}

/** Sections of a numbered window with text before or after it; null when there is no such window. */
export function splitNumberedView(text: string): RawSection[] | null {
  if (!text.includes(':')) return null;
  const lines = text.split('\n');
  const run = longestRun(lines);
  if (run === null) return null;
  const [first, last] = run;
  // Numbered rows outside the run (a `grep -n` listing that skips lines) make it no single window.
  if (lines.some((line, i) => (i < first || i > last) && numberPrefix(line) !== null)) return null;
  const startOf = (line: number): number => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  const start = startOf(first);
  const end = Math.min(text.length, startOf(last + 1));
  // Without text around it the window is one block, detected whole.
  if (start === 0 && end >= text.length) return null;
  const sections: RawSection[] = [];
  if (start > 0) sections.push({ start: 0, end: start, kind: 'text' });
  sections.push({ start, end, kind: null });
  if (end < text.length) sections.push({ start: end, end: text.length, kind: 'text' });
  return sections;
}
