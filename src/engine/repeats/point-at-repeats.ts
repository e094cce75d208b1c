/**
 * Repeats after the compressors: a compressed output's runs that stand in what the session already
 * sent (mini-swe-agent's `<warning>` over every cut output, a stretch of a file inside a new view)
 * each become a line pointing there, `(6 lines repeat lines 3-8 of the output of call call_12)`. For
 * outputs that repeat too little to be sent as repeats whole (decide-repeat.ts): their compressors ran
 * first. The whole original goes to the store behind one more marker (what a pointer replaced may lie
 * in a section no compressor's marker covers); inside code the pointers and that marker are the
 * language's comments, and a code section they would leave parsing worse keeps its lines
 * (code-safe-repeats.ts).
 */
import { contentRef, formatMarker, MARKER_OPENING } from '../../store/marker.ts';
import type { BlockOutcome } from '../block-outcome.ts';
import type { EngineSession } from '../engine-session.ts';
import { asNew, codeSafeSegments } from './code-safe-repeats.ts';
import { markerLine, pointerLine } from './pointer-lines.ts';
import { charsOf, planRepeats } from './repeat-plan.ts';
import { linesOf } from './sent-outputs.ts';

/** A run shorter than this, in lines or characters, stays: pointing at a few lines puzzles more than it saves. */
const MIN_LINES = 4;
const MIN_CHARS = 200;
/** The pointers must save this many tokens. */
const MIN_SAVED_TOKENS = 30;

/**
 * `outcome` (the compressors' result for `original`) with the runs of its text that repeat earlier
 * outputs pointed at, or `outcome` itself.
 */
export async function pointAtRepeats(
  outcome: BlockOutcome,
  original: string,
  session: EngineSession,
): Promise<BlockOutcome> {
  const { setup } = session;
  if (outcome.state !== 'compressed' || outcome.compressor === 'repeats') return outcome;
  if (setup.options.profile === 'lossless' || !setup.options.repeats || session.sent.outputs.length === 0)
    return outcome;
  const started = performance.now();
  const lines = linesOf(outcome.text);
  const planned = planRepeats(lines, session.sent);
  if (planned === null) return outcome;
  const worth = planned.map((segment) =>
    segment.kind === 'repeat' &&
    (segment.length < MIN_LINES ||
      charsOf(lines, segment.start, segment.length) < MIN_CHARS ||
      lines.slice(segment.start, segment.start + segment.length).some((line) => line.includes(MARKER_OPENING)))
      ? asNew(segment)
      : segment,
  );
  if (!worth.some((segment) => segment.kind === 'repeat')) return outcome;
  const outputs = session.sent.outputs;
  const detection = setup.detect(outcome.text);
  const segments = codeSafeSegments(lines, worth, detection, setup.checkSyntax, outputs);
  const pointed = segments.reduce((n, segment) => (segment.kind === 'repeat' ? n + segment.length : n), 0);
  if (pointed === 0) return outcome;
  const ref = contentRef(original);
  const marker = formatMarker(ref, `${pointed} lines point at earlier outputs; the ref holds this output whole`);
  const text = [
    ...segments.flatMap((segment) =>
      segment.kind === 'new'
        ? lines.slice(segment.start, segment.start + segment.length)
        : [pointerLine(segment, outputs, segment.code ?? null, false)],
    ),
    markerLine(marker, detection.kind, detection.language),
  ].join('\n');
  if (setup.ruler.count(text) + MIN_SAVED_TOKENS > setup.ruler.count(outcome.text)) return outcome;
  try {
    await session.store.put(original);
  } catch {
    // An original that cannot be stored is never pointed at: the compressors' result goes as it was.
    return outcome;
  }
  const dropped = outcome.dropped.some((d) => d.ref === ref)
    ? outcome.dropped
    : [...outcome.dropped, { ref, original }];
  return { ...outcome, text, lossy: true, dropped, ms: outcome.ms + (performance.now() - started) };
}
