/** JSON: one valid value (or a valid start of one: a sampled huge input, a `head` cut), or JSON Lines. */
import type { Detector, Sample } from './detection.ts';
import { jsonShape } from './json-shape.ts';
import { scanJsonOnce } from './json-scan-memo.ts';
import { nonBlank, shareOf } from './sample.ts';

/** A cut document (`head -n 200 x.json`) is JSON once this much of it closed values; a short one may just be broken. */
const MIN_CUT_JSON_CHARS = 200;

function looksLikeJsonLine(line: string): boolean {
  const t = line.trim();
  return t.startsWith('{') && t.endsWith('}') && jsonShape(t) === 'whole';
}

/** Scores JSON by validating the sample's grammar without recursion. */
export const jsonDetector: Detector = {
  kind: 'json',
  ceiling: 0.97,
  score(sample: Sample): number {
    const head = sample.text.trimStart();
    const first = head[0];
    if (first !== '{' && first !== '[') return 0;
    const scan = scanJsonOnce(sample.head);
    if (scan.shape === 'whole') return 0.97;
    // A prefix we cut ourselves is evidence; a complete text that stops short is a cut document only when
    // a good deal of it is valid (code that opens with `[` breaks the grammar within a line or two).
    if (scan.shape === 'prefix') return !sample.complete || scan.lastValueEnd >= MIN_CUT_JSON_CHARS ? 0.9 : 0.6;
    const lines = nonBlank(sample.lines);
    if (lines.length >= 2 && shareOf(lines, looksLikeJsonLine) >= 0.9) return 0.9;
    return 0;
  },
};
