// A ten-line strategy for `terse bench --config module:examples/keep-error-lines.mjs`: keeps the lines
// of a log that mention an error, behind one marker for the rest (stored, so terse_retrieve gets it back).
import { contentRef, formatMarker } from 'terse/bench';

export const name = 'keep-error-lines';
export const version = '1.0.0';
export const compressor = {
  name: 'keep-error-lines',
  kinds: ['log', 'text'],
  compress(input) {
    const lines = input.text.split('\n');
    const kept = lines.filter((line) => /error|fail|exception|fatal/i.test(line));
    if (kept.length === lines.length) return null;
    const ref = contentRef(input.text);
    return {
      text: [...kept, formatMarker(ref, `${lines.length - kept.length} of ${lines.length} lines omitted`)].join('\n'),
      lossy: true,
      dropped: [{ ref, original: input.text }],
    };
  },
};
