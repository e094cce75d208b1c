/** A non-recursive JSON validator: deep nesting (10,000 levels) costs a stack array, not the call stack. */

/** How far a text is JSON: `whole` parses completely, `prefix` is a valid start cut short. */
export type JsonShape = 'whole' | 'prefix' | 'no';

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Validates one JSON value in `text` (whitespace around it allowed), scanning once. */
export function jsonShape(text: string): JsonShape {
  const closers: string[] = [];
  // What the grammar allows next: a value, a key, a comma or closer, or a colon.
  let expect: 'value' | 'key-or-close' | 'value-or-close' | 'comma-or-close' | 'colon' | 'end' = 'value';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) { i += 1; continue; }
    const ch = text[i] as string;
    if (expect === 'end') return 'no';
    if (ch === '"') {
      if (expect === 'comma-or-close' || expect === 'colon') return 'no';
      const close = stringEnd(text, i);
      if (close < 0) return 'prefix';
      i = close + 1;
      if (expect === 'key-or-close') expect = 'colon';
      else expect = afterValue(closers);
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (expect !== 'value' && expect !== 'value-or-close') return 'no';
      closers.push(ch === '{' ? '}' : ']');
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      i += 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      if (expect !== 'comma-or-close' && expect !== 'key-or-close' && expect !== 'value-or-close') return 'no';
      if (closers.pop() !== ch) return 'no';
      expect = afterValue(closers);
      i += 1;
      continue;
    }
    if (ch === ',') {
      if (expect !== 'comma-or-close') return 'no';
      expect = closers[closers.length - 1] === '}' ? 'key-or-close' : 'value';
      i += 1;
      continue;
    }
    if (ch === ':') {
      if (expect !== 'colon') return 'no';
      expect = 'value';
      i += 1;
      continue;
    }
    if (expect !== 'value' && expect !== 'value-or-close') return 'no';
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text)) return 'no';
    i = LITERAL.lastIndex;
    expect = afterValue(closers);
  }
  return expect === 'end' ? 'whole' : 'prefix';
}

function afterValue(closers: readonly string[]): 'comma-or-close' | 'end' {
  return closers.length === 0 ? 'end' : 'comma-or-close';
}

/** Index of the quote closing the string opened at `open`, or -1 when the text ends first. */
function stringEnd(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; j > open && text[j] === '\\'; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}
