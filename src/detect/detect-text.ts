/** Prose: the fallback kind, confident when lines read as sentences. */
import type { Detector, Sample } from './detection.ts';
import { nonBlank, shareOf } from './sample.ts';

const SENTENCE = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z'`()-]{1,}){4,}/;
const SYMBOLS = /[{}();=<>_*#[\]\\|$]/g;

/** A line that reads as a sentence: several words and few code symbols. */
function isProse(line: string): boolean {
  if (!SENTENCE.test(line)) return false;
  return (line.match(SYMBOLS)?.length ?? 0) <= 0.04 * line.length;
}

/** Scores text low by default so any specific detector that fires wins; prose raises it a little. */
export const textDetector: Detector = {
  kind: 'text',
  ceiling: 0.6,
  score(sample: Sample): number {
    const lines = nonBlank(sample.lines);
    return 0.3 + 0.3 * shareOf(lines, isProse);
  },
};
