/**
 * terse's own output is never compressed again (idempotence): anything carrying a marker, and the
 * lossless columnar tables the JSON compressor writes, which carry no marker.
 */
import { decodeColumnar } from '../compressors/json/columnar-format.ts';
import { MARKER_PATTERN } from '../store/marker.ts';

const COLUMNAR_HEADER = /^# (?:table \d+ \([^)\n]*\): )?[^;\n]*\brows\b[^;\n]*;/m;

/**
 * True when some `# ` opens a line, which COLUMNAR_HEADER needs (its `^` under the m flag follows a
 * line terminator): a search for `# ` skips the header regex's line-by-line scan of a large block.
 */
function mayHoldHeader(text: string): boolean {
  for (let at = text.indexOf('# '); at >= 0; at = text.indexOf('# ', at + 1)) {
    if (at === 0) return true;
    const before = text.charCodeAt(at - 1);
    if (before === 0x0a || before === 0x0d || before === 0x2028 || before === 0x2029) return true;
  }
  return false;
}

export function isAlreadyCompressed(text: string): boolean {
  if (MARKER_PATTERN.test(text)) return true;
  return mayHoldHeader(text) && COLUMNAR_HEADER.test(text) && decodeColumnar(text).ok;
}
