/**
 * Cross-turn repeats: a new tool output whose lines largely stand in outputs the session already sent
 * is sent as its new lines plus, for each repeated run, a line that says where the model already has
 * it (`(lines 1-40 repeat lines 3-42 of the output of call toolu_01...)`; inside code, the same as a
 * comment where the code still parses, see code-safe-repeats.ts). Earlier outputs are never
 * touched (a provider has them cached); the new output's original is stored behind one marker, so
 * `terse_retrieve` gives it back byte for byte.
 */
import type { RequestPart } from '../../types.ts';
import { contentRef, formatMarker } from '../../store/marker.ts';
import { savesAtLeast, tokenSize } from '../../tokenize/token-size.ts';
import type { BlockOutcome } from '../block-outcome.ts';
import type { EngineSession } from '../engine-session.ts';
import { codeSafeSegments, type PlacedSegment } from './code-safe-repeats.ts';
import { markerLine, pointerLine } from './pointer-lines.ts';
import { planRepeats, type RepeatSegment } from './repeat-plan.ts';
import { linesOf, type SentOutput } from './sent-outputs.ts';

/** Outputs shorter than this many lines are sent again whole: pointing saves too little. */
const MIN_LINES = 6;
/** A repeat must save this many tokens and this share of the output to be worth a marker. */
const MIN_SAVED_TOKENS = 40;
const MIN_SAVED_SHARE = 0.2;

/** The text sent in place of the output: new lines verbatim, each repeated run as one pointing line. */
export function renderRepeats(
  lines: readonly string[],
  segments: readonly PlacedSegment[],
  outputs: readonly SentOutput[],
  marker: string,
): string {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'new') out.push(...lines.slice(segment.start, segment.start + segment.length));
    else out.push(pointerLine(segment, outputs, segment.code ?? null));
  }
  out.push(marker);
  return out.join('\n');
}

/** The repeat outcome of a new tool output, or null when it repeats too little of what was sent. */
export async function decideRepeat(part: RequestPart, session: EngineSession): Promise<BlockOutcome | null> {
  const { setup } = session;
  if (setup.options.profile === 'lossless' || !setup.options.repeats || session.sent.outputs.length === 0) return null;
  const started = performance.now();
  const lines = linesOf(part.text);
  if (lines.length < MIN_LINES) return null;
  const planned = planRepeats(lines, session.sent);
  // Keeping code parsing only takes repeats away: a plan short of the share is refused before any
  // detection (the block goes to the compressors, which detect it once).
  const repeatedIn = (segments: readonly RepeatSegment[]): number =>
    segments.reduce((n, s) => (s.kind === 'repeat' ? n + s.length : n), 0);
  if (planned === null || repeatedIn(planned) < lines.length * MIN_SAVED_SHARE) return null;
  const detection = setup.detect(part.text);
  const segments = codeSafeSegments(lines, planned, detection, setup.checkSyntax, session.sent.outputs);
  const repeated = repeatedIn(segments);
  if (repeated < lines.length * MIN_SAVED_SHARE) return null;
  const ref = contentRef(part.text);
  const marker = formatMarker(
    ref,
    `${repeated} of ${lines.length} lines repeat earlier outputs, as shown; the ref holds this output whole`,
  );
  const text = renderRepeats(
    lines,
    segments,
    session.sent.outputs,
    markerLine(marker, detection.kind, detection.language),
  );
  const size = tokenSize(part.text, setup.ruler);
  const needed = Math.max(MIN_SAVED_TOKENS, Math.ceil(size.exact() * MIN_SAVED_SHARE));
  if (!savesAtLeast(text, size, setup.ruler, needed)) return null;
  try {
    await session.store.put(part.text);
  } catch {
    // An original that cannot be stored is never pointed at: the block goes the usual way.
    return null;
  }
  return {
    state: 'compressed',
    kind: detection.kind,
    compressor: 'repeats',
    text,
    lossy: true,
    dropped: [{ ref, original: part.text }],
    ms: performance.now() - started,
  };
}
