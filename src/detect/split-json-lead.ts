/**
 * A JSON document followed by other output (`cat tree-sitter.json README.md`): the document is one
 * section, what follows it another, each detected on its own.
 */
import { scanJsonOnce } from './json-scan-memo.ts';
import type { RawSection } from './split-sections.ts';

/** A one-line value this short (`[]`, `{}`) followed by text is no document worth its own section. */
const MIN_ONE_LINE_CHARS = 200;
const FIRST_NON_SPACE = /\S/;

/**
 * Splits after a whole JSON value that ends its line and is followed by text that opens no other value;
 * null otherwise. JSON Lines and concatenated documents are left whole: the json detector reads them.
 */
export function splitJsonLead(text: string): RawSection[] | null {
  const start = text.search(FIRST_NON_SPACE);
  if (start < 0 || (text[start] !== '{' && text[start] !== '[')) return null;
  const scan = scanJsonOnce(text);
  if (scan.shape !== 'no' || scan.topValueEnd < 0) return null;
  const newline = text.indexOf('\n', scan.topValueEnd);
  if (newline < 0 || text.slice(scan.topValueEnd, newline).trim().length > 0) return null;
  const lead = text.slice(start, scan.topValueEnd);
  if (!lead.includes('\n') && lead.length < MIN_ONE_LINE_CHARS) return null;
  const restStart = newline + 1;
  const next = text.slice(restStart).trimStart()[0];
  if (next === undefined || next === '{' || next === '[') return null;
  return [
    { start: 0, end: restStart, kind: null },
    { start: restStart, end: text.length, kind: null },
  ];
}
