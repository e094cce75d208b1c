/** HTML: a doctype or <html> root, or lines dense with well-known HTML tags. */
import type { Detector, Sample } from './detection.ts';
import { nonBlank, shareOf } from './sample.ts';

const ROOT = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html[\s>])/i;
const HTML_TAG = /<\/?(?:html|head|body|div|span|p|a|ul|ol|li|table|tr|td|th|thead|tbody|script|style|meta|link|img|br|h[1-6]|section|article|nav|header|footer|form|input|button|label|select|option|pre|code|em|strong|iframe|svg|main|title)[\s>/]/i;

/** Scores HTML by its root element or by how many lines carry HTML tags. */
export const htmlDetector: Detector = {
  kind: 'html',
  ceiling: 0.96,
  score(sample: Sample): number {
    if (ROOT.test(sample.head.slice(0, 4_000))) return 0.96;
    const lines = nonBlank(sample.lines);
    if (lines.length === 0) return 0;
    // The cheap share first: most blocks have few lines opening with `<`, and then tags never matter.
    const opening = shareOf(lines, (line) => line.trimStart().startsWith('<'));
    if (opening < 0.4) return 0;
    const tagged = shareOf(lines, (line) => line.includes('<') && HTML_TAG.test(line));
    if (tagged < 0.4) return 0;
    return 0.85 * Math.min(1, (tagged + opening) / 1.4);
  },
};
