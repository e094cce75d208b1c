/**
 * terse's own output is never compressed again (idempotence): anything carrying a marker, and the
 * lossless columnar tables the JSON compressor writes, which carry no marker.
 */
import { decodeColumnar } from '../compressors/json/columnar-format.ts';
import { MARKER_PATTERN } from '../store/marker.ts';

const COLUMNAR_HEADER = /^# (?:table \d+ \([^)\n]*\): )?[^;\n]*\brows\b[^;\n]*;/m;

export function isAlreadyCompressed(text: string): boolean {
  if (MARKER_PATTERN.test(text)) return true;
  return COLUMNAR_HEADER.test(text) && decodeColumnar(text).ok;
}
