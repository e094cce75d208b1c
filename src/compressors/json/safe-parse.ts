/** Parses tool output as JSON at the edge: malformed text is normal input, so this never throws. */
import type { JsonValue } from '../../types.ts';

/** The answer of `safeParseJson`: the value, or why the text is not (faithfully) JSON. */
export type JsonParse =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly error: string };

// Strings are matched only so that digits inside them are skipped.
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const SAFE_SIGNIFICANT_DIGITS = 15;
const SUSPECT_NUMBER = /\d[\d.]{15}|[eE][+-]?\d{3}|-0(?![1-9])/;

/**
 * True when the number written as `literal` comes back with the same value after a parse and
 * re-serialisation: 1e400, -0 and 20-digit integers do not, and re-serialising them would change data.
 */
function isFaithfulNumber(literal: string): boolean {
  const parsed = Number(literal);
  if (!Number.isFinite(parsed) || Object.is(parsed, -0)) return false;
  const mantissa = literal.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  // 1e-400 underflows to 0.
  if (parsed === 0 && /[1-9]/.test(mantissa)) return false;
  if (mantissa.replace(/0+$/, '').length <= SAFE_SIGNIFICANT_DIGITS) return true;
  return String(parsed) === literal;
}

/** Parses `text` as one JSON value; fails when it is not JSON or holds a number a double cannot keep. */
export function safeParseJson(text: string): JsonParse {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // Most texts hold no long digit run, big exponent or negative zero: then no number can be unfaithful.
  if (!SUSPECT_NUMBER.test(text)) return { ok: true, value };
  for (const match of text.matchAll(STRING_OR_NUMBER)) {
    const token = match[0];
    if (token.startsWith('"')) continue;
    if (!isFaithfulNumber(token)) return { ok: false, error: `number ${token} does not survive re-serialisation` };
  }
  return { ok: true, value };
}
