/**
 * Token counts add up across some line starts, so that two texts that share most of their lines can
 * be compared by counting only the lines one holds and the other does not.
 *
 * Both encodings split text into pre-tokens before BPE. At a position p right after a `\n`, where
 * the text from p on does not start with `/` and its leading run of white space holds no `\r` or
 * `\n`, no pre-token crosses p: the newline closes a white-space or punctuation pre-token that can
 * reach on only through more newlines (or `/` in o200k), and nothing after p looks back. So the
 * text's count is the sum of its parts' counts, each counted on its own; the ruler's long-run slices
 * never cross a newline, so the same holds for its counts. These cut points split a text into
 * segments; `token-segments-add-up.test.ts` checks the sum on real blocks and seeded strings.
 */
import type { TokenRuler } from './token-ruler.ts';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SLASH = 0x2f;
const SPACE_CHAR = /\s/;

/** Whether `at` starts a segment: nothing before it can join a pre-token that starts there. */
export function startsClean(text: string, at: number): boolean {
  if (text.charCodeAt(at) === SLASH) return false;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE || code === RETURN) return false;
    const space =
      code === 0x20 ||
      code === 0x09 ||
      code === 0x0b ||
      code === 0x0c ||
      (code > 0x7f && SPACE_CHAR.test(text[i] ?? ''));
    if (!space) return true;
  }
  return true;
}

/** `text` cut at every clean line start; the segments join back to `text`. */
export function segmentsOf(text: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) {
    if (!startsClean(text, at + 1)) continue;
    segments.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length) segments.push(text.slice(start));
  return segments;
}

/**
 * The first clean line start at or after `from` (see `startsClean`), or `text.length` when there is
 * none: the text before it and the text from it count apart.
 */
export function nextCleanCut(text: string, from: number): number {
  for (
    let at = text.indexOf('\n', Math.max(0, from - 1));
    at !== -1 && at + 1 < text.length;
    at = text.indexOf('\n', at + 1)
  ) {
    if (startsClean(text, at + 1)) return at + 1;
  }
  return text.length;
}

/** The segments one text holds and the other does not (as multisets), with their lengths in chars. */
export interface SegmentChange {
  readonly removed: readonly string[];
  readonly added: readonly string[];
  readonly changedChars: number;
}

/** What turns `before` into `after`, segment by segment (order aside). */
export function changedSegments(before: string, after: string): SegmentChange {
  const held = new Map<string, number>();
  for (const segment of segmentsOf(before)) held.set(segment, (held.get(segment) ?? 0) + 1);
  const added: string[] = [];
  let changedChars = 0;
  for (const segment of segmentsOf(after)) {
    const count = held.get(segment) ?? 0;
    if (count > 0) held.set(segment, count - 1);
    else {
      added.push(segment);
      changedChars += segment.length;
    }
  }
  const removed: string[] = [];
  for (const [segment, count] of held) {
    for (let i = 0; i < count; i++) {
      removed.push(segment);
      changedChars += segment.length;
    }
  }
  return { removed, added, changedChars };
}

/**
 * The summed counts of `segments` (from one text's `segmentsOf`), in one count: joined in an order
 * where every seam is a clean line start, i.e. a segment that does not start clean (a text's first)
 * goes first and one that does not end with a newline (a text's last) goes last.
 */
export function countSegments(segments: readonly string[], ruler: TokenRuler): number {
  if (segments.length === 0) return 0;
  const first: string[] = [];
  const middle: string[] = [];
  const last: string[] = [];
  for (const segment of segments) {
    if (!startsClean(segment, 0)) first.push(segment);
    else if (!segment.endsWith('\n')) last.push(segment);
    else middle.push(segment);
  }
  // From one text there is at most one of each, and a first that does not end with a newline is the
  // whole text; anything else (segments of several texts) is counted one by one.
  const joinable =
    first.length <= 1 &&
    last.length <= 1 &&
    (first[0] === undefined || first[0].endsWith('\n') || segments.length === 1);
  if (!joinable) return segments.reduce((sum, segment) => sum + ruler.count(segment), 0);
  return ruler.count([...first, ...middle, ...last].join(''));
}
