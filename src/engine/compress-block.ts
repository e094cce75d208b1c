/**
 * Routes one block to the compressors for its content and keeps the first real gain. The engine, not
 * each compressor, holds every compressor to the contract: a result that is not smaller is passed
 * over for the next compressor, and a compressor that throws is recorded and passed over too. The
 * work a block may cost is counted (characters handed to compressors), never timed.
 */
import type { CompressInput, CompressResult, DroppedOriginal } from '../compressors/compressor.ts';
import { fewerTokens, holdsAtLeast, tokenSize, type TokenSize } from '../tokenize/token-size.ts';
import type { ContentKind } from '../types.ts';
import type { BlockOutcome, CompressorFault, PassReason } from './block-outcome.ts';
import type { BlockDetection, BlockRouting } from './block-routing.ts';
import { errorMessage, runCompressor } from './run-compressor.ts';
import { readWholeReports, type ReadReport } from './whole-report.ts';
import { workBudget, type WorkBudget } from './work-budget.ts';

/** Why nothing was taken when a compressor's code result was turned down for its syntax; null otherwise. */
type SyntaxRefusal = Extract<PassReason, 'breaks-syntax' | 'syntax-unchecked'> | null;

type Attempt =
  | {
      readonly state: 'ok';
      readonly result: CompressResult;
      readonly compressor: string;
      readonly faults: readonly CompressorFault[];
    }
  | { readonly state: 'none'; readonly faults: readonly CompressorFault[]; readonly refusal: SyntaxRefusal }
  | { readonly state: 'over-budget' };

const now = (): number => performance.now();

function attempt(
  text: string,
  size: TokenSize,
  kind: ContentKind,
  language: string | undefined,
  toolName: string | undefined,
  routing: BlockRouting,
  budget: WorkBudget,
  markersForeign: boolean,
): Attempt {
  const input: CompressInput = {
    text,
    kind,
    size,
    ...(language ? { language } : {}),
    ...(toolName ? { toolName } : {}),
    ...(markersForeign ? { markersForeign } : {}),
  };
  const faults: CompressorFault[] = [];
  let refusal: SyntaxRefusal = null;
  for (const compressor of routing.registry[kind]) {
    if (!budget.spend(text.length)) return { state: 'over-budget' };
    const run = runCompressor(compressor, input, routing.context, routing.checkSyntax);
    // A throw is recorded and, like a result that is not smaller or breaks code, leaves the block to the next compressor.
    if (run.state === 'threw') faults.push({ compressor: compressor.name, error: run.error });
    if (run.state === 'declined' && (run.reason === 'breaks-syntax' || run.reason === 'syntax-unchecked'))
      refusal ??= run.reason;
    if (run.state === 'compressed') return { state: 'ok', result: run.result, compressor: compressor.name, faults };
  }
  return { state: 'none', faults, refusal };
}

/** A stretch of a mixed block: a detected section, part of one, or a payload a report reader took whole. */
type Piece =
  | { readonly kind: 'section'; readonly section: NonNullable<BlockDetection['sections']>[number] }
  | { readonly kind: 'verbatim'; readonly start: number; readonly end: number }
  | { readonly kind: 'report'; readonly report: ReadReport };

/** The block cut into sections, with the payloads report readers took standing in for what they cover. */
function piecesOf(detection: BlockDetection, reports: readonly ReadReport[]): Piece[] {
  const pieces: Piece[] = reports.map((report) => ({ kind: 'report', report }));
  for (const section of detection.sections ?? []) {
    const covering = reports.filter((report) => report.start < section.end && report.end > section.start);
    if (covering.length === 0) {
      pieces.push({ kind: 'section', section });
      continue;
    }
    // What a section holds beyond the payloads (a wrapper tag detection merged into it) stays as it was.
    let at = section.start;
    for (const report of covering) {
      if (report.start > at) pieces.push({ kind: 'verbatim', start: at, end: report.start });
      at = Math.max(at, report.end);
    }
    if (at < section.end) pieces.push({ kind: 'verbatim', start: at, end: section.end });
  }
  const startOf = (piece: Piece): number =>
    piece.kind === 'section' ? piece.section.start : piece.kind === 'report' ? piece.report.start : piece.start;
  return pieces.sort((a, b) => startOf(a) - startOf(b));
}

/**
 * A mixed block: each wrapped payload a report reader takes whole (whole-report.ts) is that reader's,
 * then every other section goes to the compressors of its kind.
 */
