/** Logs: most record lines open with a timestamp or state a severity level. */
import type { Detector, Sample } from './detection.ts';
import { isContinuation, lineSeverity, lineTimestamp } from './log-line-grammar.ts';
import { nonBlank } from './sample.ts';

const MIN_SHARE = 0.5;

/** Timestamps are the stronger cue: level words alone also occur in test output and prose. */
function logScore(share: number, stampedShare: number): number {
  return Math.min(0.96, 0.75 * share + 0.21 * stampedShare);
}

/** Scores a log by the share of record lines (continuations aside) that carry a timestamp or level. */
export const logDetector: Detector = {
  kind: 'log',
  ceiling: 0.96,
  score(sample: Sample, floor = -Infinity): number {
    const records = nonBlank(sample.lines)
      .slice(0, 1_500)
      .filter((line) => !isContinuation(line));
    if (records.length < 2) return 0;
    let stamped = 0;
    let levelled = 0;
    let bare = 0;
    const n = records.length;
    for (const line of records) {
      if (lineTimestamp(line) !== null) {
        stamped += 1;
        continue;
      }
      if (lineSeverity(line) !== null) levelled += 1;
      // Even if every record left carried a cue, the share would stay under the bar.
      else if ((n - (bare += 1)) / n < MIN_SHARE) return 0;
      // Even if every record left carried a timestamp, the score would not beat `floor`.
      if (floor !== -Infinity && logScore((n - bare) / n, (n - bare - levelled) / n) <= floor) return 0;
    }
    const share = (stamped + levelled) / n;
    if (share < MIN_SHARE) return 0;
    return logScore(share, stamped / n);
  },
};
