/**
 * Repeats inside code keep the code parsing: the engine's promise that code it sends parses no worse
 * than it came holds for pointers too. A repeated run that covers a code section whole points at it
 * with the rest (none of that code is sent); one that covers a code section in part is cut at its
 * edges, and the piece inside becomes a pointer written as the language's comment (pointer-lines.ts)
 * at its indentation; a code section whose pointers leave it failing the engine's syntax check is sent
 * with its lines as they came.
 */
import { LANGUAGE_RULES, grammarFor } from '../../compressors/code/code-languages.ts';
import { parseNumberedView } from '../../compressors/code/numbered-view.ts';
import type { SyntaxCheck } from '../../compressors/code/syntax-verdict.ts';
import type { BlockDetection } from '../block-routing.ts';
import { numberPrefix } from '../../detect/numbered-rows.ts';
import { charsOf, MIN_RUN, MIN_RUN_CHARS, type RepeatedRun, type RepeatSegment } from './repeat-plan.ts';
import { pointerLine, type CodePointer } from './pointer-lines.ts';
import type { SentOutput } from './sent-outputs.ts';

/** Lines `first`..`last` (0-based, inclusive) hold code of `language`. */
interface CodeRegion {
  readonly first: number;
  readonly last: number;
  readonly language: string | undefined;
}

/** A segment as sent: new lines, a pointer, or a pointer written inside code. */
export type PlacedSegment = RepeatSegment & { readonly code?: CodePointer };

/** The code regions of a text split into `lines`, as detection saw it. */
function codeRegions(lines: readonly string[], detection: BlockDetection): CodeRegion[] {
  if (detection.kind === 'code') return [{ first: 0, last: lines.length - 1, language: detection.language }];
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineAt = (char: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= char) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return (detection.sections ?? [])
    .filter((section) => section.kind === 'code' && section.end > section.start)
    .map((section) => ({ first: lineAt(section.start), last: lineAt(section.end - 1), language: section.language }));
}

/**
 * `segment` cut at the edges of the regions it covers in part: each piece inside one region or outside
 * all of them. A region a repeated run covers whole goes with the run (none of its code is sent).
 */
function cutAtRegions(segment: RepeatSegment, regions: readonly CodeRegion[]): RepeatSegment[] {
  const end = segment.start + segment.length;
  const whole = (region: CodeRegion): boolean =>
    segment.kind === 'repeat' && segment.start <= region.first && end > region.last;
  const edges = regions.filter((region) => !whole(region)).flatMap((region) => [region.first, region.last + 1]);
  const cuts = edges.filter((edge) => edge > segment.start && edge < end).sort((a, b) => a - b);
  const pieces: RepeatSegment[] = [];
  let at = segment.start;
  for (const next of [...cuts, end]) {
    const length = next - at;
    if (segment.kind === 'new') pieces.push({ kind: 'new', start: at, length });
    else {
      const shift = at - segment.start;
      pieces.push({
        ...segment,
        start: at,
        length,
        from: segment.from + shift,
        firstNumber: segment.firstNumber === null ? null : segment.firstNumber + shift,
      });
    }
    at = next;
  }
  return pieces;
}

/** The new lines a run becomes when pointing at it is not worth it or would break code. */
export const asNew = (segment: RepeatSegment): RepeatSegment => ({
  kind: 'new',
  start: segment.start,
  length: segment.length,
});

/** How a pointer is written at `line` of a code region whose text is `regionText`. */
function codePointer(line: string, regionText: string, language: string | undefined): CodePointer | null {
  const grammar = language === undefined ? null : grammarFor(language);
  if (grammar === null) return null;
  const rules = LANGUAGE_RULES[grammar];
  const numbered = numberPrefix(line);
  const view = numbered === null ? null : parseNumberedView(regionText);
  if (numbered !== null && view === null) return null;
  const code = numbered === null ? line : line.slice(numbered.length);
  return {
    blankPrefix: view?.blankPrefix ?? '',
    indent: /^\s*/.exec(code)?.[0] ?? '',
    lineComment: rules.lineComment,
    filler: rules.emptyBodyFiller,
  };
}

/**
 * The segments of `lines` to send, repeated runs inside code written as comments where the code still
 * parses, else sent as they came.
 */
export function codeSafeSegments(
  lines: readonly string[],
  segments: readonly RepeatSegment[],
  detection: BlockDetection,
  checkSyntax: SyntaxCheck,
  outputs: readonly SentOutput[],
): PlacedSegment[] {
  const regions = codeRegions(lines, detection);
  if (regions.length === 0) return [...segments];
  const covers = (segment: RepeatSegment, region: CodeRegion): boolean =>
    segment.kind === 'repeat' && segment.start <= region.first && segment.start + segment.length > region.last;
  // The region a segment is sent inside: one it starts in and, for a repeated run, does not cover whole.
  const within = (segment: RepeatSegment, region: CodeRegion): boolean =>
    segment.start >= region.first && segment.start <= region.last && !covers(segment, region);
  const inRegion = (segment: RepeatSegment): CodeRegion | undefined =>
    regions.find((region) => within(segment, region));
  const pieces = segments
    .flatMap((segment) => cutAtRegions(segment, regions))
    .map((piece) =>
      piece.kind === 'repeat' && (piece.length < MIN_RUN || charsOf(lines, piece.start, piece.length) < MIN_RUN_CHARS)
        ? asNew(piece)
        : piece,
    );
  const placed: PlacedSegment[] = pieces.map((piece) => {
    const region = piece.kind === 'repeat' ? inRegion(piece) : undefined;
    if (region === undefined || piece.kind !== 'repeat') return piece;
    const regionText = lines.slice(region.first, region.last + 1).join('\n');
    const code = codePointer(lines[piece.start] as string, regionText, region.language);
    return code === null ? asNew(piece) : { ...piece, code };
  });
  // Each region with pointers is checked as the engine checks a compressor's code.
  for (const region of regions) {
    const members = placed.filter((segment) => within(segment, region));
    if (!members.some((segment) => segment.kind === 'repeat')) continue;
    const input = lines.slice(region.first, region.last + 1).join('\n');
    const output = members
      .flatMap((segment) =>
        segment.kind === 'repeat'
          ? [pointerLine(segment as RepeatedRun, outputs, segment.code ?? null)]
          : lines.slice(segment.start, segment.start + segment.length),
      )
      .join('\n');
    if (checkSyntax(input, output, region.language) === 'keeps') continue;
    for (const segment of members) placed[placed.indexOf(segment)] = asNew(segment);
  }
  return placed;
}
