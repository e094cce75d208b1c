/** How much a line of prose carries on its own: numbers, identifiers, code, headings, error words. */

const HEADING = /^\s{0,3}(?:#{1,6}\s|={3,}\s*$|-{3,}\s*$)|^\*\*[^*]+\*\*:?\s*$/;
const NUMBER = /\b\d[\d.,:]*\b/g;
const IDENTIFIER = /\b(?:[a-z]+[A-Z]\w*|\w+_\w+|\w+(?:\.\w+){1,}|[\w-]+\/[\w./-]+)\b/g;
const CODEISH = /`[^`]+`|\w\(|::|=>|->|==|!=|\{|\}/;
const EXCEPTION = /\b\w*(?:Error|Exception|Warning)\b(?::|$)/;
// What EXCEPTION cannot match without: a cheap test that spares its backtracking on most lines.
const EXCEPTION_WORD = /Error|Exception|Warning/;
const SIGNAL =
  /\b(?:error|exception|traceback|fail(?:s|ed|ure)?|bug|crash|expected|actual|should|must|warning|regression|fix(?:ed)?|because|cause[ds]?)\b/i;

/** True for markdown headings and bold-only title lines: structure that is always kept. */
export function isHeading(line: string): boolean {
  return HEADING.test(line);
}

/** How many times the global `pattern` matches `line`, counting no further than `most`. */
function matchesUpTo(pattern: RegExp, line: string, most: number): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < most && pattern.exec(line) !== null) found += 1;
  pattern.lastIndex = 0;
  return found;
}

/** A salience score for `line`, roughly 0 (filler) to 6 (dense with specifics). */
export function lineSalience(line: string): number {
  let score = 0;
  if (isHeading(line)) score += 3;
  // Past 4 matches both terms sit at their caps (3 identifiers give 2.0999..., not 2.1).
  score += Math.min(2, matchesUpTo(NUMBER, line, 4) * 0.5);
  score += Math.min(2.1, matchesUpTo(IDENTIFIER, line, 4) * 0.7);
  if (CODEISH.test(line)) score += 0.5;
  if (SIGNAL.test(line)) score += 1;
  if (EXCEPTION_WORD.test(line) && EXCEPTION.test(line)) score += 2;
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) score += 0.2;
  return score;
}
