/** Routes one block to the compressors for its content and keeps the first real gain (fail open). */
import type { CompressContext, CompressInput, CompressResult, DroppedOriginal } from '../compressors/compressor.ts';
import { fewerTokens, holdsAtLeast, tokenSize, type TokenSize } from '../tokenize/token-size.ts';
import type { ContentKind } from '../types.ts';
import type { BlockOutcome } from './block-outcome.ts';
import type { CompressorRegistry } from './compressor-registry.ts';

/** What the router needs to know about content: a kind, a language for code, sections for mixed. */
export interface BlockDetection {
  readonly kind: ContentKind;
  readonly language?: string;
  readonly sections?: readonly { readonly kind: ContentKind; readonly language?: string; readonly start: number; readonly end: number }[];
}

export type Detect = (text: string) => BlockDetection;

export interface BlockRouting {
  readonly registry: CompressorRegistry;
  readonly detect: Detect;
  readonly context: CompressContext;
  readonly deadlineMs: number;
  /** Sections of mixed content smaller than this many tokens are left as they are. */
  readonly minSectionTokens: number;
}

type Attempt =
  | { readonly state: 'ok'; readonly result: CompressResult; readonly compressor: string }
  | { readonly state: 'none' }
  | { readonly state: 'failed'; readonly compressor: string; readonly error: string };

const now = (): number => performance.now();

function attempt(text: string, size: TokenSize, kind: ContentKind, language: string | undefined, toolName: string | undefined, routing: BlockRouting): Attempt {
  const input: CompressInput = { text, kind, size, ...(language ? { language } : {}), ...(toolName ? { toolName } : {}) };
  for (const compressor of routing.registry[kind]) {
    const started = now();
    let result: CompressResult | null;
    try {
      result = compressor.compress(input, routing.context);
    } catch (error) {
      return { state: 'failed', compressor: compressor.name, error: error instanceof Error ? error.message : String(error) };
    }
    if (now() - started > routing.deadlineMs) {
      return { state: 'failed', compressor: compressor.name, error: `deadline of ${routing.deadlineMs} ms passed` };
    }
    if (result !== null && result.text !== text) return { state: 'ok', result, compressor: compressor.name };
  }
  return { state: 'none' };
}

function compressMixed(text: string, detection: BlockDetection, toolName: string | undefined, routing: BlockRouting): Attempt {
  const pieces: string[] = [];
  const dropped: DroppedOriginal[] = [];
  const names = new Set<string>();
  let lossy = false;
  for (const section of detection.sections ?? []) {
    const piece = text.slice(section.start, section.end);
    const size = section.kind === 'mixed' ? null : tokenSize(piece, routing.context.ruler);
    if (size === null || !holdsAtLeast(size, routing.minSectionTokens)) {
      pieces.push(piece);
      continue;
    }
    const tried = attempt(piece, size, section.kind, section.language, toolName, routing);
    if (tried.state === 'failed') return tried;
    if (tried.state === 'none') {
      pieces.push(piece);
      continue;
    }
    pieces.push(tried.result.text);
    dropped.push(...tried.result.dropped);
    lossy ||= tried.result.lossy;
    names.add(tried.compressor);
  }
  if (names.size === 0) return { state: 'none' };
  return { state: 'ok', compressor: `mixed:${[...names].sort().join('+')}`, result: { text: pieces.join(''), lossy, dropped } };
}

/** Compresses one block; never throws, never returns a larger block. */
export function compressBlock(text: string, toolName: string | undefined, size: TokenSize, routing: BlockRouting): BlockOutcome {
  const started = now();
  let detection: BlockDetection;
  try {
    detection = routing.detect(text);
  } catch (error) {
    return { state: 'failed', kind: null, compressor: 'detect', error: error instanceof Error ? error.message : String(error), ms: now() - started };
  }
  const { kind } = detection;
  const tried = kind === 'mixed' ? compressMixed(text, detection, toolName, routing) : attempt(text, size, kind, detection.language, toolName, routing);
  const ms = now() - started;
  if (tried.state === 'failed') return { state: 'failed', kind, compressor: tried.compressor, error: tried.error, ms };
  if (tried.state === 'none') {
    const reason = kind !== 'mixed' && routing.registry[kind].length === 0 ? 'no-compressor' : 'no-gain';
    return { state: 'passed', kind, reason, ms };
  }
  // Never larger, whatever the compressor checked itself.
  if (!fewerTokens(tried.result.text, size, routing.context.ruler)) return { state: 'passed', kind, reason: 'no-gain', ms };
  return {
    state: 'compressed',
    kind,
    compressor: tried.compressor,
    text: tried.result.text,
    lossy: tried.result.lossy,
    dropped: tried.result.dropped,
    ms,
  };
}