function compressMixed(
  text: string,
  detection: BlockDetection,
  toolName: string | undefined,
  routing: BlockRouting,
  budget: WorkBudget,
  markersForeign: boolean,
): Attempt {
  const reports = readWholeReports(text, toolName, routing, budget, markersForeign);
  if (reports === 'over-budget') return { state: 'over-budget' };
  const pieces: string[] = [];
  const dropped: DroppedOriginal[] = [];
  const names = new Set<string>();
  const faults: CompressorFault[] = [];
  let refusal: SyntaxRefusal = null;
  let lossy = false;
  for (const piece of piecesOf(detection, reports)) {
    if (piece.kind === 'verbatim') {
      pieces.push(text.slice(piece.start, piece.end));
      continue;
    }
    if (piece.kind === 'report') {
      pieces.push(piece.report.result.text);
      dropped.push(...piece.report.result.dropped);
      lossy ||= piece.report.result.lossy;
      names.add(piece.report.compressor);
      continue;
    }
    const { section } = piece;
    const sectionText = text.slice(section.start, section.end);
    const size = section.kind === 'mixed' ? null : tokenSize(sectionText, routing.context.ruler);
    if (size === null || !holdsAtLeast(size, routing.minSectionTokens)) {
      pieces.push(sectionText);
      continue;
    }
    const tried = attempt(sectionText, size, section.kind, section.language, toolName, routing, budget, markersForeign);
    // A block that hit the limit passes whole: a part of it compressed would hide that it did.
    if (tried.state === 'over-budget') return tried;
    faults.push(...tried.faults);
    if (tried.state === 'none') {
      refusal ??= tried.refusal;
      pieces.push(sectionText);
      continue;
    }
    pieces.push(tried.result.text);
    dropped.push(...tried.result.dropped);
    lossy ||= tried.result.lossy;
    names.add(tried.compressor);
  }
  if (names.size === 0) return { state: 'none', faults, refusal };
  return {
    state: 'ok',
    compressor: `mixed:${[...names].sort().join('+')}`,
    result: { text: pieces.join(''), lossy, dropped },
    faults,
  };
}

/** The faults as one failure: the compressors that threw and what each said. */
function failureOf(faults: readonly CompressorFault[]): { readonly compressor: string; readonly error: string } {
  if (faults.length === 1) return faults[0] as CompressorFault;
  return {
    compressor: faults.map((fault) => fault.compressor).join('+'),
    error: faults.map((fault) => `${fault.compressor}: ${fault.error}`).join('; '),
  };
}

/**
 * Compresses one block; never throws, never returns a larger block. `markersForeign`: the engine
 * found that no marker in the text is its session's own (they are plain text to compress like any).
 */
export function compressBlock(
  text: string,
  toolName: string | undefined,
  size: TokenSize,
  routing: BlockRouting,
  markersForeign = false,
): BlockOutcome {
  const started = now();
  let detection: BlockDetection;
  try {
    detection = routing.detect(text);
  } catch (error) {
    return { state: 'failed', kind: null, compressor: 'detect', error: errorMessage(error), ms: now() - started };
  }
  const { kind } = detection;
  const budget = workBudget(routing.workBudgetChars);
  const tried =
    kind === 'mixed'
      ? compressMixed(text, detection, toolName, routing, budget, markersForeign)
      : attempt(text, size, kind, detection.language, toolName, routing, budget, markersForeign);
  const ms = now() - started;
  if (tried.state === 'over-budget') return { state: 'passed', kind, reason: 'over-budget', ms };
  // Every compressor that could have served the block threw: it fails open, and says why.
  if (tried.state === 'none' && tried.faults.length > 0)
    return { state: 'failed', kind, ...failureOf(tried.faults), ms };
  if (tried.state === 'none') {
    const reason =
      tried.refusal ?? (kind !== 'mixed' && routing.registry[kind].length === 0 ? 'no-compressor' : 'no-gain');
    return { state: 'passed', kind, reason, ms };
  }
  // A mixed block is judged whole as well: its sections' markers may outweigh what they saved.
  if (!fewerTokens(tried.result.text, size, routing.context.ruler))
    return { state: 'passed', kind, reason: 'no-gain', ms };
  return {
    state: 'compressed',
    kind,
    compressor: tried.compressor,
    text: tried.result.text,
    lossy: tried.result.lossy,
    dropped: tried.result.dropped,
    ms,
    ...(tried.faults.length > 0 ? { faults: tried.faults } : {}),
  };
}
