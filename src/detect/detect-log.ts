/** Logs: most record lines open with a timestamp or state a severity level. */
import type { Detector, Sample } from './detection.ts';
import { isContinuation, lineSeverity, lineTimestamp } from './log-line-grammar.ts';
import { nonBlank } from './sample.ts';

/** Scores a log by the share of record lines (continuations aside) that carry a timestamp or level. */
export const logDetector: Detector = {
  kind: 'log',
  ceiling: 0.96,
  score(sample: Sample): number {
    const lines = nonBlank(sample.lines).slice(0, 1_500);
    let records = 0;
    let stamped = 0;
    let levelled = 0;
    for (const line of lines) {
      if (isContinuation(line)) continue;
      records += 1;
      if (lineTimestamp(line) !== null) stamped += 1;
      else if (lineSeverity(line) !== null) levelled += 1;
    }
    if (records < 2) return 0;
    const share = (stamped + levelled) / records;
    if (share < 0.5) return 0;
    // Timestamps are the stronger cue: level words alone also occur in test output and prose.
    return Math.min(0.96, 0.75 * share + 0.21 * (stamped / records));
  },
};
