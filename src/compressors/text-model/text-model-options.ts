/** Options of the text-model compressor, resolved once: `{ ...DEFAULT_TEXT_MODEL_OPTIONS, ...options }`. */
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../types.ts';

/** The model this project builds and ships (scripts/text-model/, docs/text-model.md). */
export const BUNDLED_TEXT_MODEL_DIR = fileURLToPath(new URL('../../../models/terse-text-keep', import.meta.url));

export interface TextModelOptions {
  /** A model folder in the Kompress / LLMLingua-2 layout. @default BUNDLED_TEXT_MODEL_DIR */
  readonly modelDir: string;
  /** Share of a block's word characters kept, per lossy profile. @default { balanced: 0.5, aggressive: 0.3 } */
  readonly keepRate: Readonly<Record<Exclude<Profile, 'lossless'>, number>>;
  /** Blocks of more tokens than this are left as they are, the skip recorded as `size-gate`. @default 16_384 */
  readonly maxBlockTokens: number;
  /**
   * Milliseconds to wait for scores before the block passes (recorded as `deadline`): a safety net for
   * a proxy's hot path only. Null waits as long as scoring takes, as bench and replay runs must. @default null
   */
  readonly deadlineMs: number | null;
  /**
   * Weight of the conversation's relevance to a word's line (BM25, best line 1) added to the model's
   * keep probability: at 1, the lines the conversation asks about are kept before the model's choices
   * elsewhere; 0 leaves the model alone. @default 1
   */
  readonly relevanceWeight: number;
  /** ONNX threads of the scoring worker; one keeps scores identical run to run and leaves cores to the engine. @default 1 */
  readonly threads: number;
}

export const DEFAULT_TEXT_MODEL_OPTIONS: TextModelOptions = {
  modelDir: BUNDLED_TEXT_MODEL_DIR,
  keepRate: { balanced: 0.5, aggressive: 0.3 },
  maxBlockTokens: 16_384,
  deadlineMs: null,
  relevanceWeight: 1,
  threads: 1,
};
