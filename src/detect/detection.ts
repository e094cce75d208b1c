/** What `detectContent` answers, and the shape every single-kind detector shares. */
import type { ContentKind } from '../types.ts';

/** A kind that one stretch of text can have on its own: everything but `mixed`. */
export type SectionKind = Exclude<ContentKind, 'mixed'>;

/** One stretch of a `mixed` block: `text.slice(start, end)` is of `kind`. */
export interface DetectedSection {
  readonly kind: SectionKind;
  readonly language?: string;
  readonly start: number;
  readonly end: number;
}

/** The kind of a block; `language` for code; `sections` (in order, covering the text) for mixed. */
export interface Detection {
  readonly kind: ContentKind;
  readonly language?: string;
  readonly sections?: readonly DetectedSection[];
}

/** Optional hints that never override strong evidence in the bytes, but one: the caller's source file name. */
export interface DetectHint {
  /**
   * The name of the file the text is. Given to `detectContent` by its caller, a source-code extension
   * decides kind and language; any other name, and the names a block's own file headers and fences
   * give its sections, only weigh with the bytes.
   */
  readonly fileName?: string;
}

/** The lines a detector looks at: a bounded sample of the block, each line capped in length. */
export interface Sample {
  readonly lines: readonly string[];
  /** The sampled text itself (head, or head + tail of a huge input). */
  readonly text: string;
  /** The head of the input alone (equal to `text` when complete): grammars that must not see the cut. */
  readonly head: string;
  /** True when `text` is the whole input. */
  readonly complete: boolean;
}

/** One kind's detector: a confidence in [0, 1] that the sample is of its kind. */
export interface Detector {
  readonly kind: SectionKind;
  /** The highest score `score` ever returns: a detector that cannot beat the best so far is not run. */
  readonly ceiling: number;
  /**
   * The score of `sample`. Given a `floor`, a detector that learns its score is at most `floor` may stop
   * and return any value at most `floor` (the router passes the best score so far, which only a higher
   * score beats); without one the score is always exact.
   */
  score(sample: Sample, floor?: number): number;
}
