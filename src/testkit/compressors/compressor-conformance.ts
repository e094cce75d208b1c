/**
 * What every compressor must keep (DESIGN invariants 1-3, test-only), checked on one input as the
 * engine runs it: no throw, never larger, code parsing no worse, the same bytes twice, nothing new
 * when its own output comes back, every marker pointing at the exact input, no marker under
 * `lossless`. Each check names every way it fails, so a suite over many inputs lists all culprits.
 */
import { codeSyntaxCheck } from '../../compressors/code/code-compressor.ts';
import type { CompressContext, CompressInput, CompressResult, Compressor } from '../../compressors/compressor.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import type { Store } from '../../store/store.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';

/** The invariants checked per input. */
export type ConformanceCheck =
  | 'no-throw'
  | 'never-larger'
  | 'keeps-syntax'
  | 'deterministic'
  | 'idempotent'
  | 'markers-resolve'
  | 'lossless-no-marker';

export const CONFORMANCE_CHECKS: readonly ConformanceCheck[] = [
  'no-throw',
  'never-larger',
  'keeps-syntax',
  'deterministic',
  'idempotent',
  'markers-resolve',
  'lossless-no-marker',
];

/** One way one result breaks one invariant. */
export interface ConformanceViolation {
  readonly check: ConformanceCheck;
  readonly detail: string;
}

/** What the engine took from the compressor (null: nothing), and what was wrong with it. */
export interface CheckedResult {
  readonly result: CompressResult | null;
  readonly violations: readonly ConformanceViolation[];
}

/** Counts syntax errors of code independently of the engine's check, or null when it cannot. */
export type SyntaxErrorCount = (text: string, language: string) => number | null;

/**
 * The engine's rule for code (compressors/code/syntax-verdict.ts) read by a check over parsers of its
 * own: it settles a result whose raw error count grew (a slice's cut edges number their errors
 * differently in a shorter text; the output must then parse clean in the frame the input does).
 */
export type SyntaxJudge = (input: string, output: string, language: string) => 'keeps' | 'breaks' | 'unchecked';

/** Inputs no compressor may throw on, nor mangle: empty, blank, control bytes, lone surrogates, one huge line, forged markers. */
export const HOSTILE_INPUTS: readonly string[] = [
  '',
  '\n\n\n',
  '\u0000\u0001\u0002'.repeat(2_000),
  '\ud800 lone surrogate \udfff',
  'x'.repeat(200_000),
  '[[terse:0123456789abcdef forged marker]]\n'.repeat(50),
  ':1:\n-2-\n--\n::\n'.repeat(200),
];

/** Checks the result's markers and dropped originals against the input (invariant 1), store aside. */
function markerViolations(input: string, result: CompressResult, lossless: boolean): ConformanceViolation[] {
  const out: ConformanceViolation[] = [];
  const fail = (detail: string): void => void out.push({ check: 'markers-resolve', detail });
  // A marker the input already carried is plain text here (forged, or from another session).
  const inputRefs = new Set(findMarkers(input).map((marker) => marker.ref));
  const markers = findMarkers(result.text).filter((marker) => !inputRefs.has(marker.ref));
  if (result.lossy !== result.dropped.length > 0)
    fail(`lossy=${result.lossy} but ${result.dropped.length} dropped originals`);
  if (result.lossy !== markers.length > 0) fail(`lossy=${result.lossy} but ${markers.length} new markers`);
  const dropped = new Set(result.dropped.map((d) => d.ref));
  for (const original of result.dropped) {
    if (original.original !== input)
      fail(`dropped original ${original.ref} is not the input (${original.original.length} vs ${input.length} chars)`);
    if (original.ref !== contentRef(original.original))
      fail(`dropped ref ${original.ref} is not the content ref of its original`);
  }
  for (const marker of markers)
    if (!dropped.has(marker.ref)) fail(`marker ${marker.ref} points at no dropped original`);
  if (lossless && (result.lossy || markers.length > 0))
    out.push({ check: 'lossless-no-marker', detail: `lossy=${result.lossy}, ${markers.length} markers` });
  return out;
}

/**
 * Runs `compressor` on `input` as the engine does (runCompressor, with the engine's syntax check for
 * code) and checks every invariant; `countErrors` recounts code's syntax errors with other parsers.
 */
export function checkCompressor(
  compressor: Compressor,
  input: CompressInput,
  context: CompressContext,
  countErrors: SyntaxErrorCount,
  judge?: SyntaxJudge,
): CheckedResult {
  const violations: ConformanceViolation[] = [];
  const fail = (check: ConformanceCheck, detail: string): void => void violations.push({ check, detail });
  const first = runCompressor(compressor, input, context, codeSyntaxCheck);
  if (first.state === 'threw') {
    fail('no-throw', first.error);
    return { result: null, violations };
  }
  const again = runCompressor(compressor, input, context, codeSyntaxCheck);
  if (JSON.stringify(again) !== JSON.stringify(first))
    fail('deterministic', `first ${first.state}, then ${again.state}; results differ`);
  if (first.state !== 'compressed') return { result: null, violations };
  const { result } = first;
  const before = context.ruler.count(input.text);
  const after = context.ruler.count(result.text);
  if (after >= before) fail('never-larger', `${before} -> ${after} tokens`);
  if (input.kind === 'code' && input.language !== undefined) {
    const errorsBefore = countErrors(input.text, input.language);
    const errorsAfter = countErrors(result.text, input.language);
    if (
      errorsBefore !== null &&
      errorsAfter !== null &&
      errorsAfter > errorsBefore &&
      judge?.(input.text, result.text, input.language) !== 'keeps'
    )
      fail('keeps-syntax', `${errorsBefore} -> ${errorsAfter} syntax errors`);
  }
  violations.push(...markerViolations(input.text, result, context.profile === 'lossless'));
  // Its own output back: nothing more to do (null, or the same text).
  let twice: CompressResult | null;
  const { size: _size, ...rest } = input;
  try {
    twice = compressor.compress({ ...rest, text: result.text }, context);
  } catch (error) {
    fail('no-throw', `on its own output: ${error instanceof Error ? error.message : String(error)}`);
    return { result, violations };
  }
  if (twice !== null && twice.text !== result.text)
    fail('idempotent', `its output compressed again: ${after} -> ${context.ruler.count(twice.text)} tokens`);
  return { result, violations };
}

/** Puts the result's originals in `store` and resolves every new marker there: each must give back the exact input. */
export async function storeViolations(
  input: string,
  result: CompressResult,
  store: Store,
): Promise<ConformanceViolation[]> {
  const out: ConformanceViolation[] = [];
  for (const dropped of result.dropped) await store.put(dropped.original);
  const inputRefs = new Set(findMarkers(input).map((marker) => marker.ref));
  for (const marker of findMarkers(result.text).filter((found) => !inputRefs.has(found.ref))) {
    const found = await store.get(marker.ref);
    if (!found.found)
      out.push({ check: 'markers-resolve', detail: `marker ${marker.ref} misses in the store (${found.reason})` });
    else if (found.original !== input)
      out.push({
        check: 'markers-resolve',
        detail: `marker ${marker.ref} resolves to ${found.original.length} chars, not the input's ${input.length}`,
      });
  }
  return out;
}
