/** HTML: a doctype or <html> root, or lines dense with well-known HTML tags. */
import type { Detector, Sample } from './detection.ts';
import { nonBlank, shareOf } from './sample.ts';
import { firstNonSpace } from './whitespace.ts';

const ROOT = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html[\s>])/i;
const HTML_TAG =
  /<\/?(?:html|head|body|div|span|p|a|ul|ol|li|table|tr|td|th|thead|tbody|script|style|meta|link|img|br|h[1-6]|section|article|nav|header|footer|form|input|button|label|select|option|pre|code|em|strong|iframe|svg|main|title)[\s>/]/i;
const LESS_THAN = 0x3c;
const MIN_SHARE = 0.4;
const TAGGED_MAX = 0.85;

/** Share of lines whose first non-space character is `<`; 0 as soon as it cannot reach MIN_SHARE. */
function openingShare(lines: readonly string[]): number {
  let hits = 0;
  let misses = 0;
  for (const line of lines) {
    if (line.charCodeAt(firstNonSpace(line)) === LESS_THAN) hits += 1;
    // Even if every line left opened with `<`, the share would stay under the bar.
    else if ((lines.length - (misses += 1)) / lines.length < MIN_SHARE) return 0;
  }
  return hits / lines.length;
}

/** Scores HTML by its root element or by how many lines carry HTML tags. */
export const htmlDetector: Detector = {
  kind: 'html',
  ceiling: 0.96,
  score(sample: Sample, floor = -Infinity): number {
    if (ROOT.test(sample.head.slice(0, 4_000))) return 0.96;
    // Without a root element the score is at most TAGGED_MAX.
    if (floor >= TAGGED_MAX) return 0;
    const lines = nonBlank(sample.lines);
    if (lines.length === 0) return 0;
    // The cheap share first: most blocks have few lines opening with `<`, and then tags never matter.
    const opening = openingShare(lines);
    if (opening < 0.4) return 0;
    const tagged = shareOf(lines, (line) => line.includes('<') && HTML_TAG.test(line));
    if (tagged < 0.4) return 0;
    return TAGGED_MAX * Math.min(1, (tagged + opening) / 1.4);
  },
};
