/**
 * `head`/`tail` over several files prints `==> path <==` before each one: each header is a `text`
 * section, and each file's lines a section of its own, detected with the path as a file-name hint.
 */
import type { RawSection } from './split-sections.ts';

const HEADER = /^==> (.+) <==$/;
const HEADER_OPENING = '==> ';

interface Header {
  readonly start: number;
  /** Offset past the header line and its newline. */
  readonly end: number;
  readonly path: string;
}

/** Header lines of `text`, in order (a search for `==> `, so text without one costs one scan). */
function headersOf(text: string): Header[] {
  const headers: Header[] = [];
  for (let at = text.indexOf(HEADER_OPENING); at >= 0; at = text.indexOf(HEADER_OPENING, at + 1)) {
    if (at > 0 && text[at - 1] !== '\n') continue;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    const match = HEADER.exec(line);
    if (match === null) continue;
    headers.push({ start: at, end: newline < 0 ? text.length : newline + 1, path: match[1] as string });
  }
  return headers;
}

/**
 * Splits output of `head a b` at its file headers; null unless the text opens with a header or holds
 * two (one `==>` line inside other output is no such listing).
 */
export function splitFileHeaders(text: string): RawSection[] | null {
  if (!text.includes(HEADER_OPENING)) return null;
  const headers = headersOf(text);
  const first = headers[0];
  if (first === undefined || (first.start !== 0 && headers.length < 2)) return null;
  const sections: RawSection[] = [];
  if (first.start > 0) sections.push({ start: 0, end: first.start, kind: null });
  headers.forEach((header, index) => {
    sections.push({ start: header.start, end: header.end, kind: 'text' });
    const bodyEnd = headers[index + 1]?.start ?? text.length;
    if (bodyEnd > header.end) sections.push({ start: header.end, end: bodyEnd, kind: null, fileName: header.path });
  });
  return sections;
}
