/** How much a line of prose carries on its own: numbers, identifiers, code, headings, error words. */

const HEADING = /^\s{0,3}(?:#{1,6}\s|={3,}\s*$|-{3,}\s*$)|^\*\*[^*]+\*\*:?\s*$/;
const NUMBER = /\b\d[\d.,:]*\b/g;
const IDENTIFIER = /\b(?:[a-z]+[A-Z]\w*|\w+_\w+|\w+(?:\.\w+){1,}|[\w-]+\/[\w./-]+)\b/g;
const CODEISH = /`[^`]+`|\w\(|::|=>|->|==|!=|\{|\}/;
const EXCEPTION = /\b\w*(?:Error|Exception|Warning)\b(?::|$)/;
const SIGNAL = /\b(?:error|exception|traceback|fail(?:s|ed|ure)?|bug|crash|expected|actual|should|must|warning|regression|fix(?:ed)?|because|cause[ds]?)\b/i;

/** True for markdown headings and bold-only title lines: structure that is always kept. */
export function isHeading(line: string): boolean {
  return HEADING.test(line);
}

/** A salience score for `line`, roughly 0 (filler) to 6 (dense with specifics). */
export function lineSalience(line: string): number {
  let score = 0;
  if (isHeading(line)) score += 3;
  score += Math.min(2, (line.match(NUMBER)?.length ?? 0) * 0.5);
  score += Math.min(2.1, (line.match(IDENTIFIER)?.length ?? 0) * 0.7);
  if (CODEISH.test(line)) score += 0.5;
  if (SIGNAL.test(line)) score += 1;
  if (EXCEPTION.test(line)) score += 2;
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) score += 0.2;
  return score;
}
