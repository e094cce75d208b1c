/** Search results: grep/ripgrep `path:line:text`, `path:text`, `line:text` and `--heading` groups. */
import type { Detector, Sample } from './detection.ts';
import { countsUpByOne } from './detect-code.ts';
import { nonBlank } from './sample.ts';
import { isGroupSeparator, isHeadingPath, parseSearchLine } from './search-line-grammar.ts';
import { isBlank } from './whitespace.ts';

const MAX_LINES = 1_500;
const SCALE = 0.95;
/** Share of pathless numbered lines counting up by one past which they are a file view. */
const CONTIGUOUS_SHARE = 0.9;

/** Non-blank lines among the first MAX_LINES: the lines the score is a share of. */
function countedLines(lines: readonly string[]): number {
  if (lines.length <= MAX_LINES) return nonBlank(lines).length;
  let counted = 0;
  for (let i = 0; i < MAX_LINES; i += 1) if (!isBlank(lines[i] as string)) counted += 1;
  return counted;
}

/** Scores search output by the share of lines it explains; bare `12:text` lines must count upward. */
export const searchDetector: Detector = {
  kind: 'search',
  ceiling: SCALE,
  score(sample: Sample, floor = -Infinity): number {
    const lines = sample.lines.slice(0, MAX_LINES);
    // Known up front so the scan can stop once even explaining every line left would not beat `floor`.
    const total = floor === -Infinity ? 0 : countedLines(sample.lines);
    let unexplained = 0;
    let counted = 0;
    let explained = 0;
    let withPath = 0;
    let bareMatches = 0;
    let ascending = 0;
    let previous = -1;
    let headings = 0;
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i] as string;
      if (isBlank(line)) continue;
      counted += 1;
      if (isGroupSeparator(line)) {
        explained += 1;
        continue;
      }
      const parsed = parseSearchLine(line, true);
      if (parsed !== null && parsed.path !== null) {
        explained += 1;
        withPath += 1;
        continue;
      }
      if (parsed !== null && parsed.line !== null) {
        explained += 1;
        if (!parsed.context) bareMatches += 1;
        if (parsed.line > previous) ascending += 1;
        previous = parsed.line;
        continue;
      }
      const next = lines[i + 1];
      if (isHeadingPath(line) && next !== undefined && parseSearchLine(next, true)?.line != null) {
        headings += 1;
        explained += 1;
        previous = -1;
      } else if (floor !== -Infinity && SCALE * ((total - (unexplained += 1)) / total) <= floor) return 0;
    }
    if (counted < 2 || explained < 2) return 0;
    const bare = explained - withPath - headings;
    // Pathless lines numbered one after another are a numbered view of a file (SWE-agent's window), not hits.
    if (bare > withPath && headings === 0 && countsUpByOne(lines) >= CONTIGUOUS_SHARE * bare) return 0;
    // Numbered lines without paths are search output only when numbers climb and some are matches.
    if (bare > withPath && headings === 0 && (bareMatches === 0 || ascending < 0.8 * bare)) return 0;
    return SCALE * (explained / counted);
  },
};
