/** Baseline `drop-all`: every tool output behind one marker (stored, so `terse_retrieve` gets it back). */
import { CONTENT_KINDS } from '../../types.ts';
import type { Compressor } from '../../compressors/compressor.ts';
import { contentRef, formatMarker } from '../../store/marker.ts';
import { wholeBlockStrategy } from './whole-block-engine.ts';

/** The marker says nothing of what it holds: the size of the output, no terms, no positions. */
export const dropAllCompressor: Compressor = {
  name: 'drop-all',
  // Listed for every kind: a whole-block baseline serves whatever a block holds.
  kinds: CONTENT_KINDS,
  compress(input) {
    const ref = contentRef(input.text);
    const lines = input.text.split('\n').length;
    return {
      text: formatMarker(ref, `tool output omitted, ${lines} ${lines === 1 ? 'line' : 'lines'}`),
      lossy: true,
      dropped: [{ ref, original: input.text }],
    };
  },
};

export const openDropAll = wholeBlockStrategy(dropAllCompressor);
