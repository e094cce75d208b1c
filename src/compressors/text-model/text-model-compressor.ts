/**
 * The text-model compressor: keeps or drops each word of prose by a token-classification model's
 * keep scores (through @huggingface/transformers, in a worker thread) plus the relevance of its line
 * to what the conversation asks, at a rate per profile. Words
 * that must stay (numbers, paths, identifiers, error and negation words, headings, what the
 * conversation mentions) always do; lines, indentation and the punctuation touching a kept word stay
 * as they were. The whole original goes behind one marker at the end.
 */
import {
  inputSize,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { contentRef, formatMarker, MARKER_PATTERN } from '../../store/marker.ts';
import { TextModelSkipped, type TextModelSkipReason } from '../../errors.ts';
import { holdsAtLeast, savesAtLeast } from '../../tokenize/token-size.ts';
import { chooseKeptWords } from './choose-kept-words.ts';
import { conversationMentions } from './conversation-mentions.ts';
import { readModelFolder } from './model-folder.ts';
import { mustKeepWords } from './must-keep.ts';
import { renderKeptWords } from './render-kept-words.ts';
import { createScoringBridge, type ScoringBridge } from './scoring-bridge.ts';
import { DEFAULT_TEXT_MODEL_OPTIONS, type TextModelOptions } from './text-model-options.ts';
import { layoutWords } from './word-units.ts';
import { lineRelevance } from './line-relevance.ts';

const MIN_TOKENS = 120;
// A lossy cut must pay for its marker and for the retrieval a reader may need.
const MIN_SAVED_TOKENS = 50;
// Scores are rounded before ranking, so the last bits of a float (which differ between CPUs) rarely decide.
const SCORE_PRECISION = 1e4;

/** What the compressor did, for benches and logs. */
export interface TextModelStats {
  /** Blocks the model scored. */
  blocksScored: number;
  wordsScored: number;
  /** Milliseconds of scoring inside the worker, cold load apart. */
  scoreMs: number;
  /** Milliseconds the model took to load, once it has. */
  loadMs: number | null;
  /** Blocks left as they were, by why. */
  skipped: Record<TextModelSkipReason, number>;
}

/** A text-model compressor and its running counts. */
export interface TextModelCompressor extends Compressor {
  stats(): Readonly<TextModelStats>;
}

const bridges = new Map<string, ScoringBridge>();

/** One bridge (one worker) per model folder and thread count, shared by every compressor of the process. */
function bridgeFor(options: TextModelOptions): ScoringBridge {
  const folder = readModelFolder(options.modelDir);
  const key = `${folder.dir}\u0000${options.threads}`;
  let bridge = bridges.get(key);
  if (bridge === undefined) {
    bridge = createScoringBridge(folder, options.threads);
    bridges.set(key, bridge);
  }
  return bridge;
}

/** Stops every scoring worker this process started (tests and benches that want a clean exit). */
export async function closeTextModelWorkers(): Promise<void> {
  const open = [...bridges.values()];
  bridges.clear();
  await Promise.all(open.map((bridge) => bridge.close()));
}

/** A compressor scoring with the model in `options.modelDir`; the folder is checked now, the model loaded at the first block. */
export function createTextModelCompressor(options: Partial<TextModelOptions> = {}): TextModelCompressor {
  const resolved: TextModelOptions = { ...DEFAULT_TEXT_MODEL_OPTIONS, ...options };
  const bridge = bridgeFor(resolved);
  const stats: TextModelStats = {
    blocksScored: 0,
    wordsScored: 0,
    scoreMs: 0,
    loadMs: null,
    skipped: { 'size-gate': 0, 'model-failed': 0, deadline: 0 },
  };

  const compress = (input: CompressInput, context: CompressContext): CompressResult | null => {
    if (context.profile === 'lossless' || MARKER_PATTERN.test(input.text)) return null;
    if (input.text.length < MIN_TOKENS * 3) return null;
    const size = inputSize(input, context.ruler);
    if (!holdsAtLeast(size, MIN_TOKENS + 1)) return null;
    if (size.floorReaches(resolved.maxBlockTokens + 1))
      throw new TextModelSkipped('size-gate', `over the ${resolved.maxBlockTokens}-token gate`);
    const layout = layoutWords(input.text);
    const forced = mustKeepWords(layout, conversationMentions(context.conversation));
    if (forced.every(Boolean)) return null;
    const scored = bridge.score(
      layout.words.map((word) => word.text),
      resolved.deadlineMs,
    );
    stats.blocksScored += 1;
    stats.wordsScored += layout.words.length;
    stats.scoreMs += scored.scoreMs;
    stats.loadMs ??= scored.loadMs;
    const relevance = resolved.relevanceWeight === 0 ? null : lineRelevance(layout, context.conversation);
    const scores = layout.words.map((word, index) => {
      const score = (scored.scores[index] as number) + resolved.relevanceWeight * (relevance?.[word.line] ?? 0);
      return Math.round(score * SCORE_PRECISION) / SCORE_PRECISION;
    });
    const keep = chooseKeptWords(
      { lengths: layout.words.map((word) => word.text.length), forced, scores },
      resolved.keepRate[context.profile],
    );
    const droppedWords = keep.filter((kept) => !kept).length;
    if (droppedWords === 0) return null;
    const ref = contentRef(input.text);
    const marker = formatMarker(
      ref,
      `${droppedWords} of ${keep.length} words dropped by the text model; the ref holds the full text`,
    );
    const rendered = renderKeptWords(layout, keep);
    const text = rendered.endsWith('\n') ? `${rendered}${marker}\n` : `${rendered}\n${marker}`;
    if (!savesAtLeast(text, size, context.ruler, MIN_SAVED_TOKENS)) return null;
    return { text, lossy: true, dropped: [{ ref, original: input.text }] };
  };

  return {
    name: 'text-model',
    kinds: ['text'],
    compress(input, context) {
      try {
        return compress(input, context);
      } catch (error) {
        // Counted here and thrown on: the engine fails the block open and records the reason.
        if (error instanceof TextModelSkipped) stats.skipped[error.reason] += 1;
        throw error;
      }
    },
    stats: () => stats,
  };
}
