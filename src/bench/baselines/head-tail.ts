/**
 * Baseline `head-tail`: each tool output cut to its first and last lines, the middle replaced by a
 * plain note and stored nowhere: what agents do to long outputs themselves.
 */
import { CONTENT_KINDS } from '../../types.ts';
import type { Compressor } from '../../compressors/compressor.ts';
import { wholeBlockStrategy } from './whole-block-engine.ts';

/** Lines kept at each end. */
export const HEAD_TAIL_LINES = 20;

export const headTailCompressor: Compressor = {
  name: 'head-tail',
  // Listed for every kind: a whole-block baseline serves whatever a block holds.
  kinds: CONTENT_KINDS,
  compress(input) {
    const lines = input.text.split('\n');
    if (lines.length <= HEAD_TAIL_LINES * 2 + 1) return null;
    const cut = lines.length - HEAD_TAIL_LINES * 2;
    const text = [
      ...lines.slice(0, HEAD_TAIL_LINES),
      `... (${cut} lines cut) ...`,
      ...lines.slice(-HEAD_TAIL_LINES),
    ].join('\n');
    return { text, lossy: true, dropped: [] };
  },
};

export const openHeadTail = wholeBlockStrategy(headTailCompressor);
