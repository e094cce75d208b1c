/** Prose: the fallback kind, confident when lines read as sentences. */
import type { Detector, Sample } from './detection.ts';
import { nonBlank } from './sample.ts';

const SENTENCE = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z'`()-]{1,}){4,}/;
const SYMBOLS = /[{}();=<>_*#[\]\\|$]/g;

/** A line that reads as a sentence: several words and few code symbols. */
function isProse(line: string): boolean {
  if (!SENTENCE.test(line)) return false;
  return (line.match(SYMBOLS)?.length ?? 0) <= 0.04 * line.length;
}

function textScore(proseShare: number): number {
  return 0.3 + 0.3 * proseShare;
}

/** Scores text low by default so any specific detector that fires wins; prose raises it a little. */
export const textDetector: Detector = {
  kind: 'text',
  ceiling: 0.6,
  score(sample: Sample, floor = -Infinity): number {
    const lines = nonBlank(sample.lines);
    if (lines.length === 0) return textScore(0);
    let prose = 0;
    let other = 0;
    for (const line of lines) {
      if (isProse(line)) prose += 1;
      // Even if every line left read as prose, the score would not beat `floor`.
      else if (floor !== -Infinity && textScore((lines.length - (other += 1)) / lines.length) <= floor) return 0;
    }
    return textScore(prose / lines.length);
  },
};
