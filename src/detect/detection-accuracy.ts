/** Scores `detectContent` against labelled blocks: accuracy, language accuracy and a confusion table. */
import type { ContentKind } from '../types.ts';
import { detectContent } from './detect-content.ts';
import type { LabelledBlock } from './labelled-blocks.ts';

/** What a run over labelled blocks measured. */
export interface DetectionAccuracy {
  readonly total: number;
  readonly correct: number;
  /** Code blocks whose language was known, and how many of those got it right. */
  readonly languageTotal: number;
  readonly languageCorrect: number;
  /** `confusion[label][detected]`: label is the first accepted kind. */
  readonly confusion: Record<string, Record<string, number>>;
  readonly misses: readonly { id: string; accepted: readonly ContentKind[]; detected: string }[];
}

/** Detects every block and tallies the outcome. */
export function measureDetection(blocks: readonly LabelledBlock[]): DetectionAccuracy {
  const confusion: Record<string, Record<string, number>> = {};
  const misses: { id: string; accepted: readonly ContentKind[]; detected: string }[] = [];
  let correct = 0;
  let languageTotal = 0;
  let languageCorrect = 0;
  for (const block of blocks) {
    const detection = detectContent(block.text);
    const label = block.accepted.join('|');
    const row = (confusion[label] ??= {});
    row[detection.kind] = (row[detection.kind] ?? 0) + 1;
    if (block.accepted.includes(detection.kind)) correct += 1;
    else misses.push({ id: block.id, accepted: block.accepted, detected: detection.kind });
    if (block.language !== undefined && detection.kind === 'code') {
      languageTotal += 1;
      if (detection.language === block.language) languageCorrect += 1;
      else misses.push({ id: block.id, accepted: block.accepted, detected: `code/${detection.language ?? '?'}` });
    }
  }
  return { total: blocks.length, correct, languageTotal, languageCorrect, confusion, misses };
}
