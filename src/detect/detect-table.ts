/** Tables: CSV/TSV with a steady column count, or markdown pipe tables. */
import { COLUMN_NUMBER } from './numbered-rows.ts';
import type { Detector, Sample } from './detection.ts';
import { nonBlank, shareOf } from './sample.ts';

const HEADER = /^"?[A-Za-z_][\w -]*"?(?:,"?[A-Za-z_][\w -]*"?)+$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

const TAB_STEADY = 0.9;
const COMMA_STEADY = 0.95;
const PIPE_STEADY = 0.95;
const TAB_MAX = 0.9;
const PIPE_MAX = 0.8;
const TAB = 0x09;
const COMMA = 0x2c;
const PIPE = 0x7c;
const QUOTE = 0x22;

/**
 * Per line, the tabs, commas and pipes outside double quotes (CSV quoting), in one pass over the line;
 * null as soon as too many lines lack each delimiter that `matters` for it to be steady enough to score.
 */
function delimiterCounts(
  lines: readonly string[],
  matters: { tab: boolean; pipe: boolean },
): { tab: number[]; comma: number[]; pipe: number[] } | null {
  const tab: number[] = [];
  const comma: number[] = [];
  const pipe: number[] = [];
  const n = lines.length;
  let tabless = 0;
  let commaless = 0;
  let pipeless = 0;
  for (const line of lines) {
    let tabs = 0;
    let commas = 0;
    let pipes = 0;
    let quoted = false;
    // Indentation is not an empty first field (a tab-indented `.d.ts` would read as a steady TSV).
    let start = 0;
    while (start < line.length && line.charCodeAt(start) === TAB) start += 1;
    for (let i = start; i < line.length; i += 1) {
      const c = line.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted) {
        if (c === TAB) tabs += 1;
        else if (c === COMMA) commas += 1;
        else if (c === PIPE) pipes += 1;
      }
    }
    tab.push(tabs);
    comma.push(commas);
    pipe.push(pipes);
    if (tabs === 0) tabless += 1;
    if (commas === 0) commaless += 1;
    if (pipes === 0) pipeless += 1;
    // A steady count is at least one, so lines without the delimiter cap its steadiness.
    if (
      (!matters.tab || (n - tabless) / n < TAB_STEADY) &&
      (n - commaless) / n < COMMA_STEADY &&
      (!matters.pipe || (n - pipeless) / n < PIPE_STEADY)
    )
      return null;
  }
  return { tab, comma, pipe };
}

/** Share of lines whose delimiter count equals the most common count (at least one delimiter). */
function steadiness(fields: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const n of fields) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  for (const [n, hits] of counts) if (n >= 1 && hits > best) best = hits;
  return best / fields.length;
}

/** Scores delimited tables by column steadiness; markdown tables by their rule line. */
export const tableDetector: Detector = {
  kind: 'table',
  ceiling: 0.97,
  score(sample: Sample, floor = -Infinity): number {
    const lines = nonBlank(sample.lines).slice(0, 400);
    if (lines.length < 3) return 0;
    if (lines.some((line) => MARKDOWN_RULE.test(line))) {
      const piped = shareOf(lines, (line) => line.trim().startsWith('|') || line.includes(' | '));
      if (piped >= 0.8) return 0.92 * piped;
    }
    // A steady tab or pipe column scores at most TAB_MAX or PIPE_MAX: no better than `floor`, it need not be seen.
    const fields = delimiterCounts(lines, { tab: floor < TAB_MAX, pipe: floor < PIPE_MAX });
    if (fields === null) return 0;
    // `nl -ba` / `cat -n` listings are numbered code, not tab-separated tables.
    if (shareOf(lines, (line) => COLUMN_NUMBER.test(line)) >= 0.8) return 0;
    const tab = steadiness(fields.tab);
    const comma = steadiness(fields.comma);
    const pipe = steadiness(fields.pipe);
    if (tab >= TAB_STEADY) return TAB_MAX * tab;
    // A header row of plain names makes a CSV unmistakable, even when its cells hold timestamps.
    if (comma >= COMMA_STEADY) return (HEADER.test(lines[0] as string) ? 0.97 : 0.88) * comma;
    if (pipe >= PIPE_STEADY) return PIPE_MAX * pipe;
    return 0;
  },
};
