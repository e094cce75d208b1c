/**
 * The three ways the text-model bench compresses a context: the text model (the real compressor,
 * through its worker) at a rate, a seeded random keep/drop of words at the same rate under the same
 * must-keep rules and renderer, and the extractive text compressor's line selection at the share
 * that keeps as many tokens as the model kept. Each returns the text a reader would see, without the
 * marker (and, for the extractive one, without its `(... lines omitted)` notes).
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

/** One contender: the text kept of `text` at `target` (a share: of word characters, or of tokens for the extractive one), knowing `conversation`. */
export interface Contender {
  readonly name: string;
  compress(text: string, target: number, conversation: string, seed: number): string;
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
      return result === null
        ? text
        : result.text.replace(new RegExp(`\\n${MARKER_PATTERN.source}$|${MARKER_PATTERN.source}\\n$`), '');
    },
  };
}

/** Seeded random scores under the model's must-keep rules and renderer. */
export const randomContender: Contender = {
  name: 'random (seeded)',
  compress(text, rate, conversation, seed) {
    const layout = layoutWords(text);
    const random = seededRandom(seed);
    const keep = chooseKeptWords(
      {
        lengths: layout.words.map((word) => word.text.length),
        forced: mustKeepWords(layout, conversationMentions(conversation)),
        scores: layout.words.map(() => random()),
      },
      rate,
    );
    return renderKeptWords(layout, keep);
  },
};

/** The extractive compressor's line choice (BM25 on the conversation), its share bisected until the kept lines hold at most `tokenShare` of the tokens. */
export function extractiveContender(ruler: TokenRuler): Contender {
  return {
    name: 'extractive (text)',
    compress(text, tokenShare, conversation) {
      const lines = text.split('\n');
      const query = wordsOf(conversation.slice(0, 100_000));
      const budget = tokenShare * ruler.count(text);
      const render = (keep: readonly boolean[]): string => lines.filter((_, index) => keep[index] === true).join('\n');
      let best = render(selectLines(lines, query, 0).keep);
      let low = 0;
      let high = 1;
      for (let step = 0; step < 16; step += 1) {
        const share = (low + high) / 2;
        const out = render(selectLines(lines, query, share).keep);
        if (ruler.count(out) <= budget) {
          best = out;
          low = share;
        } else {
          high = share;
        }
      }
      return best;
    },
  };
}
