/** Baseline `drop-all-bare`: every tool output replaced by a one-line notice; nothing is stored. */
import { CONTENT_KINDS } from '../../types.ts';
import type { Compressor } from '../../compressors/compressor.ts';
import { wholeBlockStrategy } from './whole-block-engine.ts';

/** What stands where the output was: no marker, so nothing can be retrieved. */
export const BARE_NOTICE = '(tool output removed)';

export const dropAllBareCompressor: Compressor = {
  name: 'drop-all-bare',
  // Listed for every kind: a whole-block baseline serves whatever a block holds.
  kinds: CONTENT_KINDS,
  compress: () => ({ text: BARE_NOTICE, lossy: true, dropped: [] }),
};

export const openDropAllBare = wholeBlockStrategy(dropAllBareCompressor);
