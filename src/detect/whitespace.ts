/** What `String.prototype.trim` and the regex class `\s` call white space, without building strings. */

const SPACE = 0x20;
const TAB = 0x09;

/** True for a UTF-16 code unit that `trim()` removes and `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Index of the first character that is not white space, or `text.length` when there is none. */
export function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Indentation is spaces and tabs: the common case skips the full test.
    if (c !== SPACE && c !== TAB && !isSpaceCode(c)) return i;
    i += 1;
  }
  return i;
}

/** True when `text.trim()` would be empty. */
export function isBlank(text: string): boolean {
  // Most lines end in a visible character: one look at the end settles them.
  if (text.length > 0 && !isSpaceCode(text.charCodeAt(text.length - 1))) return false;
  return firstNonSpace(text) === text.length;
}
