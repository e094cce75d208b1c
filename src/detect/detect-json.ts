/** JSON: one valid value (or a valid start of one in a sampled huge input), or JSON Lines. */
import type { Detector, Sample } from './detection.ts';
import { jsonShape } from './json-shape.ts';
import { nonBlank, shareOf } from './sample.ts';

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
    const shape = jsonShape(sample.head);
    if (shape === 'whole') return 0.97;
    // A prefix is only evidence when we cut the text ourselves; a complete text that stops short is broken.
    if (shape === 'prefix') return sample.complete ? 0.6 : 0.9;
    const lines = nonBlank(sample.lines);
    if (lines.length >= 2 && shareOf(lines, looksLikeJsonLine) >= 0.9) return 0.9;
    return 0;
  },
};
