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

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A literal cut by the end of the text (`tr`, `-`, `1.`, `2e+`): still a valid start of JSON. */
const PARTIAL_LITERAL = /(?:t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?|-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?)$/y;

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
    if (c === 32 || c === 10 || c === 13 || c === 9) { i += 1; continue; }
    const ch = text[i] as string;
    if (expect === 'end') return result('no');
    if (ch === '"') {
      if (expect === 'comma-or-close' || expect === 'colon') return result('no');
      const close = stringEnd(text, i);
      if (close < 0) return result('prefix');
      i = close + 1;
      if (expect === 'key-or-close') expect = 'colon';
      else expect = completed(i);
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (expect !== 'value' && expect !== 'value-or-close') return result('no');
      closers.push(ch === '{' ? '}' : ']');
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      i += 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      if (expect !== 'comma-or-close' && expect !== 'key-or-close' && expect !== 'value-or-close') return result('no');
      if (closers.pop() !== ch) return result('no');
      i += 1;
      expect = completed(i);
      continue;
    }
    if (ch === ',') {
      if (expect !== 'comma-or-close') return result('no');
      expect = closers[closers.length - 1] === '}' ? 'key-or-close' : 'value';
      i += 1;
      continue;
    }
    if (ch === ':') {
      if (expect !== 'colon') return result('no');
      expect = 'value';
      i += 1;
      continue;
    }
    if (expect !== 'value' && expect !== 'value-or-close') return result('no');
    LITERAL.lastIndex = i;
    // A literal that runs to the end of the text may have been cut (`12` of `125`): it does not complete.
    if (LITERAL.test(text) && (LITERAL.lastIndex < n || closers.length === 0)) {
      i = LITERAL.lastIndex;
      expect = completed(i);
      continue;
    }
    PARTIAL_LITERAL.lastIndex = i;
    return PARTIAL_LITERAL.test(text) && PARTIAL_LITERAL.lastIndex === n ? result('prefix') : result('no');
  }
  return result(expect === 'end' ? 'whole' : 'prefix');
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
