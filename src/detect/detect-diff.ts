/** Unified diffs: hunk headers plus lines that all start with a diff prefix. */
import type { Detector, Sample } from './detection.ts';

const HUNK = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/;
const FILE_HEADER =
  /^(?:diff --git |diff -|--- |\+\+\+ |index [0-9a-f]+\.\.|new file mode|deleted file mode|similarity index|rename (?:from|to) |old mode|new mode|Binary files )/;

/** Scores a diff by the share of lines that a unified diff can hold, given at least one hunk. */
export const diffDetector: Detector = {
  kind: 'diff',
  ceiling: 0.98,
  score(sample: Sample): number {
    // Every hunk header holds `@@ -`: a sample without it has no hunk, and no hunk scores 0.
    if (!sample.text.includes('@@ -')) return 0;
    let hunks = 0;
    let fitting = 0;
    let counted = 0;
    let inHunk = false;
    for (const line of sample.lines) {
      if (line.length === 0) continue;
      counted += 1;
      if (HUNK.test(line)) {
        hunks += 1;
        inHunk = true;
        fitting += 1;
        continue;
      }
      if (FILE_HEADER.test(line)) {
        inHunk = false;
        fitting += 1;
        continue;
      }
      const c = line[0];
      if (inHunk && (c === '+' || c === '-' || c === ' ' || c === '\\')) fitting += 1;
    }
    if (hunks === 0 || counted === 0) return 0;
    return 0.98 * (fitting / counted);
  },
};
