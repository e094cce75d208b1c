/**
 * Baseline `toon`: every JSON tool output re-encoded with @toon-format/toon, the most-used lossless
 * JSON-for-prompts format; anything else passes. The lossless reference point beside `lossless`.
 */
import { encode } from '@toon-format/toon';
import { CONTENT_KINDS } from '../../types.ts';
import type { Compressor } from '../../compressors/compressor.ts';
import { wholeBlockStrategy } from './whole-block-engine.ts';

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** True when every number literal survives JSON.parse as the same value (no lost digits, no infinity). */
function numbersRoundTrip(text: string): boolean {
  for (const literal of text.match(NUMBER) ?? []) {
    const value = Number(literal);
    if (!Number.isFinite(value)) return false;
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(value)) return false;
  }
  return true;
}

export const toonCompressor: Compressor = {
  name: 'toon',
  // Listed for every kind: a whole-block baseline serves whatever a block holds.
  kinds: CONTENT_KINDS,
  compress(input) {
    const start = input.text.trimStart()[0];
    if (start !== '{' && start !== '[') return null;
    let value: unknown;
    try {
      value = JSON.parse(input.text);
    } catch {
      return null;
    }
    // A document JSON.parse cannot hold exactly is left as it is: TOON would print the rounded values.
    if (!numbersRoundTrip(input.text)) return null;
    return { text: encode(value), lossy: false, dropped: [] };
  },
};

export const openToon = wholeBlockStrategy(toonCompressor);
