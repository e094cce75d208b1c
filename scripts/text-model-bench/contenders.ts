/**
 * The three ways the text-model bench compresses a context to a rate: the text model (the real
 * compressor, through its worker), the extractive text compressor's line selection at the share that
 * keeps the same characters, and a seeded random keep/drop of words under the same must-keep rules
 * and renderer as the model. Each returns the text a reader would see, without the marker.
 */
import { wordsOf } from '../../src/compressors/text/bm25.ts';
import { selectLines } from '../../src/compressors/text/text-selection.ts';
import { chooseKeptWords } from '../../src/compressors/text-model/choose-kept-words.ts';
import { conversationMentions } from '../../src/compressors/text-model/conversation-mentions.ts';
import { mustKeepWords } from '../../src/compressors/text-model/must-keep.ts';
import { renderKeptWords } from '../../src/compressors/text-model/render-kept-words.ts';
import { createTextModelCompressor } from '../../src/compressors/text-model/text-model-compressor.ts';
import { layoutWords } from '../../src/compressors/text-model/word-units.ts';
import { MARKER_PATTERN } from '../../src/store/marker.ts';
import type { TokenRuler } from '../../src/tokenize/token-ruler.ts';
import { seededRandom } from '../text-model/seeded-shuffle.ts';

/** One contender: the text kept of `text` at `rate` (share of word characters), knowing `conversation`. */
export interface Contender {
  readonly name: string;
  compress(text: string, rate: number, conversation: string, seed: number): string;
}

/** The text model at any rate: one compressor per rate, all sharing one scoring worker. */
export function textModelContender(modelDir: string, ruler: TokenRuler): Contender {
  const compressors = new Map<number, ReturnType<typeof createTextModelCompressor>>();
  return {
    name: 'text-model',
    compress(text, rate, conversation) {
      let compressor = compressors.get(rate);
      if (compressor === undefined) {
        compressor = createTextModelCompressor({ modelDir, keepRate: { balanced: rate, aggressive: rate } });
        compressors.set(rate, compressor);
      }
      const result = compressor.compress({ text, kind: 'text' }, { profile: 'balanced', ruler, conversation });
      return result === null ? text : result.text.replace(new RegExp(`\\n?${MARKER_PATTERN.source}\\n?$`), '');
    },
  };
}

/** Seeded random scores under the model's must-keep rules and renderer. */
export const randomContender: Contender = {
  name: 'random (seeded)',
  compress(text, rate, conversation, seed) {
    const layout = layoutWords(text);
    const random = seededRandom(seed);
    const keep = chooseKeptWords({
      lengths: layout.words.map((word) => word.text.length),
      forced: mustKeepWords(layout, conversationMentions(conversation)),
      scores: layout.words.map(() => random()),
    }, rate);
    return renderKeptWords(layout, keep);
  },
};

/** Characters of the lines `share` keeps, over all non-blank characters. */
function keptShare(lines: readonly string[], keep: readonly boolean[]): number {
  let kept = 0;
  let total = 0;
  lines.forEach((line, index) => {
    const length = line.trim().length;
    total += length;
    if (keep[index] === true) kept += length;
  });
  return total === 0 ? 1 : kept / total;
}

/** The extractive compressor's line choice, its share bisected until the kept characters meet the rate. */
export const extractiveContender: Contender = {
  name: 'extractive (text)',
  compress(text, rate, conversation) {
    const lines = text.split('\n');
    const query = wordsOf(conversation.slice(0, 100_000));
    let low = 0;
    let high = 1;
    let best = selectLines(lines, query, 0).keep;
    for (let step = 0; step < 20; step += 1) {
      const share = (low + high) / 2;
      const { keep } = selectLines(lines, query, share);
      if (keptShare(lines, keep) <= rate) {
        best = keep;
        low = share;
      } else {
        high = share;
      }
    }
    return lines.filter((_, index) => best[index] === true).join('\n');
  },
};
