/** A log line's template: the line with timestamps and variable values masked, so repeats compare equal. */
import { lineTimestamp } from '../../detect/log-line-grammar.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IP = /^(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?$/;
const UUID_INSIDE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const VALUE_RUN = /[0-9a-f]*\d[0-9a-f]*(?:\.\d+)?/gi;
const HEX = /^(?:0x[0-9a-f]+|(?=[0-9a-f]*[a-f])[0-9a-f]{8,})$/i;
/** Past this, a line's tail says nothing more about its template. */
export const MAX_CHARS = 600;

/** The mask for one word-like token holding a digit: ids, addresses and hex whole, else each value run. */
function maskToken(token: string): string {
  if (token.length === 36 && UUID.test(token)) return '<id>';
  if (token.includes('.') && IP.test(token)) return '<ip>';
  if (token.length >= 8 && HEX.test(token)) return '<hex>';
  // Request ids carry uuids inside (`req-38101a0b-...`); then every run of hex digits holding a digit is a value.
  const withoutIds = token.length > 36 ? token.replace(UUID_INSIDE, '<id>') : token;
  return withoutIds.replace(VALUE_RUN, '<*>');
}

/** The masked form of `line`: timestamp dropped, ids, addresses, hex and numbers replaced. */
export function logTemplate(line: string): string {
  const head = line.length > MAX_CHARS ? line.slice(0, MAX_CHARS) : line;
  const stamp = lineTimestamp(head);
  const rest = stamp === null ? head : head.replace(stamp, '');
  return maskTokens(rest)
    .trim()
    .replace(/\s\s+|[^\S ]/g, ' ');
}

/** True for characters of word-like tokens: letters, digits, `_ . : / -`. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 58) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 47 ||
    code === 45
  );
}

/** Masks every token that holds a digit, in one scan (a callback replace is several times slower). */
function maskTokens(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    let digit = false;
    while (j < text.length && isTokenChar(text.charCodeAt(j))) {
      const code = text.charCodeAt(j);
      if (code >= 48 && code <= 57) digit = true;
      j += 1;
    }
    if (j > i) {
      out += digit ? maskToken(text.slice(i, j)) : text.slice(i, j);
      i = j;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}
