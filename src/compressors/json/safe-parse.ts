/** Parses tool output as JSON at the edge: malformed text is normal input, so this never throws. */
import type { JsonValue } from '../../types.ts';

/** The answer of `safeParseJson`: the value, or why the text is not (faithfully) JSON. */
export type JsonParse =
  { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: string };

const SAFE_SIGNIFICANT_DIGITS = 15;
const SUSPECT_NUMBER = /\d[\d.]{15}|[eE][+-]?\d{3}|-0(?![1-9])/;

/**
 * True when the number written as `literal` comes back with the same value after a parse and
 * re-serialisation: 1e400, -0 and 20-digit integers do not, and re-serialising them would change data.
 */
function isFaithfulNumber(literal: string): boolean {
  const parsed = Number(literal);
  if (!Number.isFinite(parsed) || Object.is(parsed, -0)) return false;
  const mantissa = literal
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '');
  // 1e-400 underflows to 0.
  if (parsed === 0 && /[1-9]/.test(mantissa)) return false;
  if (mantissa.replace(/0+$/, '').length <= SAFE_SIGNIFICANT_DIGITS) return true;
  return String(parsed) === literal;
}

/** Offset of the quote closing the string that opens at `open` (the text is valid JSON: it closes). */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    for (let j = at - 1; text.charCodeAt(j) === 0x5c; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

function isNumberChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === 0x2d
  );
}

/**
 * The first number literal of valid JSON `text` that does not survive re-serialisation, or null.
 * Strings are skipped whole (a quote search, not a regex over every character): outside them, a
 * minus or a digit opens a number literal, which runs to the next structural character.
 */
function firstUnfaithfulNumber(text: string): string | null {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i) + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end += 1;
      const literal = text.slice(i, end);
      if (!isFaithfulNumber(literal)) return literal;
      i = end;
    } else i += 1;
  }
  return null;
}

/**
 * Deepest nesting a compressor takes: JSON.parse reads any depth, but the walks and re-serialisation
 * after it recurse, and overflow the stack a few thousand levels down (the engine's own limit on
 * requests is the same, engine/json-depth.ts).
 */
export const MAX_JSON_NESTING = 1000;

/** True when `text` opens more than `limit` arrays or objects inside one another (strings skipped whole). */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const close = closingQuote(text, i);
      if (close < 0) return false; // an unclosed string: not JSON, the parse says so
      i = close;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Object members written in valid JSON `text`: the colons outside strings. */
function membersWritten(text: string): number {
  let members = 0;
  for (let i = text.indexOf(':'), quote = text.indexOf('"'); i >= 0;) {
    if (quote >= 0 && quote < i) {
      const after = closingQuote(text, quote) + 1;
      quote = text.indexOf('"', after);
      if (i < after) i = text.indexOf(':', after);
      continue;
    }
    members++;
    i = text.indexOf(':', i + 1);
  }
  return members;
}

/** Object members `value` holds (iteratively: a document nested thousands deep is normal input). */
function membersHeld(value: JsonValue): number {
  let members = 0;
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const next = stack.pop() as JsonValue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof next === 'object' && next !== null) {
      for (const key in next) {
        members++;
        const item = next[key] as JsonValue;
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
    }
  }
  return members;
}

/**
 * Parses `text` as one JSON value; fails when it is not JSON, holds a number a double cannot keep,
 * repeats a key in an object (the parse keeps the last value and would drop the others silently), or
 * nests deeper than MAX_JSON_NESTING.
 */
export function safeParseJson(text: string): JsonParse {
  if (nestedDeeperThan(text, MAX_JSON_NESTING))
    return { ok: false, error: `nested deeper than ${MAX_JSON_NESTING} levels` };
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (text.includes(':') && membersWritten(text) !== membersHeld(value))
    return { ok: false, error: 'an object repeats a key' };
  // Most texts hold no long digit run, big exponent or negative zero: then no number can be unfaithful.
  if (!SUSPECT_NUMBER.test(text)) return { ok: true, value };
  const unfaithful = firstUnfaithfulNumber(text);
  if (unfaithful !== null) return { ok: false, error: `number ${unfaithful} does not survive re-serialisation` };
  return { ok: true, value };
}
