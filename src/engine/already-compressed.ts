/**
 * terse's own output is never compressed again (idempotence): anything carrying a marker its
 * session's store wrote, and the lossless columnar tables the JSON compressor writes, which carry no
 * marker. A marker the store never wrote (copied from another session, typed by a user) is plain text.
 */
import { decodeColumnar } from '../compressors/json/columnar-format.ts';
import { findMarkers } from '../store/marker.ts';
import type { Store } from '../store/store.ts';

/** Distinct refs looked up per block: a text of a million fake markers costs a bounded number of lookups. */
const MAX_REFS_CHECKED = 64;

/** Whether some marker in `text` resolves in `store` (so the text is this session's own output). */
export async function holdsOwnMarker(text: string, store: Store): Promise<boolean> {
  if (!text.includes('[[terse:')) return false;
  const refs = new Set<string>();
  for (const marker of findMarkers(text)) {
    if (refs.has(marker.ref)) continue;
    refs.add(marker.ref);
    if (await store.has(marker.ref)) return true;
    if (refs.size >= MAX_REFS_CHECKED) break;
  }
  return false;
}

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

/** Whether `text` is a lossless columnar table terse wrote. */
export function isColumnarOutput(text: string): boolean {
  return mayHoldHeader(text) && COLUMNAR_HEADER.test(text) && decodeColumnar(text).ok;
}
