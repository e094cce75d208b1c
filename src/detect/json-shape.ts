/** A non-recursive JSON validator: deep nesting (10,000 levels) costs a stack array, not the call stack. */

/** How far a text is JSON: `whole` parses completely, `prefix` is a valid start cut short. */
export type JsonShape = 'whole' | 'prefix' | 'no';

/** What one scan of a text learned: its shape, and where a cut-short text can be closed. */
export interface JsonScan {
  readonly shape: JsonShape;
  /**
   * Offset just past the last value that completed inside an open container (a `prefix` text can be
   * cut there and closed), or -1 when no value completed inside one.
   */
  readonly lastValueEnd: number;
  /** The closers of the containers open at `lastValueEnd`, innermost first (`}]` inside `[{`). */
  readonly closersAtLastValue: string;
  /** Offset just past the top-level value when it completed (`whole`, or `no` because text follows it), else -1. */
  readonly topValueEnd: number;
}

/** A literal cut by the end of the text (`tr`, `-`, `1.`, `2e+`): still a valid start of JSON. */
const PARTIAL_LITERAL =
  /(?:t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?|-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?)$/y;

/** Validates one JSON value in `text` (whitespace around it allowed), scanning once. */
export function jsonShape(text: string): JsonShape {
  return scanJson(text).shape;
}

/** Validates `text` as one JSON value and notes where a cut-short text last completed a value. */
export function scanJson(text: string): JsonScan {
  const closers: string[] = [];
  // What the grammar allows next: a value, a key, a comma or closer, or a colon.
  let expect: 'value' | 'key-or-close' | 'value-or-close' | 'comma-or-close' | 'colon' | 'end' = 'value';
  let lastValueEnd = -1;
  let depthAtLastValue = 0;
  let topValueEnd = -1;
  const result = (shape: JsonShape): JsonScan => ({
    shape,
    lastValueEnd,
    closersAtLastValue: closers.slice(0, depthAtLastValue).reverse().join(''),
    topValueEnd,
  });
  // Called once a value ends at `end`: inside a container that is a place to cut, at the top the end.
  const completed = (end: number): 'comma-or-close' | 'end' => {
    if (closers.length === 0) {
      topValueEnd = end;
      return 'end';
    }
    lastValueEnd = end;
    depthAtLastValue = closers.length;
    return 'comma-or-close';
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i += 1;
      continue;
    }
    if (expect === 'end') return result('no');
    if (c === QUOTE) {
      if (expect === 'comma-or-close' || expect === 'colon') return result('no');
      const close = stringEnd(text, i);
      if (close < 0) return result('prefix');
      i = close + 1;
      if (expect === 'key-or-close') expect = 'colon';
      else expect = completed(i);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (expect !== 'value' && expect !== 'value-or-close') return result('no');
      closers.push(c === OPEN_BRACE ? '}' : ']');
      expect = c === OPEN_BRACE ? 'key-or-close' : 'value-or-close';
      i += 1;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (expect !== 'comma-or-close' && expect !== 'key-or-close' && expect !== 'value-or-close') return result('no');
      if (closers.pop() !== (c === CLOSE_BRACE ? '}' : ']')) return result('no');
      i += 1;
      expect = completed(i);
      continue;
    }
    if (c === COMMA) {
      if (expect !== 'comma-or-close') return result('no');
      expect = closers[closers.length - 1] === '}' ? 'key-or-close' : 'value';
      i += 1;
      continue;
    }
    if (c === COLON) {
      if (expect !== 'colon') return result('no');
      expect = 'value';
      i += 1;
      continue;
    }
    if (expect !== 'value' && expect !== 'value-or-close') return result('no');
    const literalEnd = literalEndAt(text, i);
    // A literal that runs to the end of the text may have been cut (`12` of `125`): it does not complete.
    if (literalEnd >= 0 && (literalEnd < n || closers.length === 0)) {
      i = literalEnd;
      expect = completed(i);
      continue;
    }
    PARTIAL_LITERAL.lastIndex = i;
    return PARTIAL_LITERAL.test(text) && PARTIAL_LITERAL.lastIndex === n ? result('prefix') : result('no');
  }
  return result(expect === 'end' ? 'whole' : 'prefix');
}

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** End of the run of digits from `i`. */
function digitsEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i += 1;
  return i;
}

/**
 * Where a JSON literal (`true`, `false`, `null` or a number) read from `start` ends, -1 for none. Read
 * by hand: literals are much of what a scan meets, and a regex run per number costs more than it.
 */
function literalEndAt(text: string, start: number): number {
  if (text.startsWith('true', start) || text.startsWith('null', start)) return start + 4;
  if (text.startsWith('false', start)) return start + 5;
  let i = start;
  if (text.charCodeAt(i) === MINUS) i += 1;
  const first = text.charCodeAt(i);
  if (first === DIGIT_0) i += 1;
  else if (isDigit(first)) i = digitsEnd(text, i + 1);
  else return -1;
  // Fraction and exponent are optional: each is taken only when digits follow.
  if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) i = digitsEnd(text, i + 1);
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === PLUS || sign === MINUS) j += 1;
    if (isDigit(text.charCodeAt(j))) i = digitsEnd(text, j);
  }
  return i;
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
