/**
 * Strings a regex cannot match without: a cheap `includes` rules a line out before the regex runs.
 * Read from the regex source conservatively: anything this reader does not fully understand yields
 * no literal (null), which only means the regex is always run.
 */

/** One literal per top-level alternative of `source` (a match contains at least one), or null. */
export function requiredLiterals(source: string): readonly string[] | null {
  const alternatives = topLevelAlternatives(source);
  if (alternatives === null) return null;
  const literals: string[] = [];
  for (const alternative of alternatives) {
    const literal = longestLiteralRun(alternative);
    if (literal === '') return null;
    literals.push(literal);
  }
  return literals;
}

/** `source` split at its top-level `|`, or null when its brackets do not balance. */
function topLevelAlternatives(source: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') {
      i = classEnd(source, i);
      if (i < 0) return null;
    } else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) return null;
    } else if (ch === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(source.slice(start));
  return parts;
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** Index past the `)` closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') {
      i = classEnd(source, i);
      if (i < 0) return -1;
    } else if (ch === '(') depth += 1;
    else if (ch === ')' && (depth -= 1) === 0) return i + 1;
  }
  return -1;
}

const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})/;
// Escapes that stand for one literal character: a backslash before punctuation.
const IDENTITY_ESCAPE = /^[^A-Za-z0-9]$/;

/**
 * The longest run of literal characters that every match of `alternative` (no top-level `|`) holds,
 * '' when there is none or the source holds something this reader leaves alone.
 */
function longestLiteralRun(alternative: string): string {
  let best = '';
  let run = '';
  let i = 0;
  while (i < alternative.length) {
    const ch = alternative[i] as string;
    let literal: string | null = null;
    let end: number;
    if (ch === '\\') {
      const next = alternative[i + 1] ?? '';
      // \b \w \s \d and friends match no fixed character; \x \u \c \k \p and digits are not read here.
      if (IDENTITY_ESCAPE.test(next)) literal = next;
      else if (!'bBwWsSdD'.includes(next) || next === '') return '';
      end = i + 2;
    } else if (ch === '[') {
      end = classEnd(alternative, i) + 1;
      if (end === 0) return '';
    } else if (ch === '(') {
      end = groupEnd(alternative, i);
      if (end < 0) return '';
    } else if (ch === '.' || ch === '^' || ch === '$') {
      end = i + 1;
    } else if ('{}])?*+'.includes(ch)) {
      return '';
    } else {
      literal = ch;
      end = i + 1;
    }
    const quantifier = QUANTIFIER.exec(alternative.slice(end));
    if (quantifier !== null) {
      // A repeated or optional atom ends the run, and neither it nor what follows joins it.
      end += quantifier[0].length;
      if (alternative[end] === '?') end += 1;
      literal = null;
    }
    if (literal === null) {
      if (run.length > best.length) best = run;
      run = '';
    } else run += literal;
    i = end;
  }
  return run.length > best.length ? run : best;
}
