/**
 * A lexical pass over a slice of Python, enough to say what the slice leaves open at either end: the
 * brackets it closes that it never opened, the brackets and string still open at its end, and which
 * rows start a statement (outside any bracket or string, not after a backslash). Strings (any prefix,
 * single or triple quoted) and comments are skipped whole, so the brackets they hold do not count.
 */

/** A triple quote a slice may start or end inside of. */
export type TripleQuote = '"""' | "'''";

/** What a slice leaves open, read from a given start (inside a docstring or not). */
export interface PythonLexicalScan {
  /** Closers met with no opener before them, in order (the slice starts inside these brackets). */
  readonly unopened: readonly string[];
  /** Row of the last unopened closer, or -1: rows up to it continue a statement begun out of view. */
  readonly lastUnopenedRow: number;
  /** Openers still open at the end, outermost first. */
  readonly open: readonly string[];
  /** The quote of the string the slice ends inside, or null. */
  readonly openString: string | null;
  /** Rows that start a statement (non-blank, not a comment only), in order. */
  readonly statementRows: readonly number[];
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
// A string prefix (r, b, u, f and their pairs, any case) directly before its quote.
const STRING_PREFIX = /[rRbBuUfF]{1,2}$/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;

/** The quote a string starts with at `at` (`"""`, `'''`, `"` or `'`). */
function quoteAt(code: string, at: number): string {
  const char = code[at]!;
  return code.startsWith(char.repeat(3), at) ? char.repeat(3) : char;
}

/** True when the letters before a quote at `at` are a string prefix, not the end of a name (`rb"x"` vs `x"`). */
function prefixedOrBare(code: string, at: number): boolean {
  const before = code.slice(Math.max(0, at - 3), at);
  const prefix = STRING_PREFIX.exec(before)?.[0] ?? '';
  const ahead = code[at - prefix.length - 1];
  return ahead === undefined || !IDENTIFIER_CHAR.test(ahead);
}

/** Index just past the string whose body starts at `at` and closes with `quote`, or -1 when it runs past the end. */
function stringEnd(code: string, at: number, quote: string): number {
  const single = quote.length === 1;
  for (let i = at; i < code.length; i += 1) {
    const char = code[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    // A one-quote string ends at its line's end; the slice reads on as if it had closed there.
    if (single && char === '\n') return i;
    if (code.startsWith(quote, i)) return i + quote.length;
  }
  return -1;
}

/** Scans `code` as Python, starting inside a string closed by `startInside` when given. */
export function scanPython(code: string, startInside: TripleQuote | null = null): PythonLexicalScan {
  const unopened: string[] = [];
  const open: string[] = [];
  const statementRows: number[] = [];
  let lastUnopenedRow = -1;
  let openString: string | null = null;
  let row = 0;
  // A row starts a statement when its first token comes with no bracket open and no backslash before.
  let rowStart = true;
  let continued = false;
  let i = 0;
  const countRows = (from: number, to: number): void => {
    for (let at = code.indexOf('\n', from); at !== -1 && at < to; at = code.indexOf('\n', at + 1)) row += 1;
  };
  if (startInside !== null) {
    const end = stringEnd(code, 0, startInside);
    if (end === -1) return { unopened, lastUnopenedRow, open, openString: startInside, statementRows };
    countRows(0, end);
    i = end;
    rowStart = false;
  }
  for (; i < code.length; i += 1) {
    const char = code[i]!;
    if (char === '\n') {
      row += 1;
      rowStart = open.length === 0 && !continued;
      continued = false;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\f') continue;
    if (char === '#') {
      const end = code.indexOf('\n', i);
      i = (end === -1 ? code.length : end) - 1;
      continue;
    }
    if (char === '\\' && code[i + 1] === '\n') {
      continued = true;
      continue;
    }
    if (rowStart) statementRows.push(row);
    rowStart = false;
    if ((char === '"' || char === "'") && prefixedOrBare(code, i)) {
      const quote = quoteAt(code, i);
      const end = stringEnd(code, i + quote.length, quote);
      if (end === -1) {
        openString = quote;
        break;
      }
      countRows(i, end);
      i = end - 1;
    } else if (OPENERS[char] !== undefined) {
      open.push(char);
    } else if (CLOSERS[char] !== undefined) {
      if (open.length === 0) {
        unopened.push(char);
        lastUnopenedRow = row;
      } else if (open[open.length - 1] === CLOSERS[char]) open.pop();
    }
  }
  // Rows up to the last unopened closer continue a statement that began out of view.
  const statements = statementRows.filter((r) => r > lastUnopenedRow);
  return { unopened, lastUnopenedRow, open, openString, statementRows: statements };
}

/** The closer of each opener in `open`, innermost first: what closes every bracket left open. */
export function closersOf(open: readonly string[]): string {
  return [...open]
    .reverse()
    .map((opener) => OPENERS[opener]!)
    .join('');
}

/** The opener of each closer in `unopened`, outermost first: what opens every bracket closed unopened. */
export function openersOf(unopened: readonly string[]): string {
  return [...unopened]
    .reverse()
    .map((closer) => CLOSERS[closer]!)
    .join('');
}
