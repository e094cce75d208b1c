/** Tables: CSV/TSV with a steady column count, or markdown pipe tables. */
import type { Detector, Sample } from './detection.ts';
import { nonBlank, shareOf } from './sample.ts';

const NUMBERED = /^\s*\d+\t/;
const HEADER = /^"?[A-Za-z_][\w -]*"?(?:,"?[A-Za-z_][\w -]*"?)+$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

/** Number of `delimiter`s outside double quotes (CSV quoting). */
function fieldsOf(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count += 1;
  }
  return count;
}

/** Share of lines whose delimiter count equals the most common count (at least one delimiter). */
function steadiness(lines: readonly string[], delimiter: string): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const n = fieldsOf(line, delimiter);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0;
  for (const [n, hits] of counts) if (n >= 1 && hits > best) best = hits;
  return best / lines.length;
}

/** Scores delimited tables by column steadiness; markdown tables by their rule line. */
export const tableDetector: Detector = {
  kind: 'table',
  score(sample: Sample): number {
    const lines = nonBlank(sample.lines).slice(0, 400);
    if (lines.length < 3) return 0;
    if (lines.some((line) => MARKDOWN_RULE.test(line))) {
      const piped = shareOf(lines, (line) => line.trim().startsWith('|') || line.includes(' | '));
      if (piped >= 0.8) return 0.92 * piped;
    }
    // `nl -ba` / `cat -n` listings are numbered code, not tab-separated tables.
    if (shareOf(lines, (line) => NUMBERED.test(line)) >= 0.8) return 0;
    const tab = steadiness(lines, '\t');
    const comma = steadiness(lines, ',');
    const pipe = steadiness(lines, '|');
    if (tab >= 0.9) return 0.9 * tab;
    // A header row of plain names makes a CSV unmistakable, even when its cells hold timestamps.
    if (comma >= 0.95) return (HEADER.test(lines[0] as string) ? 0.97 : 0.88) * comma;
    if (pipe >= 0.95) return 0.8 * pipe;
    return 0;
  },
};
