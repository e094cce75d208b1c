/** Bounded view of a block, so detection is linear and fast on inputs of any size. */
import type { Sample } from './detection.ts';
import { isBlank } from './whitespace.ts';

const HEAD_CHARS = 48_000;
const TAIL_CHARS = 12_000;
const MAX_LINE_CHARS = 2_000;
const CARRIAGE_RETURN = 0x0d;

/** Cuts a huge text to its head and tail (at line boundaries) and splits it into capped lines. */
export function sampleText(text: string): Sample {
  const complete = text.length <= HEAD_CHARS + TAIL_CHARS;
  const head = complete ? text : text.slice(0, HEAD_CHARS);
  const sampled = complete ? text : headAndTail(text);
  return { lines: cappedLines(sampled), text: sampled, head, complete };
}

/** `text` split at newlines, each line without its `\r` and capped, in one pass with no intermediate array. */
function cappedLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    let end = lineEnd > start && text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
    if (end - start > MAX_LINE_CHARS) end = start + MAX_LINE_CHARS;
    lines.push(text.slice(start, end));
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

function headAndTail(text: string): string {
  let headEnd = text.lastIndexOf('\n', HEAD_CHARS);
  // A single giant line has no boundary to cut at: keep the raw head.
  if (headEnd < HEAD_CHARS / 2) headEnd = HEAD_CHARS;
  let tailStart = text.indexOf('\n', text.length - TAIL_CHARS);
  if (tailStart < 0 || tailStart < headEnd) tailStart = text.length - TAIL_CHARS;
  return `${text.slice(0, headEnd)}\n${text.slice(tailStart + 1)}`;
}

// Every detector asks for the same sample's non-blank lines: filtered once per lines array.
const NON_BLANK = new WeakMap<readonly string[], readonly string[]>();

/** Lines that carry something: blank lines say nothing about the kind. */
export function nonBlank(lines: readonly string[]): readonly string[] {
  let kept = NON_BLANK.get(lines);
  if (kept === undefined) {
    kept = lines.filter((line) => !isBlank(line));
    NON_BLANK.set(lines, kept);
  }
  return kept;
}

/** Share of `lines` that satisfy `test`, 0 for none. */
export function shareOf(lines: readonly string[], test: (line: string) => boolean): number {
  if (lines.length === 0) return 0;
  let hits = 0;
  for (const line of lines) if (test(line)) hits += 1;
  return hits / lines.length;
}
