/** The comparison form of a search hit: near-duplicates (other numbers, other spacing) share it. */

/** The characters `\s` matches in a JavaScript regular expression (and `String.prototype.trim` removes). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * `content.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#')` in one pass: untouched stretches are
 * copied as slices, so a hit with single spaces and no digits comes back as it was.
 */
export function nearKey(content: string): string {
  let start = 0;
  let end = content.length;
  while (start < end && isSpace(content.charCodeAt(start))) start++;
  while (end > start && isSpace(content.charCodeAt(end - 1))) end--;
  let out = '';
  let from = start;
  let at = start;
  while (at < end) {
    const code = content.charCodeAt(at);
    if (isDigit(code)) {
      out += content.slice(from, at) + '#';
      at++;
      while (at < end && isDigit(content.charCodeAt(at))) at++;
      from = at;
    } else if (isSpace(code)) {
      const runStart = at;
      at++;
      while (at < end && isSpace(content.charCodeAt(at))) at++;
      if (code === 0x20 && at === runStart + 1) continue;
      out += content.slice(from, runStart) + ' ';
      from = at;
    } else {
      at++;
    }
  }
  return from === start && end === content.length && start === 0 ? content : out + content.slice(from, end);
}
