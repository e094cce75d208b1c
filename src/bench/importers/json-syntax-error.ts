/**
 * Finds where a JSON text stops being valid. `JSON.parse` names a position for some errors and not
 * for others ("Unexpected token 'x', ... is not valid JSON"), so bad input is located here instead.
 */

class SyntaxStop {
  constructor(readonly offset: number) {}
}

/** Offset of the first character at which `text` is not valid JSON, or null when it is valid. */
export function jsonSyntaxErrorOffset(text: string): number | null {
  let pos = 0;
  const stop = (): never => {
    throw new SyntaxStop(pos);
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };
  const expect = (word: string): void => {
    for (const ch of word) {
      if (text.charAt(pos) !== ch) stop();
      pos++;
    }
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (pos >= text.length) stop();
      const ch = text.charCodeAt(pos);
      if (ch === 0x22) {
        pos++;
        return;
      }
      if (ch < 0x20) stop();
      if (ch === 0x5c) {
        pos++;
        const escape = text.charAt(pos);
        if (escape === 'u') {
          pos++;
          for (let i = 0; i < 4; i++, pos++) if (!/[0-9a-fA-F]/.test(text.charAt(pos))) stop();
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') stop();
      }
      pos++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 512));
    if (match === null || match[0] === '' || match[0] === '-') stop();
    pos += match === null ? 0 : match[0].length;
  };
  const value = (): void => {
    skipSpace();
    const ch = text.charAt(pos);
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return expect('true');
    if (ch === 'f') return expect('false');
    if (ch === 'n') return expect('null');
    number();
  };
  const object = (): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      string();
      skipSpace();
      expect(':');
      value();
      skipSpace();
      if (text.charAt(pos) === ',') {
        pos++;
        continue;
      }
      expect('}');
      return;
    }
  };
  const array = (): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === ']') {
      pos++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text.charAt(pos) === ',') {
        pos++;
        continue;
      }
      expect(']');
      return;
    }
  };
  try {
    value();
    skipSpace();
    if (pos < text.length) stop();
    return null;
  } catch (error) {
    if (error instanceof SyntaxStop) return Math.min(error.offset, text.length);
    throw error;
  }
}

/** The 1-based line that holds `offset` in `text`. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
