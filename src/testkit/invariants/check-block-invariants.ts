/**
 * Checks one block against the engine's block invariants (DESIGN.md 1, 2, 3 and 5) and names every
 * way it breaks them, so a test over thousands of blocks can list all culprits at once.
 */
import { splitWrapped } from '../../detect/split-sections.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { BlockOutcome, MeasuredBlockOutcome } from '../../engine/block-outcome.ts';
import { compressText } from '../../engine/compress-text.ts';
import type { EngineSetup } from '../../engine/engine-session.ts';

/** The invariants checked per block. */
export type InvariantName =
  'no-throw' | 'never-larger' | 'deterministic' | 'idempotent' | 'markers-resolve' | 'lossless-no-marker';

/** Every invariant name, in the order the tests report them. */
export const INVARIANT_NAMES: readonly InvariantName[] = [
  'no-throw',
  'never-larger',
  'deterministic',
  'idempotent',
  'markers-resolve',
  'lossless-no-marker',
];

/** One way a block breaks one invariant. */
export interface InvariantViolation {
  readonly invariant: InvariantName;
  readonly detail: string;
}

/** What the engine did with a block, and what was wrong with it. */
export interface BlockCheck {
  /** The first outcome, or null when compressing threw. */
  readonly outcome: MeasuredBlockOutcome | null;
  readonly violations: readonly InvariantViolation[];
  /** Fail-open failures met on the way (first pass, repeat or re-compression), as `compressor: error`. */
  readonly failures: readonly string[];
}

/** Everything about an outcome except its timing, as one comparable string. */
function fingerprint(outcome: BlockOutcome): string {
  const { ms: _ms, ...rest } = outcome;
  if (rest.state !== 'compressed') return JSON.stringify(rest);
  return JSON.stringify({ ...rest, dropped: rest.dropped.map((d) => d.ref) });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Checks markers and dropped originals of a compressed outcome against the store (invariant 1). */
async function checkMarkers(
  text: string,
  outcome: Extract<BlockOutcome, { state: 'compressed' }>,
  setup: EngineSetup,
): Promise<InvariantViolation[]> {
  const out: InvariantViolation[] = [];
  const fail = (detail: string): void => void out.push({ invariant: 'markers-resolve', detail });
  // A marker the input already carried is plain text to this store (forged or from another session).
  const inputRefs = new Set(findMarkers(text).map((m) => m.ref));
  const markers = findMarkers(outcome.text).filter((m) => !inputRefs.has(m.ref));
  const markerRefs = new Set(markers.map((m) => m.ref));
  if (outcome.lossy !== outcome.dropped.length > 0)
    fail(`lossy=${outcome.lossy} but ${outcome.dropped.length} dropped originals`);
  if (outcome.lossy !== markers.length > 0) fail(`lossy=${outcome.lossy} but ${markers.length} new markers`);
  for (const marker of markers) {
    const found = await setup.store.get(marker.ref);
    if (!found.found) fail(`marker ${marker.ref} misses in the store (${found.reason})`);
    else if (contentRef(found.original) !== marker.ref)
      fail(`marker ${marker.ref} resolves to text whose ref is ${contentRef(found.original)}`);
  }
  // A mixed block's pieces: its detected sections, and the wrapped payloads a report reader may take whole.
  const pieces = [...(setup.detect(text).sections ?? []), ...(splitWrapped(text) ?? [])];
  const sections = outcome.compressor.startsWith('mixed:')
    ? new Set(pieces.map((s) => text.slice(s.start, s.end)))
    : null;
  for (const dropped of outcome.dropped) {
    if (dropped.ref !== contentRef(dropped.original))
      fail(`dropped ref ${dropped.ref} is not the content ref of its original`);
    const exact = sections === null ? dropped.original === text : sections.has(dropped.original);
    if (!exact)
      fail(
        `dropped original ${dropped.ref} (${dropped.original.length} chars) is not the ${sections === null ? 'block' : 'section'} text (${text.length} chars)`,
      );
    if (!markerRefs.has(dropped.ref)) fail(`dropped original ${dropped.ref} has no marker in the output`);
    const stored = await setup.store.get(dropped.ref);
    if (!stored.found || stored.original !== dropped.original)
      fail(`store does not return dropped original ${dropped.ref} byte for byte`);
  }
  if (setup.options.profile === 'lossless' && (outcome.lossy || markers.length > 0)) {
    out.push({ invariant: 'lossless-no-marker', detail: `lossy=${outcome.lossy}, ${markers.length} markers` });
  }
  return out;
}

/** Compresses `text` like a tool result and checks never-larger, determinism, idempotence and markers. */
export async function checkBlockInvariants(
  text: string,
  setup: EngineSetup,
  conversation: string,
): Promise<BlockCheck> {
  const violations: InvariantViolation[] = [];
  const failures: string[] = [];
  const run = async (input: string): Promise<MeasuredBlockOutcome | null> => {
    try {
      const outcome = await compressText(input, setup, { conversation });
      if (outcome.state === 'failed') failures.push(`${outcome.compressor}: ${outcome.error}`);
      return outcome;
    } catch (error) {
      violations.push({ invariant: 'no-throw', detail: describeError(error) });
      return null;
    }
  };
  const outcome = await run(text);
  if (outcome === null) return { outcome, violations, failures };
  const again = await run(text);
  if (again !== null && fingerprint(again) !== fingerprint(outcome)) {
    violations.push({
      invariant: 'deterministic',
      detail: `first ${outcome.state}, then ${again.state}; outcomes differ`,
    });
  }
  if (outcome.state !== 'compressed') return { outcome, violations, failures };
  const before = setup.ruler.count(text);
  const after = setup.ruler.count(outcome.text);
  if (after >= before || outcome.tokensAfter >= outcome.tokensBefore) {
    violations.push({ invariant: 'never-larger', detail: `${before} -> ${after} tokens` });
  }
  violations.push(...(await checkMarkers(text, outcome, setup)));
  const twice = await run(outcome.text);
  if (twice !== null && twice.state === 'compressed') {
    violations.push({
      invariant: 'idempotent',
      detail: `output re-compressed by ${twice.compressor}: ${twice.tokensBefore} -> ${twice.tokensAfter} tokens`,
    });
  }
  return { outcome, violations, failures };
}
