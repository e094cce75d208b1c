/**
 * How a probe answer is looked for in text: case-sensitive, runs of white space folded, white space
 * around JSON punctuation and double quotes ignored (re-serialising JSON, as JSON or as TOON's
 * `key: value` lines, loses no information), and an answer that
 * starts or ends with a letter or digit must not touch another one there (so `OL` is not found inside
 * `TOOL`, nor `147` inside `1470`).
 */

/** The form both sides are compared in. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/"/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([:,{}[\]]) ?/g, '$1');
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** True when `answer` occurs in `haystack` (already normalised with normalizeForMatch) as a whole token run. */
export function containsAnswer(normalizedHaystack: string, answer: string): boolean {
  const needle = normalizeForMatch(answer).trim();
  if (needle === '') return false;
  const guardStart = isWordChar(needle[0]);
  const guardEnd = isWordChar(needle[needle.length - 1]);
  for (let at = normalizedHaystack.indexOf(needle); at !== -1; at = normalizedHaystack.indexOf(needle, at + 1)) {
    if (guardStart && isWordChar(normalizedHaystack[at - 1])) continue;
    if (guardEnd && isWordChar(normalizedHaystack[at + needle.length])) continue;
    return true;
  }
  return false;
}

const LOCATION = /^(\S+):(\d+)$/;

/**
 * A `path:line` answer is also present when the text shows that line under that path the way
 * `rg --heading` prints it (a line holding the path, then `N:` or `N-` lines until a blank line):
 * the same fact, laid out without repeating the path.
 */
export function containsLocation(rawText: string, answer: string): boolean {
  const match = LOCATION.exec(answer.trim());
  if (!match) return false;
  const [, file, line] = match as unknown as [string, string, string];
  const lines = rawText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = (lines[i] as string).trim();
    if (heading !== file && !heading.endsWith(`/${file}`) && !heading.startsWith(`${file} `)) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const body = (lines[j] as string).trimStart();
      if (body === '') break;
      if (body.startsWith(`${line}:`) || body.startsWith(`${line}-`)) return true;
    }
  }
  return false;
}
