/**
 * The last `scanJson` result, kept for the one detection in flight: `splitJsonLead` scans a block and
 * the json detector then scans the same string again (the sample of a block that fits is the block).
 */
import { scanJson, type JsonScan } from './json-shape.ts';

let lastText: string | null = null;
let lastScan: JsonScan | null = null;

/** `scanJson(text)`, answered from the memo when `text` is the string scanned last. */
export function scanJsonOnce(text: string): JsonScan {
  if (lastScan !== null && text === lastText) return lastScan;
  const scan = scanJson(text);
  lastText = text;
  lastScan = scan;
  return scan;
}

/** Drops the memo, so no block outlives its detection. */
export function forgetJsonScan(): void {
  lastText = null;
  lastScan = null;
}
