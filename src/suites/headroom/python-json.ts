/**
 * Serialises JSON byte for byte as Python's `json.dumps` does with its defaults (ensure_ascii):
 * compact form uses ", " and ": " separators, `indent` form uses "," and ": " with newlines.
 * The Headroom reference requests were written by Python, so token counts depend on these bytes.
 * Numbers print as JavaScript prints them, which equals Python's repr for every finite non-integral
 * float and every integer; the generators never emit whole-valued floats (Python would add ".0").
 */
import type { JsonValue } from '../../types.ts';

/** Python escapes everything outside printable ASCII (space to "~") as \uXXXX, lowercase hex. */
function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function write(value: JsonValue, indent: number | undefined, depth: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`json.dumps would write ${value}, which is not JSON`);
    return String(value);
  }
  if (typeof value === 'string') return quote(value);
  const entries: string[] = Array.isArray(value)
    ? value.map((item) => write(item, indent, depth + 1))
    : Object.entries(value).map(([key, item]) => `${quote(key)}: ${write(item, indent, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  if (indent === undefined) return open + entries.join(', ') + close;
  const inner = '\n' + ' '.repeat(indent * (depth + 1));
  return open + inner + entries.join(',' + inner) + '\n' + ' '.repeat(indent * depth) + close;
}

/** `json.dumps(value)` (indent undefined) or `json.dumps(value, indent=indent)`. */
export function pythonJsonDumps(value: JsonValue, indent?: number): string {
  return write(value, indent, 0);
}
