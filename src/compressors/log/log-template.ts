/** A log line's template: the line with timestamps and variable values masked, so repeats compare equal. */
import { lineTimestamp } from '../../detect/log-line-grammar.ts';

const MASKS: readonly (readonly [RegExp, string])[] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
  [/\d+(?:\.\d+)?/g, '<*>'],
];

/** The masked form of `line`: timestamp dropped, ids, addresses, hex and numbers replaced. */
export function logTemplate(line: string): string {
  const stamp = lineTimestamp(line);
  let masked = stamp === null ? line : line.replace(stamp, '');
  for (const [pattern, mask] of MASKS) masked = masked.replace(pattern, mask);
  return masked.trim().replace(/\s+/g, ' ');
}
