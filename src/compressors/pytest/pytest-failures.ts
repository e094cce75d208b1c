/**
 * pytest's failure report read as lines: failure blocks (`____ test_name ____` down to the next
 * block or `=== ... ===` banner), each cut into traceback frames at `_ _ _ _` lines, and what a frame
 * says that matters: the function's `def` line, the `>` line where it stopped (with its carets), the
 * `E` lines of the error, and the `path:line:` location. The rest of a frame, the function's source
 * and the locals pytest prints above it, can be read again behind the marker.
 */

/** One failure (or error) block of the report. */
export interface FailureBlock {
  /** The test's name, from the block's header line. */
  readonly title: string;
  /** Index of the header line. */
  readonly start: number;
  /** One past the block's last line. */
  readonly end: number;
  /** Indices of the lines that say what matters, in order (the header first). */
  readonly kept: readonly number[];
  /** The kept lines minus the header: two failures with the same signature failed the same way. */
  readonly signature: string;
}

const HEADER = /^_{3,} (.+?) _{3,}$/;
const BANNER = /^={3,} .* ={3,}$|^={5,}$/;
const FRAME_BREAK = /^(?:_ ){5,}_?\s*$/;
const DEF_LINE = /^\s{4}\s*(?:async def|def|class) \w/;
const STOP_LINE = /^>/;
const CARETS = /^\s+[\^~]+\s*$/;
const ERROR_LINE = /^E {1,}/;
const LOCATION = /^\S[^:\s]*:\d+:(?: .*)?$/;

/** Indices of the lines of frame [from, to) worth keeping; every line when the frame has no `>` line (--tb=short). */
function keptInFrame(lines: readonly string[], from: number, to: number): number[] {
  let stops = false;
  for (let index = from; index < to; index += 1) if (STOP_LINE.test(lines[index] as string)) stops = true;
  const kept: number[] = [];
  let defSeen = false;
  for (let index = from; index < to; index += 1) {
    const line = lines[index] as string;
    const previous = lines[index - 1] ?? '';
    const keep =
      !stops ||
      FRAME_BREAK.test(line) ||
      (!defSeen && DEF_LINE.test(line)) ||
      STOP_LINE.test(line) ||
      (CARETS.test(line) && STOP_LINE.test(previous)) ||
      ERROR_LINE.test(line) ||
      LOCATION.test(line);
    if (DEF_LINE.test(line)) defSeen = true;
    if (keep) kept.push(index);
  }
  return kept;
}

/** The failure blocks of `lines`, in order. */
export function failureBlocks(lines: readonly string[]): FailureBlock[] {
  const blocks: FailureBlock[] = [];
  for (let start = 0; start < lines.length; start += 1) {
    const title = HEADER.exec(lines[start] as string)?.[1];
    if (title === undefined) continue;
    let end = start + 1;
    while (end < lines.length && !HEADER.test(lines[end] as string) && !BANNER.test(lines[end] as string)) end += 1;
    const kept = [start];
    let frameStart = start + 1;
    for (let index = start + 1; index <= end; index += 1) {
      if (index === end || FRAME_BREAK.test(lines[index] as string)) {
        kept.push(...keptInFrame(lines, frameStart, index));
        frameStart = index;
      }
    }
    const signature = kept
      .slice(1)
      .map((index) => lines[index])
      .join('\n');
    blocks.push({ title, start, end, kept, signature });
    start = end - 1;
  }
  return blocks;
}

/** Whether `text` holds a pytest failure report: a failure header and an `E` line (cheap to tell). */
export function holdsFailureReport(text: string): boolean {
  return /^_{3,} .+ _{3,}$/m.test(text) && /^E {1,}\S/m.test(text);
}
